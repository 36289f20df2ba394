import { describe, expect, it } from 'vitest'
import { bottomFiveByRole, closedStandings, quarterStandings, type StandingStaff } from '@/domain/counter/standings'
import { DEFAULT_COUNTER_RULES } from '@/domain/counter/rules'

const person = (staffNo: string, roles: StandingStaff['roles'], active: 0 | 1 = 1): StandingStaff => ({ id: `id-${staffNo}`, staffNo, surname: '王', givenName: staffNo, branchId: 'b', roles, active })
const totals = (final: number) => ({ provisional: 10, final, accepted: 1, lastSaleAt: 1 })

describe('quarter standings', () => {
  it('rank every active person of a role, those without points included, with their pay band', () => {
    const staff = [person('1001', ['customer_manager']), person('1002', ['customer_manager']), person('1003', ['customer_manager'], 0)]
    const [ranking] = quarterStandings({ staff, totals: new Map([['id-1002', totals(4_000)]]), previousBottomFive: new Map(), rules: DEFAULT_COUNTER_RULES })
    expect(ranking?.role).toBe('customer_manager')
    expect(ranking?.standings.map((s) => [s.staffNo, s.finalPoints, s.standing.band])).toEqual([
      ['1002', 4_000, 'partial'],
      ['1001', 0, 'piece_rate'],
    ])
  })

  it('someone with two ranked roles appears in both rankings with the same points', () => {
    const staff = [person('9008', ['customer_manager', 'low_counter'])]
    const rankings = quarterStandings({ staff, totals: new Map([['id-9008', totals(900)]]), previousBottomFive: new Map(), rules: DEFAULT_COUNTER_RULES })
    expect(rankings.map((r) => [r.role, r.standings[0]?.finalPoints])).toEqual([
      ['customer_manager', 900],
      ['low_counter', 900],
    ])
  })

  it('kept as closed, a quarter gives back its bottom five by role for the next quarter’s warning', () => {
    const staff = Array.from({ length: 9 }, (_, i) => person(String(2001 + i), ['low_counter']))
    const map = new Map(staff.map((s, i) => [s.id, totals(1_000 * (9 - i))]))
    const closed = closedStandings(quarterStandings({ staff, totals: map, previousBottomFive: new Map(), rules: DEFAULT_COUNTER_RULES }))
    expect([...(bottomFiveByRole(closed).get('low_counter') ?? [])]).toEqual(['id-2005', 'id-2006', 'id-2007', 'id-2008', 'id-2009'])
    const next = quarterStandings({ staff, totals: map, previousBottomFive: bottomFiveByRole(closed), rules: DEFAULT_COUNTER_RULES })
    expect(next[0]?.standings.filter((s) => s.exitWarning).map((s) => s.staffNo)).toEqual(['2005', '2006', '2007', '2008', '2009'])
  })
})
