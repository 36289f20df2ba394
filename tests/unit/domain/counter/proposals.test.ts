import { describe, expect, it } from 'vitest'
import { DEFAULT_BUNDLE_RULES, DEFAULT_PRODUCTS } from '@/domain/catalogue/defaults'
import { bundleRuleFor, proposeProducts, type CatalogueProduct, type ProposalBundleRule, type ProposalClient, type ProposalInput } from '@/domain/counter/proposals'

const TODAY = '2026-11-25'
const catalogue: CatalogueProduct[] = DEFAULT_PRODUCTS.map((p) => ({ ...p, deleted: 0 as const }))
const bundleRules = DEFAULT_BUNDLE_RULES.map((r) => ({ ...r, deleted: 0 as const }))

const client = (more: Partial<ProposalClient> = {}): ProposalClient => ({ segment: 'mass', birthday: '1985-06-01', heldCodes: [], ...more })
const propose = (more: Partial<ProposalInput>) => proposeProducts({ anchorCode: null, bundleRules, catalogue, client: client(), today: TODAY, ...more })
const codes = (more: Partial<ProposalInput>) => propose(more).map((p) => p.productCode)

describe('proposals', () => {
  it('the default bundles follow the seed: business loan → cards, transfer phone, POS; mortgage → SMS, funds, insurance; salary loan → e-banking', () => {
    expect(bundleRuleFor('LOAN_BUSINESS', bundleRules)?.bundleCodes).toEqual(['CARD_STAFF_MERCHANT', 'CARD_CREDIT', 'PAY_TRANSFER_PHONE', 'PAY_POS'])
    expect(bundleRuleFor('LOAN_MORTGAGE', bundleRules)?.bundleCodes).toEqual(['EB_SMS', 'FUND_BOND', 'FUND_EQUITY', 'INS_ACCIDENT'])
    expect(bundleRuleFor('LOAN_SALARY', bundleRules)?.bundleCodes).toEqual(['EB_ONLINE', 'EB_MOBILE'])
  })

  it('a mid-segment mortgage client is offered SMS alerts, funds and insurance, then the mid/high-end recommendations', () => {
    const proposals = propose({ anchorCode: 'LOAN_MORTGAGE', client: client({ segment: 'mid' }) })
    expect(proposals.map((p) => [p.productCode, p.reason])).toEqual([
      ['EB_SMS', 'bundle'],
      ['FUND_BOND', 'bundle'],
      ['FUND_EQUITY', 'bundle'],
      ['INS_ACCIDENT', 'bundle'],
      ['DEP_NOTICE', 'segment'],
      ['WM_LIDEYING', 'segment'],
      ['CARD_CREDIT', 'segment'],
    ])
    expect(proposals[0]).toEqual({ productCode: 'EB_SMS', reason: 'bundle', anchorCode: 'LOAN_MORTGAGE', ruleVersion: 1, segment: null })
    expect(proposals[4]).toEqual({ productCode: 'DEP_NOTICE', reason: 'segment', anchorCode: null, ruleVersion: null, segment: 'mid' })
  })

  it('a mass client is recommended the passbook, a debit card and agency business, and not the mid/high-end equity fund', () => {
    expect(codes({ anchorCode: 'LOAN_MORTGAGE' })).toEqual(['EB_SMS', 'FUND_BOND', 'INS_ACCIDENT', 'DEP_PASSBOOK', 'CARD_DEBIT', 'AGENCY_BILL_PAY'])
  })

  it('leaves out what the client already holds', () => {
    expect(codes({ anchorCode: 'LOAN_MORTGAGE', client: client({ heldCodes: ['EB_SMS', 'CARD_DEBIT'] }) })).toEqual(['FUND_BOND', 'INS_ACCIDENT', 'DEP_PASSBOOK', 'AGENCY_BILL_PAY'])
  })

  it('proposes a product once, as part of the bundle when it is also a segment recommendation', () => {
    const proposals = propose({ anchorCode: 'LOAN_BUSINESS', client: client({ segment: 'high' }) })
    expect(proposals.filter((p) => p.productCode === 'CARD_CREDIT')).toEqual([expect.objectContaining({ reason: 'bundle' })])
  })

  it('never proposes the anchor itself', () => {
    const rules: ProposalBundleRule[] = [{ anchorCode: 'CARD_DEBIT', bundleCodes: ['CARD_DEBIT', 'EB_SMS'], version: 1, active: 1, deleted: 0 }]
    expect(codes({ anchorCode: 'CARD_DEBIT', bundleRules: rules, client: null })).toEqual(['EB_SMS'])
  })

  it('leaves out products not active on the day, deleted, or unknown to the catalogue', () => {
    const edited: CatalogueProduct[] = catalogue.map((p) =>
      p.code === 'EB_SMS' ? { ...p, activeTo: '2026-11-24' } : p.code === 'FUND_BOND' ? { ...p, activeFrom: '2026-11-26' } : p.code === 'INS_ACCIDENT' ? { ...p, deleted: 1 as const } : p,
    )
    expect(codes({ anchorCode: 'LOAN_MORTGAGE', catalogue: edited, client: null })).toEqual(['FUND_EQUITY'])
    expect(codes({ anchorCode: 'LOAN_MORTGAGE', catalogue: catalogue.filter((p) => p.code !== 'FUND_EQUITY'), client: null })).toEqual(['EB_SMS', 'FUND_BOND', 'INS_ACCIDENT'])
    const lastDay = catalogue.map((p) => (p.code === 'EB_SMS' ? { ...p, activeTo: TODAY } : p))
    expect(codes({ anchorCode: 'LOAN_MORTGAGE', catalogue: lastDay, client: null })).toContain('EB_SMS')
  })

  it('leaves out products outside the client’s age on the day: the accident insurance is up to 65 included', () => {
    expect(codes({ anchorCode: 'LOAN_MORTGAGE', client: client({ birthday: '1960-11-25' }) })).not.toContain('INS_ACCIDENT')
    expect(codes({ anchorCode: 'LOAN_MORTGAGE', client: client({ birthday: '1960-11-26' }) })).toContain('INS_ACCIDENT')
  })

  it('a 17-year-old gets the debit card and passbook (from 16) but no fund (from 18)', () => {
    expect(codes({ anchorCode: 'LOAN_MORTGAGE', client: client({ birthday: '2009-06-01' }) })).toEqual(['EB_SMS', 'DEP_PASSBOOK', 'CARD_DEBIT', 'AGENCY_BILL_PAY'])
  })

  it('a client with no birthday on file is not filtered by age', () => {
    expect(codes({ anchorCode: 'LOAN_MORTGAGE', client: client({ birthday: null }) })).toContain('INS_ACCIDENT')
  })

  it('an anonymous client gets the bundle only, without segment recommendations', () => {
    expect(codes({ anchorCode: 'LOAN_SALARY', client: null })).toEqual(['EB_ONLINE', 'EB_MOBILE'])
  })

  it('with no anchor, only the segment recommendations', () => {
    expect(codes({ client: client({ segment: 'high' }) })).toEqual(['DEP_NOTICE', 'WM_LIDEYING', 'CARD_CREDIT'])
  })

  it('uses the highest active version of the anchor’s rule, and none when the rule is inactive or deleted', () => {
    const rules: ProposalBundleRule[] = [
      { anchorCode: 'LOAN_SALARY', bundleCodes: ['EB_ONLINE'], version: 1, active: 1, deleted: 0 },
      { anchorCode: 'LOAN_SALARY', bundleCodes: ['EB_MOBILE'], version: 2, active: 1, deleted: 0 },
      { anchorCode: 'LOAN_SALARY', bundleCodes: ['EB_SMS'], version: 3, active: 0, deleted: 0 },
      { anchorCode: 'LOAN_SALARY', bundleCodes: ['PAY_POS'], version: 4, active: 1, deleted: 1 },
    ]
    expect(propose({ anchorCode: 'LOAN_SALARY', bundleRules: rules, client: null })).toEqual([{ productCode: 'EB_MOBILE', reason: 'bundle', anchorCode: 'LOAN_SALARY', ruleVersion: 2, segment: null }])
    expect(codes({ anchorCode: 'LOAN_SALARY', bundleRules: rules.slice(2), client: null })).toEqual([])
  })
})
