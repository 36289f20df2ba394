/**
 * Half-month plans (DOMAIN.md, job 4: every executive leads an inspection of 12 branches every
 * half month). A half month is the 1st–15th (H1) or the 16th–month end (H2), keyed '2026-12-H1'.
 *
 * Progress of a plan, per branch: done once a submitted (or acknowledged) visit to it by the plan's
 * inspector falls in the half month; overdue once the half month has ended without one; due
 * otherwise. A draft is not done: the inspection is not finished until it is submitted.
 */
import type { BusinessDate } from '../time'

export type HalfMonthKey = `${number}-${string}-H${1 | 2}`

export interface HalfMonth {
  key: HalfMonthKey
  /** First and last day, both included. */
  start: BusinessDate
  end: BusinessDate
}

export interface InspectionPlan {
  halfMonth: HalfMonthKey
  inspectorId: string
  /** In the order planned. */
  branchIds: string[]
}

/** A visit as plans see it. */
export interface PlannedVisit {
  branchId: string
  inspectorId: string
  date: BusinessDate
  status: string
}

export type BranchProgress = 'done' | 'due' | 'overdue'

export interface PlanProgress {
  branches: { branchId: string; progress: BranchProgress }[]
  done: number
  due: number
  overdue: number
}

/** Visits that count as inspections done: submitted, whether acknowledged yet or not. */
export const DONE_STATUSES: readonly string[] = ['submitted', 'acknowledged']

const HALF_MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])-H([12])$/

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export function isHalfMonthKey(value: string): value is HalfMonthKey {
  return HALF_MONTH_PATTERN.test(value)
}

export function halfMonthOf(date: BusinessDate): HalfMonthKey {
  return `${Number(date.slice(0, 4))}-${date.slice(5, 7)}-H${Number(date.slice(8, 10)) <= 15 ? 1 : 2}`
}

export function halfMonth(key: HalfMonthKey): HalfMonth {
  const [, year = '', month = '', half] = HALF_MONTH_PATTERN.exec(key) ?? []
  const prefix = `${year}-${month}-`
  if (half === '1') return { key, start: `${prefix}01`, end: `${prefix}15` }
  return { key, start: `${prefix}16`, end: `${prefix}${lastDayOfMonth(Number(year), Number(month))}` }
}

function shiftHalfMonth(key: HalfMonthKey, by: 1 | -1): HalfMonthKey {
  const year = Number(key.slice(0, 4))
  const index = (Number(key.slice(5, 7)) - 1) * 2 + Number(key.slice(9)) - 1 + by
  const y = year + Math.floor(index / 24)
  const i = ((index % 24) + 24) % 24
  return `${y}-${String(Math.floor(i / 2) + 1).padStart(2, '0')}-H${((i % 2) + 1) as 1 | 2}`
}

export function nextHalfMonth(key: HalfMonthKey): HalfMonthKey {
  return shiftHalfMonth(key, 1)
}

export function previousHalfMonth(key: HalfMonthKey): HalfMonthKey {
  return shiftHalfMonth(key, -1)
}

function doneIn(key: HalfMonthKey, visits: readonly PlannedVisit[]): PlannedVisit[] {
  return visits.filter((visit) => DONE_STATUSES.includes(visit.status) && halfMonthOf(visit.date) === key)
}

export function planProgress(plan: InspectionPlan, visits: readonly PlannedVisit[], today: BusinessDate): PlanProgress {
  const done = new Set(doneIn(plan.halfMonth, visits).filter((v) => v.inspectorId === plan.inspectorId).map((v) => v.branchId))
  const ended = today > halfMonth(plan.halfMonth).end
  const branches = plan.branchIds.map((branchId) => ({ branchId, progress: (done.has(branchId) ? 'done' : ended ? 'overdue' : 'due') as BranchProgress }))
  const count = (p: BranchProgress) => branches.filter((b) => b.progress === p).length
  return { branches, done: count('done'), due: count('due'), overdue: count('overdue') }
}

/** The branches (in the order given) that nobody has inspected in the half month. */
export function uninspectedBranches(branchIds: readonly string[], visits: readonly PlannedVisit[], key: HalfMonthKey): string[] {
  const inspected = new Set(doneIn(key, visits).map((v) => v.branchId))
  return branchIds.filter((id) => !inspected.has(id))
}

/**
 * Proposes the next half month's plans: `perInspector` branches each (at most all branches),
 * spread so that every branch is covered before any is planned twice, branches nobody was planned
 * for last time first, and nobody inspects the same branch two half-months running where it can
 * be avoided (a repeat left by the first pass is swapped away with another inspector's branch when
 * that makes no repeat for either). Deterministic: the same inputs give the same plans, in the
 * order of `inspectorIds`, branches considered in the order of `branchIds`.
 */
export function proposeRotation(
  key: HalfMonthKey,
  inspectorIds: readonly string[],
  branchIds: readonly string[],
  perInspector: number,
  previous: readonly InspectionPlan[],
): InspectionPlan[] {
  const hadLastTime = (inspectorId: string, branchId: string) => previous.some((p) => p.inspectorId === inspectorId && p.branchIds.includes(branchId))
  const coveredLastTime = new Set(previous.flatMap((p) => p.branchIds))
  const planned: Record<string, number> = {}
  const plans = inspectorIds.map((inspectorId) => ({ halfMonth: key, inspectorId, branchIds: [] as string[] }))
  const size = Math.min(perInspector, branchIds.length)

  for (let round = 0; round < size; round++) {
    for (const plan of plans) {
      const rank = (branchId: string) => [planned[branchId] ?? 0, hadLastTime(plan.inspectorId, branchId) ? 1 : 0, coveredLastTime.has(branchId) ? 1 : 0]
      let best: string | null = null
      for (const branchId of branchIds) {
        if (plan.branchIds.includes(branchId)) continue
        if (best === null || compareRanks(rank(branchId), rank(best)) < 0) best = branchId
      }
      if (best === null) continue
      plan.branchIds.push(best)
      planned[best] = (planned[best] ?? 0) + 1
    }
  }

  for (const plan of plans) {
    plan.branchIds.forEach((branchId, index) => {
      if (!hadLastTime(plan.inspectorId, branchId)) return
      for (const other of plans) {
        if (other === plan) continue
        const swapIndex = other.branchIds.findIndex(
          (candidate) => !hadLastTime(plan.inspectorId, candidate) && !hadLastTime(other.inspectorId, branchId) && !plan.branchIds.includes(candidate) && !other.branchIds.includes(branchId),
        )
        const candidate = other.branchIds[swapIndex]
        if (candidate === undefined) continue
        plan.branchIds[index] = candidate
        other.branchIds[swapIndex] = branchId
        return
      }
    })
  }
  return plans
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}
