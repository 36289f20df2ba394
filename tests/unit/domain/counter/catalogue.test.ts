import { describe, expect, it } from 'vitest'
import { DEFAULT_PRODUCTS, SEGMENT_RECOMMENDATIONS } from '@/domain/catalogue/defaults'
import {
  bundleRuleProblems,
  compareProducts,
  isRetired,
  nextBundleVersion,
  normalizedProduct,
  productProblems,
  retiredDates,
  unknownRecommendations,
  type BundleRuleFields,
  type ProductFields,
  type StoredProduct,
} from '@/domain/counter/catalogue'

const TODAY = '2026-11-25'
const fund: ProductFields = { code: 'FUND_NEW', nameZh: '新发基金', nameEn: 'New fund', category: 'fund', points: 12, riskLevel: 'R3', eligibleSegments: ['mid', 'high'], minAge: 18, maxAge: 70, activeFrom: '2026-12-01', activeTo: null }
const stored: StoredProduct[] = [
  { id: 'a', code: 'EB_SMS', deleted: 0 },
  { id: 'b', code: 'OLD_WIPED', deleted: 1 },
]
const problemsOf = (fields: Partial<ProductFields>, editing: StoredProduct | null = null) => productProblems({ ...fund, ...fields }, stored, editing).map((p) => `${p.field}:${p.problem}`)

describe('a product in the catalogue', () => {
  it('every default product passes, and a well-formed new one too', () => {
    const defaults = DEFAULT_PRODUCTS.map((p, i) => ({ id: String(i), code: p.code, deleted: 0 as const }))
    for (const [i, product] of DEFAULT_PRODUCTS.entries()) expect(productProblems(product, defaults, defaults[i]!)).toEqual([])
    expect(problemsOf({})).toEqual([])
  })

  it('has a code of upper-case letters, digits and _, starting with a letter, that no other product has', () => {
    expect(problemsOf({ code: '' })).toEqual(['code:required'])
    expect(problemsOf({ code: 'fund_new' })).toEqual(['code:code_format'])
    expect(problemsOf({ code: 'FUND-NEW' })).toEqual(['code:code_format'])
    expect(problemsOf({ code: '9FUND' })).toEqual(['code:code_format'])
    expect(problemsOf({ code: 'EB_SMS' })).toEqual(['code:code_taken'])
    // A deleted product's code is free again; a product keeps its own code when edited.
    expect(problemsOf({ code: 'OLD_WIPED' })).toEqual([])
    expect(problemsOf({ code: 'EB_SMS', category: 'e_banking', riskLevel: null }, stored[0]!)).toEqual([])
  })

  it('keeps its code once created: offers and the points ledger name it by code', () => {
    expect(problemsOf({ code: 'EB_SMS_2', category: 'e_banking', riskLevel: null }, stored[0]!)).toEqual(['code:code_fixed'])
  })

  it('needs both names and whole, non-negative points', () => {
    expect(problemsOf({ nameZh: '  ', nameEn: '' })).toEqual(['nameZh:required', 'nameEn:required'])
    expect(problemsOf({ points: -1 })).toEqual(['points:whole_number'])
    expect(problemsOf({ points: 2.5 })).toEqual(['points:whole_number'])
    expect(problemsOf({ points: 0 })).toEqual([])
  })

  it('carries a risk level only when wealth, fund or insurance, and always when wealth or fund', () => {
    expect(problemsOf({ category: 'card', riskLevel: 'R1' })).toEqual(['riskLevel:risk_level_not_allowed'])
    expect(problemsOf({ category: 'fund', riskLevel: null })).toEqual(['riskLevel:risk_level_required'])
    expect(problemsOf({ category: 'wealth', riskLevel: null })).toEqual(['riskLevel:risk_level_required'])
    expect(problemsOf({ category: 'insurance', riskLevel: null })).toEqual([])
    expect(problemsOf({ category: 'insurance', riskLevel: 'R2' })).toEqual([])
  })

  it('is for at least one segment', () => {
    expect(problemsOf({ eligibleSegments: [] })).toEqual(['eligibleSegments:segments_required'])
  })

  it('has whole ages up to 120, the youngest not above the oldest; either may be open', () => {
    expect(problemsOf({ minAge: 70, maxAge: 18 })).toEqual(['ages:ages_reversed'])
    expect(problemsOf({ minAge: 60, maxAge: 60 })).toEqual([])
    expect(problemsOf({ minAge: -1 })).toEqual(['ages:whole_number'])
    expect(problemsOf({ maxAge: 121 })).toEqual(['ages:whole_number'])
    expect(problemsOf({ minAge: null, maxAge: null })).toEqual([])
  })

  it('is on sale from a real day, until a day not before it or with no end', () => {
    expect(problemsOf({ activeFrom: '' })).toEqual(['activeFrom:required'])
    expect(problemsOf({ activeFrom: '2026-02-30' })).toEqual(['activeFrom:date_format'])
    expect(problemsOf({ activeTo: '2026-11-30' })).toEqual(['activeTo:dates_reversed'])
    expect(problemsOf({ activeTo: '2026-12-01' })).toEqual([])
    expect(problemsOf({ activeTo: '31/12/2026' })).toEqual(['activeTo:date_format'])
  })

  it('is stored with trimmed names and its segments in the usual order, each once', () => {
    expect(normalizedProduct({ ...fund, code: ' FUND_NEW ', nameZh: ' 新发基金 ', eligibleSegments: ['high', 'mass', 'high'] })).toMatchObject({ code: 'FUND_NEW', nameZh: '新发基金', eligibleSegments: ['mass', 'high'] })
  })
})

