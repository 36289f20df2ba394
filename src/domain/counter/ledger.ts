/**
 * The product-points ledger: append-only, never edited.
 *
 * - `provisional`: an accepted product earns its points at once, pending confirmation.
 * - `final`: the product was opened/activated; its points count in the quarter of the confirmation
 *   (so a closed quarter's figures never move) and the sale is no longer pending.
 * - `reversal`: a sale cancelled within the clawback window (counted in days from the sale, the last
 *   day included) loses its points — still pending, they leave the pending figure; already final,
 *   a negative final entry in the quarter of the cancellation. Outside the window nothing is reversed.
 * - `adjustment`: a signed correction with a reason, counted as final in its own quarter.
 *
 * A closed quarter is locked: it accepts no entry dated into it. A correction for it is an
 * adjustment with a reason dated into an open quarter.
 *
 * Referrals: the referrer gets `referralSharePercent` of a sale's points rounded down to whole
 * points; the seller gets the rest, so the two always add up to the sale's points exactly.
 */
import { daysBetween, type BusinessDate } from '../time'
import { quarterOf, type QuarterKey } from '../quarters'

export const LEDGER_KINDS = ['provisional', 'final', 'reversal', 'adjustment'] as const
export type LedgerKind = (typeof LEDGER_KINDS)[number]
export type SaleShare = 'seller' | 'referrer'

export interface LedgerEntry {
  staffId: string
  kind: LedgerKind
  /** Whole points: positive for provisional and final, negative for a reversal, either for an adjustment. */
  points: number
  businessDate: BusinessDate
  /** The sale (accepted offer) the entry belongs to; null for an adjustment. */
  saleId: string | null
  share: SaleShare | null
  /** The adjustment's reason; empty otherwise. */
  reason: string
}

export interface Sale {
  saleId: string
  sellerId: string
  referrerId: string | null
  points: number
  businessDate: BusinessDate
}

/** Seller and referrer shares of a sale's points: the referrer's rounded down, the seller's the rest. */
export function splitReferral(points: number, referralSharePercent: number, hasReferrer: boolean): { seller: number; referrer: number } {
  const referrer = hasReferrer ? Math.floor((points * referralSharePercent) / 100) : 0
  return { seller: points - referrer, referrer }
}

/** The provisional entries of a newly accepted sale: the seller's, and the referrer's share if any. */
export function saleEntries(sale: Sale, referralSharePercent: number): LedgerEntry[] {
  const split = splitReferral(sale.points, referralSharePercent, sale.referrerId !== null)
  const entry = (staffId: string, share: SaleShare, points: number): LedgerEntry => ({ staffId, kind: 'provisional', points, businessDate: sale.businessDate, saleId: sale.saleId, share, reason: '' })
  const entries = [entry(sale.sellerId, 'seller', split.seller)]
  if (sale.referrerId !== null) entries.push(entry(sale.referrerId, 'referrer', split.referrer))
  return entries
}

interface SaleState {
  provisional: LedgerEntry[]
  final: boolean
  reversed: boolean
}

function saleState(entries: readonly LedgerEntry[], saleId: string): SaleState {
  const own = entries.filter((e) => e.saleId === saleId)
  return {
    provisional: own.filter((e) => e.kind === 'provisional'),
    final: own.some((e) => e.kind === 'final'),
    reversed: own.some((e) => e.kind === 'reversal'),
  }
}

/** The final entries confirming a sale (opened/activated); none if already final or reversed. */
export function confirmEntries(entries: readonly LedgerEntry[], saleId: string, on: BusinessDate): LedgerEntry[] {
  const state = saleState(entries, saleId)
  if (state.final || state.reversed) return []
  return state.provisional.map((p) => ({ ...p, kind: 'final', businessDate: on }))
}

export type CancelOutcome = { reversed: true; entries: LedgerEntry[] } | { reversed: false; reason: 'outside_window' | 'already_reversed' | 'unknown_sale' }

/** Clawback of a cancelled sale: reversed within `clawbackDays` of the sale, kept after. */
export function cancelEntries(entries: readonly LedgerEntry[], saleId: string, cancelledOn: BusinessDate, clawbackDays: number): CancelOutcome {
  const state = saleState(entries, saleId)
  const first = state.provisional[0]
  if (first === undefined) return { reversed: false, reason: 'unknown_sale' }
  if (state.reversed) return { reversed: false, reason: 'already_reversed' }
  if (daysBetween(first.businessDate, cancelledOn) > clawbackDays) return { reversed: false, reason: 'outside_window' }
  return { reversed: true, entries: state.provisional.map((p) => ({ ...p, kind: 'reversal', points: -p.points, businessDate: cancelledOn })) }
}

export type EntryRefusal = 'quarter_closed' | 'reason_required' | 'not_whole_points'

/** Whether the ledger takes an entry: never into a closed quarter; adjustments need a reason. */
export function refuseEntry(entry: Pick<LedgerEntry, 'kind' | 'points' | 'businessDate' | 'reason'>, closedQuarters: ReadonlySet<QuarterKey>): EntryRefusal | null {
  if (!Number.isSafeInteger(entry.points)) return 'not_whole_points'
  if (closedQuarters.has(quarterOf(entry.businessDate))) return 'quarter_closed'
  if (entry.kind === 'adjustment' && entry.reason.trim() === '') return 'reason_required'
  return null
}

export interface QuarterTotals {
  /** Points of sales made in the quarter still waiting for confirmation. */
  provisional: number
  /** Final points counted in the quarter (confirmations, reversals of final sales, adjustments). */
  final: number
}

/** Each person's totals for a quarter, recomputed from the whole ledger. */
export function quarterTotals(entries: readonly LedgerEntry[], quarter: QuarterKey): Map<string, QuarterTotals> {
  const settled = new Set(entries.filter((e) => e.kind !== 'provisional' && e.saleId !== null).map((e) => e.saleId))
  const finalSales = new Set(entries.filter((e) => e.kind === 'final').map((e) => e.saleId))
  const totals = new Map<string, QuarterTotals>()
  for (const e of entries) {
    if (quarterOf(e.businessDate) !== quarter) continue
    const t = totals.get(e.staffId) ?? { provisional: 0, final: 0 }
    if (e.kind === 'provisional') {
      if (!settled.has(e.saleId)) t.provisional += e.points
    } else if (e.kind === 'reversal') {
      if (finalSales.has(e.saleId)) t.final += e.points
    } else {
      t.final += e.points
    }
    totals.set(e.staffId, t)
  }
  return totals
}
