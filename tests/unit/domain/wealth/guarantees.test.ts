import { describe, expect, it } from 'vitest'
import { fourGuarantees, lastQuarterEnd, quarterBaseline, recentQuarterEnds, riskRatingExpiresOn, type GuaranteeInput } from '@/domain/wealth/guarantees'
import { startOfBusinessDate } from '@/domain/time'

const TODAY = '2026-11-25'
const ZONE = 'Asia/Shanghai'

function input(more: Partial<GuaranteeInput> = {}, client: Partial<GuaranteeInput['client']> = {}): GuaranteeInput {
  return {
    today: TODAY,
    zone: ZONE,
    activeSpanDays: 180,
    client: {
      savingsFen: 20_000_000,
      totalAssetsFen: 60_000_000,
      lastContactAt: startOfBusinessDate('2026-10-10', ZONE) + 3_600_000,
      phone: '13812341234',
      idNumber: '11010519491231002X',
      birthday: '1949-12-31',
      occupation: '退休教师',
      riskRating: 'C3',
      riskRatedOn: '2026-03-01',
      channelPrefs: ['phone'],
      maintainerId: 'm1',
      productMaintainerId: 'm2',
      ...client,
    },
    lastVisitOn: null,
    quarterBaseline: { asOf: '2026-09-30', totalAssetsFen: 55_000_000 },
    valueAddedContactsThisYear: 2,
    ...more,
  }
}

describe('四包: four guarantees per VIP', () => {
  it('a well-kept VIP meets all four', () => {
    const card = fourGuarantees(input())
    expect([card.notLost.state, card.assetsGrowing.state, card.privileges.state, card.fileComplete.state]).toEqual(['met', 'met', 'met', 'met'])
    expect(card.assetsGrowing.changeFen).toBe(5_000_000)
  })

  describe('not lost', () => {
    it('a contact or a visit within 180 days keeps the client active; the later of the two counts', () => {
      const card = fourGuarantees(input({ lastVisitOn: '2026-11-20' }))
      expect(card.notLost).toEqual({ state: 'met', lastActiveOn: '2026-11-20', noSavings: false, spanDays: 180 })
    })

    it('181 days without either is lost; 180 is not', () => {
      const at = (date: string) => startOfBusinessDate(date, ZONE)
      expect(fourGuarantees(input({}, { lastContactAt: at('2026-05-29') })).notLost.state).toBe('met')
      expect(fourGuarantees(input({}, { lastContactAt: at('2026-05-28') })).notLost.state).toBe('missed')
      expect(fourGuarantees(input({}, { lastContactAt: null })).notLost).toEqual({ state: 'missed', lastActiveOn: null, noSavings: false, spanDays: 180 })
    })

    it('a client who emptied their savings is counted lost even when contacted', () => {
      expect(fourGuarantees(input({}, { savingsFen: 0 })).notLost).toMatchObject({ state: 'missed', noSavings: true })
    })

    it('the span is a wealth rule', () => {
      expect(fourGuarantees(input({ activeSpanDays: 30 })).notLost.state).toBe('missed')
    })
  })

  describe('assets growing', () => {
    it('compares total assets with the end of last quarter; flat or falling is missed', () => {
      expect(fourGuarantees(input({}, { totalAssetsFen: 55_000_000 })).assetsGrowing).toEqual({ state: 'missed', baselineAsOf: '2026-09-30', changeFen: 0 })
      expect(fourGuarantees(input({}, { totalAssetsFen: 50_000_000 })).assetsGrowing.changeFen).toBe(-5_000_000)
    })

    it('is not yet known without a balance on record at that time', () => {
      expect(fourGuarantees(input({ quarterBaseline: null })).assetsGrowing).toEqual({ state: 'unknown', baselineAsOf: null, changeFen: null })
    })

    it('last quarter ends at the end of March, June, September, December', () => {
      expect(lastQuarterEnd('2026-11-25')).toBe('2026-09-30')
      expect(lastQuarterEnd('2026-10-01')).toBe('2026-09-30')
      expect(lastQuarterEnd('2026-09-30')).toBe('2026-06-30')
      expect(lastQuarterEnd('2026-01-15')).toBe('2025-12-31')
      expect(recentQuarterEnds('2026-11-25', 4)).toEqual(['2026-09-30', '2026-06-30', '2026-03-31', '2025-12-31'])
    })

    it('the baseline is the latest snapshot on or before that day', () => {
      const snapshots = [{ asOf: '2026-06-30' }, { asOf: '2026-09-30' }, { asOf: '2026-10-15' }, { asOf: '2026-09-01' }]
      expect(quarterBaseline(snapshots, TODAY)).toEqual({ asOf: '2026-09-30' })
      expect(quarterBaseline([{ asOf: '2026-10-15' }], TODAY)).toBeNull()
    })
  })

  it('privileges are delivered with at least one value-added service this year', () => {
    expect(fourGuarantees(input({ valueAddedContactsThisYear: 0 })).privileges).toEqual({ state: 'missed', count: 0 })
  })

  describe('file complete', () => {
    it('lists every missing field', () => {
      const card = fourGuarantees(input({}, { phone: null, occupation: ' ', channelPrefs: [], productMaintainerId: null, riskRating: null, riskRatedOn: null }))
      expect(card.fileComplete).toEqual({ state: 'missed', missing: ['phone', 'occupation', 'riskRating', 'channelPrefs', 'maintainers'], riskRatingExpired: false })
    })

    it('a risk rating older than one year counts as missing, and says it expired', () => {
      expect(fourGuarantees(input({}, { riskRatedOn: '2025-11-25' })).fileComplete.state).toBe('met')
      expect(fourGuarantees(input({}, { riskRatedOn: '2025-11-24' })).fileComplete).toEqual({ state: 'missed', missing: ['riskRating'], riskRatingExpired: true })
    })

    it('a rating on 29 February holds until 28 February next year', () => {
      expect(riskRatingExpiresOn('2024-02-29')).toBe('2025-02-28')
      expect(riskRatingExpiresOn('2027-02-28')).toBe('2028-02-28')
    })
  })
})
