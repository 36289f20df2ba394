import { describe, expect, it } from 'vitest'
import { addMonths, birthdayIn, dateInZone, shiftDays, itemsOnDueList, nextCareOn, occasionOfKey, openCareItems, preferredContactChannel, regularDueOn, riskExpiresOn, urgencyOf, type CareClient, type CareHolding } from '@/domain/wealth/cadence'
import { DEFAULT_WEALTH_RULES, type WealthRules } from '@/domain/wealth/rules'
import { addDays, businessDate, startOfBusinessDate } from '@/domain/time'

const ZONE = 'Asia/Shanghai'
/** Only the occasion under test: no festivals unless a test asks for them. */
const RULES: WealthRules = { ...DEFAULT_WEALTH_RULES, holidays: [] }
const noon = (date: string) => startOfBusinessDate(date, ZONE) + 12 * 3_600_000

function vip(overrides: Partial<CareClient> = {}): CareClient {
  return { vipTier: 'platinum', birthday: null, riskRatedOn: null, marketingConsent: 1, channelPrefs: [], lastContactAt: null, careDone: [], clientSince: '2020-01-10', ...overrides }
}
const itemsOf = (client: CareClient, today: string, holdings: CareHolding[] = [], rules = RULES) => openCareItems({ client, holdings, rules, today, zone: ZONE })

describe('fast calendar arithmetic', () => {
  it('gives what time.ts gives, across month and year ends and leap days', () => {
    for (const date of ['2026-01-31', '2026-02-28', '2028-02-29', '2026-12-31', '1999-12-31']) {
      for (const days of [-400, -31, -1, 0, 1, 29, 366]) expect(shiftDays(date, days)).toBe(addDays(date, days))
    }
    for (let ms = Date.UTC(2026, 11, 31, 15, 59); ms < Date.UTC(2027, 0, 1, 16, 1); ms += 3_600_000) {
      expect(dateInZone(ms, ZONE)).toBe(businessDate(ms, ZONE))
      expect(dateInZone(ms, 'America/New_York')).toBe(businessDate(ms, 'America/New_York'))
    }
  })
})

describe('calendar months', () => {
  it('keeps the day of the month when it exists', () => {
    expect(addMonths('2026-03-15', 3)).toBe('2026-06-15')
  })
  it('31 January + 1 month is 28 February, or 29 in a leap year', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
  })
  it('crosses the year end', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
    expect(addMonths('2026-12-31', 6)).toBe('2027-06-30')
    expect(addMonths('2027-01-15', -1)).toBe('2026-12-15')
  })
  it('29 February + 12 months is 28 February', () => {
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28')
    expect(riskExpiresOn('2028-02-29')).toBe('2029-02-28')
  })
})

describe('the regular contact every N months by tier', () => {
  it('is due N months after the last contact, in the branch zone', () => {
    // 23:30 on 31 August in Shanghai is still the 31st there (15:30 UTC).
    const lastContactAt = startOfBusinessDate('2026-08-31', ZONE) + (23 * 60 + 30) * 60_000
    expect(regularDueOn(vip({ vipTier: 'platinum', lastContactAt }), RULES, ZONE)).toBe('2026-11-30') // quarterly
    expect(regularDueOn(vip({ vipTier: 'diamond', lastContactAt }), RULES, ZONE)).toBe('2026-09-30') // monthly
    expect(regularDueOn(vip({ vipTier: 'gold', lastContactAt }), RULES, ZONE)).toBe('2027-02-28') // half-yearly, across the year end
  })
  it('counts from the day the client joined when never contacted', () => {
    expect(regularDueOn(vip({ clientSince: '2026-05-20' }), RULES, ZONE)).toBe('2026-08-20')
  })
  it('follows the configured frequency', () => {
    const rules = { ...RULES, contactEveryMonths: { ...RULES.contactEveryMonths, platinum: 2 } }
    expect(regularDueOn(vip({ lastContactAt: noon('2026-10-01') }), rules, ZONE)).toBe('2026-12-01')
  })
  it('is a marketing item, not offered for a client who declined marketing', () => {
    const client = vip({ lastContactAt: noon('2026-08-01') })
    expect(itemsOf(client, '2026-11-25')).toEqual([expect.objectContaining({ key: 'regular', kind: 'marketing', by: '2026-11-01' })])
    expect(itemsOf({ ...client, marketingConsent: 0 }, '2026-11-25')).toEqual([])
  })
  it('is only for VIPs', () => {
    expect(regularDueOn(vip({ vipTier: null }), RULES, ZONE)).toBeNull()
  })
  it('suggests the channel the client prefers (WeChat is logged as a message)', () => {
    expect(preferredContactChannel(['visit', 'phone'])).toBe('visit')
    expect(preferredContactChannel(['wechat'])).toBe('sms')
    expect(preferredContactChannel([])).toBe('phone')
  })
})

