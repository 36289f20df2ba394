/**
 * The work diary (工作日志): what a contact needs to be logged, the service level a channel usually
 * is, the channels offered first for a client, and what the contact log says about a client's care
 * (last contact, occasions looked after). Pure.
 */
import { CONTACT_CHANNELS, SERVICE_LEVELS, type Contact, type ContactChannel, type PreferredChannel } from '../model/records'
import { businessDate, type BusinessDate } from '../time'
import { preferredContactChannel } from './cadence'

export type ServiceLevel = (typeof SERVICE_LEVELS)[number]
export { CONTACT_CHANNELS, SERVICE_LEVELS }

/** DOMAIN.md: visits, home visits, events and wealth diagnoses are value-added services; calls, messages, greetings, surveys and follow-ups are basic. */
const VALUE_ADDED: ReadonlySet<ContactChannel> = new Set(['visit', 'home_visit', 'event', 'wealth_diagnosis'])

export function serviceLevelOf(channel: ContactChannel): ServiceLevel {
  return VALUE_ADDED.has(channel) ? 'value_added' : 'basic'
}

/** Every diary channel: the occasion's own first, then the ways the client prefers to be reached, then the rest. */
export function channelsFor(channelPrefs: readonly PreferredChannel[], occasionChannel: ContactChannel | null = null): ContactChannel[] {
  const preferred = channelPrefs.length ? channelPrefs.map((p) => preferredContactChannel([p])) : [preferredContactChannel([])]
  return [...new Set([...(occasionChannel ? [occasionChannel] : []), ...preferred, ...CONTACT_CHANNELS])]
}

/** Longest note or next step the diary keeps. */
export const DIARY_TEXT_MAX = 500

export interface ContactInput {
  channel: ContactChannel | null
  service: ServiceLevel
  occasion: string | null
  note: string
  nextStep: string
}
export type ContactProblem = 'channel_required' | 'note_too_long' | 'next_step_too_long'

/** A contact needs its channel; note and next step are optional but bounded. */
export function checkContact(input: ContactInput): ContactProblem[] {
  const problems: ContactProblem[] = []
  if (!input.channel || !(CONTACT_CHANNELS as readonly string[]).includes(input.channel)) problems.push('channel_required')
  if (input.note.trim().length > DIARY_TEXT_MAX) problems.push('note_too_long')
  if (input.nextStep.trim().length > DIARY_TEXT_MAX) problems.push('next_step_too_long')
  return problems
}

/** Any contact restarts the regular cadence, so 'regular' is never kept as done. */
export function settledKey(occasion: string | null): string | null {
  return occasion && occasion !== 'regular' ? occasion : null
}

export interface CareState {
  lastContactAt: number | null
  careDone: string[]
}

/** The client's care state after one more contact (contacts may be logged late: the latest time wins). */
export function careAfterContact(state: CareState, contact: Pick<Contact, 'at' | 'occasion'>): CareState {
  const key = settledKey(contact.occasion)
  return {
    lastContactAt: state.lastContactAt === null ? contact.at : Math.max(state.lastContactAt, contact.at),
    careDone: key && !state.careDone.includes(key) ? [...state.careDone, key] : state.careDone,
  }
}

/** The care state the contact log alone gives: rebuilt from scratch, in any order. */
export function careFromContacts(contacts: readonly Pick<Contact, 'at' | 'occasion'>[]): CareState {
  return contacts.reduce<CareState>((state, c) => careAfterContact(state, c), { lastContactAt: null, careDone: [] })
}

export interface DiaryDay<T> {
  date: BusinessDate
  contacts: T[]
}

/** Contacts (newest first) grouped by the branch's business date, keeping their order. */
export function groupByDay<T extends Pick<Contact, 'at'>>(contacts: readonly T[], zone: string): DiaryDay<T>[] {
  const days: DiaryDay<T>[] = []
  for (const contact of contacts) {
    const date = businessDate(contact.at, zone)
    const last = days[days.length - 1]
    if (last?.date === date) last.contacts.push(contact)
    else days.push({ date, contacts: [contact] })
  }
  return days
}
