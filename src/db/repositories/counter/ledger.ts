/**
 * The product-points ledger: entries are only ever appended, each with the per-person quarter totals
 * it changes updated in the same transaction (the local `pointTotals` table), so rankings never scan
 * the offers. A quarter its outlet has closed takes no entry. `rebuildPointTotals` recomputes every
 * total from the ledger (after a restore, a demo load or wipe, or a verification that found drift).
 */
import type { PointEntry, QuarterClosure } from '@/domain/model/records'
import { refuseEntry, type LedgerEntry } from '@/domain/counter/ledger'
import { applyTotalsDelta, pointTotalsFrom, totalsDeltas } from '@/domain/counter/totals'
import { database } from '../../connection'
import type { PointTotal } from '../../schema'
import type { RecordWriter } from '../../write'
import { quarterOf, type QuarterKey } from '@/domain/quarters'

/** Tables a transaction that appends to the ledger must hold. */
export const LEDGER_TABLES = ['pointEntries', 'pointTotals', 'quarterClosures'] as const

export type CounterRefusalKind =
  | 'unsuitable'
  | 'recorded_sale'
  | 'decline_reason'
  | 'follow_up_day'
  | 'follow_up_owner'
  | 'referral_target'
  | 'unknown_product'
  | 'quarter_closed'
  | 'reason_required'
  | 'not_whole_points'
  | 'sale_not_open'
  | 'referral_closed'
  | 'follow_up_closed'
  | 'quarter_not_over'
  | 'quarter_not_verified'
  | 'changed_since_verified'
  | 'already_closed'

/** A counter rule refused the change; nothing was written. */
export class CounterRefusedError extends Error {
  constructor(
    readonly kind: CounterRefusalKind,
    readonly detail: { productCode?: string; quarter?: string; reason?: string; missing?: string[] } = {},
  ) {
    super(`Refused: ${kind} ${JSON.stringify(detail)}`)
    this.name = 'CounterRefusedError'
  }
}

/** An outlet's closure of a quarter, if verified or closed. */
export async function quarterClosureOf(branchId: string, quarter: QuarterKey): Promise<QuarterClosure | null> {
  const rows = await database().records('quarterClosures').where('[branchId+quarter]').equals([branchId, quarter]).toArray()
  return rows.find((c) => c.deleted === 0) ?? null
}

/** The quarters an outlet has closed. */
export async function closedQuarters(branchId: string): Promise<Set<QuarterKey>> {
  const closures = await database().records('quarterClosures').where('[branchId+quarter]').between([branchId, ''], [branchId, '\uffff']).toArray()
  return new Set(closures.filter((c) => c.closedAt !== null && c.deleted === 0).map((c) => c.quarter as QuarterKey))
}

/** What an entry adds to: who, where and when, beyond the domain's entry. */
export interface EntryContext {
  branchId: string
  at: number
  byStaffId: string | null
  productCode: string | null
}

/**
 * Appends entries (inside the caller's transaction, which holds LEDGER_TABLES): refused whole if any
 * falls in a closed quarter, and each entry's change to the kept totals written with it.
 */
export async function appendLedger(w: RecordWriter, entries: readonly LedgerEntry[], context: EntryContext): Promise<PointEntry[]> {
  const closed = await closedQuarters(context.branchId)
  for (const entry of entries) {
    const refusal = refuseEntry(entry, closed)
    if (refusal) throw new CounterRefusedError(refusal, { quarter: quarterOf(entry.businessDate) })
  }
  const written: PointEntry[] = []
  for (const entry of entries) {
    // Only the entry's own fields: confirmations and reversals are built from stored rows.
    const { staffId, kind, points, businessDate, saleId, share, reason } = entry
    const row = await w.insert('pointEntries', { staffId, kind, points, businessDate, saleId, share, reason, ...context, quarter: quarterOf(businessDate) })
    await keepTotalsFor(row)
    written.push(row)
  }
  return written
}

/**
 * Adds a stored ledger entry (written here or arrived from the hub) to the kept totals, given the
 * sale's other entries (inside a transaction holding pointEntries and pointTotals).
 */
export async function keepTotalsFor(row: PointEntry): Promise<void> {
  const saleSoFar = row.saleId === null ? [] : (await database().records('pointEntries').where('saleId').equals(row.saleId).toArray()).filter((e) => e.id !== row.id)
  for (const change of totalsDeltas(row, saleSoFar)) {
    const kept = await database().pointTotals.get([change.staffId, change.quarter])
    await database().pointTotals.put(applyTotalsDelta(kept, change))
  }
}

/** A sale's entries so far, as the domain's ledger functions take them. */
export async function saleLedger(saleId: string): Promise<PointEntry[]> {
  return database().records('pointEntries').where('saleId').equals(saleId).toArray()
}

/** Recomputes every kept total from the ledger (inside a transaction holding pointEntries and pointTotals). */
export async function rebuildPointTotals(): Promise<number> {
  const entries = (await database().records('pointEntries').toArray()).filter((e) => e.deleted === 0)
  const totals: PointTotal[] = pointTotalsFrom(entries)
  await database().pointTotals.clear()
  await database().pointTotals.bulkPut(totals)
  return totals.length
}

/** The kept totals of one quarter (every person of the region the terminal holds). */
export async function quarterTotalsKept(quarter: QuarterKey): Promise<PointTotal[]> {
  return database().pointTotals.where('quarter').equals(quarter).toArray()
}

/** One person's ledger lines in a quarter, newest first. */
export async function personLedger(staffId: string, quarter: QuarterKey): Promise<PointEntry[]> {
  const rows = await database().records('pointEntries').where('[staffId+quarter]').equals([staffId, quarter]).toArray()
  return rows.filter((e) => e.deleted === 0).sort((a, b) => b.at - a.at)
}
