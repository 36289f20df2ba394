import { computed } from 'vue'
import { defineStore } from 'pinia'
import { awardQuarter as writeAwards, plansOf, progressOf, quarterRanking, savePlan as writePlan } from '@/db/repositories/inspection/ranking'
import {
  awardHistory as readAwardHistory,
  enterPeriodVetoWithEvidence,
  halfMonthVisits,
  lastInspectedOn,
  PeriodVetoRefusedError,
  quarterAwards,
  quarterPeriodVetoes,
  type NewPeriodVeto,
  type PeriodVetoRefusal,
} from '@/db/repositories/inspection/rankingQueries'
import { loadInspectionRules } from '@/db/repositories/inspection/rules'
import type { CapturedImage } from '@/db/repositories/inspection/visits'
import { halfMonth, previousHalfMonth, uninspectedBranches, type HalfMonthKey, type InspectionPlan as DomainPlan, type PlanProgress } from '@/domain/inspection/plans'
import { proposePlanFor } from '@/domain/inspection/planProposal'
import { awardsOf, effectiveVisits, visitResults, type BranchStanding, type QuarterAward } from '@/domain/inspection/ranking'
import type { InspectionRules } from '@/domain/inspection/rules'
import type { Grade } from '@/domain/inspection/grades'
import type { Inspection, InspectionAward, InspectionPlan, PeriodVeto } from '@/domain/model/records'
import type { BusinessDate } from '@/domain/time'
import type { QuarterKey } from '@/domain/quarters'
import { useInspectionStore } from './inspection'
import { useSessionStore } from './session'
import { useTerminalStore } from './terminal'

export { PeriodVetoRefusedError }
export type { BranchStanding, PeriodVetoRefusal, QuarterAward }

/** A finished visit's figures as a plan shows them. */
export interface VisitScore {
  visitId: string
  normalised: number
  grade: Grade
}

/** One executive's plan for a half month (null while they have none) and its progress. */
export interface PlanLine {
  inspectorId: string
  plan: InspectionPlan | null
  progress: PlanProgress | null
  /** The executive's own finished visit to each planned outlet (the latest amendment standing). */
  scores: Map<string, VisitScore>
}

export interface PlanBoard {
  halfMonth: HalfMonthKey
  lines: PlanLine[]
  /** The region's outlets nobody has inspected in the half month, by code. */
  uninspected: string[]
}

/** What editing one's own plan starts from. */
export interface PlanDraft {
  /** The outlets of the executive's saved plan for the half month, in their order. */
  saved: string[]
  /** The colleagues who already planned each outlet for the half month. */
  plannedBy: Map<string, string[]>
  lastInspected: Map<string, BusinessDate>
}

export interface QuarterPicture {
  quarter: QuarterKey
  standings: BranchStanding[]
  /** The awards as recorded; empty while the quarter is not awarded. */
  awards: InspectionAward[]
  periodVetoes: PeriodVeto[]
  rules: InspectionRules
}

/**
 * Each outlet's red flag or penalty in the quarter: as recorded once the quarter is awarded (past
 * quarters' awards as they were), as the standings give it until then.
 */
export function quarterOutcomes(picture: QuarterPicture): Map<string, QuarterAward> {
  const outcomes: QuarterAward[] = picture.awards.length ? picture.awards.map((a) => ({ ...a, quarter: picture.quarter })) : awardsOf(picture.quarter, picture.standings)
  return new Map(outcomes.map((o) => [o.branchId, o]))
}

/** A stored plan with its half month as the domain's key (the schema checked its shape). */
const asPlan = (plan: InspectionPlan): DomainPlan => ({ ...plan, halfMonth: plan.halfMonth as HalfMonthKey })

/** The latest standing visit (amendments replace what they amend) of each executive to each outlet. */
function scoresByVisitor(visits: readonly Inspection[]): Map<string, VisitScore> {
  const byId = new Map(visits.map((v) => [v.id, v]))
  const counted = effectiveVisits(visitResults(visits))
  const scores = new Map<string, VisitScore>()
  for (const result of counted) {
    const visit = byId.get(result.visitId)!
    const key = `${visit.inspectorId}:${result.branchId}`
    const held = scores.get(key)
    if (!held || byId.get(held.visitId)!.date <= result.date) scores.set(key, { visitId: result.visitId, normalised: result.normalised, grade: result.grade })
  }
  return scores
}

