/**
 * Compliance per manager (维护达标), for the branch head: how many care items are overdue, how many
 * fall due this week, how many contacts the manager logged this month, and the share of their VIPs
 * contacted within their tier's cadence. Clients who declined marketing calls are left out of the
 * share: nobody is expected to call them regularly. Pure.
 */
import type { BusinessDate } from '../time'
import { regularDueOn, urgencyOf, type CareClient, type CareItem } from './cadence'
import type { WealthRules } from './rules'

export interface BookEntry {
  client: Pick<CareClient, 'vipTier' | 'lastContactAt' | 'clientSince' | 'marketingConsent'>
  /** The client's items on today's due list. */
  dueItems: readonly Pick<CareItem, 'by'>[]
}

export interface ManagerCompliance {
  staffId: string
  /** VIPs in the manager's book. */
  vips: number
  overdue: number
  dueThisWeek: number
  contactsThisMonth: number
  /** VIPs contacted within cadence, of those expected to be (null when none is). */
  withinCadence: number
  expected: number
  share: number | null
}

export function managerCompliance(staffId: string, book: readonly BookEntry[], contactsThisMonth: number, rules: WealthRules, today: BusinessDate, zone: string): ManagerCompliance {
  let overdue = 0
  let dueThisWeek = 0
  let expected = 0
  let withinCadence = 0
  let vips = 0
  for (const { client, dueItems } of book) {
    for (const i of dueItems) {
      if (urgencyOf(i, today) === 'overdue') overdue++
      else dueThisWeek++
    }
    if (!client.vipTier) continue
    vips++
    if (client.marketingConsent !== 1) continue
    expected++
    // Within cadence: the regular contact is not yet past due.
    const regular = regularDueOn(client, rules, zone)
    if (client.lastContactAt !== null && regular !== null && regular >= today) withinCadence++
  }
  return { staffId, vips, overdue, dueThisWeek, contactsThisMonth, withinCadence, expected, share: expected === 0 ? null : withinCadence / expected }
}

/** Worst first: most overdue, then lowest share. */
export function sortByConcern(rows: readonly ManagerCompliance[]): ManagerCompliance[] {
  return [...rows].sort((a, b) => b.overdue - a.overdue || (a.share ?? 1) - (b.share ?? 1))
}
