import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, ageOn, birthdayDateInWeek, birthdayInWeek, birthdayOn, businessDate, daysBetween, startOfBusinessDate, timeOfDay, weekOf } from '@/domain/time'

// The device's own zone must not matter: every rule runs under two zones.
describe.each(['UTC', 'Asia/Shanghai'])('business time on a device set to %s', (deviceZone) => {
  const original = process.env.TZ
  beforeAll(() => {
    process.env.TZ = deviceZone
  })
  afterAll(() => {
    process.env.TZ = original
  })

  it('runs under the zone it says', () => {
    const offset = new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()
    expect(offset).toBe(deviceZone === 'UTC' ? 0 : -480)
  })

  it('a business date is the calendar date in the branch zone, not the device zone', () => {
    const lateUtcEvening = Date.UTC(2026, 10, 24, 17, 30) // 2026-11-25 01:30 in Shanghai
    expect(businessDate(lateUtcEvening, 'Asia/Shanghai')).toBe('2026-11-25')
    expect(businessDate(lateUtcEvening, 'UTC')).toBe('2026-11-24')
    expect(timeOfDay(lateUtcEvening, 'Asia/Shanghai')).toBe('01:30')
  })

  it('a business day starts at midnight in the branch zone', () => {
    expect(startOfBusinessDate('2026-11-25', 'Asia/Shanghai')).toBe(Date.UTC(2026, 10, 24, 16, 0))
    expect(startOfBusinessDate('2026-11-25', 'UTC')).toBe(Date.UTC(2026, 10, 25))
  })

  it('calendar arithmetic crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(daysBetween('2026-11-25', '2027-01-01')).toBe(37)
  })

  it('a week runs Monday to Sunday', () => {
    expect(weekOf('2026-11-25')).toEqual({ start: '2026-11-23', end: '2026-11-29' })
    expect(weekOf('2026-11-29')).toEqual({ start: '2026-11-23', end: '2026-11-29' })
    expect(weekOf('2027-01-01')).toEqual({ start: '2026-12-28', end: '2027-01-03' })
  })

  it('birthdays: this week, today, and 29 February on 28 February in common years', () => {
    expect(birthdayInWeek('1960-11-29', '2026-11-25')).toBe(true)
    expect(birthdayInWeek('1960-11-30', '2026-11-25')).toBe(false)
    expect(birthdayOn('1988-02-29', '2027-02-28')).toBe(true)
    expect(birthdayOn('1988-02-29', '2028-02-28')).toBe(false)
    expect(birthdayOn('1988-02-29', '2028-02-29')).toBe(true)
  })

  it('age is counted in whole years on the day', () => {
    expect(ageOn('1961-11-25', '2026-11-25')).toBe(65)
    expect(ageOn('1961-11-26', '2026-11-25')).toBe(64)
  })
})

describe('the day a birthday is celebrated this week', () => {
  it('is the matching day of the Monday-to-Sunday week, or none', () => {
    expect(birthdayDateInWeek('1970-11-27', '2026-11-25')).toBe('2026-11-27')
    expect(birthdayDateInWeek('11-23', '2026-11-25')).toBe('2026-11-23')
    expect(birthdayDateInWeek('1970-12-01', '2026-11-25')).toBeNull()
  })

  it('a 29 February birthday falls on 28 February in a common year', () => {
    expect(birthdayDateInWeek('1988-02-29', '2027-02-26')).toBe('2027-02-28')
  })
})
