import { computed } from 'vue'
import { defineStore } from 'pinia'
import { recomputeCare } from '@/db/repositories/wealth/care'
import { saveContactPreferences, designateClient, getClient, lastVisitOn, reevaluateTiers, revokeDesignation, sweepTiers, tierChangeLog, unassignedVips, valueAddedContactsInYear, vipBookPage, type BookPage } from '@/db/repositories/wealth/clients'
import { balanceHistory, clientsOnFile, editBalances, importBalances, type BalanceOutcome } from '@/db/repositories/wealth/balances'
import { assignMaintainers, assignmentHistory } from '@/db/repositories/wealth/assignments'
import { activeGrants, grantAccess, grantsTo, revokeGrant } from '@/db/repositories/wealth/access'
import { loadWealthRules, saveWealthRules } from '@/db/repositories/wealth/rules'
import { listBranchStaff } from '@/db/repositories/staff'
import { branchStaffNames } from '@/db/repositories/staffNames'
import { listServicePoints } from '@/db/repositories/servicePoints'
import { appointmentsOn } from '@/db/repositories/lobby/appointments'
import type { AccessGrant, BalanceSnapshot, Client, Staff, TierChange, VipAssignment, VipTier } from '@/domain/model/records'
import type { RuleSetValidation } from '@/domain/ruleSets'
import type { WealthRules } from '@/domain/wealth/rules'
import { checkDesignation, earnedTier, vipBasis, type DesignationProblem, type VipBasis } from '@/domain/wealth/tiers'
import { checkGrant, clientAccess, isBranchHead, type ClientAccess, type GrantProblem, type Viewer } from '@/domain/wealth/access'
import { bookManagers, checkAssignment, type AssignmentProblem } from '@/domain/wealth/bookAssignment'
import { checkBalanceFile, type AcceptedRow, type BalanceFileCheck, type CellGrid } from '@/domain/wealth/balanceFile'
import { fourGuarantees, quarterBaseline, type FourGuarantees } from '@/domain/wealth/guarantees'
import { MoneyParseError, parseYuanToFen } from '@/domain/money'
import { useSessionStore } from './session'
import { useTerminalStore } from './terminal'

export type { BalanceOutcome }

export type BookFilter = 'all' | 'mine' | 'unassigned' | 'pending'

export interface BookFilters {
  filter: BookFilter
  tiers: readonly VipTier[]
  /** A particular maintainer's book (the branch head's pick), or null. */
  maintainerId: string | null
  search: string
  page: number
  pageSize: number
}

export interface ClientFile {
  client: Client
  access: ClientAccess
  basis: VipBasis
  /** The tier the balances and designation earn today (differs from the tier while a downgrade is pending). */
  earned: VipTier | null
  guarantees: FourGuarantees
  snapshots: BalanceSnapshot[]
  tierChanges: TierChange[]
  assignments: VipAssignment[]
}

/** What the lobby's greeting card says of a client's care: who looks after them and today's wealth booking. */
export interface GreetingCare {
  primary: string | null
  product: string | null
  booking: { at: number; manager: string | null; room: string | null } | null
}

export type BalanceProblem = 'savings' | 'total' | 'savings_over_total' | 'as_of' | 'no_access'
export type BalanceEditResult = { ok: true; outcome: BalanceOutcome } | { ok: false; problems: BalanceProblem[] }

