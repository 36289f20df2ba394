import { describe, expect, it } from 'vitest'
import { bottomFiveOf, rankRole, type RankingEntrant } from '@/domain/counter/rankings'

const person = (staffNo: string, finalPoints: number, more: Partial<RankingEntrant> = {}): RankingEntrant => ({
  staffId: `id-${staffNo}`,
  staffNo,
  role: 'customer_manager',
  finalPoints,
  acceptedProducts: 10,
  lastSaleAt: 1_000,
  ...more,
})
const order = (ranked: { staffNo: string }[]) => ranked.map((r) => r.staffNo)
const NONE = new Set<string>()

describe('quarter rankings', () => {
  it('ranks by final points, places 1, 2, 3 …, only within the role', () => {
    const ranked = rankRole([person('9001', 500), person('9002', 900), person('9003', 700), person('9004', 5_000, { role: 'wealth_manager' })], 'customer_manager', NONE)
    expect(order(ranked)).toEqual(['9002', '9003', '9001'])
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3])
  })

  it('ties on points go to more accepted products, then the earlier last sale, then the lower staff number', () => {
    const tied = [
      person('9005', 800, { acceptedProducts: 9 }),
      person('9004', 800, { lastSaleAt: 2_000 }),
      person('9003', 800, { lastSaleAt: 1_000 }),
      person('9002', 800, { lastSaleAt: 1_000 }),
      person('9001', 800, { acceptedProducts: 11 }),
    ]
    expect(order(rankRole(tied, 'customer_manager', NONE))).toEqual(['9001', '9002', '9003', '9004', '9005'])
    expect(order(rankRole([...tied].reverse(), 'customer_manager', NONE))).toEqual(['9001', '9002', '9003', '9004', '9005'])
  })

  it('someone with no sale ranks after a tie who made one', () => {
    expect(order(rankRole([person('9001', 0, { acceptedProducts: 0, lastSaleAt: null }), person('9002', 0, { acceptedProducts: 0, lastSaleAt: 5 })], 'customer_manager', NONE))).toEqual(['9002', '9001'])
  })

  it('the top three are marked for reward', () => {
    const ranked = rankRole([10, 20, 30, 40, 50].map((points, i) => person(`900${i}`, points)), 'customer_manager', NONE)
    expect(ranked.filter((r) => r.rewarded).map((r) => r.finalPoints)).toEqual([50, 40, 30])
  })

  it('the bottom five are the last five places of ten', () => {
    const ranked = rankRole(Array.from({ length: 10 }, (_, i) => person(`90${10 + i}`, 100 * (i + 1))), 'customer_manager', NONE)
    expect(ranked.filter((r) => r.bottomFive).map((r) => r.finalPoints)).toEqual([500, 400, 300, 200, 100])
  })

  it('with six people the bottom five never take a rewarded place', () => {
    const ranked = rankRole(Array.from({ length: 6 }, (_, i) => person(`90${10 + i}`, 100 * (i + 1))), 'customer_manager', NONE)
    expect(ranked.map((r) => [r.rank, r.rewarded, r.bottomFive])).toEqual([
      [1, true, false],
      [2, true, false],
      [3, true, false],
      [4, false, true],
      [5, false, true],
      [6, false, true],
    ])
  })

  it('bottom five two quarters running gets the exit warning (退出机制); bottom five once does not', () => {
    const people = Array.from({ length: 10 }, (_, i) => person(`90${10 + i}`, 100 * (i + 1)))
    const last = rankRole(people, 'customer_manager', NONE)
    expect(last.some((r) => r.exitWarning)).toBe(false)
    // This quarter 9010 climbs to the top; 9015 drops into the bottom five.
    const now = people.map((p) => (p.staffNo === '9010' ? { ...p, finalPoints: 2_000 } : p.staffNo === '9015' ? { ...p, finalPoints: 50 } : p))
    const ranked = rankRole(now, 'customer_manager', bottomFiveOf(last))
    expect(ranked.filter((r) => r.exitWarning).map((r) => r.staffNo).sort()).toEqual(['9011', '9012', '9013', '9014'])
    expect(ranked.find((r) => r.staffNo === '9015')).toMatchObject({ bottomFive: true, exitWarning: false })
    expect(ranked.find((r) => r.staffNo === '9010')).toMatchObject({ rank: 1, bottomFive: false, exitWarning: false })
  })
})
