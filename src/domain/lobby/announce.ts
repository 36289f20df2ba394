/**
 * What the lobby display says when a ticket is called: "请 A 零 一 二 号 到 3 号窗口". The ticket's
 * letters and digits are read one by one (A012 is "A 零 一 二", never "A 十二"), so nobody mishears a
 * number across a noisy hall; the service point's number is said as a number ("3 号窗口").
 */
import type { ServicePointKind } from '../model/records'

export type AnnounceLocale = 'zh-CN' | 'en'

export interface CallToAnnounce {
  /** The ticket as printed: 'A012'. */
  ticketCode: string
  /** The service point's number: "3 号窗口". */
  pointNumber: number
  pointKind: ServicePointKind
}

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const
const EN_DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] as const

/** Where the client goes, after the number: 号窗口, 号理财室, … */
const ZH_PLACE: Record<ServicePointKind, string> = {
  high_counter: '号窗口',
  low_counter: '号窗口',
  wealth_room: '号理财室',
  self_service: '号自助服务区',
  manager_desk: '号客户经理台',
  corporate_desk: '号对公业务台',
}

const EN_PLACE: Record<ServicePointKind, string> = {
  high_counter: 'counter',
  low_counter: 'counter',
  wealth_room: 'wealth management room',
  self_service: 'self-service area',
  manager_desk: 'customer manager desk',
  corporate_desk: 'corporate desk',
}

/** The ticket code spelt out character by character: 'A012' → ['A', '零', '一', '二']. */
export function spellTicket(code: string, locale: AnnounceLocale = 'zh-CN'): string[] {
  const digits = locale === 'zh-CN' ? ZH_DIGITS : EN_DIGITS
  return [...code.trim().toUpperCase()].filter((char) => /[A-Z0-9]/.test(char)).map((char) => (/\d/.test(char) ? digits[Number(char)]! : char))
}

/** The sentence the display speaks for a call (and repeats on a recall). */
export function announcementText(call: CallToAnnounce, locale: AnnounceLocale = 'zh-CN'): string {
  const spelt = spellTicket(call.ticketCode, locale).join(' ')
  if (locale === 'zh-CN') return `请 ${spelt} 号 到 ${call.pointNumber} ${ZH_PLACE[call.pointKind]}`
  return `Ticket ${spelt}, please go to ${EN_PLACE[call.pointKind]} ${call.pointNumber}`
}

/** The BCP 47 language the speech engine is asked to speak in. */
export function speechLang(locale: AnnounceLocale): string {
  return locale === 'zh-CN' ? 'zh-CN' : 'en-US'
}
