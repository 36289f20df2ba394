import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../support/db'
import { seedCatalogue } from './counter-catalogue-seed'
import { database } from '@/db/connection'
import { RecordWriter, setActor } from '@/db/write'
import { addStandardCatalogue, bundleRuleAuthors, listBundleRules, listProducts, retireBundleRule, retireProduct, saveBundleRule, saveProduct, type ProductSaveInput } from '@/db/repositories/counter/catalogue'
import { loadCounterRules, saveCounterRules } from '@/db/repositories/counter/rules'
import { DEFAULT_PRODUCTS } from '@/domain/catalogue/defaults'
import { DEFAULT_COUNTER_RULES } from '@/domain/counter/rules'
import { bundleRuleFor } from '@/domain/counter/proposals'
import { compareHlc } from '@/domain/hlc'

const TODAY = '2026-11-25'
const ADMIN = '00000000-0000-4000-8000-000000000002'
const newCard: ProductSaveInput = { id: null, code: 'CARD_SOCIAL', nameZh: '社保卡', nameEn: 'Social security card', category: 'card', points: 6, riskLevel: null, eligibleSegments: ['mass', 'mid', 'high'], minAge: 16, maxAge: null, activeFrom: TODAY, activeTo: null }

const auditActions = async (entity: string) =>
  (await database().records('auditLog').toArray())
    .filter((e) => e.entity === entity)
    .sort((a, b) => compareHlc(a.hlc, b.hlc))
    .map((e) => e.action)
const mortgageVersions = async () => (await listBundleRules()).filter((r) => r.anchorCode === 'LOAN_MORTGAGE').map((r) => [r.version, r.active])

describe('the product catalogue', () => {
  beforeEach(async () => {
    await freshDatabase()
    setActor(ADMIN)
    await seedCatalogue()
  })

  it('lists products by category, then code: loans first', async () => {
    const codes = (await listProducts()).map((p) => p.code)
    expect(codes.slice(0, 3)).toEqual(['LOAN_BUSINESS', 'LOAN_MORTGAGE', 'LOAN_SALARY'])
    expect(codes.indexOf('CARD_CREDIT')).toBeLessThan(codes.indexOf('CARD_DEBIT'))
    expect(codes).toHaveLength(DEFAULT_PRODUCTS.length)
  })

  it('adds a product, audited product.create', async () => {
    const result = await saveProduct(newCard)
    expect(result).toMatchObject({ ok: true, product: { code: 'CARD_SOCIAL', points: 6 } })
    expect((await listProducts()).map((p) => p.code)).toContain('CARD_SOCIAL')
    expect(await auditActions('products')).toEqual(['product.create'])
  })

  it('refuses a taken code and a fund without a risk level with the field problems, writing nothing', async () => {
    const outboxBefore = await database().outbox.count()
    const result = await saveProduct({ ...newCard, code: 'EB_SMS', category: 'fund' })
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: 'code', problem: 'code_taken' },
        { field: 'riskLevel', problem: 'risk_level_required' },
      ],
    })
    expect(await listProducts()).toHaveLength(DEFAULT_PRODUCTS.length)
    expect(await database().outbox.count()).toBe(outboxBefore)
    expect(await auditActions('products')).toEqual([])
  })

  it('changes a product but never its code, audited product.update', async () => {
    const sms = (await listProducts()).find((p) => p.code === 'EB_SMS')!
    const { id, code, nameZh, nameEn, category, riskLevel, eligibleSegments, minAge, maxAge, activeFrom, activeTo } = sms
    const fields = { id, code, nameZh, nameEn, category, riskLevel, eligibleSegments, minAge, maxAge, activeFrom, activeTo }
    expect(await saveProduct({ ...fields, points: 3 })).toMatchObject({ ok: true, product: { id, points: 3 } })
    expect(await saveProduct({ ...fields, code: 'EB_SMS_PLUS', points: 4 })).toEqual({ ok: false, problems: [{ field: 'code', problem: 'code_fixed' }] })
    expect((await listProducts()).find((p) => p.id === id)).toMatchObject({ code: 'EB_SMS', points: 3 })
    expect(await auditActions('products')).toEqual(['product.update'])
  })

  it('retires a product by its last day on sale (yesterday), keeping it, audited product.retire', async () => {
    const pos = (await listProducts()).find((p) => p.code === 'PAY_POS')!
    await retireProduct(pos.id, TODAY)
    expect((await listProducts()).find((p) => p.id === pos.id)).toMatchObject({ activeFrom: '2024-01-01', activeTo: '2026-11-24', deleted: 0 })
    expect(await auditActions('products')).toEqual(['product.retire'])
  })
})

