/**
 * The wealth area's rules, configurable in admin: who is a VIP and at which tier, how long a
 * downgrade waits, how often each tier is contacted, which occasions call for care, and when an
 * anomaly alert (异动预警) is raised. Every saved change bumps `version`, and each tier change
 * records the version that made it.
 */
import * as v from 'valibot'
import { VIP_TIERS, type VipTier } from '../model/records'
import { DEFAULT_VIP_TIERS, VIP_SAVINGS_THRESHOLD_FEN } from '../clients/vip'
import { resolveRuleSet, validateRuleSet, type RuleSetValidation } from '../ruleSets'

const Int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max))
const Fen = v.pipe(v.number(), v.safeInteger(), v.minValue(1))

/** The lunar-calendar festivals a VIP may be greeted on (dates come from chinese-days). */
export const CARE_HOLIDAYS = ['spring_festival', 'lantern', 'dragon_boat', 'mid_autumn', 'double_ninth'] as const
export type CareHoliday = (typeof CARE_HOLIDAYS)[number]

const perTier = <T extends v.GenericSchema>(schema: T) => v.object(Object.fromEntries(VIP_TIERS.map((tier) => [tier, schema])) as Record<VipTier, T>)

const TierThresholds = v.pipe(
  perTier(Fen),
  v.check((t) => t.gold <= t.platinum && t.platinum <= t.diamond && t.diamond <= t.private, 'tiers must rise: gold ≤ platinum ≤ diamond ≤ private'),
)

export const WealthRules = v.object({
  /** Bumped by every saved change; tier changes record it. */
  version: Int(1, 1_000_000),
  /** 贵宾认定标准: savings from this amount (fen, inclusive) make a VIP. */
  vipSavingsThresholdFen: Fen,
  /** Lowest total financial assets (fen) of each tier. */
  tierMinAssetsFen: TierThresholds,
  /** A downgrade takes effect only after this many days (the client is flagged meanwhile). */
  downgradeGraceDays: Int(0, 365),
  /** Longest a manual "supporting client" designation may run. */
  designationMaxDays: Int(1, 731),
  /** 四包 "not lost": a VIP with neither a visit nor a contact for longer than this is drifting away. */
  activeSpanDays: Int(30, 730),
  /** Contact at least every N months, by tier. */
  contactEveryMonths: perTier(Int(1, 24)),
  /** Care occasions show on the due list this many days ahead. */
  birthdayLeadDays: Int(0, 30),
  holidays: v.array(v.picklist(CARE_HOLIDAYS)),
  holidayLeadDays: Int(0, 30),
  /** After-sale follow-up this many days after a purchase. */
  afterSaleDays: Int(1, 180),
  /** Maturity notice this many days before the money may leave. */
  maturityLeadDays: Int(0, 90),
  /** Risk-rating renewal this many days before its one-year expiry. */
  riskRenewalLeadDays: Int(0, 180),
  /** 异动预警: savings falling by this share (percent) against the last balance. */
  alertSavingsDropPercent: Int(1, 100),
  /** 异动预警: no contact for this many times the tier's contact interval. */
  alertNoContactFactor: v.pipe(v.number(), v.minValue(1), v.maxValue(10)),
})
export type WealthRules = v.InferOutput<typeof WealthRules>
export type WealthRuleKey = keyof WealthRules

/**
 * Defaults: the branch's VIP line of 100,000 yuan; tiers gold ≥ 100k, platinum ≥ 500k, diamond ≥
 * 2M, private ≥ 6M yuan of financial assets; contact monthly for diamond and private clients,
 * quarterly for platinum and half-yearly for gold (DOMAIN.md's monthly / quarterly / half-yearly);
 * downgrades wait 90 days; designations run at most a year.
 */
export const DEFAULT_WEALTH_RULES: WealthRules = {
  version: 1,
  vipSavingsThresholdFen: VIP_SAVINGS_THRESHOLD_FEN,
  tierMinAssetsFen: Object.fromEntries(DEFAULT_VIP_TIERS.map((rule) => [rule.tier, rule.minAssetsFen])) as Record<VipTier, number>,
  downgradeGraceDays: 90,
  designationMaxDays: 365,
  activeSpanDays: 180,
  contactEveryMonths: { gold: 6, platinum: 3, diamond: 1, private: 1 },
  birthdayLeadDays: 3,
  holidays: [...CARE_HOLIDAYS],
  holidayLeadDays: 3,
  afterSaleDays: 7,
  maturityLeadDays: 7,
  riskRenewalLeadDays: 30,
  alertSavingsDropPercent: 30,
  alertNoContactFactor: 1.5,
}

export function validateWealthRules(candidate: unknown): RuleSetValidation<WealthRules> {
  return validateRuleSet(WealthRules, candidate)
}

export function resolveWealthRules(stored: Partial<Record<string, unknown>>): WealthRules {
  return resolveRuleSet(WealthRules, DEFAULT_WEALTH_RULES, stored)
}
