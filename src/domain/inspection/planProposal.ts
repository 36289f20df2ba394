/**
 * One executive's suggested plan for a half month (建议轮换), from the region's rotation rule
 * (`proposeRotation`): the outlets least recently inspected are considered first (never inspected
 * before any), outlets another executive has already planned for the half month are left to them
 * while enough others remain, and the executives still without a plan share the rest as if all
 * were proposed together, so the plan each later asks for complements the ones before. Outlets
 * the executive has already inspected in the half month stay in the plan, first.
 */
import type { BusinessDate } from '../time'
import { proposeRotation, type HalfMonthKey, type InspectionPlan } from './plans'

export interface PlanProposalInput {
  halfMonth: HalfMonthKey
  /** Who the plan is for. */
  inspectorId: string
  /** Every executive of the region, in a stable order (by staff number). */
  inspectorIds: readonly string[]
  /** The region's outlets, in a stable order (by code). */
  branchIds: readonly string[]
  /** The day each outlet was last inspected (a submitted visit); absent when never. */
  lastInspected: ReadonlyMap<string, BusinessDate>
  /** The plans already saved for this half month (the executive's own is ignored). */
  saved: readonly InspectionPlan[]
  /** The outlets the executive has already inspected in the half month. */
  done: readonly string[]
  /** The plans of the half month before. */
  previous: readonly InspectionPlan[]
  perInspector: number
}

/** The region's outlets, least recently inspected first (never inspected first); ties keep the given order. */
export function leastRecentlyInspectedFirst(branchIds: readonly string[], lastInspected: ReadonlyMap<string, BusinessDate>): string[] {
  const order = new Map(branchIds.map((id, index) => [id, index]))
  return [...branchIds].sort((a, b) => {
    const x = lastInspected.get(a) ?? ''
    const y = lastInspected.get(b) ?? ''
    return x === y ? order.get(a)! - order.get(b)! : x < y ? -1 : 1
  })
}

export function proposePlanFor(input: PlanProposalInput): string[] {
  const others = input.saved.filter((p) => p.inspectorId !== input.inspectorId)
  const takenByOthers = new Set(others.flatMap((p) => p.branchIds))
  const open = input.branchIds.filter((id) => !input.done.includes(id))
  const free = open.filter((id) => !takenByOthers.has(id))
  const candidates = free.length >= input.perInspector ? free : open
  const stillToPlan = input.inspectorIds.filter((id) => id === input.inspectorId || !others.some((p) => p.inspectorId === id))
  const plans = proposeRotation(input.halfMonth, stillToPlan, leastRecentlyInspectedFirst(candidates, input.lastInspected), input.perInspector, input.previous)
  const rotated = plans.find((p) => p.inspectorId === input.inspectorId)?.branchIds ?? []
  return [...input.done, ...rotated].slice(0, Math.max(input.perInspector, input.done.length))
}
