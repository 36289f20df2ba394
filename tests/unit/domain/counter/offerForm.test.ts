import { describe, expect, it } from 'vitest'
import { DEFAULT_BUNDLE_RULES, DEFAULT_PRODUCTS } from '@/domain/catalogue/defaults'
import { anchorChoices, daysOverdue, draftLine, linesWithProposals, markedLines, pendingForClient, savedSummary, waitedFor, withOutcome, type DraftLine } from '@/domain/counter/offerForm'
import type { Proposal } from '@/domain/counter/proposals'

const TODAY = '2026-11-25'
const catalogue = DEFAULT_PRODUCTS.map((p) => ({ ...p, deleted: 0 as const }))
const bundleRules = DEFAULT_BUNDLE_RULES.map((r) => ({ ...r, deleted: 0 as const }))
const bundle = (productCode: string): Proposal => ({ productCode, reason: 'bundle', anchorCode: 'LOAN_MORTGAGE', ruleVersion: 1, segment: null })
const marked = (line: DraftLine, outcome: DraftLine['outcome']): DraftLine => ({ ...line, outcome })
const DEFAULTS = { followUpOn: '2026-11-28', followUpStaffId: 'me' }

describe('the offer form', () => {
  it('proposes each product once, unmarked, with its reason and rule version', () => {
    const lines = linesWithProposals([], [bundle('EB_SMS'), bundle('FUND_BOND')])
    expect(lines.map((l) => [l.productCode, l.reason, l.ruleVersion, l.outcome])).toEqual([
      ['EB_SMS', 'bundle', 1, null],
      ['FUND_BOND', 'bundle', 1, null],
    ])
  })

  it('another anchor drops the old unmarked proposals but keeps marked lines and lines added by hand', () => {
    const before = [marked(draftLine('EB_SMS', 'bundle', 1), 'accepted'), draftLine('FUND_BOND', 'bundle', 1), draftLine('CARD_DEBIT', 'manual')]
    const after = linesWithProposals(before, [{ productCode: 'CARD_CREDIT', reason: 'bundle', anchorCode: 'LOAN_BUSINESS', ruleVersion: 2, segment: null }])
    expect(after.map((l) => [l.productCode, l.outcome])).toEqual([
      ['EB_SMS', 'accepted'],
      ['CARD_DEBIT', null],
      ['CARD_CREDIT', null],
    ])
  })

  it('a new anchor’s bundle comes before the segment recommendations already on the table', () => {
    const segment: Proposal = { productCode: 'DEP_NOTICE', reason: 'segment', anchorCode: null, ruleVersion: null, segment: 'mid' }
    const before = linesWithProposals([], [segment])
    expect(linesWithProposals(before, [bundle('EB_SMS'), segment]).map((l) => l.productCode)).toEqual(['EB_SMS', 'DEP_NOTICE'])
  })

  it('re-proposing the same products keeps what was marked on them (a reload restores the draft unchanged)', () => {
    const before = [marked(draftLine('EB_SMS', 'bundle', 1), 'declined')]
    expect(linesWithProposals(before, [bundle('EB_SMS')])).toEqual(before)
  })

  it('a follow-up’s or referral’s product is pinned first and stays, unmarked, whatever the anchor', () => {
    const pinned = [draftLine('INS_ACCIDENT', 'bundle', 1)]
    const first = linesWithProposals([], [bundle('EB_SMS'), bundle('INS_ACCIDENT')], pinned)
    expect(first.map((l) => l.productCode)).toEqual(['INS_ACCIDENT', 'EB_SMS'])
    expect(linesWithProposals(first, [], pinned).map((l) => l.productCode)).toEqual(['INS_ACCIDENT'])
  })

  it('marking interested fills in the follow-up day and owner; tapping the same outcome again unmarks the line', () => {
    const interested = withOutcome(draftLine('EB_SMS', 'bundle'), 'interested', DEFAULTS)
    expect([interested.outcome, interested.followUpOn, interested.followUpStaffId]).toEqual(['interested', '2026-11-28', 'me'])
    expect(withOutcome({ ...interested, followUpOn: '2026-12-01' }, 'declined', DEFAULTS).followUpOn).toBe('2026-12-01')
    expect(withOutcome(interested, 'interested', DEFAULTS).outcome).toBeNull()
  })

  it('saves only the marked lines, the referral and 双录 evidence as the conversation takes them', () => {
    const lines = [
      { ...draftLine('FUND_BOND', 'bundle', 1), outcome: 'accepted' as const, recordingRef: '  SL-0042 ', riskDisclosureAcknowledged: true },
      draftLine('EB_SMS', 'bundle', 1),
      { ...draftLine('WM_LIDEYING', 'segment'), outcome: 'referred' as const, referTarget: 'wealth_manager' as const, referNote: ' 想了解理财 ' },
    ]
    expect(markedLines(lines)).toEqual([
      { productCode: 'FUND_BOND', reason: 'bundle', ruleVersion: 1, outcome: 'accepted', declineReason: null, followUpOn: null, followUpStaffId: null, referral: null, recordingRef: 'SL-0042', riskDisclosureAcknowledged: true },
      { productCode: 'WM_LIDEYING', reason: 'segment', ruleVersion: null, outcome: 'referred', declineReason: null, followUpOn: null, followUpStaffId: null, referral: { target: 'wealth_manager', toStaffId: null, note: '想了解理财' }, recordingRef: null, riskDisclosureAcknowledged: false },
    ])
  })

  it('offers loans and anchors with a live bundle rule first, then the other products on sale', () => {
    const retired = { ...catalogue.find((p) => p.code === 'CARD_DEBIT')!, activeTo: '2026-01-01' }
    const { first, others } = anchorChoices([...catalogue.filter((p) => p.code !== 'CARD_DEBIT'), retired], bundleRules, TODAY)
    expect(first.map((p) => p.code)).toEqual(['LOAN_BUSINESS', 'LOAN_MORTGAGE', 'LOAN_SALARY'])
    expect(others.map((p) => p.code)).toContain('EB_SMS')
    expect(others.map((p) => p.code)).not.toContain('CARD_DEBIT')
    const withCardRule = [...bundleRules, { anchorCode: 'CARD_CREDIT', bundleCodes: ['EB_SMS'], version: 1, active: 1 as const, deleted: 0 as const }]
    expect(anchorChoices(catalogue, withCardRule, TODAY).first.map((p) => p.code)).toContain('CARD_CREDIT')
  })

  it('says how long a referral has waited in minutes, then hours, then days', () => {
    const now = Date.UTC(2026, 10, 25, 10, 0)
    expect(waitedFor(now - 5 * 60_000, now)).toEqual({ unit: 'minutes', n: 5 })
    expect(waitedFor(now - 59 * 60_000, now)).toEqual({ unit: 'minutes', n: 59 })
    expect(waitedFor(now - 2 * 3_600_000 - 59 * 60_000, now)).toEqual({ unit: 'hours', n: 2 })
    expect(waitedFor(now - 3 * 86_400_000, now)).toEqual({ unit: 'days', n: 3 })
  })

  it('counts a follow-up overdue from the day after its day', () => {
    expect(daysOverdue('2026-11-25', TODAY)).toBe(0)
    expect(daysOverdue('2026-11-22', TODAY)).toBe(3)
    expect(daysOverdue('2026-11-30', TODAY)).toBe(0)
  })

  it('a client’s pending offers are the open follow-ups, soonest first, and the sales not yet opened', () => {
    const offer = (id: string, more: Partial<{ outcome: 'accepted' | 'interested' | 'declined'; followUpOn: string | null; followUpClosedAt: number | null; saleStatus: 'pending' | 'fulfilled' | null }>) => ({ id, outcome: 'declined' as const, followUpOn: null, followUpClosedAt: null, saleStatus: null, ...more })
    const { followUps, pendingSales } = pendingForClient([
      offer('late', { outcome: 'interested', followUpOn: '2026-11-30' }),
      offer('soon', { outcome: 'interested', followUpOn: '2026-11-26' }),
      offer('closed', { outcome: 'interested', followUpOn: '2026-11-20', followUpClosedAt: 1 }),
      offer('sold', { outcome: 'accepted', saleStatus: 'pending' }),
      offer('opened', { outcome: 'accepted', saleStatus: 'fulfilled' }),
    ])
    expect(followUps.map((o) => o.id)).toEqual(['soon', 'late'])
    expect(pendingSales.map((o) => o.id)).toEqual(['sold'])
  })

  it('sums up a save: products accepted and the points the seller earned (not the referrer’s share)', () => {
    const offers = [{ outcome: 'accepted' as const }, { outcome: 'accepted' as const }, { outcome: 'declined' as const }]
    expect(savedSummary(offers, [{ staffId: 'me', points: 14 }, { staffId: 'teller', points: 6 }, { staffId: 'me', points: 2 }], 'me')).toEqual({ accepted: 2, points: 16 })
  })
})
