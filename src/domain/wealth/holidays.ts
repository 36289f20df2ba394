/**
 * The lunar-calendar festivals a VIP is greeted on (春节, 元宵, 端午, 中秋, 重阳). Their solar dates
 * move every year, so they come from the chinese-days calendar (an offline dataset), never from a
 * table of our own.
 */
import { getSolarDateFromLunar } from 'chinese-days'
import type { CareHoliday } from './rules'
import type { BusinessDate } from '../time'

/** Each festival's lunar month and day, 'MM-DD'. */
export const LUNAR_MONTH_DAY: Readonly<Record<CareHoliday, string>> = {
  spring_festival: '01-01',
  lantern: '01-15',
  dragon_boat: '05-05',
  mid_autumn: '08-15',
  double_ninth: '09-09',
}

/**
 * The solar date of a festival in a lunar year. Every one of these festivals falls in the solar
 * year of the same number (Spring Festival in late January or February at the earliest).
 */
export function holidayDate(holiday: CareHoliday, lunarYear: number): BusinessDate {
  const key = `${holiday}:${lunarYear}`
  let date = known.get(key)
  if (date === undefined) {
    date = getSolarDateFromLunar(`${lunarYear}-${LUNAR_MONTH_DAY[holiday]}`).date
    known.set(key, date)
  }
  return date
}

/** The calendar's answers never change: a due list of hundreds of VIPs asks for the same few dates. */
const known = new Map<string, BusinessDate>()
