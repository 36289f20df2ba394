/**
 * 四包责任制 per VIP: no client lost (still active), financial assets growing (against the end of last
 * quarter), privileges delivered (a value-added service this year), and a complete client file (and
 * which fields are missing). Each guarantee is met, missed, or — for growth with no earlier balance
 * on record — not yet known.
 */
import type { Client } from '../model/records'
import { addDays, businessDate, isLeapYear, type BusinessDate } from '../time'

export type GuaranteeState = 'met' | 'missed' | 'unknown'

export const FILE_FIELDS = ['phone', 'idNumber', 'birthday', 'occupation', 'riskRating', 'channelPrefs', 'maintainers'] as const
export type FileField = (typeof FILE_FIELDS)[number]

export interface GuaranteeInput {
  today: BusinessDate
  zone: string
  client: Pick<Client, 'savingsFen' | 'totalAssetsFen' | 'lastContactAt' | 'phone' | 'idNumber' | 'birthday' | 'occupation' | 'riskRating' | 'riskRatedOn' | 'channelPrefs' | 'maintainerId' | 'productMaintainerId'>
  /** The business date of the client's latest visit to the branch, if any. */
  lastVisitOn: BusinessDate | null
  /** The latest balance snapshot on or before the end of last quarter, if any. */
  quarterBaseline: { asOf: BusinessDate; totalAssetsFen: number } | null
  /** Value-added service contacts (wealth diagnosis, events, visits…) this calendar year. */
  valueAddedContactsThisYear: number
  /** 四包 "not lost": longest stretch without a visit or contact (the wealth rules' activeSpanDays). */
  activeSpanDays: number
}

export interface FourGuarantees {
  notLost: { state: GuaranteeState; lastActiveOn: BusinessDate | null; noSavings: boolean; spanDays: number }
  assetsGrowing: { state: GuaranteeState; baselineAsOf: BusinessDate | null; changeFen: number | null }
  privileges: { state: GuaranteeState; count: number }
  fileComplete: { state: GuaranteeState; missing: FileField[]; riskRatingExpired: boolean }
}

/** The last day of the calendar quarter before the one `today` is in: 2026-11-25 → 2026-09-30. */
export function lastQuarterEnd(today: BusinessDate): BusinessDate {
  const year = Number(today.slice(0, 4))
  const quarterStartMonth = Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1
  return addDays(`${year}-${String(quarterStartMonth).padStart(2, '0')}-01`, -1)
}

/** The quarter ends before `today`, latest first: for the growth baseline and the demo's snapshots. */
export function recentQuarterEnds(today: BusinessDate, count: number): BusinessDate[] {
  const ends: BusinessDate[] = []
  let end = lastQuarterEnd(today)
  for (let i = 0; i < count; i++) {
    ends.push(end)
    end = lastQuarterEnd(end)
  }
  return ends
}

/** A risk rating holds for one year: rated 2025-11-25 it expires after 2026-11-25 (29 Feb → 28 Feb). */
export function riskRatingExpiresOn(ratedOn: BusinessDate): BusinessDate {
  const year = Number(ratedOn.slice(0, 4)) + 1
  const monthDay = ratedOn.slice(5) === '02-29' && !isLeapYear(year) ? '02-28' : ratedOn.slice(5)
  return `${year}-${monthDay}`
}

/** The latest snapshot on or before the end of last quarter: the baseline for "assets growing". */
export function quarterBaseline<T extends { asOf: BusinessDate }>(snapshots: readonly T[], today: BusinessDate): T | null {
  const end = lastQuarterEnd(today)
  return snapshots.filter((s) => s.asOf <= end).reduce<T | null>((best, s) => (best === null || s.asOf > best.asOf ? s : best), null)
}

export function fourGuarantees(input: GuaranteeInput): FourGuarantees {
  const { client, today } = input
  const span = input.activeSpanDays
  const lastContactOn = client.lastContactAt === null ? null : businessDate(client.lastContactAt, input.zone)
  const lastActiveOn = [lastContactOn, input.lastVisitOn].filter((d): d is string => d !== null).sort().at(-1) ?? null
  const recentlyActive = lastActiveOn !== null && lastActiveOn >= addDays(today, -span)
  const noSavings = client.savingsFen <= 0

  const baseline = input.quarterBaseline
  const changeFen = baseline === null ? null : client.totalAssetsFen - baseline.totalAssetsFen

  const riskRatingExpired = client.riskRatedOn !== null && riskRatingExpiresOn(client.riskRatedOn) < today
  const has: Record<FileField, boolean> = {
    phone: Boolean(client.phone),
    idNumber: Boolean(client.idNumber),
    birthday: Boolean(client.birthday),
    occupation: client.occupation.trim() !== '',
    riskRating: client.riskRating !== null && client.riskRatedOn !== null && !riskRatingExpired,
    channelPrefs: client.channelPrefs.length > 0,
    maintainers: client.maintainerId !== null && client.productMaintainerId !== null,
  }
  const missing = FILE_FIELDS.filter((field) => !has[field])

  return {
    notLost: { state: recentlyActive && !noSavings ? 'met' : 'missed', lastActiveOn, noSavings, spanDays: span },
    assetsGrowing: { state: changeFen === null ? 'unknown' : changeFen > 0 ? 'met' : 'missed', baselineAsOf: baseline?.asOf ?? null, changeFen },
    privileges: { state: input.valueAddedContactsThisYear > 0 ? 'met' : 'missed', count: input.valueAddedContactsThisYear },
    fileComplete: { state: missing.length === 0 ? 'met' : 'missed', missing, riskRatingExpired },
  }
}
