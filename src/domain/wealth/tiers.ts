/**
 * A client's VIP tier under the branch's wealth rules, and what a change of balances or designation
 * does to it. An upgrade takes effect at once (and cancels a pending downgrade); a downgrade waits
 * out the grace period, during which the client keeps the tier and is flagged (`tierPending`); a
 * sweep applies the downgrades whose day has come. Every change is returned as a TierChange draft
 * carrying the rules version that made it.
 */
import { VIP_TIERS, type TierChange, type TierPending, type VipTier } from '../model/records'
import { addDays, type BusinessDate } from '../time'
import type { WealthRules } from './rules'

export type TierChangeCause = TierChange['cause']
export type TierChangeDraft = Pick<TierChange, 'kind' | 'cause' | 'fromTier' | 'toTier' | 'ruleVersion'>

export interface TierFacts {
  savingsFen: number
  totalAssetsFen: number
  vipDesignation: { until: BusinessDate } | null
  vipTier: VipTier | null
  tierPending: TierPending | null
}

/** 0 for no tier, then gold 1 … private 4. */
export function tierRank(tier: VipTier | null): number {
  return tier === null ? 0 : VIP_TIERS.indexOf(tier) + 1
}

/** A designation counts through its `until` date, inclusive. */
export function designationActive(designation: { until: BusinessDate } | null, today: BusinessDate): boolean {
  return designation !== null && designation.until >= today
}

/** Savings count towards financial assets: the larger of the two decides the tier. */
export function financialAssetsFen(facts: Pick<TierFacts, 'savingsFen' | 'totalAssetsFen'>): number {
  return Math.max(facts.savingsFen, facts.totalAssetsFen)
}

/** The highest tier these assets reach on their own, or null below the lowest tier's line. */
export function tierByAssets(assetsFen: number, rules: WealthRules): VipTier | null {
  return [...VIP_TIERS].reverse().find((tier) => assetsFen >= rules.tierMinAssetsFen[tier]) ?? null
}

export type VipBasis = 'savings' | 'designation' | null

/** Why the client is a VIP: savings at or over the line first, else an active designation; null when not a VIP. */
export function vipBasis(facts: Pick<TierFacts, 'savingsFen' | 'vipDesignation'>, today: BusinessDate, rules: WealthRules): VipBasis {
  if (facts.savingsFen >= rules.vipSavingsThresholdFen) return 'savings'
  return designationActive(facts.vipDesignation, today) ? 'designation' : null
}

/** The tier the balances and designation earn today (null: not a VIP); every VIP is at least gold. */
export function earnedTier(facts: Pick<TierFacts, 'savingsFen' | 'totalAssetsFen' | 'vipDesignation'>, today: BusinessDate, rules: WealthRules): VipTier | null {
  if (vipBasis(facts, today, rules) === null) return null
  return tierByAssets(financialAssetsFen(facts), rules) ?? 'gold'
}

export interface TierOutcome {
  vipTier: VipTier | null
  tierPending: TierPending | null
  changes: TierChangeDraft[]
}

/**
 * Re-evaluates a client's tier on `today` after something changed (`cause`). A downgrade already
 * pending is applied once its effective day has come (cause 'grace_elapsed'); a pending downgrade
 * to a different tier is re-noted with its original dates; a client earning their tier again has
 * the pending downgrade cancelled.
 */
export function reviewTier(facts: TierFacts, today: BusinessDate, rules: WealthRules, cause: TierChangeCause): TierOutcome {
  const current = facts.vipTier
  const pending = facts.tierPending
  const earned = earnedTier(facts, today, rules)
  const ruleVersion = rules.version
  const change = (kind: TierChangeDraft['kind'], fromTier: VipTier | null, toTier: VipTier | null, why = cause): TierChangeDraft => ({ kind, cause: why, fromTier, toTier, ruleVersion })
  const cancelled = pending ? [change('downgrade_cancelled', current, current)] : []

  if (tierRank(earned) > tierRank(current)) return { vipTier: earned, tierPending: null, changes: [...cancelled, change('upgrade', current, earned)] }
  if (earned === current) return { vipTier: current, tierPending: null, changes: cancelled }

  if (pending && pending.effectiveOn <= today) return { vipTier: earned, tierPending: null, changes: [change('downgrade', current, earned, 'grace_elapsed')] }
  if (pending && pending.tier === earned) return { vipTier: current, tierPending: pending, changes: [] }
  if (pending) return { vipTier: current, tierPending: { ...pending, tier: earned, ruleVersion }, changes: [change('downgrade_pending', current, earned)] }

  if (rules.downgradeGraceDays === 0) return { vipTier: earned, tierPending: null, changes: [change('downgrade', current, earned)] }
  const tierPending = { tier: earned, since: today, effectiveOn: addDays(today, rules.downgradeGraceDays), ruleVersion }
  return { vipTier: current, tierPending, changes: [change('downgrade_pending', current, earned)] }
}

/**
 * What the opening sweep acts on: a pending downgrade whose day has come, or a VIP whose designation
 * lapsed and who is not yet flagged. The cause to record, or null to leave the client alone.
 */
export function sweepCause(facts: TierFacts, today: BusinessDate, rules: WealthRules): TierChangeCause | null {
  if (facts.tierPending) return facts.tierPending.effectiveOn <= today ? 'grace_elapsed' : null
  const lapsed = facts.vipDesignation !== null && !designationActive(facts.vipDesignation, today)
  return lapsed && facts.vipTier !== null && earnedTier(facts, today, rules) !== facts.vipTier ? 'designation_expired' : null
}

export type DesignationProblem = 'reason' | 'until_past' | 'until_too_late' | 'not_branch_head'

/** A designation needs a reason, an approving branch head and an expiry from today up to the rules' longest span. */
export function checkDesignation(input: { reason: string; until: BusinessDate; approverIsBranchHead: boolean }, today: BusinessDate, rules: WealthRules): DesignationProblem[] {
  const problems: DesignationProblem[] = []
  if (!input.approverIsBranchHead) problems.push('not_branch_head')
  if (input.reason.trim() === '') problems.push('reason')
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.until) || input.until < today) problems.push('until_past')
  else if (input.until > addDays(today, rules.designationMaxDays)) problems.push('until_too_late')
  return problems
}
