import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { closedPublishedStandings, outletStandingsId, publishedStandings, regionEntrants, type QuarterTotals } from '@/domain/counter/outletStandings'
import { closedStandings, quarterStandings, type StandingStaff } from '@/domain/counter/standings'
import { DEFAULT_COUNTER_RULES } from '@/domain/counter/rules'
import { BaseRecordEntries } from '@/domain/model/base'
import type { PublishedStanding } from '@/domain/model/records'

const HOME = 'branch-home'
const EAST = 'branch-east'
const person = (staffNo: string, roles: StandingStaff['roles'], branchId: string | null = HOME, active: 0 | 1 = 1): StandingStaff => ({ id: `id-${staffNo}`, staffNo, surname: '王', givenName: staffNo, branchId, roles, active })
const totals = (final: number, lastSaleAt: number | null = 1_000): QuarterTotals => ({ provisional: 20, final, accepted: 3, lastSaleAt })
const published = (staffNo: string, roles: PublishedStanding['roles'], finalPoints: number): PublishedStanding => ({
  staffId: `id-${staffNo}`,
  staffNo,
  name: `李${staffNo}`,
  roles,
  finalPoints,
  provisionalPoints: 0,
  acceptedProducts: 1,
  lastSaleAt: 2_000,
})

describe('an outlet publishing an open quarter', () => {
  it('publishes every active person of its own in a ranked role with their totals, those without points at zero', () => {
    const staff = [person('9006', ['low_counter']), person('9005', ['low_counter']), person('9001', ['branch_head']), person('9014', ['inspector'], null), person('9020', ['low_counter'], HOME, 0), person('8001', ['low_counter'], EAST)]
    const people = publishedStandings(HOME, staff, new Map([['id-9005', totals(4_200)]]))
    expect(people).toEqual([
      { staffId: 'id-9005', staffNo: '9005', name: '王9005', roles: ['low_counter'], finalPoints: 4_200, provisionalPoints: 20, acceptedProducts: 3, lastSaleAt: 1_000 },
      { staffId: 'id-9006', staffNo: '9006', name: '王9006', roles: ['low_counter'], finalPoints: 0, provisionalPoints: 0, acceptedProducts: 0, lastSaleAt: null },
    ])
  })

  it('lists only the ranked roles, in the rankings’ order, whatever order the staff record holds them in', () => {
    const [head] = publishedStandings(HOME, [person('9008', ['branch_head', 'low_counter', 'customer_manager'])], new Map())
    expect(head?.roles).toEqual(['customer_manager', 'low_counter'])
  })
})

describe('an outlet publishing a closed quarter', () => {
  it('publishes its own people as the closure kept them, once each, whatever its totals say now', () => {
    const staff = [person('9008', ['customer_manager', 'low_counter']), person('9005', ['low_counter']), person('8001', ['low_counter'], EAST)]
    const atClose = new Map([['id-9008', totals(900, 5_000)], ['id-9005', totals(700)], ['id-8001', totals(800)]])
    const kept = closedStandings(quarterStandings({ staff, totals: atClose, previousBottomFive: new Map(), rules: DEFAULT_COUNTER_RULES }))
    const now = new Map([['id-9008', totals(950, 5_000)]])
    expect(closedPublishedStandings(HOME, kept, now)).toEqual([
      { staffId: 'id-9005', staffNo: '9005', name: '王9005', roles: ['low_counter'], finalPoints: 700, provisionalPoints: 20, acceptedProducts: 3, lastSaleAt: null },
      { staffId: 'id-9008', staffNo: '9008', name: '王9008', roles: ['customer_manager', 'low_counter'], finalPoints: 900, provisionalPoints: 20, acceptedProducts: 3, lastSaleAt: 5_000 },
    ])
  })
})

