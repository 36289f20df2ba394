/**
 * The inspection area's settings, configurable in admin (issue 7: "N and amounts are settings").
 * Every saved change bumps `version`. The template (items, vetoes, grade bands) is not here: it
 * is versioned on its own (templates.ts).
 */
import * as v from 'valibot'
import { resolveRuleSet, validateRuleSet, type RuleSetValidation } from '../ruleSets'

const Int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max))

export const InspectionRules = v.object({
  /** Bumped by every saved change. */
  version: Int(1, 1_000_000),
  /** Branches in each executive's half-month plan (DOMAIN.md, job 4: 12). */
  branchesPerPlan: Int(1, 200),
  /** Visits a branch needs in a quarter to be ranked. */
  minVisitsToRank: Int(1, 50),
  /** 流动红旗: how many branches of each group receive it, and the subsidy each (fen). */
  redFlagsPerGroup: Int(0, 20),
  redFlagSubsidyFen: Int(0, 100_000_000),
  /** 积分处罚: the bottom places of each group penalised, and the points a penalised branch loses. */
  penalisedPerGroup: Int(0, 20),
  penaltyPoints: Int(0, 1_000),
  /** A corrective action is due this many days after the visit. */
  correctiveDueDays: Int(1, 180),
  /** Photos are resized in the browser to this longest side (px) before they are stored. */
  photoLongestSidePx: Int(320, 4_096),
})
export type InspectionRules = v.InferOutput<typeof InspectionRules>

/**
 * Defaults: the seed's 12 branches per half month; ranked from 2 visits (inspection-template.md,
 * section 5); one red flag per group with a 2,000-yuan subsidy and 5 penalty points for the last
 * branch of each group (proposed, the seed names no amounts); actions due in 7 days; photos at
 * 1,600 px, legible on a tablet and small enough to keep thousands offline.
 */
export const DEFAULT_INSPECTION_RULES: InspectionRules = {
  version: 1,
  branchesPerPlan: 12,
  minVisitsToRank: 2,
  redFlagsPerGroup: 1,
  redFlagSubsidyFen: 200_000,
  penalisedPerGroup: 1,
  penaltyPoints: 5,
  correctiveDueDays: 7,
  photoLongestSidePx: 1_600,
}

export function validateInspectionRules(candidate: unknown): RuleSetValidation<InspectionRules> {
  return validateRuleSet(InspectionRules, candidate)
}

export function resolveInspectionRules(stored: Partial<Record<string, unknown>>): InspectionRules {
  return resolveRuleSet(InspectionRules, DEFAULT_INSPECTION_RULES, stored)
}
