import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { DEFAULT_BUNDLE_RULES, DEFAULT_PRODUCTS, SEGMENT_RECOMMENDATIONS } from '@/domain/catalogue/defaults'
import { BundleRule, Product } from '@/domain/model/records'

const stamp = { createdAt: 0, updatedAt: 0, deviceId: 'test', hlc: '0000000000000-0000-test', deleted: 0 }
const codes = new Set(DEFAULT_PRODUCTS.map((product) => product.code))

describe('the default catalogue', () => {
  it('has unique product codes and every product validates', () => {
    expect(codes.size).toBe(DEFAULT_PRODUCTS.length)
    for (const product of DEFAULT_PRODUCTS) expect(v.safeParse(Product, { ...product, ...stamp, id: crypto.randomUUID() }).success, product.code).toBe(true)
  })

  it('names every product of the seed', () => {
    const names = DEFAULT_PRODUCTS.map((product) => product.nameZh).join('|')
    for (const name of ['个人助业贷款', '住房贷款', '随薪贷', '员工卡', '商户卡', '信用卡', '转账电话', 'POS', '短信通', '基金', '保险', '网上银行', '手机银行', '本外币通知存款', '利得盈', '本外币一本通', '借记卡', '代理']) {
      expect(names, name).toContain(name)
    }
  })

  it('gives a risk level to wealth products, funds and insurance, and to nothing else', () => {
    for (const product of DEFAULT_PRODUCTS) {
      expect(product.riskLevel !== null, product.code).toBe(['wealth', 'fund', 'insurance'].includes(product.category))
    }
  })

  it('has funds at different risk levels', () => {
    const fundLevels = new Set(DEFAULT_PRODUCTS.filter((product) => product.category === 'fund').map((product) => product.riskLevel))
    expect(fundLevels.size).toBeGreaterThanOrEqual(2)
  })
})

describe('the default bundles', () => {
  it('follow the seed: business loan, mortgage and salary loan anchors', () => {
    expect(DEFAULT_BUNDLE_RULES.map((rule) => rule.anchorCode)).toEqual(['LOAN_BUSINESS', 'LOAN_MORTGAGE', 'LOAN_SALARY'])
  })

  it('refer only to products in the catalogue and validate', () => {
    for (const rule of DEFAULT_BUNDLE_RULES) {
      expect(codes.has(rule.anchorCode)).toBe(true)
      for (const code of rule.bundleCodes) expect(codes.has(code), code).toBe(true)
      expect(v.safeParse(BundleRule, { ...rule, ...stamp, id: crypto.randomUUID() }).success).toBe(true)
    }
  })

  it('recommend by segment only products in the catalogue', () => {
    for (const recommended of Object.values(SEGMENT_RECOMMENDATIONS)) for (const code of recommended) expect(codes.has(code), code).toBe(true)
  })
})
