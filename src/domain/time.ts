/**
 * Business time. A business date is the calendar date in the branch's time zone (a setting,
 * default Asia/Shanghai), whatever zone the device is set to. Rules take `nowMs` as a parameter
 * and never read the clock themselves.
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

/** 'YYYY-MM-DD' */
export type BusinessDate = string

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** The branch's calendar date at `nowMs`. */
export function businessDate(nowMs: number, zone: string): BusinessDate {
  return dayjs(nowMs).tz(zone).format('YYYY-MM-DD')
}

/** The instant a business date begins in the branch's zone. */
export function startOfBusinessDate(date: BusinessDate, zone: string): number {
  return dayjs.tz(date, zone).valueOf()
}

/** The business date `days` after `date` (negative for before). Calendar arithmetic, no zone drift. */
export function addDays(date: BusinessDate, days: number): BusinessDate {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD')
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: BusinessDate, to: BusinessDate): number {
  return dayjs.utc(to).diff(dayjs.utc(from), 'day')
}

/** The branch's wall-clock time of day at `nowMs`, 24-hour 'HH:mm'. */
export function timeOfDay(nowMs: number, zone: string): string {
  return dayjs(nowMs).tz(zone).format('HH:mm')
}

/** Monday-to-Sunday week containing `date`, as the business dates that bound it. */
export function weekOf(date: BusinessDate): { start: BusinessDate; end: BusinessDate } {
  const d = dayjs.utc(date)
  const mondayOffset = (d.day() + 6) % 7
  const start = d.subtract(mondayOffset, 'day')
  return { start: start.format('YYYY-MM-DD'), end: start.add(6, 'day').format('YYYY-MM-DD') }
}

/**
 * Whether a birthday ('YYYY-MM-DD' or 'MM-DD') falls in the week of `today`. 29 February is kept
 * on 28 February in years without it.
 */
export function birthdayInWeek(birthday: string, today: BusinessDate): boolean {
  return birthdayDateInWeek(birthday, today) !== null
}

/** The date in the week of `today` on which a birthday is celebrated, or null if not this week. */
export function birthdayDateInWeek(birthday: string, today: BusinessDate): BusinessDate | null {
  const { start } = weekOf(today)
  for (let i = 0; i < 7; i++) {
    const day = addDays(start, i)
    if (birthdayOn(birthday, day)) return day
  }
  return null
}

export function birthdayOn(birthday: string, date: BusinessDate): boolean {
  const monthDay = birthday.slice(-5)
  if (monthDay === date.slice(5)) return true
  return monthDay === '02-29' && date.slice(5) === '02-28' && !isLeapYear(Number(date.slice(0, 4)))
}

/** Monday to Friday (public holidays and make-up days are the working-day rules' business). */
export function isWeekday(date: BusinessDate): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay()
  return day !== 0 && day !== 6
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** Age in whole years on `date`. */
export function ageOn(birthDate: BusinessDate, date: BusinessDate): number {
  return dayjs.utc(date).diff(dayjs.utc(birthDate), 'year')
}

/** Minutes as the house style prints durations: 12 分 / 1 小时 5 分 (the caller supplies the words). */
export function splitDuration(totalMinutes: number): { hours: number; minutes: number } {
  const whole = Math.max(0, Math.round(totalMinutes))
  return { hours: Math.trunc(whole / 60), minutes: whole % 60 }
}
