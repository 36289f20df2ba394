import { describe, expect, it } from 'vitest'
import {
  halfMonth,
  halfMonthOf,
  isHalfMonthKey,
  nextHalfMonth,
  planProgress,
  previousHalfMonth,
  proposeRotation,
  uninspectedBranches,
  type InspectionPlan,
  type PlannedVisit,
} from '@/domain/inspection/plans'

describe('half months', () => {
  it('the 15th closes the first half and the 16th opens the second', () => {
    expect(halfMonthOf('2026-12-01')).toBe('2026-12-H1')
    expect(halfMonthOf('2026-12-15')).toBe('2026-12-H1')
    expect(halfMonthOf('2026-12-16')).toBe('2026-12-H2')
    expect(halfMonthOf('2026-12-31')).toBe('2026-12-H2')
  })

  it('the second half runs to the month end: 31, 30, 28 in February, 29 in a leap year', () => {
    expect(halfMonth('2026-12-H2')).toEqual({ key: '2026-12-H2', start: '2026-12-16', end: '2026-12-31' })
    expect(halfMonth('2026-11-H2').end).toBe('2026-11-30')
    expect(halfMonth('2026-02-H2').end).toBe('2026-02-28')
    expect(halfMonth('2028-02-H2').end).toBe('2028-02-29')
    expect(halfMonth('2100-02-H2').end).toBe('2100-02-28')
    expect(halfMonth('2026-02-H1')).toEqual({ key: '2026-02-H1', start: '2026-02-01', end: '2026-02-15' })
  })

  it('steps across months and years', () => {
    expect(nextHalfMonth('2026-12-H1')).toBe('2026-12-H2')
    expect(nextHalfMonth('2026-12-H2')).toBe('2027-01-H1')
    expect(previousHalfMonth('2027-01-H1')).toBe('2026-12-H2')
    expect(previousHalfMonth('2026-03-H2')).toBe('2026-03-H1')
  })

  it('recognises keys', () => {
    expect(isHalfMonthKey('2026-12-H1')).toBe(true)
    expect(isHalfMonthKey('2026-13-H1')).toBe(false)
    expect(isHalfMonthKey('2026-12-H3')).toBe(false)
  })
})

const visit = (branchId: string, date: string, status = 'submitted', inspectorId = 'jiang'): PlannedVisit => ({ branchId, inspectorId, date, status })
const plan: InspectionPlan = { halfMonth: '2026-12-H1', inspectorId: 'jiang', branchIds: ['b1', 'b2', 'b3', 'b4'] }

describe('a plan’s progress', () => {
  const visits = [
    visit('b1', '2026-12-03'),
    visit('b2', '2026-12-14', 'acknowledged'),
    visit('b3', '2026-12-10', 'draft'),
    visit('b4', '2026-12-16'),
    visit('b4', '2026-12-05', 'submitted', 'shen'),
  ]

  it('during the half month: a submitted or acknowledged visit by the plan’s inspector is done, the rest due', () => {
    expect(planProgress(plan, visits, '2026-12-15')).toEqual({
      branches: [
        { branchId: 'b1', progress: 'done' },
        { branchId: 'b2', progress: 'done' },
        { branchId: 'b3', progress: 'due' },
        { branchId: 'b4', progress: 'due' },
      ],
      done: 2,
      due: 2,
      overdue: 0,
    })
  })

  it('once the half month has ended, what is not done is overdue (a draft, a visit on the 16th, a colleague’s visit)', () => {
    expect(planProgress(plan, visits, '2026-12-16')).toMatchObject({ done: 2, due: 0, overdue: 2 })
  })
})

describe('branches nobody has inspected', () => {
  it('lists, in the order given, the branches without a submitted visit by anyone this half month', () => {
    const visits = [visit('b1', '2026-12-20'), visit('b2', '2026-12-10'), visit('b3', '2026-12-18', 'draft'), visit('b4', '2026-12-17', 'submitted', 'shen')]
    expect(uninspectedBranches(['b1', 'b2', 'b3', 'b4', 'b5'], visits, '2026-12-H2')).toEqual(['b2', 'b3', 'b5'])
  })
})

describe('proposing a rotation', () => {
  const branches = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6']

  it('gives each inspector N branches and covers every branch before planning one twice', () => {
    const plans = proposeRotation('2027-01-H1', ['jiang', 'shen'], branches, 3, [])
    expect(plans.map((p) => p.branchIds.length)).toEqual([3, 3])
    expect(plans.flatMap((p) => p.branchIds).sort()).toEqual(branches)
    expect(plans.every((p) => p.halfMonth === '2027-01-H1')).toBe(true)
  })

  it('nobody inspects the same branch two half months running when it can be avoided', () => {
    const previous = proposeRotation('2026-12-H2', ['jiang', 'shen'], branches, 3, [])
    const next = proposeRotation('2027-01-H1', ['jiang', 'shen'], branches, 3, previous)
    for (const p of next) {
      const before = previous.find((q) => q.inspectorId === p.inspectorId)?.branchIds ?? []
      expect(p.branchIds.filter((b) => before.includes(b))).toEqual([])
    }
  })

  it('swaps a repeat away when a first come first served choice would leave one', () => {
    const previous: InspectionPlan[] = [{ halfMonth: '2026-12-H2', inspectorId: 'shen', branchIds: ['b2'] }]
    const next = proposeRotation('2027-01-H1', ['jiang', 'shen'], ['b1', 'b2'], 1, previous)
    expect(next.map((p) => p.branchIds)).toEqual([['b2'], ['b1']])
  })

  it('plans the branches nobody was planned for last time first', () => {
    const previous: InspectionPlan[] = [{ halfMonth: '2026-12-H2', inspectorId: 'shen', branchIds: ['b1', 'b2'] }]
    expect(proposeRotation('2027-01-H1', ['jiang'], ['b1', 'b2', 'b3', 'b4'], 2, previous)[0]?.branchIds).toEqual(['b3', 'b4'])
  })

  it('with more places than branches, plans a branch for two inspectors but never twice in one plan', () => {
    const plans = proposeRotation('2027-01-H1', ['jiang', 'shen', 'zhou'], ['b1', 'b2'], 12, [])
    expect(plans.map((p) => p.branchIds.slice().sort())).toEqual([['b1', 'b2'], ['b1', 'b2'], ['b1', 'b2']])
  })

  it('is deterministic', () => {
    expect(proposeRotation('2027-01-H1', ['jiang', 'shen'], branches, 2, [])).toEqual(proposeRotation('2027-01-H1', ['jiang', 'shen'], branches, 2, []))
  })
})
