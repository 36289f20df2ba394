import { describe, expect, it } from 'vitest'
import { cancelEntries, confirmEntries, quarterTotals, refuseEntry, saleEntries, splitReferral, type LedgerEntry, type Sale } from '@/domain/counter/ledger'
import { previousQuarter, quarterOf, type QuarterKey } from '@/domain/quarters'

const sale = (more: Partial<Sale> = {}): Sale => ({ saleId: 's1', sellerId: 'teller', referrerId: null, points: 100, businessDate: '2026-10-10', ...more })

describe('quarters', () => {
  it.each([
    ['2026-01-01', '2026Q1'],
    ['2026-03-31', '2026Q1'],
    ['2026-04-01', '2026Q2'],
    ['2026-09-30', '2026Q3'],
    ['2026-10-01', '2026Q4'],
    ['2026-12-31', '2026Q4'],
  ])('%s falls in %s', (date, quarter) => {
    expect(quarterOf(date)).toBe(quarter)
  })

  it('the quarter before Q1 is last year’s Q4', () => {
    expect(previousQuarter('2026Q1')).toBe('2025Q4')
    expect(previousQuarter('2026Q4')).toBe('2026Q3')
  })
})

describe('referral shares', () => {
  it('30 % of 100 points goes to the referrer, 70 to the seller', () => {
    expect(splitReferral(100, 30, true)).toEqual({ seller: 70, referrer: 30 })
  })

  it('the referrer’s share is rounded down and the seller gets the rest, so the shares add up exactly', () => {
    expect(splitReferral(15, 30, true)).toEqual({ seller: 11, referrer: 4 })
    expect(splitReferral(2, 30, true)).toEqual({ seller: 2, referrer: 0 })
    for (let points = 0; points <= 200; points++) {
      const { seller, referrer } = splitReferral(points, 30, true)
      expect(seller + referrer).toBe(points)
      expect(Number.isInteger(referrer)).toBe(true)
    }
  })

  it('without a referrer the seller gets everything', () => {
    expect(splitReferral(15, 30, false)).toEqual({ seller: 15, referrer: 0 })
  })

  it('a referred sale writes a provisional entry for each of them', () => {
    expect(saleEntries(sale({ referrerId: 'lobby', points: 25 }), 30)).toEqual([
      { staffId: 'teller', kind: 'provisional', points: 18, businessDate: '2026-10-10', saleId: 's1', share: 'seller', reason: '' },
      { staffId: 'lobby', kind: 'provisional', points: 7, businessDate: '2026-10-10', saleId: 's1', share: 'referrer', reason: '' },
    ])
    expect(saleEntries(sale(), 30)).toHaveLength(1)
  })
})

describe('provisional and final points', () => {
  const Q4: QuarterKey = '2026Q4'

  it('an accepted sale is provisional until confirmed, then final', () => {
    const made = saleEntries(sale({ referrerId: 'lobby' }), 30)
    expect(quarterTotals(made, Q4)).toEqual(
      new Map([
        ['teller', { provisional: 70, final: 0 }],
        ['lobby', { provisional: 30, final: 0 }],
      ]),
    )
    const confirmed = [...made, ...confirmEntries(made, 's1', '2026-10-12')]
    expect(quarterTotals(confirmed, Q4)).toEqual(
      new Map([
        ['teller', { provisional: 0, final: 70 }],
        ['lobby', { provisional: 0, final: 30 }],
      ]),
    )
  })

  it('confirming twice adds nothing', () => {
    const made = saleEntries(sale(), 30)
    const confirmed = [...made, ...confirmEntries(made, 's1', '2026-10-12')]
    expect(confirmEntries(confirmed, 's1', '2026-10-13')).toEqual([])
  })

  it('points are final in the quarter of the confirmation: a September sale confirmed in October counts in Q4', () => {
    const made = saleEntries(sale({ businessDate: '2026-09-30' }), 30)
    expect(quarterTotals(made, '2026Q3').get('teller')).toEqual({ provisional: 100, final: 0 })
    const confirmed = [...made, ...confirmEntries(made, 's1', '2026-10-02')]
    expect(quarterTotals(confirmed, '2026Q3').get('teller')).toEqual({ provisional: 0, final: 0 })
    expect(quarterTotals(confirmed, Q4).get('teller')).toEqual({ provisional: 0, final: 100 })
  })

  it('sums each person’s sales and leaves other quarters out', () => {
    const entries = [...saleEntries(sale(), 30), ...saleEntries(sale({ saleId: 's2', points: 40 }), 30), ...saleEntries(sale({ saleId: 's3', businessDate: '2026-07-01' }), 30)]
    expect(quarterTotals(entries, Q4).get('teller')).toEqual({ provisional: 140, final: 0 })
  })
})

