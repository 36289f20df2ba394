import { describe, expect, it } from 'vitest'
import { acceptanceByAnchor, acceptanceByPerson, acceptanceByProduct, bundleDepth, counterFigures, funnel, periodOf, periodProblem, referrerConversion, type FigureOffer } from '@/domain/counter/figures'
import { nextQuarter, quarterBounds } from '@/domain/quarters'

const offer = (more: Partial<FigureOffer>): FigureOffer => ({ staffId: 'zhou', clientId: 'liu', groupId: 'g1', productCode: 'EB_SMS', anchorCode: 'LOAN_MORTGAGE', outcome: 'declined', saleStatus: null, ...more })
const accepted = (more: Partial<FigureOffer>): FigureOffer => offer({ outcome: 'accepted', saleStatus: 'pending', ...more })

describe('acceptance rates', () => {
  it('per person: offered, accepted and the share accepted, most accepted first', () => {
    const offers = [accepted({}), offer({}), offer({ outcome: 'interested' }), offer({ staffId: 'wu' }), accepted({ staffId: 'ouyang' }), accepted({ staffId: 'ouyang' })]
    expect(acceptanceByPerson(offers)).toEqual([
      { staffId: 'ouyang', offered: 2, accepted: 2, rate: 1 },
      { staffId: 'zhou', offered: 3, accepted: 1, rate: 1 / 3 },
      { staffId: 'wu', offered: 1, accepted: 0, rate: 0 },
    ])
  })

  it('a sale cancelled later still counts as accepted at the counter', () => {
    expect(acceptanceByPerson([accepted({ saleStatus: 'cancelled' })])).toEqual([{ staffId: 'zhou', offered: 1, accepted: 1, rate: 1 }])
  })

  it('by product and by anchor (most accepted, then most offered, first), a conversation with no anchor counted under none (null)', () => {
    const offers = [accepted({ productCode: 'FUND_BOND' }), offer({ productCode: 'FUND_BOND' }), accepted({ productCode: 'CARD_DEBIT', anchorCode: null }), offer({ productCode: 'EB_SMS' })]
    expect(acceptanceByProduct(offers)).toEqual([
      { code: 'FUND_BOND', offered: 2, accepted: 1, rate: 0.5 },
      { code: 'CARD_DEBIT', offered: 1, accepted: 1, rate: 1 },
      { code: 'EB_SMS', offered: 1, accepted: 0, rate: 0 },
    ])
    expect(acceptanceByAnchor(offers)).toEqual([
      { code: 'LOAN_MORTGAGE', offered: 3, accepted: 1, rate: 1 / 3 },
      { code: null, offered: 1, accepted: 1, rate: 1 },
    ])
  })

  it('nothing offered has no rate rather than a rate of 0', () => {
    expect(counterFigures([], []).bundleDepth).toEqual({ conversations: 0, clients: 0, acceptedProducts: 0, clientProducts: 0, perConversation: null, perClient: null })
    expect(acceptanceByPerson([])).toEqual([])
  })
})

describe('bundle depth', () => {
  it('counts products accepted per conversation with an acceptance, leaving out conversations where nothing was accepted', () => {
    const offers = [
      accepted({ groupId: 'g1', productCode: 'EB_SMS' }),
      accepted({ groupId: 'g1', productCode: 'FUND_BOND' }),
      offer({ groupId: 'g1', productCode: 'INS_ACCIDENT' }),
      accepted({ groupId: 'g2', clientId: 'sun', productCode: 'CARD_CREDIT' }),
      offer({ groupId: 'g3', clientId: 'qian' }),
    ]
    expect(bundleDepth(offers)).toMatchObject({ conversations: 2, acceptedProducts: 3, perConversation: 1.5 })
  })

  it('per client adds up a client’s acceptances across conversations; anonymous clients have no depth', () => {
    const offers = [accepted({ groupId: 'g1' }), accepted({ groupId: 'g2', productCode: 'CARD_CREDIT' }), accepted({ groupId: 'g3', clientId: null, productCode: 'CARD_DEBIT' })]
    expect(bundleDepth(offers)).toEqual({ conversations: 3, clients: 1, acceptedProducts: 3, clientProducts: 2, perConversation: 1, perClient: 2 })
  })
})

describe('the funnel', () => {
  it('offered → interested (interested or accepted at once) → accepted → fulfilled, each a part of the one before', () => {
    const offers = [offer({}), offer({ outcome: 'referred' }), offer({ outcome: 'interested' }), accepted({}), accepted({ saleStatus: 'fulfilled' }), accepted({ saleStatus: 'cancelled' })]
    expect(funnel(offers)).toEqual({ offered: 6, interested: 4, accepted: 3, fulfilled: 1 })
  })
})

describe('referrers’ conversion', () => {
  it('each referrer’s referrals made and sold, the best conversion first; open ones count as made, not sold', () => {
    const referrals = [
      { referrerId: 'chen', outcome: 'sold' as const },
      { referrerId: 'chen', outcome: 'declined' as const },
      { referrerId: 'chen', outcome: null },
      { referrerId: 'sun', outcome: 'sold' as const },
      { referrerId: 'li', outcome: 'not_reached' as const },
    ]
    expect(referrerConversion(referrals)).toEqual([
      { referrerId: 'sun', made: 1, sold: 1, rate: 1 },
      { referrerId: 'chen', made: 3, sold: 1, rate: 1 / 3 },
      { referrerId: 'li', made: 1, sold: 0, rate: 0 },
    ])
  })
})

describe('periods', () => {
  it('a quarter runs from its first to its last day, the fourth into the next year', () => {
    expect(quarterBounds('2026Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' })
    expect(quarterBounds('2024Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' })
    expect(quarterBounds('2026Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' })
    expect(nextQuarter('2026Q4')).toBe('2027Q1')
    expect(nextQuarter('2026Q2')).toBe('2026Q3')
  })

  it('this quarter and this month end today; last quarter is whole', () => {
    expect(periodOf('this_quarter', '2026-11-25')).toEqual({ from: '2026-10-01', to: '2026-11-25' })
    expect(periodOf('last_quarter', '2026-11-25')).toEqual({ from: '2026-07-01', to: '2026-09-30' })
    expect(periodOf('this_month', '2026-11-25')).toEqual({ from: '2026-11-01', to: '2026-11-25' })
    expect(periodOf('last_quarter', '2026-02-10')).toEqual({ from: '2025-10-01', to: '2025-12-31' })
  })

  it('a custom period must run forwards, not past today, and at most a year', () => {
    expect(periodProblem({ from: '2026-11-01', to: '2026-11-25' }, '2026-11-25')).toBeNull()
    expect(periodProblem({ from: '2026-11-25', to: '2026-11-25' }, '2026-11-25')).toBeNull()
    expect(periodProblem({ from: '2026-11-26', to: '2026-11-25' }, '2026-11-30')).toBe('from_after_to')
    expect(periodProblem({ from: '2026-11-01', to: '2026-11-26' }, '2026-11-25')).toBe('in_future')
    expect(periodProblem({ from: '2025-01-01', to: '2026-01-02' }, '2026-11-25')).toBeNull()
    expect(periodProblem({ from: '2025-01-01', to: '2026-01-03' }, '2026-11-25')).toBe('too_long')
  })
})
