/**
 * 异动预警 "no contact for too long": a VIP not contacted for `alertNoContactFactor` times their
 * tier's contact interval. One alert per silent stretch: the key names the last contact's date, so
 * a daily sweep never raises it twice, and a new stretch after a contact raises a new one. Also
 * what acknowledging any alert needs: the action taken, never a bare dismissal. Pure.
 */
import type { Client } from '../model/records'
import type { BusinessDate } from '../time'
import { addMonths, dateInZone, shiftDays } from './cadence'
import type { WealthRules } from './rules'

/** Days counted for the fraction of a month in a factor such as 1.5 × 1 month. */
const DAYS_PER_MONTH = 30

export type SilenceClient = Pick<Client, 'id' | 'vipTier' | 'lastContactAt' | 'clientSince'>

/** The last day a VIP may go without contact before the alert: whole months by the calendar, the rest in days. */
export function silenceLimit(since: BusinessDate, months: number, factor: number): BusinessDate {
  const span = months * factor
  const whole = Math.floor(span)
  return shiftDays(addMonths(since, whole), Math.round((span - whole) * DAYS_PER_MONTH))
}

export interface NoContactAlert {
  key: string
  facts: { lastContactOn: BusinessDate | null; since: BusinessDate; limit: BusinessDate; tier: string; everyMonths: number }
}

/** The alert this VIP calls for today, or null (not a VIP, or contacted recently enough). */
export function noContactAlert(client: SilenceClient, rules: WealthRules, today: BusinessDate, zone: string): NoContactAlert | null {
  if (!client.vipTier) return null
  const lastContactOn = client.lastContactAt === null ? null : dateInZone(client.lastContactAt, zone)
  const since = lastContactOn ?? client.clientSince
  const everyMonths = rules.contactEveryMonths[client.vipTier]
  const limit = silenceLimit(since, everyMonths, rules.alertNoContactFactor)
  if (today <= limit) return null
  return { key: `no_contact:${client.id}:${lastContactOn ?? 'never'}`, facts: { lastContactOn, since, limit, tier: client.vipTier, everyMonths } }
}


/** What was done about an alert. */
export const ALERT_ACTIONS = ['called_client', 'scheduled_visit', 'logged_contact', 'other'] as const
export type AlertAction = (typeof ALERT_ACTIONS)[number]
export type AcknowledgeProblem = 'action_required' | 'note_required'

/** An action must be chosen; "other" must say what in the note. */
export function checkAcknowledgement(action: AlertAction | null, note: string): AcknowledgeProblem[] {
  if (!action) return ['action_required']
  return action === 'other' && note.trim() === '' ? ['note_required'] : []
}
