/**
 * Cadence (维护频次): when each VIP is due for care, from the branch's wealth rules. A client's open
 * care items are the occasions not yet looked after: the regular contact every N months by tier
 * (a marketing contact, left out for a client who declined marketing), the birthday, the lunar
 * festivals, the after-sale follow-up of a purchase, the notice before a product matures (the moment
 * money may leave) and the renewal of the risk rating before its one-year expiry (care contacts).
 *
 * Each occasion has a stable key ('birthday:2026', 'maturity:<holding id>'…): a contact that looks
 * after it puts the key in the client's `careDone`, and it never comes back. Each item is due from
 * `dueOn` (its date less the lead days) until `by` (its date); after `by` it is overdue, and dated
 * occasions drop off once they are too old to be worth doing. Pure: `today` is a parameter.
 */
import type { Client, ContactChannel, Holding, PreferredChannel, Product } from '../model/records'
import { isLeapYear, type BusinessDate } from '../time'
import type { CareHoliday, WealthRules } from './rules'
import { holidayDate } from './holidays'

export const CARE_OCCASIONS = ['regular', 'birthday', 'holiday', 'after_sale', 'maturity', 'risk'] as const
export type CareOccasion = (typeof CARE_OCCASIONS)[number]

/** The regular contact sells; everything else looks after the client. */
export type CareKind = 'care' | 'marketing'

/** A greeting more than a week late is no greeting: it drops off the list. */
export const GREETING_LATE_DAYS = 7
/** A follow-up, maturity notice or renewal stays on the list this long after its date, then drops off. */
export const BUSINESS_LATE_DAYS = 30

export interface CareItem {
  /** Stable: a contact that settles the item stores it in the client's careDone. */
  key: string
  occasion: CareOccasion
  kind: CareKind
  /** The festival, for holiday items. */
  holiday: CareHoliday | null
  /** The holding, for after-sale and maturity items. */
  holdingId: string | null
  /** From this date the item is on the list. */
  dueOn: BusinessDate
  /** The occasion's own date (birthday, festival, maturity, expiry): after it the item is overdue. */
  by: BusinessDate
  /** What the contact will be logged as. */
  channel: ContactChannel
}

export type CareClient = Pick<Client, 'vipTier' | 'birthday' | 'riskRatedOn' | 'marketingConsent' | 'channelPrefs' | 'lastContactAt' | 'careDone' | 'clientSince'>
export type CareHolding = Pick<Holding, 'id' | 'purchasedOn' | 'maturesOn'>

/**
 * Products a client holds that the wealth area follows up after the sale and at maturity. A card or
 * an SMS-alert sign-up sold at the counter is not followed up: the counter's own sales record says
 * the client has it.
 */
export const FOLLOWED_HOLDING_CATEGORIES: readonly Product['category'][] = ['wealth', 'fund', 'insurance']

// Calendar arithmetic on 'YYYY-MM-DD' without dayjs: a due list runs it tens of thousands of times,
// and dayjs costs 20–120 µs a call. Same results as time.ts's addDays and businessDate (tested).
const DAY_MS = 86_400_000
const isoDate = (ms: number): BusinessDate => new Date(ms).toISOString().slice(0, 10)
const utcMs = (date: BusinessDate): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))

/** The date `days` after `date` (negative for before). */
export function shiftDays(date: BusinessDate, days: number): BusinessDate {
  return isoDate(utcMs(date) + days * DAY_MS)
}

/**
 * `months` calendar months after `date`, kept inside the month: 31 January + 1 month is 28
 * February (29 in a leap year), and 29 February + 12 months is 28 February.
 */
export function addMonths(date: BusinessDate, months: number): BusinessDate {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7)) - 1 + months
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return isoDate(Date.UTC(year, month, Math.min(Number(date.slice(8, 10)), lastDay)))
}

const dayFormats = new Map<string, Intl.DateTimeFormat>()
/** The calendar date of an instant in a time zone. */
export function dateInZone(ms: number, zone: string): BusinessDate {
  let format = dayFormats.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    dayFormats.set(zone, format)
  }
  return format.format(ms)
}

/** A birthday in a given year; 29 February is kept on 28 February in years without it. */
export function birthdayIn(birthday: string, year: number): BusinessDate {
  const monthDay = birthday.slice(-5)
  return `${year}-${monthDay === '02-29' && !isLeapYear(year) ? '02-28' : monthDay}`
}

/** A risk assessment is valid for one year from the day it was made. */
export function riskExpiresOn(riskRatedOn: BusinessDate): BusinessDate {
  return addMonths(riskRatedOn, 12)
}

/** The day the regular contact is due: N months (by tier) after the last contact, or after the client joined if never contacted. */
export function regularDueOn(client: Pick<CareClient, 'vipTier' | 'lastContactAt' | 'clientSince'>, rules: WealthRules, zone: string): BusinessDate | null {
  if (!client.vipTier) return null
  const since = client.lastContactAt === null ? client.clientSince : dateInZone(client.lastContactAt, zone)
  return addMonths(since, rules.contactEveryMonths[client.vipTier])
}

/** How a WeChat-first client is logged: a message, like an SMS (the diary has no separate WeChat channel). */
const CONTACT_CHANNEL_OF: Readonly<Record<PreferredChannel, ContactChannel>> = { phone: 'phone', sms: 'sms', wechat: 'sms', visit: 'visit' }

