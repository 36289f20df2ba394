/**
 * Per-person quarter totals of the points ledger, kept for speed: each new entry changes them by
 * `totalsDeltas` in the same transaction that writes it, and `pointTotalsFrom` recomputes them from
 * the whole ledger (after a restore, a sync, or to verify a quarter before it is closed). Both give
 * the same figures as `quarterTotals` in ledger.ts:
 *
 * - provisional: points of the person's sales in the quarter not yet confirmed or reversed;
 * - final: confirmations, reversals of confirmed sales and adjustments counted in the quarter;
 * - accepted: sales made in the quarter as the seller, less those reversed;
 * - lastSaleAt: the time of the person's last sale in the quarter (reversed ones included), for the
 *   ranking's tie-break.
 */
import type { PointEntry } from '../model/records'
import type { QuarterKey } from '../quarters'

export type TotalsEntry = Pick<PointEntry, 'staffId' | 'branchId' | 'kind' | 'points' | 'quarter' | 'saleId' | 'share' | 'at'>

export interface PersonQuarterTotals {
  staffId: string
  quarter: string
  branchId: string
  provisional: number
  final: number
  accepted: number
  lastSaleAt: number | null
}

/** A change to one person's totals in one quarter. */
export interface TotalsDelta {
  staffId: string
  quarter: string
  branchId: string
  provisional: number
  final: number
  accepted: number
  /** A sale's time to fold into lastSaleAt, or null. */
  saleAt: number | null
}

function delta(entry: Pick<TotalsEntry, 'staffId' | 'branchId' | 'quarter'>, change: Partial<Pick<TotalsDelta, 'provisional' | 'final' | 'accepted' | 'saleAt'>>): TotalsDelta {
  return { staffId: entry.staffId, quarter: entry.quarter, branchId: entry.branchId, provisional: 0, final: 0, accepted: 0, saleAt: null, ...change }
}

/** What one new entry changes, given the entries its sale already has in the ledger. */
export function totalsDeltas(entry: TotalsEntry, saleSoFar: readonly TotalsEntry[]): TotalsDelta[] {
  if (entry.kind === 'adjustment') return [delta(entry, { final: entry.points })]
  if (entry.kind === 'provisional') return [delta(entry, { provisional: entry.points, accepted: entry.share === 'seller' ? 1 : 0, saleAt: entry.share === 'seller' ? entry.at : null })]
  const provisional = saleSoFar.find((e) => e.kind === 'provisional' && e.staffId === entry.staffId && e.share === entry.share)
  const wasFinal = saleSoFar.some((e) => e.kind === 'final')
  const deltas: TotalsDelta[] = []
  if (entry.kind === 'final') {
    deltas.push(delta(entry, { final: entry.points }))
    if (provisional) deltas.push(delta(provisional, { provisional: -provisional.points }))
    return deltas
  }
  // A reversal: of a confirmed sale, a negative final in its own quarter; of a pending one, the
  // pending points leave. Either way the seller's sale no longer counts as accepted.
  if (wasFinal) deltas.push(delta(entry, { final: entry.points }))
  if (provisional) deltas.push(delta(provisional, { provisional: wasFinal ? 0 : -provisional.points, accepted: entry.share === 'seller' ? -1 : 0 }))
  return deltas
}

/** Adds a delta to a person's totals (a fresh row when there is none). */
export function applyTotalsDelta(totals: PersonQuarterTotals | undefined, change: TotalsDelta): PersonQuarterTotals {
  const base = totals ?? { staffId: change.staffId, quarter: change.quarter, branchId: change.branchId, provisional: 0, final: 0, accepted: 0, lastSaleAt: null }
  const lastSaleAt = change.saleAt === null ? base.lastSaleAt : Math.max(base.lastSaleAt ?? change.saleAt, change.saleAt)
  return { ...base, provisional: base.provisional + change.provisional, final: base.final + change.final, accepted: base.accepted + change.accepted, lastSaleAt }
}

/** Every person's totals in every quarter, recomputed from the whole ledger. */
export function pointTotalsFrom(entries: readonly TotalsEntry[]): PersonQuarterTotals[] {
  const bySale = new Map<string, TotalsEntry[]>()
  for (const e of entries) if (e.saleId !== null) bySale.set(e.saleId, [...(bySale.get(e.saleId) ?? []), e])
  const totals = new Map<string, PersonQuarterTotals>()
  const add = (change: TotalsDelta) => {
    const key = `${change.staffId}|${change.quarter}`
    totals.set(key, applyTotalsDelta(totals.get(key), change))
  }
  for (const e of entries) {
    const sale = e.saleId === null ? [] : (bySale.get(e.saleId) ?? [])
    const final = sale.some((s) => s.kind === 'final')
    const reversed = sale.some((s) => s.kind === 'reversal')
    if (e.kind === 'provisional') {
      const seller = e.share === 'seller'
      add(delta(e, { provisional: final || reversed ? 0 : e.points, accepted: seller && !reversed ? 1 : 0, saleAt: seller ? e.at : null }))
    } else if (e.kind === 'reversal') {
      if (final) add(delta(e, { final: e.points }))
    } else {
      add(delta(e, { final: e.points }))
    }
  }
  return [...totals.values()]
}

/** One quarter's rows of `pointTotalsFrom`, by person. */
export function quarterRows(totals: readonly PersonQuarterTotals[], quarter: QuarterKey): Map<string, PersonQuarterTotals> {
  return new Map(totals.filter((t) => t.quarter === quarter).map((t) => [t.staffId, t]))
}

/** People whose kept totals differ from the ledger's: what a quarter's verification reports. */
export function totalsMismatches(kept: readonly PersonQuarterTotals[], fromLedger: readonly PersonQuarterTotals[]): { staffId: string; kept: PersonQuarterTotals | null; ledger: PersonQuarterTotals | null }[] {
  const keptBy = new Map(kept.map((t) => [t.staffId, t]))
  const ledgerBy = new Map(fromLedger.map((t) => [t.staffId, t]))
  const same = (a: PersonQuarterTotals | undefined, b: PersonQuarterTotals | undefined) =>
    (a?.provisional ?? 0) === (b?.provisional ?? 0) && (a?.final ?? 0) === (b?.final ?? 0) && (a?.accepted ?? 0) === (b?.accepted ?? 0)
  return [...new Set([...keptBy.keys(), ...ledgerBy.keys()])]
    .filter((staffId) => !same(keptBy.get(staffId), ledgerBy.get(staffId)))
    .sort()
    .map((staffId) => ({ staffId, kept: keptBy.get(staffId) ?? null, ledger: ledgerBy.get(staffId) ?? null }))
}