describe('birthdays', () => {
  it('a 29 February birthday is kept on 28 February in other years', () => {
    expect(birthdayIn('1988-02-29', 2027)).toBe('2027-02-28')
    expect(birthdayIn('1988-02-29', 2028)).toBe('2028-02-29')
  })
  it('comes due the lead days before and is overdue the day after', () => {
    const client = vip({ birthday: '1970-12-03', lastContactAt: noon('2026-11-20') })
    const [birthday] = itemsOf(client, '2026-11-25').filter((i) => i.occasion === 'birthday')
    expect(birthday).toMatchObject({ key: 'birthday:2026', kind: 'care', dueOn: '2026-11-30', by: '2026-12-03', channel: 'birthday_wishes' })
    expect(urgencyOf(birthday!, '2026-12-03')).toBe('today')
    expect(urgencyOf(birthday!, '2026-12-04')).toBe('overdue')
    expect(urgencyOf(birthday!, '2026-12-01')).toBe('soon')
  })
  it('next year’s is the one open once this year’s is a week past', () => {
    const client = vip({ birthday: '1970-03-01', lastContactAt: noon('2026-11-20') })
    expect(itemsOf(client, '2026-03-08').find((i) => i.occasion === 'birthday')?.key).toBe('birthday:2026')
    expect(itemsOf(client, '2026-03-09').find((i) => i.occasion === 'birthday')?.key).toBe('birthday:2027')
  })
  it('a January birthday shows at the year end ahead of its day', () => {
    const client = vip({ birthday: '1980-01-01', lastContactAt: noon('2026-12-20') })
    const birthday = itemsOf(client, '2026-12-30').find((i) => i.occasion === 'birthday')
    expect(birthday).toMatchObject({ key: 'birthday:2027', dueOn: '2026-12-29', by: '2027-01-01' })
  })
  it('once greeted, never comes back that year', () => {
    const client = vip({ birthday: '1970-12-03', careDone: ['birthday:2026'], lastContactAt: noon('2026-12-03') })
    expect(itemsOf(client, '2026-12-03').some((i) => i.key === 'birthday:2026')).toBe(false)
  })
  it('still reaches a client who declined marketing: it is care', () => {
    const client = vip({ birthday: '1970-12-03', marketingConsent: 0 })
    expect(itemsOf(client, '2026-12-01').map((i) => i.key)).toEqual(['birthday:2026'])
  })
})

describe('lunar festivals', () => {
  const rules = { ...RULES, holidays: ['mid_autumn', 'spring_festival'] as WealthRules['holidays'] }
  const client = vip({ lastContactAt: noon('2026-09-01') })

  it('Mid-Autumn 2026 (25 September) comes due three days ahead', () => {
    const midAutumn = itemsOf(client, '2026-09-20', [], rules).find((i) => i.holiday === 'mid_autumn')
    expect(midAutumn).toMatchObject({ key: 'holiday:mid_autumn:2026', dueOn: '2026-09-22', by: '2026-09-25', channel: 'holiday_greeting', kind: 'care' })
  })
  it('after the festival the next year’s is the one ahead', () => {
    expect(itemsOf(client, '2026-11-25', [], rules).find((i) => i.holiday === 'mid_autumn')?.by).toBe('2027-09-15')
    expect(itemsOf(client, '2026-11-25', [], rules).find((i) => i.holiday === 'spring_festival')?.by).toBe('2027-02-06')
  })
  it('only the festivals the branch keeps', () => {
    expect(itemsOf(client, '2026-09-20').some((i) => i.occasion === 'holiday')).toBe(false)
  })
})

