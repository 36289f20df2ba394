/**
 * The outlet's quarter standings as the region sees them (issue 9). Each branch terminal publishes
 * its outlet's current and previous quarter to the regional database (a record per outlet and
 * quarter, the same id on every terminal), rewritten only when its content changed, and never once
 * it carries the quarter's close; the region's rankings read the other outlets from these records.
 */
import type { OutletStandings } from '@/domain/model/records'
import { closedPublishedStandings, outletStandingsId, publishedStandings, type PublishedOutlet, type QuarterTotals } from '@/domain/counter/outletStandings'
import type { StandingStaff } from '@/domain/counter/standings'
import { previousQuarter, quarterOf, type QuarterKey } from '@/domain/quarters'
import { sameValue } from '@/domain/sync/merge'
import type { BusinessDate } from '@/domain/time'
import { database } from '../../connection'
import { writeRecords, type RecordWriter } from '../../write'
import { quarterClosureOf, quarterTotalsKept } from './ledger'

/** Tables a transaction that publishes the outlet's standings must hold. */
export const PUBLISH_TABLES = ['outletStandings', 'quarterClosures', 'staff', 'branches', 'pointTotals'] as const

/** The outlet's own staff (the ranked ones among them are published). */
export async function outletStaff(branchId: string): Promise<StandingStaff[]> {
  return (await database().records('staff').where('branchId').equals(branchId).toArray()).filter((s) => s.deleted === 0)
}

/** Every person's kept totals of a quarter, by staff id. */
export async function keptTotalsOf(quarter: QuarterKey): Promise<Map<string, QuarterTotals>> {
  return new Map((await quarterTotalsKept(quarter)).map((t) => [t.staffId, t]))
}

/** The quarter as the outlets published it (the home outlet's own record among them, if any). */
export async function publishedOutlets(quarter: QuarterKey): Promise<PublishedOutlet[]> {
  return (await database().records('outletStandings').where('quarter').equals(quarter).toArray()).filter((o) => o.deleted === 0)
}

type Publication = Pick<OutletStandings, 'id' | 'closedAt' | 'people'> & { stored: OutletStandings | undefined }

/** What the outlet's record of a quarter should hold now, or null when the stored one already does (or is closed). */
async function publicationDue(branchId: string, quarter: QuarterKey): Promise<Publication | null> {
  const id = outletStandingsId(branchId, quarter)
  const stored = await database().records('outletStandings').get(id)
  if (stored && stored.closedAt !== null) return null
  const [closure, totals] = await Promise.all([quarterClosureOf(branchId, quarter), keptTotalsOf(quarter)])
  const due = closure?.closedAt
    ? { id, stored, closedAt: closure.closedAt, people: closedPublishedStandings(branchId, closure.standings, totals) }
    : { id, stored, closedAt: null, people: publishedStandings(branchId, await outletStaff(branchId), totals) }
  return stored && stored.closedAt === due.closedAt && sameValue(stored.people, due.people) ? null : due
}

/**
 * Writes the outlet's record of a quarter if its content changed (inside the caller's transaction,
 * which holds PUBLISH_TABLES); true when it wrote. A demo outlet's record is a demo record too, so it
 * never leaves the terminal.
 */
export async function publishQuarter(w: RecordWriter, branchId: string, quarter: QuarterKey): Promise<boolean> {
  const due = await publicationDue(branchId, quarter)
  if (!due) return false
  const { id, stored, closedAt, people } = due
  if (stored) {
    await w.update('outletStandings', id, { closedAt, people })
  } else {
    const demo = (await database().records('branches').get(branchId))?.demo === 1
    await w.insert('outletStandings', { id, branchId, quarter, closedAt, people, ...(demo ? { demo: 1 as const } : {}) })
  }
  return true
}

/**
 * Publishes the outlet's current quarter and the one before (which may have closed since) where
 * their content changed; returns how many records it wrote. Nothing changed, nothing is written: no
 * transaction, no outbox entry.
 */
export async function publishOutletStandings(branchId: string, today: BusinessDate): Promise<number> {
  const current = quarterOf(today)
  const quarters = [current, previousQuarter(current)]
  const due = await database().transaction('r', [...PUBLISH_TABLES], () => Promise.all(quarters.map((q) => publicationDue(branchId, q))))
  if (due.every((d) => d === null)) return 0
  return writeRecords([...PUBLISH_TABLES], async (w) => {
    let written = 0
    for (const quarter of quarters) if (await publishQuarter(w, branchId, quarter)) written++
    return written
  })
}