describe('retiring a product', () => {
  it('takes it off sale from today: its last day on sale is yesterday', () => {
    expect(retiredDates({ activeFrom: '2024-01-01' }, TODAY)).toEqual({ activeFrom: '2024-01-01', activeTo: '2026-11-24' })
    expect(isRetired({ activeTo: '2026-11-24' }, TODAY)).toBe(true)
  })

  it('a product not on sale yet is never on sale, its dates still in order', () => {
    expect(retiredDates({ activeFrom: '2027-01-01' }, TODAY)).toEqual({ activeFrom: '2026-11-24', activeTo: '2026-11-24' })
  })

  it('one whose last day is today or later, or with no end, is not retired', () => {
    expect(isRetired({ activeTo: TODAY }, TODAY)).toBe(false)
    expect(isRetired({ activeTo: null }, TODAY)).toBe(false)
  })
})

describe('the catalogue order', () => {
  it('is by category as the catalogue lists them (loans first), then by code', () => {
    const sorted = [
      { category: 'deposit' as const, code: 'DEP_B' },
      { category: 'loan' as const, code: 'LOAN_Z' },
      { category: 'deposit' as const, code: 'DEP_A' },
    ].sort(compareProducts)
    expect(sorted.map((p) => p.code)).toEqual(['LOAN_Z', 'DEP_A', 'DEP_B'])
  })
})

describe('a bundle rule', () => {
  const codes = new Set(['LOAN_MORTGAGE', 'EB_SMS', 'FUND_BOND', 'INS_ACCIDENT'])
  const mortgage: BundleRuleFields = { anchorCode: 'LOAN_MORTGAGE', bundleCodes: ['EB_SMS', 'FUND_BOND'], reasonZh: '办理住房贷款的客户', reasonEn: 'Has a mortgage' }
  const problemsOf = (fields: Partial<BundleRuleFields>) => bundleRuleProblems({ ...mortgage, ...fields }, codes).map((p) => [p.field, p.problem, p.code ?? null].join(':'))

  it('anchors on a product of the catalogue and bundles at least one other', () => {
    expect(problemsOf({})).toEqual([])
    expect(problemsOf({ anchorCode: '' })).toEqual(['anchorCode:required:'])
    expect(problemsOf({ anchorCode: 'LOAN_GONE' })).toEqual(['anchorCode:unknown_product:LOAN_GONE'])
    expect(problemsOf({ bundleCodes: [] })).toEqual(['bundleCodes:empty:'])
  })

  it('bundles only products of the catalogue, never the anchor itself, each once', () => {
    expect(problemsOf({ bundleCodes: ['EB_SMS', 'POS_GONE'] })).toEqual(['bundleCodes:unknown_product:POS_GONE'])
    expect(problemsOf({ bundleCodes: ['EB_SMS', 'LOAN_MORTGAGE'] })).toEqual(['bundleCodes:bundled_with_itself:LOAN_MORTGAGE'])
    expect(problemsOf({ bundleCodes: ['EB_SMS', 'FUND_BOND', 'EB_SMS'] })).toEqual(['bundleCodes:repeated:EB_SMS'])
  })

  it('says why in both languages', () => {
    expect(problemsOf({ reasonZh: ' ', reasonEn: '' })).toEqual(['reasonZh:required:', 'reasonEn:required:'])
  })

  it('each change is the anchor’s next version, above every version it ever had', () => {
    const rules = [
      { anchorCode: 'LOAN_MORTGAGE', version: 1 },
      { anchorCode: 'LOAN_MORTGAGE', version: 3 },
      { anchorCode: 'LOAN_SALARY', version: 7 },
    ]
    expect(nextBundleVersion(rules, 'LOAN_MORTGAGE')).toBe(4)
    expect(nextBundleVersion(rules, 'LOAN_BUSINESS')).toBe(1)
  })
})

describe('segment recommendations', () => {
  it('the defaults are all in the default catalogue; a code it lacks is named with its segment', () => {
    const codes = new Set(DEFAULT_PRODUCTS.map((p) => p.code))
    expect(unknownRecommendations(SEGMENT_RECOMMENDATIONS, codes)).toEqual([])
    expect(unknownRecommendations({ ...SEGMENT_RECOMMENDATIONS, high: ['DEP_NOTICE', 'GOLD_BAR'] }, codes)).toEqual([{ segment: 'high', code: 'GOLD_BAR' }])
  })
})