/** The client's preferred way to be reached, as a diary channel (phone when they said nothing). */
export function preferredContactChannel(channelPrefs: readonly PreferredChannel[]): ContactChannel {
  const first = channelPrefs[0]
  return first ? CONTACT_CHANNEL_OF[first] : 'phone'
}

function item(occasion: CareOccasion, key: string, by: BusinessDate, leadDays: number, channel: ContactChannel, extra: Partial<Pick<CareItem, 'holiday' | 'holdingId'>> = {}): CareItem {
  return { key, occasion, kind: occasion === 'regular' ? 'marketing' : 'care', holiday: extra.holiday ?? null, holdingId: extra.holdingId ?? null, dueOn: shiftDays(by, -leadDays), by, channel }
}

/** The next occurrence of a yearly occasion that is not past its lateness limit: this year's or next year's. */
function yearly(dateIn: (year: number) => BusinessDate, today: BusinessDate, lateDays: number): { year: number; by: BusinessDate } {
  const year = Number(today.slice(0, 4))
  for (const y of [year - 1, year, year + 1]) {
    const by = dateIn(y)
    if (shiftDays(by, lateDays) >= today) return { year: y, by }
  }
  return { year: year + 1, by: dateIn(year + 1) }
}

export interface CareInput {
  client: CareClient
  holdings: readonly CareHolding[]
  rules: WealthRules
  today: BusinessDate
  zone: string
}

/**
 * Every occasion of the client not yet looked after and not too old, future ones included (so the
 * next due date is known), earliest first. Greetings go to VIPs; holdings and risk ratings to anyone
 * in a manager's book.
 */
export function openCareItems({ client, holdings, rules, today, zone }: CareInput): CareItem[] {
  const reachBy = preferredContactChannel(client.channelPrefs)
  const items: CareItem[] = []

  const regular = regularDueOn(client, rules, zone)
  if (regular && client.marketingConsent === 1) items.push(item('regular', 'regular', regular, 0, reachBy))

  if (client.vipTier && client.birthday) {
    const birthday = client.birthday
    const { year, by } = yearly((y) => birthdayIn(birthday, y), today, GREETING_LATE_DAYS)
    items.push(item('birthday', `birthday:${year}`, by, rules.birthdayLeadDays, 'birthday_wishes'))
  }
  if (client.vipTier) {
    for (const holiday of rules.holidays) {
      const { year, by } = yearly((y) => holidayDate(holiday, y), today, GREETING_LATE_DAYS)
      items.push(item('holiday', `holiday:${holiday}:${year}`, by, rules.holidayLeadDays, 'holiday_greeting', { holiday }))
    }
  }

  for (const holding of holdings) {
    const followUp = shiftDays(holding.purchasedOn, rules.afterSaleDays)
    if (shiftDays(followUp, BUSINESS_LATE_DAYS) >= today) items.push(item('after_sale', `after_sale:${holding.id}`, followUp, 0, 'after_sale', { holdingId: holding.id }))
    if (holding.maturesOn && shiftDays(holding.maturesOn, BUSINESS_LATE_DAYS) >= today) {
      items.push(item('maturity', `maturity:${holding.id}`, holding.maturesOn, rules.maturityLeadDays, reachBy, { holdingId: holding.id }))
    }
  }

  if (client.riskRatedOn) {
    // An expired rating still needs renewing: this item stays until a new rating replaces the key.
    items.push(item('risk', `risk:${client.riskRatedOn}`, riskExpiresOn(client.riskRatedOn), rules.riskRenewalLeadDays, reachBy))
  }

  const done = new Set(client.careDone)
  return items.filter((i) => !done.has(i.key)).sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))
}

/** The date to index the client under: the earliest `dueOn` among open items, or null when nothing is open. */
export function nextCareOn(items: readonly CareItem[]): BusinessDate | null {
  return items.reduce<BusinessDate | null>((earliest, i) => (earliest === null || i.dueOn < earliest ? i.dueOn : earliest), null)
}

export type CareUrgency = 'overdue' | 'today' | 'soon'

/** Overdue once its date has passed, due today on it, coming up before. */
export function urgencyOf(careItem: Pick<CareItem, 'by'>, today: BusinessDate): CareUrgency {
  if (careItem.by < today) return 'overdue'
  return careItem.by === today ? 'today' : 'soon'
}

/** How far ahead the due list looks: "this week". */
export const DUE_LIST_DAYS = 7

/** The items that belong on a due list today: due from today + DUE_LIST_DAYS at the latest. */
export function itemsOnDueList(items: readonly CareItem[], today: BusinessDate): CareItem[] {
  const horizon = shiftDays(today, DUE_LIST_DAYS)
  return items.filter((i) => i.dueOn <= horizon)
}

/** The occasion (and festival) a stored key names, for showing a diary entry; null for a key this version does not know. */
export function occasionOfKey(key: string): { occasion: CareOccasion; holiday: CareHoliday | null } | null {
  const [head, second] = key.split(':')
  if (!(CARE_OCCASIONS as readonly string[]).includes(head ?? '')) return null
  const occasion = head as CareOccasion
  return { occasion, holiday: occasion === 'holiday' ? ((second ?? null) as CareHoliday | null) : null }
}
