import { describe, expect, it } from 'vitest'
import { checkAcknowledgement, noContactAlert, silenceLimit } from '@/domain/wealth/noContact'
import { DEFAULT_WEALTH_RULES } from '@/domain/wealth/rules'
import { startOfBusinessDate } from '@/domain/time'

const ZONE = 'Asia/Shanghai'
const RULES = DEFAULT_WEALTH_RULES // factor 1.5; gold 6, platinum 3, diamond 1 month
const noon = (date: string) => startOfBusinessDate(date, ZONE) + 12 * 3_600_000

describe('no contact for too long', () => {
  it('the limit is factor × the tier’s interval: whole months by the calendar, the rest in days', () => {
    expect(silenceLimit('2026-01-31', 6, 1.5)).toBe('2026-10-31') // 9 months
    expect(silenceLimit('2026-01-31', 1, 1.5)).toBe('2026-03-15') // 1 month (28 Feb) + 15 days
    expect(silenceLimit('2026-08-31', 3, 1.5)).toBe('2027-01-15') // 4 months (31 Dec) + 15 days, across the year end
  })

  it('raises on the day after the limit, not on it', () => {
    const client = { id: 'c1', vipTier: 'gold' as const, lastContactAt: noon('2026-01-31'), clientSince: '2020-01-01' }
    expect(noContactAlert(client, RULES, '2026-10-31', ZONE)).toBeNull()
    expect(noContactAlert(client, RULES, '2026-11-01', ZONE)).toEqual({
      key: 'no_contact:c1:2026-01-31',
      facts: { lastContactOn: '2026-01-31', since: '2026-01-31', limit: '2026-10-31', tier: 'gold', everyMonths: 6 },
    })
  })

  it('one alert per silent stretch: the key stays the same day after day', () => {
    const client = { id: 'c1', vipTier: 'diamond' as const, lastContactAt: noon('2026-09-01'), clientSince: '2020-01-01' }
    expect(noContactAlert(client, RULES, '2026-11-25', ZONE)?.key).toBe(noContactAlert(client, RULES, '2026-12-25', ZONE)?.key)
  })

  it('a VIP never contacted counts from the day they joined', () => {
    const client = { id: 'c2', vipTier: 'platinum' as const, lastContactAt: null, clientSince: '2026-01-01' }
    expect(noContactAlert(client, RULES, '2026-11-25', ZONE)?.key).toBe('no_contact:c2:never')
  })

  it('not for clients who are not VIPs', () => {
    expect(noContactAlert({ id: 'c3', vipTier: null, lastContactAt: null, clientSince: '2000-01-01' }, RULES, '2026-11-25', ZONE)).toBeNull()
  })
})

describe('acknowledging an alert', () => {
  it('needs the action taken; “other” needs a note', () => {
    expect(checkAcknowledgement(null, 'called')).toEqual(['action_required'])
    expect(checkAcknowledgement('called_client', '')).toEqual([])
    expect(checkAcknowledgement('other', '  ')).toEqual(['note_required'])
    expect(checkAcknowledgement('other', 'sent a letter')).toEqual([])
  })
})
