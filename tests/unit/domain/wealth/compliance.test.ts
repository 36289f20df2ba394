import { describe, expect, it } from 'vitest'
import { managerCompliance, sortByConcern } from '@/domain/wealth/compliance'
import { DEFAULT_WEALTH_RULES } from '@/domain/wealth/rules'
import { startOfBusinessDate } from '@/domain/time'

const ZONE = 'Asia/Shanghai'
const TODAY = '2026-11-25'
const noon = (date: string) => startOfBusinessDate(date, ZONE) + 12 * 3_600_000
const client = (lastContactOn: string | null, marketingConsent: 0 | 1 = 1) => ({ vipTier: 'diamond' as const, lastContactAt: lastContactOn ? noon(lastContactOn) : null, clientSince: '2020-01-01', marketingConsent })

describe('compliance per manager', () => {
  it('counts overdue and due-this-week items, the month’s contacts and the share contacted on cadence', () => {
    const book = [
      { client: client('2026-11-10'), dueItems: [{ by: '2026-11-28' }] }, // on cadence (monthly), due this week
      { client: client('2026-09-01'), dueItems: [{ by: '2026-10-01' }, { by: '2026-11-20' }] }, // behind, two overdue
      { client: client(null), dueItems: [{ by: TODAY }] }, // never contacted, due today
      { client: client('2026-06-01', 0), dueItems: [] }, // declined marketing: not expected
    ]
    expect(managerCompliance('m1', book, 7, DEFAULT_WEALTH_RULES, TODAY, ZONE)).toEqual({
      staffId: 'm1', vips: 4, overdue: 2, dueThisWeek: 2, contactsThisMonth: 7, withinCadence: 1, expected: 3, share: 1 / 3,
    })
  })

  it('has no share when no VIP is expected to be contacted', () => {
    expect(managerCompliance('m2', [], 0, DEFAULT_WEALTH_RULES, TODAY, ZONE).share).toBeNull()
  })

  it('puts the most overdue first, then the lowest share', () => {
    const row = (staffId: string, overdue: number, share: number | null) => ({ staffId, vips: 1, overdue, dueThisWeek: 0, contactsThisMonth: 0, withinCadence: 0, expected: 1, share })
    expect(sortByConcern([row('a', 0, 0.9), row('b', 3, 0.5), row('c', 0, 0.2)]).map((r) => r.staffId)).toEqual(['b', 'c', 'a'])
  })
})
