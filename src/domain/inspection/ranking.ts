/**
 * The quarterly ranking and the red flag (流动红旗), inspection-template.md section 5.
 *
 * - A branch's quarter score is the mean of its visits' normalised scores in the quarter,
 *   counting submitted and acknowledged visits only; an amendment replaces the visit it amends
 *   (the latest submitted amendment stands). A branch needs `minVisitsToRank` visits to be ranked.
 * - Ranked overall and within its group (龙头/骨干/进位/潜力). Ties go, in this order, to more
 *   visits, then the higher lowest visit score (the steadier branch), then fewer failed visits,
 *   then fewer vetoes, then the lower branch code — so places are distinct and never depend on
 *   input order.
 * - 积分处罚: the last `penalisedPerGroup` ranked places of each group (never one of the top
 *   `redFlagsPerGroup` places: a group of one is not its own bottom) and every branch with a
 *   不合格 visit, ranked or not.
 * - 流动红旗 and subsidy: the best `redFlagsPerGroup` ranked branches of each group that have no
 *   confirmed veto in the quarter and are not penalised. A branch passed over (vetoed, or a
 *   不合格 visit: "不重复奖罚,按最高标准执行", the penalty stands) hands the flag to the next.
 */
import { BRANCH_GROUPS, type BranchGroup, type Inspection } from '../model/records'
import type { BusinessDate } from '../time'
import type { Grade } from './grades'
import { DONE_STATUSES } from './plans'
import type { InspectionRules } from './rules'
import { roundScore } from './scoring'
import { vetoesInQuarter, type PeriodVeto } from './vetoes'
import { quarterOf, type QuarterKey } from '../quarters'

/** A scored visit as the ranking sees it. */
export interface VisitResult {
  visitId: string
  branchId: string
  date: BusinessDate
  status: string
  /** The visit this one amends (the original or an earlier amendment); null for an original. */
  amends: string | null
  /** When it was submitted (ms): of a visit's amendments, the latest stands. */
  submittedAt: number
  normalised: number
  grade: Grade
  confirmedVetoes: number
}

/** A stored visit, as far as the ranking reads it. */
type StoredVisit = Pick<Inspection, 'id' | 'branchId' | 'date' | 'status' | 'amends' | 'submittedAt' | 'summary' | 'deleted'>

/** The submitted (or acknowledged) visits among stored ones, as the ranking sees them; drafts and deleted ones are left out. */
export function visitResults(visits: readonly StoredVisit[]): VisitResult[] {
  return visits.flatMap((v) =>
    v.deleted === 0 && v.status !== 'draft' && v.summary !== null && v.submittedAt !== null
      ? [{ visitId: v.id, branchId: v.branchId, date: v.date, status: v.status, amends: v.amends, submittedAt: v.submittedAt, normalised: v.summary.normalised, grade: v.summary.grade, confirmedVetoes: v.summary.confirmedVetoes }]
      : [],
  )
}

export interface RankingBranch {
  branchId: string
  code: string
  group: BranchGroup
}

export type PenaltyReason = 'bottom_of_group' | 'failed_visit'

export interface BranchStanding extends RankingBranch {
  visits: number
  /** Mean normalised score; null without a visit. */
  meanScore: number | null
  lowestScore: number | null
  failedVisits: number
  /** Confirmed vetoes in the quarter, visit and period. */
  vetoes: number
  ranked: boolean
  overallRank: number | null
  groupRank: number | null
  redFlag: boolean
  subsidyFen: number
  penaltyPoints: number
  penaltyReasons: PenaltyReason[]
}

export type RankingRules = Pick<InspectionRules, 'minVisitsToRank' | 'redFlagsPerGroup' | 'redFlagSubsidyFen' | 'penalisedPerGroup' | 'penaltyPoints'>

/** The visits that count: submitted or acknowledged, each amended visit replaced by its latest amendment. */
export function effectiveVisits(visits: readonly VisitResult[]): VisitResult[] {
  const byId = new Map(visits.map((v) => [v.visitId, v]))
  const rootOf = (visit: VisitResult): string => {
    let id = visit.visitId
    let parent = visit.amends
    for (let hops = 0; parent !== null && hops < visits.length; hops++) {
      id = parent
      parent = byId.get(parent)?.amends ?? null
    }
    return id
  }
  const latest = new Map<string, VisitResult>()
  for (const visit of visits) {
    if (!DONE_STATUSES.includes(visit.status)) continue
    const root = rootOf(visit)
    const held = latest.get(root)
    if (!held || visit.submittedAt > held.submittedAt || (visit.submittedAt === held.submittedAt && visit.visitId > held.visitId)) latest.set(root, visit)
  }
  return [...latest.values()]
}

function compareStandings(a: BranchStanding, b: BranchStanding): number {
  const byNumber = (x: number, y: number) => (x === y ? 0 : x < y ? -1 : 1)
  return (
    byNumber(b.meanScore ?? 0, a.meanScore ?? 0) ||
    byNumber(b.visits, a.visits) ||
    byNumber(b.lowestScore ?? 0, a.lowestScore ?? 0) ||
    byNumber(a.failedVisits, b.failedVisits) ||
    byNumber(a.vetoes, b.vetoes) ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  )
}