describe('clawback', () => {
  const made = saleEntries(sale({ referrerId: 'lobby' }), 30)
  const confirmed = [...made, ...confirmEntries(made, 's1', '2026-10-12')]

  it('a sale cancelled on the 90th day after it was made is reversed for seller and referrer', () => {
    const outcome = cancelEntries(confirmed, 's1', '2027-01-08', 90)
    expect(outcome.reversed).toBe(true)
    if (!outcome.reversed) return
    expect(outcome.entries.map((e) => [e.staffId, e.kind, e.points, e.businessDate])).toEqual([
      ['teller', 'reversal', -70, '2027-01-08'],
      ['lobby', 'reversal', -30, '2027-01-08'],
    ])
    expect(quarterTotals([...confirmed, ...outcome.entries], '2027Q1').get('teller')).toEqual({ provisional: 0, final: -70 })
  })

  it('cancelled on the 91st day, it keeps its points', () => {
    expect(cancelEntries(confirmed, 's1', '2027-01-09', 90)).toEqual({ reversed: false, reason: 'outside_window' })
  })

  it('a pending sale cancelled inside the window leaves the pending figure and can no longer be confirmed', () => {
    const outcome = cancelEntries(made, 's1', '2026-10-20', 90)
    if (!outcome.reversed) throw new Error('expected a reversal')
    const entries = [...made, ...outcome.entries]
    expect(quarterTotals(entries, '2026Q4').get('teller')).toEqual({ provisional: 0, final: 0 })
    expect(confirmEntries(entries, 's1', '2026-10-21')).toEqual([])
  })

  it('a confirmed sale cancelled in the same quarter nets to nothing', () => {
    const outcome = cancelEntries(confirmed, 's1', '2026-11-01', 90)
    if (!outcome.reversed) throw new Error('expected a reversal')
    expect(quarterTotals([...confirmed, ...outcome.entries], '2026Q4').get('lobby')).toEqual({ provisional: 0, final: 0 })
  })

  it('a sale is reversed once, and an unknown sale not at all', () => {
    const outcome = cancelEntries(made, 's1', '2026-10-20', 90)
    if (!outcome.reversed) throw new Error('expected a reversal')
    expect(cancelEntries([...made, ...outcome.entries], 's1', '2026-10-21', 90)).toEqual({ reversed: false, reason: 'already_reversed' })
    expect(cancelEntries(made, 'nope', '2026-10-21', 90)).toEqual({ reversed: false, reason: 'unknown_sale' })
  })
})

describe('a closed quarter is locked', () => {
  const closed = new Set<QuarterKey>(['2026Q3'])
  const entry = (more: Partial<LedgerEntry>): LedgerEntry => ({ staffId: 'teller', kind: 'provisional', points: 10, businessDate: '2026-10-10', saleId: 's1', share: 'seller', reason: '', ...more })

  it('refuses every kind of entry dated into it, adjustments included', () => {
    for (const kind of ['provisional', 'final', 'reversal', 'adjustment'] as const) {
      expect(refuseEntry(entry({ kind, businessDate: '2026-09-30', reason: 'late fix' }), closed)).toBe('quarter_closed')
    }
  })

  it('takes a correction as an adjustment with a reason dated into the open quarter', () => {
    expect(refuseEntry(entry({ kind: 'adjustment', points: -15, saleId: null, share: null, reason: 'Q3 fund sale booked twice' }), closed)).toBeNull()
    expect(refuseEntry(entry({ kind: 'adjustment', points: -15, saleId: null, share: null, reason: '  ' }), closed)).toBe('reason_required')
  })

  it('takes ordinary entries into the open quarter and only whole points', () => {
    expect(refuseEntry(entry({}), closed)).toBeNull()
    expect(refuseEntry(entry({ points: 2.5 }), closed)).toBe('not_whole_points')
  })

  it('an adjustment counts as final in its own quarter', () => {
    const adjustment = entry({ kind: 'adjustment', points: -15, saleId: null, share: null, reason: 'Q3 fund sale booked twice' })
    expect(quarterTotals([adjustment], '2026Q4').get('teller')).toEqual({ provisional: 0, final: -15 })
  })
})
