/**
 * Quarter standings, adjustments and the quarter's close. Standings rank the region: the home
 * outlet's people from its kept per-person totals and staff (never the offers), every other outlet's
 * as it published them (outletStandings.ts); a closed quarter answers with the standings it was closed
 * with. Closing takes two steps by the branch head: verify (the kept totals are recomputed from the
 * ledger; any drift is reported and corrected), then close (refused if anything was written to the
 * quarter since the verification), which publishes the closed standings to the region in the same
 * transaction; after that the ledger refuses entries dated into the quarter.
 */
import type { ClosedStanding, PointEntry, QuarterClosure } from '@/domain/model/records'
import { regionEntrants } from '@/domain/counter/outletStandings'
import { bottomFiveByRole, closedStandings, quarterStandings, type RoleRanking } from '@/domain/counter/standings'
import { bandStanding, type BandStanding } from '@/domain/counter/payBands'
import { pointTotalsFrom, quarterRows, totalsMismatches, type PersonQuarterTotals } from '@/domain/counter/totals'
import type { CounterRules } from '@/domain/counter/rules'
import type { BusinessDate } from '@/domain/time'
import { database } from '../../connection'
import { now, writeRecords } from '../../write'
import { appendLedger, CounterRefusedError, LEDGER_TABLES, quarterClosureOf, quarterTotalsKept } from './ledger'
import { keptTotalsOf, outletStaff, publishedOutlets, publishQuarter, PUBLISH_TABLES } from './outletStandings'
import { loadCounterRules } from './rules'
import { previousQuarter, quarterOf, type QuarterKey } from '@/domain/quarters'

export interface QuarterStandings {
  quarter: QuarterKey
  /** The home outlet's closure of the quarter, if verified or closed. */
  closure: QuarterClosure | null
  /** Live standings, or those kept when the quarter was closed. */
  rankings: { role: ClosedStanding['role']; standings: (ClosedStanding & { standing: BandStanding | null })[] }[]
}

/** The quarter's rankings as they stand: the home outlet live, the other outlets as published. */
async function liveRankings(branchId: string, quarter: QuarterKey, previousBottomFive: ReadonlyMap<string, ReadonlySet<string>>, rules: CounterRules): Promise<RoleRanking[]> {
  const [staff, totals, published] = await Promise.all([outletStaff(branchId), keptTotalsOf(quarter), publishedOutlets(quarter)])
  return quarterStandings({ ...regionEntrants({ branchId, staff, totals }, published), previousBottomFive, rules })
}

/** Last quarter's bottom five by role: as kept at its close, else as its totals stand now. */
async function previousBottomFive(branchId: string, quarter: QuarterKey, rules: CounterRules): Promise<Map<string, Set<string>>> {
  const previous = previousQuarter(quarter)
  const closure = await quarterClosureOf(branchId, previous)
  if (closure?.closedAt) return bottomFiveByRole(closure.standings)
  return bottomFiveByRole(closedStandings(await liveRankings(branchId, previous, new Map(), rules)))
}

/** The quarter's rankings by role across the region, with each person's pay band. */
export async function standingsFor(branchId: string, quarter: QuarterKey): Promise<QuarterStandings> {
  const closure = await quarterClosureOf(branchId, quarter)
  if (closure?.closedAt) return { quarter, closure, rankings: groupByRole(closure.standings.map((s) => ({ ...s, standing: null }))) }
  const rules = await loadCounterRules()
  const rankings = await liveRankings(branchId, quarter, await previousBottomFive(branchId, quarter, rules), rules)
  const kept = closedStandings(rankings)
  const bands = new Map<string, BandStanding>(rankings.flatMap((r) => r.standings.map((s) => [`${r.role}|${s.staffId}`, s.standing] as const)))
  return { quarter, closure, rankings: groupByRole(kept.map((s) => ({ ...s, standing: bands.get(`${s.role}|${s.staffId}`) ?? null }))) }
}

function groupByRole<T extends ClosedStanding>(rows: readonly T[]): { role: ClosedStanding['role']; standings: T[] }[] {
  const roles = [...new Set(rows.map((r) => r.role))]
  return roles.map((role) => ({ role, standings: rows.filter((r) => r.role === role).sort((a, b) => a.rank - b.rank) }))
}

export interface PersonQuarter {
  totals: Pick<PersonQuarterTotals, 'provisional' | 'final' | 'accepted'>
  standing: BandStanding
}