function standingOf(branch: RankingBranch, visits: VisitResult[], vetoes: number, rules: RankingRules): BranchStanding {
  const scores = visits.map((v) => v.normalised)
  const failedVisits = visits.filter((v) => v.grade === 'fail').length
  return {
    ...branch,
    visits: visits.length,
    meanScore: scores.length ? roundScore(scores.reduce((a, b) => a + b, 0) / scores.length) : null,
    lowestScore: scores.length ? Math.min(...scores) : null,
    failedVisits,
    vetoes,
    ranked: visits.length >= rules.minVisitsToRank,
    overallRank: null,
    groupRank: null,
    redFlag: false,
    subsidyFen: 0,
    penaltyPoints: failedVisits > 0 ? rules.penaltyPoints : 0,
    penaltyReasons: failedVisits > 0 ? ['failed_visit'] : [],
  }
}

/**
 * Every branch's standing in the quarter: the ranked first, best first, then the unranked by
 * branch code. `periodVetoes` are the confirmed period vetoes.
 */
export function quarterStandings(
  quarter: QuarterKey,
  branches: readonly RankingBranch[],
  visits: readonly VisitResult[],
  periodVetoes: readonly PeriodVeto[],
  rules: RankingRules,
): BranchStanding[] {
  const counted = effectiveVisits(visits).filter((v) => quarterOf(v.date) === quarter)
  const vetoes = vetoesInQuarter(quarter, counted, periodVetoes)
  const visitsOf = new Map<string, VisitResult[]>()
  for (const visit of counted) {
    const own = visitsOf.get(visit.branchId)
    if (own) own.push(visit)
    else visitsOf.set(visit.branchId, [visit])
  }

  const standings = branches.map((b) => standingOf(b, visitsOf.get(b.branchId) ?? [], vetoes[b.branchId] ?? 0, rules))
  const ranked = standings.filter((s) => s.ranked).sort(compareStandings)
  ranked.forEach((s, i) => (s.overallRank = i + 1))

  for (const group of BRANCH_GROUPS) {
    const inGroup = ranked.filter((s) => s.group === group)
    const bottomFrom = Math.max(rules.redFlagsPerGroup, inGroup.length - rules.penalisedPerGroup)
    inGroup.forEach((s, i) => {
      s.groupRank = i + 1
      if (i < bottomFrom) return
      s.penaltyPoints = rules.penaltyPoints
      s.penaltyReasons = ['bottom_of_group', ...s.penaltyReasons]
    })
    inGroup
      .filter((s) => s.vetoes === 0 && s.penaltyReasons.length === 0)
      .slice(0, rules.redFlagsPerGroup)
      .forEach((s) => {
        s.redFlag = true
        s.subsidyFen = rules.redFlagSubsidyFen
      })
  }
  const unranked = standings.filter((s) => !s.ranked).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  return [...ranked, ...unranked]
}

/** A quarter's outcome for one branch, kept as the award history. */
export interface QuarterAward {
  quarter: QuarterKey
  branchId: string
  /** The branch's group that quarter (groups can change). */
  group: BranchGroup
  outcome: 'red_flag' | 'penalty'
  subsidyFen: number
  penaltyPoints: number
  penaltyReasons: PenaltyReason[]
}

export function awardsOf(quarter: QuarterKey, standings: readonly BranchStanding[]): QuarterAward[] {
  return standings
    .filter((s) => s.redFlag || s.penaltyReasons.length > 0)
    .map((s) => ({
      quarter,
      branchId: s.branchId,
      group: s.group,
      outcome: s.redFlag ? 'red_flag' : 'penalty',
      subsidyFen: s.subsidyFen,
      penaltyPoints: s.penaltyPoints,
      penaltyReasons: s.penaltyReasons,
    }))
}

export interface RedFlagHolders {
  quarter: QuarterKey
  group: BranchGroup
  branchIds: string[]
}

/** Who held the red flag when: per quarter (oldest first) and group (in BRANCH_GROUPS order). */
export function redFlagHistory(awards: readonly QuarterAward[]): RedFlagHolders[] {
  const flags = awards.filter((a) => a.outcome === 'red_flag')
  const quarters = [...new Set(flags.map((a) => a.quarter))].sort()
  return quarters.flatMap((quarter) =>
    BRANCH_GROUPS.map((group) => ({ quarter, group, branchIds: flags.filter((a) => a.quarter === quarter && a.group === group).map((a) => a.branchId).sort() })).filter(
      (holders) => holders.branchIds.length > 0,
    ),
  )
}

/** The quarters (oldest first) a branch held the red flag for. */
export function redFlagQuarters(awards: readonly QuarterAward[], branchId: string): QuarterKey[] {
  return awards
    .filter((a) => a.outcome === 'red_flag' && a.branchId === branchId)
    .map((a) => a.quarter)
    .sort()
}