/** The half-month plans and their progress, the quarter's ranking with its awards and period vetoes, and the red-flag history. */
export const useInspectionRankingStore = defineStore('inspectionRanking', () => {
  const inspection = useInspectionStore()
  const session = useSessionStore()
  const terminal = useTerminalStore()
  const me = computed(() => session.staff?.id ?? '')
  /** The branch head's own outlet (an inspector belongs to none). */
  const homeBranchId = computed(() => session.staff?.branchId ?? null)

  /** An executive changes their own plan for the current or a coming half month, never a past one. */
  function canEditPlan(key: HalfMonthKey): boolean {
    return inspection.isInspector && halfMonth(key).end >= terminal.today
  }

  /** Every executive's plan for the half month with its progress and scores, and the outlets nobody has inspected in it. */
  async function planBoard(key: HalfMonthKey): Promise<PlanBoard> {
    const [plans, visits] = await Promise.all([plansOf(key), halfMonthVisits(key)])
    const inspectorIds = [...new Set([...inspection.inspectors.map((s) => s.id), ...plans.map((p) => p.inspectorId)])]
    const scores = scoresByVisitor(visits)
    const lines = await Promise.all(
      inspectorIds.map(async (inspectorId): Promise<PlanLine> => {
        const plan = plans.find((p) => p.inspectorId === inspectorId) ?? null
        const own = new Map((plan?.branchIds ?? []).flatMap((branchId) => {
          const score = scores.get(`${inspectorId}:${branchId}`)
          return score ? [[branchId, score] as const] : []
        }))
        return { inspectorId, plan, progress: plan ? await progressOf(plan, terminal.today) : null, scores: own }
      }),
    )
    return { halfMonth: key, lines, uninspected: uninspectedBranches(inspection.branches.map((b) => b.id), visits, key) }
  }

  /** The signed-in executive's saved plan for the half month, colleagues' plans and when each outlet was last inspected. */
  async function planDraft(key: HalfMonthKey): Promise<PlanDraft> {
    const [plans, lastInspected] = await Promise.all([plansOf(key), lastInspectedOn()])
    const plannedBy = new Map<string, string[]>()
    for (const plan of plans.filter((p) => p.inspectorId !== me.value)) for (const id of plan.branchIds) plannedBy.set(id, [...(plannedBy.get(id) ?? []), plan.inspectorId])
    return { saved: plans.find((p) => p.inspectorId === me.value)?.branchIds ?? [], plannedBy, lastInspected }
  }

  /** 建议轮换: the signed-in executive's suggested outlets for the half month. */
  async function proposePlan(key: HalfMonthKey): Promise<string[]> {
    const [saved, previous, lastInspected, visits] = await Promise.all([plansOf(key), plansOf(previousHalfMonth(key)), lastInspectedOn(), halfMonthVisits(key)])
    return proposePlanFor({
      halfMonth: key,
      inspectorId: me.value,
      inspectorIds: [...new Set([me.value, ...inspection.inspectors.map((s) => s.id)])],
      branchIds: inspection.branches.map((b) => b.id),
      lastInspected,
      saved: saved.map(asPlan),
      done: [...new Set(visits.filter((v) => v.inspectorId === me.value).map((v) => v.branchId))],
      previous: previous.map(asPlan),
      perInspector: inspection.rules?.branchesPerPlan ?? 0,
    })
  }

  /** Saves the signed-in executive's outlets for the half month, replacing the plan they had. */
  function savePlan(key: HalfMonthKey, branchIds: string[]): Promise<InspectionPlan> {
    return writePlan(me.value, key, branchIds)
  }

  /** The quarter's standings, its awards as recorded, its period vetoes and the rules it is ranked by. */
  async function quarterPicture(quarter: QuarterKey): Promise<QuarterPicture> {
    const [standings, awards, periodVetoes, rules] = await Promise.all([quarterRanking(quarter), quarterAwards(quarter), quarterPeriodVetoes(quarter), loadInspectionRules()])
    return { quarter, standings, awards, periodVetoes, rules }
  }

  /** Whether the signed-in person may record the quarter's awards now: an inspector, a finished quarter, not yet awarded, something to award. */
  function canAward(picture: QuarterPicture): boolean {
    return inspection.isInspector && picture.quarter < inspection.quarter && picture.awards.length === 0 && awardsOf(picture.quarter, picture.standings).length > 0
  }

  /** 确认本季度奖惩: records the finished quarter's red flags and penalties as they stand, once. */
  function awardQuarter(quarter: QuarterKey): Promise<InspectionAward[]> {
    return writeAwards(quarter, me.value)
  }

  /** Every quarter's recorded awards, the oldest quarter first. */
  function awardHistory(): Promise<InspectionAward[]> {
    return readAwardHistory()
  }

  /** Enters a period veto against an outlet for the quarter with its evidence photo, in the signed-in inspector's name. */
  function enterPeriodVeto(input: Omit<NewPeriodVeto, 'enteredBy'>, photo: CapturedImage): Promise<PeriodVeto> {
    return enterPeriodVetoWithEvidence({ ...input, enteredBy: me.value }, photo)
  }


  return { me, homeBranchId, canEditPlan, planBoard, planDraft, proposePlan, savePlan, quarterPicture, canAward, awardQuarter, awardHistory, enterPeriodVeto }
})