/** One person's points in a quarter and where they stand in the pay bands. */
export async function personQuarter(staffId: string, quarter: QuarterKey): Promise<PersonQuarter> {
  const [kept, rules] = await Promise.all([database().pointTotals.get([staffId, quarter]), loadCounterRules()])
  const totals = { provisional: kept?.provisional ?? 0, final: kept?.final ?? 0, accepted: kept?.accepted ?? 0 }
  return { totals, standing: bandStanding(totals.final, rules) }
}

export interface Adjustment {
  branchId: string
  staffId: string
  points: number
  reason: string
  today: BusinessDate
  byStaffId: string
}

/** A signed correction with its reason, counted in the current quarter (never an edit of a closed one). */
export async function addAdjustment(input: Adjustment): Promise<PointEntry> {
  return writeRecords([...LEDGER_TABLES], async (w) => {
    const [entry] = await appendLedger(w, [{ staffId: input.staffId, kind: 'adjustment', points: input.points, businessDate: input.today, saleId: null, share: null, reason: input.reason.trim() }], { branchId: input.branchId, at: now(), byStaffId: input.byStaffId, productCode: null })
    await w.audit('points.adjust', 'pointEntries', entry!.id, null, entry)
    return entry!
  })
}

export interface Verification {
  closure: QuarterClosure
  /** People whose kept totals differed from the ledger (now corrected). */
  corrected: { staffId: string; kept: PersonQuarterTotals | null; ledger: PersonQuarterTotals | null }[]
}

function assertQuarterOver(quarter: QuarterKey, today: BusinessDate): void {
  if (quarter >= quarterOf(today)) throw new CounterRefusedError('quarter_not_over', { quarter })
}

/** Recomputes the quarter's totals from the ledger, corrects any drift and records the verification. */
export async function verifyQuarter(branchId: string, quarter: QuarterKey, today: BusinessDate, byStaffId: string): Promise<Verification> {
  assertQuarterOver(quarter, today)
  return writeRecords([...LEDGER_TABLES], async (w) => {
    const existing = await quarterClosureOf(branchId, quarter)
    if (existing?.closedAt) throw new CounterRefusedError('already_closed', { quarter })
    const ledger = (await database().records('pointEntries').toArray()).filter((e) => e.deleted === 0)
    const fromLedger = [...quarterRows(pointTotalsFrom(ledger), quarter).values()]
    const corrected = totalsMismatches(await quarterTotalsKept(quarter), fromLedger)
    for (const m of corrected) {
      if (m.ledger) await database().pointTotals.put(m.ledger)
      else await database().pointTotals.delete([m.staffId, quarter])
    }
    const stamp = { verifiedAt: now(), verifiedBy: byStaffId }
    const closure = existing
      ? await w.update('quarterClosures', existing.id, stamp, { action: 'points.verifyQuarter' })
      : await w.insert('quarterClosures', { branchId, quarter, ...stamp, closedAt: null, closedBy: null, standings: [] }, { action: 'points.verifyQuarter' })
    return { closure, corrected }
  })
}

/** Closes a verified quarter, keeping its standings as they are; refused if the ledger moved since. */
export async function closeQuarter(branchId: string, quarter: QuarterKey, today: BusinessDate, byStaffId: string): Promise<QuarterClosure> {
  assertQuarterOver(quarter, today)
  const standings = await standingsFor(branchId, quarter)
  return writeRecords([...LEDGER_TABLES, ...PUBLISH_TABLES], async (w) => {
    const closure = await quarterClosureOf(branchId, quarter)
    if (closure?.closedAt) throw new CounterRefusedError('already_closed', { quarter })
    if (!closure?.verifiedAt) throw new CounterRefusedError('quarter_not_verified', { quarter })
    const verifiedAt = closure.verifiedAt
    const since = await database().records('pointEntries').where('quarter').equals(quarter).filter((e) => e.createdAt > verifiedAt).count()
    if (since > 0) throw new CounterRefusedError('changed_since_verified', { quarter })
    const kept = standings.rankings.flatMap((r) => r.standings.map(({ standing: _standing, ...s }) => s))
    const closed = await w.update('quarterClosures', closure.id, { closedAt: now(), closedBy: byStaffId, standings: kept }, { action: 'points.closeQuarter' })
    await publishQuarter(w, branchId, quarter)
    return closed
  })
}

/** The outlet's verified or closed quarters, newest first. */
export async function quarterClosures(branchId: string): Promise<QuarterClosure[]> {
  const rows = await database().records('quarterClosures').where('[branchId+quarter]').between([branchId, ''], [branchId, '\uffff']).toArray()
  return rows.filter((c) => c.deleted === 0).sort((a, b) => b.quarter.localeCompare(a.quarter))
}
