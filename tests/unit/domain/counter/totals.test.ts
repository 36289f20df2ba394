import { describe, expect, it } from 'vitest'
import { applyTotalsDelta, pointTotalsFrom, totalsDeltas, totalsMismatches, type PersonQuarterTotals, type TotalsEntry } from '@/domain/counter/totals'
import { cancelEntries, confirmEntries, quarterTotals, saleEntries, type LedgerEntry } from '@/domain/counter/ledger'
import { quarterOf } from '@/domain/quarters'

const BRANCH = 'branch'
let clock = 1_000
type Row = TotalsEntry & LedgerEntry

/** Ledger rows as the repository writes them: the domain entry plus quarter, branch and time. */
function rows(entries: LedgerEntry[]): Row[] {
  return entries.map((e) => ({ ...e, quarter: quarterOf(e.businessDate), branchId: BRANCH, at: (clock += 1_000) }))
}

/** Totals kept the way the repository keeps them: each entry's deltas applied as it is written. */
function keptTotals(ledger: TotalsEntry[]): PersonQuarterTotals[] {
  const kept = new Map<string, PersonQuarterTotals>()
  ledger.forEach((entry, i) => {
    const saleSoFar = ledger.slice(0, i).filter((e) => e.saleId !== null && e.saleId === entry.saleId)
    for (const d of totalsDeltas(entry, saleSoFar)) kept.set(`${d.staffId}|${d.quarter}`, applyTotalsDelta(kept.get(`${d.staffId}|${d.quarter}`), d))
  })
  return [...kept.values()]
}

function story(): Row[] {
  const ledger: Row[] = []
  const add = (entries: LedgerEntry[]) => ledger.push(...rows(entries))
  // 周婷 sells a fund on a referral from 陈静 in Q3; it is confirmed in Q4.
  add(saleEntries({ saleId: 's1', sellerId: 'zhou', referrerId: 'chen', points: 20, businessDate: '2026-09-28' }, 30))
  add(confirmEntries(ledger, 's1', '2026-10-08'))
  // A card sold in Q4 and cancelled within the window while pending.
  add(saleEntries({ saleId: 's2', sellerId: 'zhou', referrerId: null, points: 15, businessDate: '2026-10-10' }, 30))
  const cancelled = cancelEntries(ledger, 's2', '2026-10-20', 90)
  if (cancelled.reversed) add(cancelled.entries)
  // A loan confirmed, then cancelled within the window: clawed back after being final.
  add(saleEntries({ saleId: 's3', sellerId: 'wu', referrerId: null, points: 100, businessDate: '2026-10-11' }, 30))
  add(confirmEntries(ledger, 's3', '2026-10-12'))
  const clawed = cancelEntries(ledger, 's3', '2026-11-02', 90)
  if (clawed.reversed) add(clawed.entries)
  // Still pending, and an adjustment.
  add(saleEntries({ saleId: 's4', sellerId: 'wu', referrerId: null, points: 5, businessDate: '2026-11-20' }, 30))
  ledger.push({ staffId: 'wu', branchId: BRANCH, kind: 'adjustment', points: -3, businessDate: '2026-11-21', quarter: '2026Q4', saleId: null, share: null, reason: '更正重复登记', at: (clock += 1_000) })
  return ledger
}

const row = (totals: PersonQuarterTotals[], staffId: string, quarter: string) => totals.find((t) => t.staffId === staffId && t.quarter === quarter)

describe('per-person quarter totals', () => {
  it('kept entry by entry, they equal the totals recomputed from the whole ledger', () => {
    const ledger = story()
    const recomputed = pointTotalsFrom(ledger)
    expect(totalsMismatches(keptTotals(ledger), recomputed)).toEqual([])
  })

  it('agree with the ledger rules: confirmed points count in the quarter of confirmation, pending ones where the sale was made', () => {
    const totals = pointTotalsFrom(story())
    expect(row(totals, 'zhou', '2026Q3')).toMatchObject({ provisional: 0, final: 0, accepted: 1 })
    expect(row(totals, 'zhou', '2026Q4')).toMatchObject({ provisional: 0, final: 14, accepted: 0 })
    expect(row(totals, 'chen', '2026Q4')).toMatchObject({ final: 6, accepted: 0 })
    expect(row(totals, 'wu', '2026Q4')).toMatchObject({ provisional: 5, final: -3, accepted: 1 })
    const domain = quarterTotals(story(), '2026Q4')
    expect(domain.get('wu')).toEqual({ provisional: 5, final: -3 })
  })

  it('a reversed sale stops counting as accepted, but the time of the last sale stays for the tie-break', () => {
    const totals = pointTotalsFrom(story())
    expect(row(totals, 'zhou', '2026Q4')?.accepted).toBe(0)
    expect(row(totals, 'zhou', '2026Q4')?.lastSaleAt).not.toBeNull()
  })

  it('a verification names the people whose kept totals drifted from the ledger', () => {
    const ledger = story()
    const kept = keptTotals(ledger).map((t) => (t.staffId === 'wu' && t.quarter === '2026Q4' ? { ...t, final: t.final + 50 } : t))
    const q4 = (list: PersonQuarterTotals[]) => list.filter((t) => t.quarter === '2026Q4')
    expect(totalsMismatches(q4(kept), q4(pointTotalsFrom(ledger))).map((m) => m.staffId)).toEqual(['wu'])
  })
})