describe('versioned bundle rules', () => {
  beforeEach(async () => {
    await freshDatabase()
    setActor(ADMIN)
    await seedCatalogue()
  })

  const mortgage = { anchorCode: 'LOAN_MORTGAGE', bundleCodes: ['EB_SMS', 'FUND_BOND', 'INS_ACCIDENT'], reasonZh: '办理住房贷款的客户', reasonEn: 'Has a mortgage' }

  it('a change is the anchor’s next version, live at once; the version before stops in the same transaction', async () => {
    const result = await saveBundleRule(mortgage)
    expect(result).toMatchObject({ ok: true, rule: { version: 2, active: 1, bundleCodes: ['EB_SMS', 'FUND_BOND', 'INS_ACCIDENT'] } })
    expect(await mortgageVersions()).toEqual([
      [2, 1],
      [1, 0],
    ])
    expect(bundleRuleFor('LOAN_MORTGAGE', await listBundleRules())?.version).toBe(2)
    expect(await auditActions('bundleRules')).toEqual(['bundleRule.version', 'bundleRule.version'])
  })

  it('when the new version cannot be written, the version before stays live', async () => {
    vi.spyOn(RecordWriter.prototype, 'insert').mockRejectedValueOnce(new Error('disk gone'))
    await expect(saveBundleRule(mortgage)).rejects.toThrow('disk gone')
    expect(await mortgageVersions()).toEqual([[1, 1]])
    expect(await auditActions('bundleRules')).toEqual([])
  })

  it('a refused rule writes nothing: unknown product, the anchor bundled with itself, a repeat, nothing bundled', async () => {
    const outboxBefore = await database().outbox.count()
    expect(await saveBundleRule({ ...mortgage, bundleCodes: ['EB_SMS', 'GOLD_BAR', 'LOAN_MORTGAGE', 'EB_SMS'] })).toEqual({
      ok: false,
      problems: [
        { field: 'bundleCodes', problem: 'unknown_product', code: 'GOLD_BAR' },
        { field: 'bundleCodes', problem: 'bundled_with_itself', code: 'LOAN_MORTGAGE' },
        { field: 'bundleCodes', problem: 'repeated', code: 'EB_SMS' },
      ],
    })
    expect(await saveBundleRule({ ...mortgage, anchorCode: 'LOAN_GONE', bundleCodes: [] })).toMatchObject({ ok: false, problems: [{ field: 'anchorCode', problem: 'unknown_product' }, { field: 'bundleCodes', problem: 'empty' }] })
    expect(await mortgageVersions()).toEqual([[1, 1]])
    expect(await database().outbox.count()).toBe(outboxBefore)
  })

  it('retiring stops the live version, keeps the history, and the next save starts above it', async () => {
    expect(await retireBundleRule('LOAN_MORTGAGE')).toBe(true)
    expect(bundleRuleFor('LOAN_MORTGAGE', await listBundleRules())).toBeNull()
    expect(await retireBundleRule('LOAN_MORTGAGE')).toBe(false)
    expect(await auditActions('bundleRules')).toEqual(['bundleRule.retire'])

    await saveBundleRule(mortgage)
    expect(await mortgageVersions()).toEqual([
      [2, 1],
      [1, 0],
    ])
  })

  it('a rule for a new anchor starts at version 1; each version knows who made it (the seeded ones nobody)', async () => {
    const result = await saveBundleRule({ anchorCode: 'CARD_CREDIT', bundleCodes: ['EB_SMS'], reasonZh: '新办信用卡的客户', reasonEn: 'New credit card holder' })
    expect(result).toMatchObject({ ok: true, rule: { version: 1, active: 1 } })
    const authors = await bundleRuleAuthors()
    expect(result.ok && authors.get(result.rule.id)).toBe(ADMIN)
    expect(authors.size).toBe(1)
  })
})

describe('the counter rules', () => {
  beforeEach(async () => {
    await freshDatabase()
    setActor(ADMIN)
  })

  it('start as the defaults and each save is the next version, segment recommendations included', async () => {
    expect(await loadCounterRules()).toEqual(DEFAULT_COUNTER_RULES)
    const result = await saveCounterRules({ ...DEFAULT_COUNTER_RULES, referralSharePercent: 25, segmentRecommendations: { ...DEFAULT_COUNTER_RULES.segmentRecommendations, mass: ['CARD_DEBIT'] } })
    expect(result.ok).toBe(true)
    expect(await loadCounterRules()).toMatchObject({ version: 2, referralSharePercent: 25, segmentRecommendations: { mass: ['CARD_DEBIT'] } })
    expect(await auditActions('settings')).toEqual(['settings.counterRules'])
  })

  it('refuse invalid rules and keep the version', async () => {
    const result = await saveCounterRules({ ...DEFAULT_COUNTER_RULES, payBands: { partialFromPoints: 9_000, fullAbovePoints: 8_000 } })
    expect(result.ok).toBe(false)
    expect((await loadCounterRules()).version).toBe(1)
  })
})

describe('the standard catalogue', () => {
  beforeEach(async () => {
    await freshDatabase()
    setActor(ADMIN)
  })

  it('starts an empty catalogue with the standard products and bundles, audited', async () => {
    expect(await addStandardCatalogue()).toBe(DEFAULT_PRODUCTS.length)
    expect(await listProducts()).toHaveLength(DEFAULT_PRODUCTS.length)
    expect((await listBundleRules()).map((r) => [r.anchorCode, r.version, r.active])).toEqual([
      ['LOAN_BUSINESS', 1, 1],
      ['LOAN_MORTGAGE', 1, 1],
      ['LOAN_SALARY', 1, 1],
    ])
    expect(await auditActions('products')).toHaveLength(DEFAULT_PRODUCTS.length)
  })

  it('adds only what is missing: a code the branch has keeps its product, an anchor with any rule keeps its rules', async () => {
    await saveProduct({ ...newCard, code: 'EB_SMS', nameZh: '本行短信提醒', category: 'e_banking' })
    await saveProduct({ ...newCard, code: 'LOAN_SALARY', nameZh: '薪易贷', category: 'loan' })
    await saveBundleRule({ anchorCode: 'LOAN_SALARY', bundleCodes: ['EB_SMS'], reasonZh: '办理薪易贷的客户', reasonEn: 'Has a salary loan' })
    await retireBundleRule('LOAN_SALARY')

    expect(await addStandardCatalogue()).toBe(DEFAULT_PRODUCTS.length - 2)
    expect((await listProducts()).find((p) => p.code === 'EB_SMS')?.nameZh).toBe('本行短信提醒')
    expect((await listBundleRules()).filter((r) => r.anchorCode === 'LOAN_SALARY').map((r) => [r.version, r.active])).toEqual([[1, 0]])
    expect(await addStandardCatalogue()).toBe(0)
  })
})
