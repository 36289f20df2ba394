import { describe, expect, it } from 'vitest'
import type { Grade } from '@/domain/inspection/grades'
import { awardsOf, effectiveVisits, quarterStandings, redFlagHistory, redFlagQuarters, type QuarterAward, type RankingBranch, type VisitResult } from '@/domain/inspection/ranking'
import { DEFAULT_INSPECTION_RULES } from '@/domain/inspection/rules'
import type { PeriodVeto } from '@/domain/inspection/vetoes'
import type { BranchGroup } from '@/domain/model/records'

let serial = 0
const visit = (branchId: string, normalised: number, more: Partial<VisitResult> = {}): VisitResult => ({
  visitId: `v${++serial}`,
  branchId,
  date: '2026-11-10',
  status: 'submitted',
  amends: null,
  submittedAt: serial,
  normalised,
  grade: (normalised >= 95 ? 'excellent' : normalised >= 85 ? 'good' : normalised >= 70 ? 'pass' : 'fail') as Grade,
  confirmedVetoes: 0,
  ...more,
})
const twice = (branchId: string, a: number, b: number = a) => [visit(branchId, a), visit(branchId, b)]
const branch = (branchId: string, group: BranchGroup = 'backbone'): RankingBranch => ({ branchId, code: branchId.toUpperCase(), group })
const periodVeto = (branchId: string): PeriodVeto => ({ vetoCode: 'V6', finding: '媒体曝光', photoIds: ['p'], witnesses: [], branchId, quarter: '2026Q4', enteredBy: 's' })
const rules = DEFAULT_INSPECTION_RULES
const standings = (branches: RankingBranch[], visits: VisitResult[], periodVetoes: PeriodVeto[] = [], r = rules) => quarterStandings('2026Q4', branches, visits, periodVetoes, r)
const ids = (list: { branchId: string }[]) => list.map((s) => s.branchId)

describe('the quarter score', () => {
  it('is the mean of the quarter’s submitted and acknowledged visits; drafts and other quarters do not count', () => {
    const [s] = standings([branch('b1')], [visit('b1', 90), visit('b1', 96, { status: 'acknowledged' }), visit('b1', 10, { status: 'draft' }), visit('b1', 10, { date: '2026-09-30' })])
    expect(s).toMatchObject({ visits: 2, meanScore: 93, lowestScore: 90, ranked: true })
  })

  it('an amendment replaces the score of the visit it amends; the latest amendment stands', () => {
    const original = visit('b1', 60)
    const first = visit('b1', 80, { amends: original.visitId })
    const second = visit('b1', 90, { amends: first.visitId })
    const draft = visit('b1', 10, { amends: second.visitId, status: 'draft' })
    expect(effectiveVisits([draft, second, original, first]).map((v) => v.normalised)).toEqual([90])
    expect(standings([branch('b1')], [original, first, second, visit('b1', 100)])[0]).toMatchObject({ visits: 2, meanScore: 95 })
  })

  it('a branch needs two visits to be ranked; the unranked follow the ranked, by code', () => {
    const result = standings([branch('b3'), branch('b2'), branch('b1')], [visit('b1', 99), ...twice('b3', 80)])
    expect(result.map((s) => [s.branchId, s.overallRank, s.ranked])).toEqual([
      ['b3', 1, true],
      ['b1', null, false],
      ['b2', null, false],
    ])
  })
})

describe('ranking ties', () => {
  it('go to more visits, then the higher lowest score, then fewer failed visits, then fewer vetoes, then the lower branch code', () => {
    const branches = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'].map((id) => branch(id))
    const visits = [
      ...twice('b6', 90), // 3 visits of 90
      visit('b6', 90),
      ...twice('b5', 90), // 2 visits of 90
      visit('b4', 85),
      visit('b4', 95), // lowest 85
      visit('b3', 100, { grade: 'fail', confirmedVetoes: 1 }),
      visit('b3', 80), // lowest 80, a failed visit
      visit('b2', 100),
      visit('b2', 80), // lowest 80, no failure
      visit('b1', 100),
      visit('b1', 80),
    ]
    const r = { ...rules, penalisedPerGroup: 0 }
    expect(ids(standings(branches, visits, [], r))).toEqual(['b6', 'b5', 'b4', 'b1', 'b2', 'b3'])
    expect(ids(standings([...branches].reverse(), [...visits].reverse(), [], r))).toEqual(['b6', 'b5', 'b4', 'b1', 'b2', 'b3'])
  })

  it('fewer vetoes break a tie before the branch code', () => {
    const result = standings([branch('b1'), branch('b2')], [...twice('b1', 90), ...twice('b2', 90)], [periodVeto('b1')], { ...rules, penalisedPerGroup: 0 })
    expect(ids(result)).toEqual(['b2', 'b1'])
  })
})

