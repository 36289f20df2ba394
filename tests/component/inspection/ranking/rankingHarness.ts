/**
 * Mounts a plans or rankings screen as the inspection area runs it: the area prepared first (score
 * sheet, rules, the region's outlets and people), then the screen. Visits are made through the
 * repositories, as the inspectors' tablets would have left them.
 */
import { defineComponent, h, type Component } from 'vue'
import { vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mountWithApp, type Mounted } from '../../../support/mount'
import { allPassed, picture, type InspectionBranch } from '../../../support/inspectionSeed'
import { useInspectionStore } from '@/stores/inspection'
import { saveDraft, startInspection, submitInspection } from '@/db/repositories/inspection/visits'
import type { Inspection, Staff } from '@/domain/model/records'

function prepared(view: Component): Component {
  return defineComponent({
    name: 'PreparedInspection',
    setup() {
      const inspection = useInspectionStore()
      void inspection.prepare()
      return () => (inspection.prepared ? h(view) : null)
    },
  })
}

/** The screen signed in as `staff`; resolves once `ready` is shown. */
export async function mountPrepared(view: Component, staff: Staff, ready: string): Promise<Mounted> {
  const mounted = await mountWithApp(prepared(view), { staff })
  await vi.waitFor(() => {
    if (!mounted.wrapper.find(`[data-testid="${ready}"]`).exists()) throw new Error(`${ready} not shown`)
  })
  await flushPromises()
  return mounted
}

/** A submitted visit by the seed's inspector on `date`, losing `lost` points on C4 (1 a time). */
export async function submittedVisit(b: InspectionBranch, branchId: string, date: string, lost = 0): Promise<Inspection> {
  const visit = await startInspection({ templateId: b.template.id, branchId, inspectorId: b.inspector.id, date, kind: 'on_site', observedWindows: [], observedStaffNos: [], context: { traffic: null, openCounters: null, team: [], accompaniedBy: '' } })
  const answers = allPassed(b.template)
  if (lost > 0) answers.C4 = { kind: 'deduct', occurrences: Array.from({ length: lost }, () => ({ staffNo: null, note: '玩手机', photoIds: [] })), fixedOnSpot: false, note: '' }
  await saveDraft(visit.id, answers, [])
  return submitInspection(visit.id, { image: picture('signature'), name: '蒋平', staffId: b.inspector.id }, date)
}

/** Text of the element with the testid, or throws. */
export function textOf(mounted: Mounted, testid: string): string {
  return mounted.wrapper.get(`[data-testid="${testid}"]`).text()
}

/** Element-plus dialogs and drawers render into document.body. */
export function inBody(testid: string): HTMLElement | null {
  return document.body.querySelector<HTMLElement>(`[data-testid="${testid}"]`)
}
