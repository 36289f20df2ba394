import { describe, expect, it } from 'vitest'
import { DEFAULT_INSPECTION_RULES, resolveInspectionRules, validateInspectionRules } from '@/domain/inspection/rules'

describe('inspection rules', () => {
  it('defaults: 12 branches a plan, ranked from 2 visits, one red flag and one penalty per group, actions due in 7 days, photos at 1600 px', () => {
    expect(validateInspectionRules(DEFAULT_INSPECTION_RULES)).toEqual({ ok: true, rules: DEFAULT_INSPECTION_RULES })
    expect(DEFAULT_INSPECTION_RULES).toMatchObject({ branchesPerPlan: 12, minVisitsToRank: 2, redFlagsPerGroup: 1, penalisedPerGroup: 1, correctiveDueDays: 7, photoLongestSidePx: 1600 })
  })

  it('refuses a subsidy in fractions of a fen, no visits to rank and a negative penalty, with the path for the form', () => {
    const result = validateInspectionRules({ ...DEFAULT_INSPECTION_RULES, redFlagSubsidyFen: 10.5, minVisitsToRank: 0, penaltyPoints: -1 })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual(['minVisitsToRank', 'redFlagSubsidyFen', 'penaltyPoints'])
  })

  it('reads stored rules over the defaults, ignoring a stale value', () => {
    expect(resolveInspectionRules({ minVisitsToRank: 3, photoLongestSidePx: 10 })).toEqual({ ...DEFAULT_INSPECTION_RULES, minVisitsToRank: 3 })
  })
})