describe('groups and the red flag', () => {
  const branches = [branch('f1', 'flagship'), branch('f2', 'flagship'), branch('f3', 'flagship'), branch('p1', 'potential'), branch('p2', 'potential'), branch('p3', 'potential')]
  const visits = [...twice('f1', 97), ...twice('f2', 92), ...twice('f3', 88), ...twice('p1', 99), ...twice('p2', 91), ...twice('p3', 75)]

  it('ranks overall and within each group', () => {
    const result = standings(branches, visits)
    expect(result.map((s) => [s.branchId, s.overallRank, s.groupRank])).toEqual([
      ['p1', 1, 1],
      ['f1', 2, 1],
      ['f2', 3, 2],
      ['p2', 4, 2],
      ['f3', 5, 3],
      ['p3', 6, 3],
    ])
  })

  it('the top branch of each group receives the red flag and the subsidy; the last of each group the penalty', () => {
    const result = standings(branches, visits)
    expect(ids(result.filter((s) => s.redFlag))).toEqual(['p1', 'f1'])
    expect(result.find((s) => s.branchId === 'f1')?.subsidyFen).toBe(200_000)
    expect(result.filter((s) => s.penaltyPoints > 0).map((s) => [s.branchId, s.penaltyReasons])).toEqual([
      ['f3', ['bottom_of_group']],
      ['p3', ['bottom_of_group']],
    ])
  })

  it('a branch with a veto in the quarter cannot hold the flag: it goes to the next branch of the group', () => {
    const result = standings(branches, visits, [periodVeto('f1')])
    expect(ids(result.filter((s) => s.redFlag))).toEqual(['p1', 'f2'])
    expect(result.find((s) => s.branchId === 'f1')).toMatchObject({ groupRank: 1, redFlag: false, penaltyPoints: 0 })
  })

  it('a top branch with a 不合格 visit is penalised, not rewarded: the stricter outcome stands', () => {
    const result = standings(branches, [...visits, visit('f1', 100, { grade: 'fail', confirmedVetoes: 1 })])
    const f1 = result.find((s) => s.branchId === 'f1')
    expect(f1).toMatchObject({ groupRank: 1, redFlag: false, subsidyFen: 0, penaltyPoints: 5, penaltyReasons: ['failed_visit'] })
    expect(ids(result.filter((s) => s.redFlag))).toEqual(['p1', 'f2'])
  })

  it('a branch with a failed visit is penalised even when it is not ranked', () => {
    const [s] = standings([branch('b1')], [visit('b1', 60)])
    expect(s).toMatchObject({ ranked: false, penaltyPoints: 5, penaltyReasons: ['failed_visit'] })
  })

  it('a group of one is not its own bottom: its branch takes the flag', () => {
    const [s] = standings([branch('d1', 'advancing')], twice('d1', 90))
    expect(s).toMatchObject({ redFlag: true, penaltyPoints: 0 })
  })

  it('N is a setting: with two flags and two penalties per group of three, the penalties never take a flag’s place', () => {
    const result = standings(branches, visits, [], { ...rules, redFlagsPerGroup: 2, penalisedPerGroup: 2 })
    expect(ids(result.filter((s) => s.redFlag))).toEqual(['p1', 'f1', 'f2', 'p2'])
    expect(ids(result.filter((s) => s.penaltyPoints > 0))).toEqual(['f3', 'p3'])
  })
})

describe('award history', () => {
  const award = (quarter: QuarterAward['quarter'], branchId: string, group: BranchGroup, outcome: QuarterAward['outcome'] = 'red_flag'): QuarterAward => ({
    quarter,
    branchId,
    group,
    outcome,
    subsidyFen: 0,
    penaltyPoints: 0,
    penaltyReasons: [],
  })

  it('a quarter’s awards are its flags and penalties', () => {
    const branches = [branch('b1'), branch('b2'), branch('b3')]
    const awards = awardsOf('2026Q4', standings(branches, [...twice('b1', 99), ...twice('b2', 90), ...twice('b3', 80)]))
    expect(awards.map((a) => [a.branchId, a.outcome])).toEqual([
      ['b1', 'red_flag'],
      ['b3', 'penalty'],
    ])
  })

  it('says who held the red flag when, oldest quarter first, groups in order', () => {
    const awards = [award('2026Q4', 'b2', 'backbone'), award('2026Q3', 'b1', 'backbone'), award('2026Q4', 'f1', 'flagship'), award('2026Q4', 'b9', 'backbone', 'penalty')]
    expect(redFlagHistory(awards)).toEqual([
      { quarter: '2026Q3', group: 'backbone', branchIds: ['b1'] },
      { quarter: '2026Q4', group: 'flagship', branchIds: ['f1'] },
      { quarter: '2026Q4', group: 'backbone', branchIds: ['b2'] },
    ])
    expect(redFlagQuarters([...awards, award('2025Q4', 'b2', 'advancing')], 'b2')).toEqual(['2025Q4', '2026Q4'])
  })
})
