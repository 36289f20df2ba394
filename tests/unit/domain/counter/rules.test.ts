import { describe, expect, it } from 'vitest'
import { DEFAULT_COUNTER_RULES, resolveCounterRules, validateCounterRules } from '@/domain/counter/rules'

describe('counter rules', () => {
  it('defaults follow the seed: 60 % from 4,000 points, full pay above 8,000, a 30 % referral share, 90-day clawback', () => {
    expect(validateCounterRules(DEFAULT_COUNTER_RULES)).toEqual({ ok: true, rules: DEFAULT_COUNTER_RULES })
    expect(DEFAULT_COUNTER_RULES.payBands).toEqual({ partialFromPoints: 4_000, fullAbovePoints: 8_000 })
    expect(DEFAULT_COUNTER_RULES.performancePayPercent).toEqual({ pieceRate: 0, partial: 60, full: 100 })
    expect(DEFAULT_COUNTER_RULES.referralSharePercent).toBe(30)
    expect(DEFAULT_COUNTER_RULES.clawbackDays).toBe(90)
  })

  it('refuses a full band starting below the partial band, with the path for the form', () => {
    const result = validateCounterRules({ ...DEFAULT_COUNTER_RULES, payBands: { partialFromPoints: 9_000, fullAbovePoints: 8_000 } })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual(['payBands'])
  })

  it('refuses rates that fall from band to band and shares above 100 %', () => {
    expect(validateCounterRules({ ...DEFAULT_COUNTER_RULES, performancePayPercent: { pieceRate: 0, partial: 80, full: 60 } }).ok).toBe(false)
    expect(validateCounterRules({ ...DEFAULT_COUNTER_RULES, referralSharePercent: 101 }).ok).toBe(false)
    expect(validateCounterRules({ ...DEFAULT_COUNTER_RULES, referralSharePercent: 12.5 }).ok).toBe(false)
  })

  it('needs at least one decline reason, each a code, none repeated', () => {
    expect(validateCounterRules({ ...DEFAULT_COUNTER_RULES, declineReasons: [] }).ok).toBe(false)
    expect(validateCounterRules({ ...DEFAULT_COUNTER_RULES, declineReasons: ['no_need', 'no_need'] }).ok).toBe(false)
    expect(validateCounterRules({ ...DEFAULT_COUNTER_RULES, declineReasons: ['不需要'] }).ok).toBe(false)
    expect(validateCounterRules({ ...DEFAULT_COUNTER_RULES, declineReasons: ['no_need', 'moved_away'] }).ok).toBe(true)
  })

  it('recommends by segment as the seed does: mid/high-end notice deposits, wealth products, credit cards; mass the passbook, debit card, agency business', () => {
    expect(DEFAULT_COUNTER_RULES.segmentRecommendations).toEqual({
      high: ['DEP_NOTICE', 'WM_LIDEYING', 'CARD_CREDIT'],
      mid: ['DEP_NOTICE', 'WM_LIDEYING', 'CARD_CREDIT'],
      mass: ['DEP_PASSBOOK', 'CARD_DEBIT', 'AGENCY_BILL_PAY'],
    })
  })

  it('refuses a recommendation that is not a product code or is repeated; a segment may recommend nothing', () => {
    const recommend = (mass: string[]) => validateCounterRules({ ...DEFAULT_COUNTER_RULES, segmentRecommendations: { ...DEFAULT_COUNTER_RULES.segmentRecommendations, mass } })
    expect(recommend(['借记卡']).ok).toBe(false)
    expect(recommend(['CARD_DEBIT', 'CARD_DEBIT']).ok).toBe(false)
    expect(recommend([]).ok).toBe(true)
    const refused = recommend(['card_debit'])
    if (!refused.ok) expect(refused.issues.map((i) => i.path)).toEqual(['segmentRecommendations.mass.0'])
  })

  it('reads stored rules key by key over the defaults, ignoring a stale value', () => {
    const rules = resolveCounterRules({ clawbackDays: 60, referralSharePercent: 'lots', version: 4 })
    expect(rules).toEqual({ ...DEFAULT_COUNTER_RULES, clawbackDays: 60, version: 4 })
  })

  it('rules stored before segment recommendations were editable read the default recommendations', () => {
    const { segmentRecommendations: _none, ...older } = DEFAULT_COUNTER_RULES
    expect(resolveCounterRules({ ...older, version: 3 }).segmentRecommendations).toEqual(DEFAULT_COUNTER_RULES.segmentRecommendations)
  })
})