describe('holdings: after-sale follow-up and maturity', () => {
  const client = vip({ lastContactAt: noon('2026-11-20') })

  it('follows up afterSaleDays after the purchase', () => {
    const items = itemsOf(client, '2026-11-25', [{ id: 'h1', purchasedOn: '2026-11-20', maturesOn: null }])
    expect(items.find((i) => i.occasion === 'after_sale')).toMatchObject({ key: 'after_sale:h1', dueOn: '2026-11-27', by: '2026-11-27', channel: 'after_sale', kind: 'care' })
  })
  it('gives notice maturityLeadDays before the money may leave, across the year end', () => {
    const items = itemsOf(client, '2026-12-20', [{ id: 'h2', purchasedOn: '2026-06-01', maturesOn: '2027-01-03' }])
    expect(items.find((i) => i.occasion === 'maturity')).toMatchObject({ key: 'maturity:h2', dueOn: '2026-12-27', by: '2027-01-03', kind: 'care' })
  })
  it('reaches a client who declined marketing: maturity notices are care', () => {
    const items = itemsOf({ ...client, marketingConsent: 0 }, '2026-12-28', [{ id: 'h2', purchasedOn: '2026-06-01', maturesOn: '2027-01-03' }])
    expect(items.map((i) => i.key)).toEqual(['maturity:h2'])
  })
  it('drops long-past purchases and maturities', () => {
    const items = itemsOf(client, '2026-11-25', [{ id: 'old', purchasedOn: '2025-01-01', maturesOn: '2025-07-01' }])
    expect(items.some((i) => i.holdingId === 'old')).toBe(false)
  })
})

describe('risk-rating renewal', () => {
  it('comes due riskRenewalLeadDays before the one-year expiry and stays until a new rating', () => {
    const client = vip({ riskRatedOn: '2026-01-10', lastContactAt: noon('2026-11-20') })
    expect(itemsOf(client, '2026-11-25').find((i) => i.occasion === 'risk')).toMatchObject({ key: 'risk:2026-01-10', dueOn: '2026-12-11', by: '2027-01-10' })
    expect(itemsOf(client, '2027-06-01').find((i) => i.occasion === 'risk')?.key).toBe('risk:2026-01-10')
    expect(itemsOf({ ...client, riskRatedOn: '2027-01-05' }, '2027-06-01').find((i) => i.occasion === 'risk')?.key).toBe('risk:2027-01-05')
  })
})

describe('the next care date and the due list', () => {
  const client = vip({ birthday: '1970-12-03', riskRatedOn: '2026-01-10', lastContactAt: noon('2026-10-15') })

  it('is the earliest date any open item comes due', () => {
    const items = itemsOf(client, '2026-11-25')
    expect(items.map((i) => i.dueOn)).toEqual(['2026-11-30', '2026-12-11', '2027-01-15'])
    expect(nextCareOn(items)).toBe('2026-11-30')
  })
  it('is null when nothing is open', () => {
    expect(nextCareOn([])).toBeNull()
  })
  it('the due list holds what comes due within a week', () => {
    expect(itemsOnDueList(itemsOf(client, '2026-11-25'), '2026-11-25').map((i) => i.key)).toEqual(['birthday:2026'])
  })
  it('reads back the occasion of a stored key', () => {
    expect(occasionOfKey('holiday:mid_autumn:2026')).toEqual({ occasion: 'holiday', holiday: 'mid_autumn' })
    expect(occasionOfKey('maturity:abc')).toEqual({ occasion: 'maturity', holiday: null })
    expect(occasionOfKey('something_else')).toBeNull()
  })
})