/** The VIP book: tiers, balances, 分户到人 maintainers, 四包, designation, access grants and the wealth rules. */
export const useWealthBookStore = defineStore('wealthBook', () => {
  const terminal = useTerminalStore()
  const session = useSessionStore()
  const branchId = computed(() => terminal.state.branchId ?? '')
  const today = computed(() => terminal.today)
  const viewer = computed<Viewer>(() => ({ staffId: session.staff?.id ?? '', roles: session.roles }))
  const isHead = computed(() => isBranchHead(viewer.value))
  let sweptOn: string | null = null

  /** One page of the VIP book under these filters (for a live query). */
  function bookPage(filters: BookFilters): Promise<BookPage> {
    const maintainedBy = filters.filter === 'mine' ? viewer.value.staffId : filters.maintainerId
    return vipBookPage({
      branchId: branchId.value,
      tiers: filters.tiers,
      maintainedBy,
      unassigned: filters.filter === 'unassigned',
      pendingDowngrade: filters.filter === 'pending',
      search: filters.search,
      offset: filters.page * filters.pageSize,
      limit: filters.pageSize,
    })
  }

  /** VIPs with no primary maintainer (for a live query). */
  function unassigned(): Promise<Client[]> {
    return unassignedVips(branchId.value)
  }

  /** The branch's active customer and wealth managers, who may maintain a VIP. */
  async function managers(): Promise<Staff[]> {
    return bookManagers(await listBranchStaff(branchId.value), branchId.value)
  }

  /** Names of everyone of the branch, past staff included, for maintainers and approvers on record. */
  async function staffNames(): Promise<Map<string, string>> {
    return branchStaffNames(branchId.value)
  }

  /** The maintainers' names and today's wealth booking (manager and room) of a client, for the lobby's greeting card. */
  async function greetingCare(client: Client): Promise<GreetingCare> {
    const [names, bookings, points] = await Promise.all([staffNames(), appointmentsOn(branchId.value, today.value), listServicePoints(branchId.value)])
    const booking = bookings.filter((b) => b.clientId === client.id && b.zone === 'wealth_room' && b.status === 'booked').sort((a, b) => a.at - b.at)[0]
    const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null)
    return {
      primary: nameOf(client.maintainerId),
      product: nameOf(client.productMaintainerId),
      booking: booking ? { at: booking.at, manager: nameOf(booking.staffId), room: points.find((p) => p.id === booking.servicePointId)?.name ?? null } : null,
    }
  }

  /** Grants made to the signed-in person (for deciding what they see unmasked). */
  function myGrants(): Promise<AccessGrant[]> {
    return grantsTo(viewer.value.staffId)
  }

  /** What the signed-in person may see of this client, given their grants. */
  function accessTo(client: Pick<Client, 'maintainerId' | 'productMaintainerId'>, grants: readonly AccessGrant[]): ClientAccess {
    return clientAccess(viewer.value, client, grants, today.value)
  }

  /** Everything the client page shows: the client, why their tier, 四包, balances, tier log, assignments (for a live query). */
  async function clientFile(clientId: string): Promise<ClientFile | null> {
    const client = await getClient(clientId)
    if (!client) return null
    const [rules, grants, snapshots, tierChanges, assignments, visitOn, valueAdded] = await Promise.all([
      loadWealthRules(),
      myGrants(),
      balanceHistory(clientId),
      tierChangeLog(clientId),
      assignmentHistory(clientId),
      lastVisitOn(clientId),
      valueAddedContactsInYear(clientId, today.value),
    ])
    const guarantees = fourGuarantees({ today: today.value, zone: terminal.settings.timeZone, client, lastVisitOn: visitOn, quarterBaseline: quarterBaseline(snapshots, today.value), valueAddedContactsThisYear: valueAdded, activeSpanDays: rules.activeSpanDays })
    return { client, access: accessTo(client, grants), basis: vipBasis(client, today.value, rules), earned: earnedTier(client, today.value, rules), guarantees, snapshots, tierChanges, assignments }
  }

  /** Saves balances typed on the client page (yuan text) after checking them and the viewer's access. */
  async function saveBalances(client: Client, input: { savings: string; total: string; asOf: string }): Promise<BalanceEditResult> {
    const problems: BalanceProblem[] = []
    if (accessTo(client, await myGrants()) !== 'full') return { ok: false, problems: ['no_access'] }
    const read = (text: string, problem: BalanceProblem): number | null => {
      try {
        const fen = parseYuanToFen(text)
        if (fen >= 0) return fen
      } catch (err) {
        if (!(err instanceof MoneyParseError)) throw err
      }
      problems.push(problem)
      return null
    }
    const savingsFen = read(input.savings, 'savings')
    const totalAssetsFen = read(input.total, 'total')
    if (savingsFen !== null && totalAssetsFen !== null && savingsFen > totalAssetsFen) problems.push('savings_over_total')
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.asOf) || input.asOf > today.value) problems.push('as_of')
    if (problems.length > 0 || savingsFen === null || totalAssetsFen === null) return { ok: false, problems }
    const outcome = await editBalances({ clientId: client.id, savingsFen, totalAssetsFen, asOf: input.asOf }, today.value)
    await recomputeCare([client.id], today.value)
    return { ok: true, outcome }
  }

  /** Checks a balance file's cells row by row against the clients on file. */
  async function checkFile(grid: CellGrid): Promise<BalanceFileCheck> {
    return checkBalanceFile(grid, await clientsOnFile(branchId.value), today.value)
  }

  /** Applies every accepted row of a checked file in one transaction. */
  async function applyFile(rows: readonly AcceptedRow[]): Promise<BalanceOutcome> {
    const outcome = await importBalances(rows, today.value)
    await recomputeCare(outcome.tierChanges.map((c) => c.clientId), today.value)
    return outcome
  }

  /** Assigns (or reassigns) these VIPs to a primary and a product maintainer; the branch head only. */
  async function assign(clientIds: readonly string[], primaryId: string | null, productId: string | null): Promise<{ ok: true; changed: number } | { ok: false; problems: AssignmentProblem[] }> {
    const problems = checkAssignment({ primaryId, productId }, await managers())
    if (problems.length > 0 || !primaryId || !productId) return { ok: false, problems }
    if (!isHead.value) throw new Error('Only the branch head assigns maintainers')
    const changed = await assignMaintainers(clientIds, { primaryId, productId }, today.value, viewer.value.staffId)
    return { ok: true, changed: changed.length }
  }

  /** Records a client's preferred channels (preferred first) and marketing consent; refused without full access to the client. */
  async function savePreferences(client: Client, preferences: Pick<Client, 'channelPrefs' | 'marketingConsent'>): Promise<boolean> {
    if (accessTo(client, await myGrants()) !== 'full') return false
    await saveContactPreferences(client.id, preferences)
    return true
  }

  /** Grants a "supporting client" designation, approved by the signed-in branch head. */
  async function designate(clientId: string, reason: string, until: string): Promise<{ ok: true } | { ok: false; problems: DesignationProblem[] }> {
    const problems = checkDesignation({ reason, until, approverIsBranchHead: isHead.value }, today.value, await loadWealthRules())
    if (problems.length > 0) return { ok: false, problems }
    await designateClient(clientId, { reason, until, approvedBy: viewer.value.staffId }, today.value)
    await recomputeCare([clientId], today.value)
    return { ok: true }
  }

  /** Revokes a designation (the branch head only); a downgrade then waits out its grace period. */
  async function revoke(clientId: string): Promise<void> {
    if (!isHead.value) throw new Error('Only the branch head revokes a designation')
    await revokeDesignation(clientId, today.value)
    await recomputeCare([clientId], today.value)
  }

  /** The branch's grants still running (for a live query). */
  function branchGrants(): Promise<AccessGrant[]> {
    return activeGrants(branchId.value, today.value)
  }

  /** Lets one manager see another manager's book unmasked until a date; the branch head only. */
  async function grant(granteeId: string, ownerStaffId: string, until: string): Promise<{ ok: true } | { ok: false; problems: GrantProblem[] }> {
    const problems = checkGrant({ granteeId, ownerStaffId, until }, new Set((await managers()).map((m) => m.id)), today.value)
    if (problems.length > 0) return { ok: false, problems }
    if (!isHead.value) throw new Error('Only the branch head grants access')
    await grantAccess({ branchId: branchId.value, granteeId, ownerStaffId, grantedBy: viewer.value.staffId, until })
    return { ok: true }
  }

  /** Withdraws a grant before its date. */
  function withdrawGrant(id: string): Promise<void> {
    return revokeGrant(id)
  }

  /** Applies elapsed downgrades and lapsed designations; once a day per tab, when the wealth area opens. */
  async function sweep(): Promise<number> {
    if (!branchId.value || sweptOn === today.value) return 0
    sweptOn = today.value
    const changed = await sweepTiers(branchId.value, today.value)
    await recomputeCare(changed, today.value)
    return changed.length
  }

  /** The wealth rules now in force. */
  function loadRules(): Promise<WealthRules> {
    return loadWealthRules()
  }

  /** Saves edited wealth rules as the next version; the problems instead when invalid. */
  function saveRules(candidate: WealthRules): Promise<RuleSetValidation<WealthRules>> {
    return saveWealthRules(candidate)
  }

  /** Re-evaluates every client's tier under the rules now saved; returns how many changed. */
  async function reevaluate(): Promise<number> {
    const changed = await reevaluateTiers(branchId.value, today.value)
    await recomputeCare(changed, today.value)
    return changed.length
  }

  return { viewer, isHead, today, bookPage, unassigned, managers, staffNames, greetingCare, myGrants, accessTo, clientFile, saveBalances, savePreferences, checkFile, applyFile, assign, designate, revoke, branchGrants, grant, withdrawGrant, sweep, loadRules, saveRules, reevaluate }
})
