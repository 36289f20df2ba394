/**
 * Plans and the quarter's standings. A half-month plan is an executive's branches (one record per
 * executive and half month); the quarter's ranking reads the submitted visits of the quarter by
 * the date index and the period vetoes, and awarding a quarter stores the red flags and penalties
 * as the award history (a quarter is awarded once).
 */
import type { InspectionAward, InspectionPlan, PeriodVeto } from '@/domain/model/records'
import { awardsOf, quarterStandings, visitResults, type BranchStanding } from '@/domain/inspection/ranking'
import { planProgress, type HalfMonthKey, type PlanProgress } from '@/domain/inspection/plans'
import { isConfirmedVeto, type VetoFinding } from '@/domain/inspection/vetoes'
import type { BusinessDate } from '@/domain/time'
import { database } from '../../connection'
import { now, writeRecords } from '../../write'
import { loadInspectionRules } from './rules'
import { activeTemplates } from './templates'
import { type QuarterKey, quarterBounds } from '@/domain/quarters'

/** Saves an executive's branches for a half month (replacing the plan they had for it). */
export async function savePlan(inspectorId: string, halfMonth: HalfMonthKey, branchIds: string[]): Promise<InspectionPlan> {
  return writeRecords(['inspectionPlans'], async (w) => {
    const existing = (await database().records('inspectionPlans').where('[inspectorId+halfMonth]').equals([inspectorId, halfMonth]).toArray()).find((p) => p.deleted === 0)
    if (existing) return w.update('inspectionPlans', existing.id, { branchIds }, { action: 'inspectionPlan.save' })
    return w.insert('inspectionPlans', { inspectorId, halfMonth, branchIds }, { action: 'inspectionPlan.save' })
  })
}

export async function plansOf(halfMonth: HalfMonthKey): Promise<InspectionPlan[]> {
  return (await database().records('inspectionPlans').where('halfMonth').equals(halfMonth).toArray()).filter((p) => p.deleted === 0)
}

/** An executive's progress through their plan: done / due / overdue per branch. */
export async function progressOf(plan: InspectionPlan, today: BusinessDate): Promise<PlanProgress> {
  const visits = (await database().records('inspections').where('[inspectorId+halfMonth]').equals([plan.inspectorId, plan.halfMonth]).toArray()).filter((v) => v.deleted === 0)
  return planProgress({ ...plan, halfMonth: plan.halfMonth as HalfMonthKey }, visits, today)
}

/** Records a period-level veto (such as a verified complaint that reached the media) against a branch and a quarter. */
export async function enterPeriodVeto(input: VetoFinding & { branchId: string; quarter: QuarterKey; enteredBy: string }): Promise<PeriodVeto> {
  const [template] = await activeTemplates()
  if (!template || !isConfirmedVeto(input, template, 'period')) throw new Error('A period veto needs a period veto code, a written finding and evidence')
  return writeRecords(['periodVetoes'], (w) => w.insert('periodVetoes', input, { action: 'periodVeto.enter' }))
}

/** Every branch's standing in the quarter, from the submitted and acknowledged visits and the period vetoes. */
export async function quarterRanking(quarter: QuarterKey): Promise<BranchStanding[]> {
  const { from, to } = quarterBounds(quarter)
  const [branches, visits, vetoes, rules] = await Promise.all([
    database().records('branches').toArray(),
    database().records('inspections').where('date').between(from, to, true, true).toArray(),
    database().records('periodVetoes').where('quarter').equals(quarter).toArray(),
    loadInspectionRules(),
  ])
  const ranked = branches.filter((b) => b.deleted === 0).map((b) => ({ branchId: b.id, code: b.code, group: b.group }))
  return quarterStandings(quarter, ranked, visitResults(visits), vetoes.filter((v) => v.deleted === 0).map((v) => ({ ...v, quarter: v.quarter as QuarterKey })), rules)
}

/** Awards a finished quarter: its red flags and penalties join the history, once. */
export async function awardQuarter(quarter: QuarterKey, byStaffId: string): Promise<InspectionAward[]> {
  const awards = awardsOf(quarter, await quarterRanking(quarter))
  return writeRecords(['inspectionAwards'], async (w) => {
    if ((await database().records('inspectionAwards').where('quarter').equals(quarter).count()) > 0) throw new Error(`Quarter ${quarter} is already awarded`)
    const at = now()
    const written: InspectionAward[] = []
    for (const award of awards) written.push(await w.insert('inspectionAwards', { ...award, awardedAt: at, awardedBy: byStaffId }, { action: 'inspectionAward.record' }))
    return written
  })
}