describe('the region’s entrants', () => {
  it('take the home outlet live and every other outlet as it published', () => {
    const staff = [person('9005', ['low_counter']), person('8001', ['low_counter'], EAST)]
    const { staff: entrants, totals: entrantTotals } = regionEntrants({ branchId: HOME, staff, totals: new Map([['id-9005', totals(1_500)], ['id-8001', totals(99)]]) }, [{ branchId: EAST, people: [published('8001', ['low_counter'], 2_400)] }])
    expect(entrants.map((s) => [s.staffNo, s.branchId, `${s.surname}${s.givenName}`])).toEqual([
      ['9005', HOME, '王9005'],
      ['8001', EAST, '李8001'],
    ])
    expect(entrantTotals.get('id-9005')?.final).toBe(1_500)
    // Another outlet's person is as that outlet published them, not as stray ledger lines here say.
    expect(entrantTotals.get('id-8001')).toEqual({ provisional: 0, final: 2_400, accepted: 1, lastSaleAt: 2_000 })
  })

  it('never take the home outlet from a published copy of itself', () => {
    const staff = [person('9005', ['low_counter'])]
    const { staff: entrants, totals: entrantTotals } = regionEntrants({ branchId: HOME, staff, totals: new Map([['id-9005', totals(1_500)]]) }, [{ branchId: HOME, people: [published('9005', ['low_counter'], 1_200), published('9099', ['low_counter'], 50)] }])
    expect(entrants.map((s) => s.staffNo)).toEqual(['9005'])
    expect(entrantTotals.get('id-9005')?.final).toBe(1_500)
  })

  it('count someone published by two outlets once: at home first, else where first published', () => {
    const staff = [person('9005', ['low_counter'])]
    const moved = published('9005', ['low_counter'], 300)
    const { staff: entrants } = regionEntrants({ branchId: HOME, staff, totals: new Map() }, [
      { branchId: EAST, people: [moved, published('8001', ['low_counter'], 10)] },
      { branchId: 'branch-west', people: [published('8001', ['low_counter'], 20)] },
    ])
    expect(entrants.map((s) => [s.staffNo, s.branchId])).toEqual([
      ['9005', HOME],
      ['8001', EAST],
    ])
  })

  it('rank the region as one: home people live among the other outlets’ published people', () => {
    const staff = [person('9005', ['low_counter'])]
    const entrants = regionEntrants({ branchId: HOME, staff, totals: new Map([['id-9005', totals(2_000)]]) }, [{ branchId: EAST, people: [published('8001', ['low_counter'], 2_400), published('8002', ['low_counter'], 1_000)] }])
    const [lowCounter] = quarterStandings({ ...entrants, previousBottomFive: new Map(), rules: DEFAULT_COUNTER_RULES })
    expect(lowCounter?.standings.map((s) => [s.rank, s.staffNo, s.name, s.branchId])).toEqual([
      [1, '8001', '李8001', EAST],
      [2, '9005', '王9005', HOME],
      [3, '8002', '李8002', EAST],
    ])
  })
})

describe('the id of an outlet’s quarter record', () => {
  it('is the same wherever it is computed, and a UUID a record may carry', () => {
    const id = outletStandingsId('5a9d3e1c-2b4f-4c6d-8e7f-9a0b1c2d3e4f', '2026Q4')
    expect(outletStandingsId('5a9d3e1c-2b4f-4c6d-8e7f-9a0b1c2d3e4f', '2026Q4')).toBe(id)
    expect(v.is(BaseRecordEntries.id, id)).toBe(true)
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('differs for another quarter or another outlet', () => {
    const ids = new Set(['2026Q3', '2026Q4', '2027Q1'].flatMap((q) => ['5a9d3e1c-2b4f-4c6d-8e7f-9a0b1c2d3e4f', '6b0e4f2d-3c5a-4d7e-9f80-ab1c2d3e4f50'].map((b) => outletStandingsId(b, q as '2026Q3'))))
    expect(ids.size).toBe(6)
  })
})
