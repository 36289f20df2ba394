import { describe, expect, it } from 'vitest'
import { appointmentsToMarkMissed, bookingOf, byTime, checkBooking, dueNow, isDueNow, isMissed, nearestSlot, slotAt } from '@/domain/lobby/appointments'
import { startOfBusinessDate } from '@/domain/time'

const ZONE = 'Asia/Shanghai'
const MIN = 60_000
const window = { beforeMinutes: 15, afterMinutes: 15 }
const t1030 = startOfBusinessDate('2026-11-25', ZONE) + (10 * 60 + 30) * MIN
const booked = { status: 'booked' as const, at: t1030, clientId: 'c1' }

describe('appointment windows at their edges', () => {
  it('is due from exactly 15 minutes before to exactly 15 minutes after, not a minute outside', () => {
    expect(isDueNow(booked, t1030 - 16 * MIN, window)).toBe(false)
    expect(isDueNow(booked, t1030 - 15 * MIN, window)).toBe(true)
    expect(isDueNow(booked, t1030 + 15 * MIN, window)).toBe(true)
    expect(isDueNow(booked, t1030 + 16 * MIN, window)).toBe(false)
  })

  it('is missed only after the window has closed: at its end still not, one minute later yes', () => {
    expect(isMissed(booked, t1030 + 15 * MIN, window)).toBe(false)
    expect(isMissed(booked, t1030 + 16 * MIN, window)).toBe(true)
    expect(appointmentsToMarkMissed([booked, { ...booked, status: 'arrived' as const }, { ...booked, status: 'cancelled' as const }], t1030 + 16 * MIN, window)).toEqual([booked])
  })

  it('only booked appointments are due; earliest first', () => {
    const later = { ...booked, at: t1030 + 10 * MIN }
    expect(dueNow([later, { ...booked, status: 'arrived' as const }, booked], t1030 + 5 * MIN, window)).toEqual([booked, later])
  })
})

describe('recognising a booked client and booking', () => {
  it('finds the client’s booking today unless it was missed', () => {
    expect(bookingOf([booked], 'c1', t1030 - 60 * MIN, window)).toEqual(booked)
    expect(bookingOf([booked], 'c2', t1030, window)).toBeNull()
    expect(bookingOf([booked], 'c1', t1030 + 16 * MIN, window)).toBeNull()
  })

  it('slots are 15 minutes; "now" is the nearest slot', () => {
    expect(slotAt('2026-11-25', 10 * 60 + 30, ZONE)).toBe(t1030)
    expect(nearestSlot(t1030 + 7 * MIN, ZONE)).toEqual({ date: '2026-11-25', minutes: 630 })
    expect(nearestSlot(t1030 + 8 * MIN, ZONE)).toEqual({ date: '2026-11-25', minutes: 645 })
  })

  it('lists a day by time with cancelled ones last', () => {
    const cancelled = { ...booked, at: t1030 - 60 * MIN, status: 'cancelled' as const }
    const early = { ...booked, at: t1030 - 30 * MIN }
    expect(byTime([booked, cancelled, early])).toEqual([early, booked, cancelled])
  })

  it('a booking needs who, a purpose and a time not already past its window', () => {
    expect(checkBooking({ clientId: null, name: '', phone: '12', purpose: null, at: null }, t1030, window)).toEqual(['who_required', 'phone_invalid', 'purpose_required', 'time_required'])
    expect(checkBooking({ clientId: 'c1', name: '', phone: '', purpose: 'cash', at: t1030 - 15 * MIN }, t1030, window)).toEqual([])
    expect(checkBooking({ clientId: 'c1', name: '', phone: '', purpose: 'cash', at: t1030 - 16 * MIN }, t1030, window)).toEqual(['in_past'])
    expect(checkBooking({ clientId: null, name: '张三', phone: '13800001234', purpose: 'cash', at: t1030 }, t1030, window)).toEqual([])
  })
})
