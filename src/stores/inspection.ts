import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { ensureDefaultTemplate } from '@/db/repositories/inspection/templates'
import { loadInspectionRules } from '@/db/repositories/inspection/rules'
import { listRegionBranches } from '@/db/repositories/branches'
import { listRegionStaff } from '@/db/repositories/staff'
import { fullName } from '@/domain/clients/names'
import type { Branch, InspectionTemplate, Staff } from '@/domain/model/records'
import type { InspectionRules } from '@/domain/inspection/rules'
import { halfMonthOf, type HalfMonthKey } from '@/domain/inspection/plans'
import { quarterOf, type QuarterKey } from '@/domain/quarters'
import { i18n } from '@/i18n'
import { useTerminalStore } from './terminal'
import { useSessionStore } from './session'

/**
 * What every inspection screen shares: the active score sheet (the default one is shipped the
 * first time the area opens), the rules, the region's outlets and people by id and staff number,
 * and the current half month and quarter. Each section has its own store for the rest.
 */
export const useInspectionStore = defineStore('inspection', () => {
  const terminal = useTerminalStore()
  const session = useSessionStore()
  const prepared = ref(false)
  const template = shallowRef<InspectionTemplate | null>(null)
  const rules = shallowRef<InspectionRules | null>(null)
  const branches = shallowRef<Branch[]>([])
  const staff = shallowRef<Staff[]>([])

  const branchById = computed(() => new Map(branches.value.map((b) => [b.id, b])))
  const staffById = computed(() => new Map(staff.value.map((s) => [s.id, s])))
  const staffByNo = computed(() => new Map(staff.value.map((s) => [s.staffNo, s])))
  const halfMonth = computed<HalfMonthKey>(() => halfMonthOf(terminal.today))
  const quarter = computed<QuarterKey>(() => quarterOf(terminal.today))
  /** The signed-in person inspects (rather than heads the branch being inspected). */
  const isInspector = computed(() => session.staff?.roles.includes('inspector') ?? false)
  const inspectors = computed(() => staff.value.filter((s) => s.active === 1 && s.roles.includes('inspector')))

  /** Ships the default score sheet if none exists, then reads the sheet, the rules, the outlets and the people. */
  async function prepare(): Promise<void> {
    await ensureDefaultTemplate()
    await refresh()
    prepared.value = true
  }

  /** Re-reads the sheet, the rules, the outlets and the people (after an edit or an import). */
  async function refresh(): Promise<void> {
    // An inspector's tablet has a region but no branch of its own.
    const regionCode = terminal.state.region?.code ?? terminal.branch?.regionCode
    const [sheet, loadedRules, outlets, people] = await Promise.all([ensureDefaultTemplate(), loadInspectionRules(), regionCode ? listRegionBranches(regionCode) : Promise.resolve([]), listRegionStaff()])
    template.value = sheet
    rules.value = loadedRules
    branches.value = outlets
    staff.value = people
  }

  /** An outlet's name, its id when the terminal does not hold it. */
  const branchName = (id: string) => branchById.value.get(id)?.name ?? id
  /** A person's name by id, with a dash for nobody. */
  const staffName = (id: string | null) => {
    if (id === null) return '—'
    const s = staffById.value.get(id)
    return s ? fullName(s) : id
  }
  /** A person's name and number by staff number (deductions and actions name people by 工号). */
  const staffNoName = (staffNo: string | null) => {
    if (!staffNo) return '—'
    const s = staffByNo.value.get(staffNo)
    return s ? i18n.global.t('inspection.staffWithNo', { name: fullName(s), no: staffNo }) : staffNo
  }

  return { prepared, template, rules, branches, staff, branchById, staffById, staffByNo, halfMonth, quarter, isInspector, inspectors, prepare, refresh, branchName, staffName, staffNoName }
})
