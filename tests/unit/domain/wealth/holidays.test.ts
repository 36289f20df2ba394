import { describe, expect, it } from 'vitest'
import { holidayDate, LUNAR_MONTH_DAY } from '@/domain/wealth/holidays'
import { CARE_HOLIDAYS } from '@/domain/wealth/rules'

describe('lunar festivals come from the calendar, year by year', () => {
  it('Mid-Autumn (8/15) is 25 September 2026 and 15 September 2027', () => {
    expect(holidayDate('mid_autumn', 2026)).toBe('2026-09-25')
    expect(holidayDate('mid_autumn', 2027)).toBe('2027-09-15')
  })

  it('Spring Festival (1/1) is 17 February 2026, 6 February 2027', () => {
    expect(holidayDate('spring_festival', 2026)).toBe('2026-02-17')
    expect(holidayDate('spring_festival', 2027)).toBe('2027-02-06')
  })

  it('Lantern is 14 days after Spring Festival; Dragon Boat and Double Ninth fall in their season', () => {
    expect(holidayDate('lantern', 2026)).toBe('2026-03-03')
    expect(holidayDate('dragon_boat', 2026)).toBe('2026-06-19')
    expect(holidayDate('double_ninth', 2026)).toBe('2026-10-18')
  })

  it('every festival of a lunar year falls in the solar year of the same number', () => {
    for (const year of [2024, 2025, 2026, 2027, 2028]) {
      for (const holiday of CARE_HOLIDAYS) expect(holidayDate(holiday, year).slice(0, 4)).toBe(String(year))
    }
  })

  it('names the five festivals by their lunar month and day', () => {
    expect(LUNAR_MONTH_DAY).toEqual({ spring_festival: '01-01', lantern: '01-15', dragon_boat: '05-05', mid_autumn: '08-15', double_ninth: '09-09' })
  })
})
