/**
 * The low counter's rules, configurable in admin: the pay bands of the product points (产品计分表),
 * the referrer's share, how long a cancelled sale is clawed back, the follow-up default, the
 * short list of decline reasons and what to recommend to each segment. Every saved change bumps
 * `version`.
 */
import * as v from 'valibot'
import { SEGMENT_RECOMMENDATIONS } from '../catalogue/defaults'
import { resolveRuleSet, validateRuleSet, type RuleSetValidation } from '../ruleSets'
import { PRODUCT_CODE_PATTERN } from './catalogue'

const Int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max))
const Percent = Int(0, 100)
const ReasonCode = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]*$/, 'a reason code is lower-case letters, digits and _'))
const Recommendations = v.pipe(
  v.array(v.pipe(v.string(), v.regex(PRODUCT_CODE_PATTERN, 'a product code is upper-case letters, digits and _'))),
  v.maxLength(20),
  v.check((codes) => new Set(codes).size === codes.length, 'a segment recommends each product once'),
)

export const CounterRules = v.object({
  /** Bumped by every saved change. */
  version: Int(1, 1_000_000),
  /**
   * Pay bands by a person's final points in the quarter: below `partialFromPoints` piece-rate only;
   * from `partialFromPoints` up to and including `fullAbovePoints` the partial rate; above it, full.
   */
  payBands: v.pipe(
    v.object({
      partialFromPoints: Int(1, 1_000_000),
      fullAbovePoints: Int(1, 1_000_000),
    }),
    v.check((b) => b.partialFromPoints <= b.fullAbovePoints, 'the partial band must start at or below the full band'),
  ),
  /** Share of performance pay (percent) paid in each band, on top of the piece rate. */
  performancePayPercent: v.pipe(
    v.object({ pieceRate: Percent, partial: Percent, full: Percent }),
    v.check((p) => p.pieceRate <= p.partial && p.partial <= p.full, 'rates must rise: piece rate ≤ partial ≤ full'),
  ),
  /** 转推介: the referrer's share (percent) of a referred sale's points, the rest to the seller. */
  referralSharePercent: Percent,
  /** A sale cancelled within this many days of being made loses its points (clawback). */
  clawbackDays: Int(0, 730),
  /** An "interested" offer's follow-up falls this many days ahead unless chosen otherwise. */
  followUpDays: Int(1, 90),
  /** The short list a decline is recorded with (codes; the screens translate them). */
  declineReasons: v.pipe(
    v.array(ReasonCode),
    v.minLength(1),
    v.maxLength(20),
    v.check((codes) => new Set(codes).size === codes.length, 'decline reasons must not repeat'),
  ),
  /**
   * Differentiated marketing: the product codes proposed to a client of each segment, in order,
   * after the anchor's bundle (that each code is in the catalogue is checked where it is saved).
   */
  segmentRecommendations: v.object({ mass: Recommendations, mid: Recommendations, high: Recommendations }),
})
export type CounterRules = v.InferOutput<typeof CounterRules>
export type CounterRuleKey = keyof CounterRules

/**
 * Defaults from the seed (DOMAIN.md, job 3): under 4,000 points piece-rate only; 4,000 to 8,000
 * (both included) performance pay at 60 %; above 8,000 in full. A referrer gets 30 % of the points
 * of the sale they brought; a sale cancelled within 90 days is clawed back; follow-ups in 3 days.
 * Mid/high-end clients are recommended notice deposits, wealth products and credit cards; mass
 * clients the passbook, a debit card and agency business (SEGMENT_RECOMMENDATIONS).
 */
export const DEFAULT_COUNTER_RULES: CounterRules = {
  version: 1,
  payBands: { partialFromPoints: 4_000, fullAbovePoints: 8_000 },
  performancePayPercent: { pieceRate: 0, partial: 60, full: 100 },
  referralSharePercent: 30,
  clawbackDays: 90,
  followUpDays: 3,
  declineReasons: ['no_need', 'has_elsewhere', 'cost', 'no_time', 'risk_averse', 'other'],
  segmentRecommendations: { mass: [...SEGMENT_RECOMMENDATIONS.mass], mid: [...SEGMENT_RECOMMENDATIONS.mid], high: [...SEGMENT_RECOMMENDATIONS.high] },
}

export function validateCounterRules(candidate: unknown): RuleSetValidation<CounterRules> {
  return validateRuleSet(CounterRules, candidate)
}

export function resolveCounterRules(stored: Partial<Record<string, unknown>>): CounterRules {
  return resolveRuleSet(CounterRules, DEFAULT_COUNTER_RULES, stored)
}
