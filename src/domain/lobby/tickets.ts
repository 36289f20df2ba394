/**
 * Queue tickets (排队号). Each zone has a letter prefix; numbers count from 1 per branch, business
 * date and prefix, so numbering restarts every business day (the calendar date in the branch's
 * time zone, not the device's and not UTC). Printed and called as prefix + at least 3 digits.
 */
import { businessDate, type BusinessDate } from '../time'
import type { Zone } from './terms'

/** Default prefix per zone. A VIP sent to the wealth room therefore gets a V ticket. */
export const ZONE_PREFIX: Readonly<Record<Zone, string>> = {
  high_counter: 'A',
  low_counter: 'B',
  wealth_room: 'V',
  self_service: 'S',
  manager_desk: 'M',
  corporate_desk: 'C',
}

/** A prefix as the Ticket record allows it: one or two capital letters. */
export const TICKET_PREFIX_PATTERN = /^[A-Z]{1,2}$/

/** 'A012': the prefix and the number, 3 digits wide (4 and more from 1000 on). */
export function formatTicketCode(prefix: string, seq: number): string {
  if (!TICKET_PREFIX_PATTERN.test(prefix)) throw new RangeError(`Not a ticket prefix: ${prefix}`)
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`Not a ticket number: ${seq}`)
  return `${prefix}${String(seq).padStart(3, '0')}`
}

/** The number after the highest one already issued in the same scope (1 when none is). */
export function nextSeq(existingSeqs: Iterable<number>): number {
  let highest = 0
  for (const seq of existingSeqs) if (seq > highest) highest = seq
  return highest + 1
}

/** What numbering is counted within: one branch, one business date, one prefix. */
export interface TicketScope {
  branchId: string
  businessDate: BusinessDate
  prefix: string
}

/** The fields of a ticket that identify its number. */
export interface IssuedTicketNumber extends TicketScope {
  seq: number
  code: string
}

export interface IssueTicketInput {
  branchId: string
  zone: Zone
  nowMs: number
  /** The branch's time zone (a branch setting), which decides the business date. */
  timeZone: string
  /** Prefix per zone, from the lobby rules. */
  prefixes: Readonly<Record<Zone, string>>
  /** Tickets already issued; only those in the same scope count. */
  existing: readonly IssuedTicketNumber[]
}

/** The scope a ticket issued now for this zone is numbered in. */
export function ticketScope(branchId: string, zone: Zone, nowMs: number, timeZone: string, prefixes: Readonly<Record<Zone, string>>): TicketScope {
  return { branchId, businessDate: businessDate(nowMs, timeZone), prefix: prefixes[zone] }
}

/** Whether a ticket was numbered in the given scope. */
export function inScope(ticket: TicketScope, scope: TicketScope): boolean {
  return ticket.branchId === scope.branchId && ticket.businessDate === scope.businessDate && ticket.prefix === scope.prefix
}

/** The next ticket for a zone: its scope, number and printed code. */
export function issueTicket(input: IssueTicketInput): IssuedTicketNumber {
  const scope = ticketScope(input.branchId, input.zone, input.nowMs, input.timeZone, input.prefixes)
  const seq = nextSeq(input.existing.filter((ticket) => inScope(ticket, scope)).map((ticket) => ticket.seq))
  return { ...scope, seq, code: formatTicketCode(scope.prefix, seq) }
}

/**
 * Tickets sharing a number in one scope (two terminals issuing offline at the same time), grouped
 * by their code; empty when every number is unique.
 */
export function duplicateTickets<T extends IssuedTicketNumber>(tickets: readonly T[]): T[][] {
  const byKey = new Map<string, T[]>()
  for (const ticket of tickets) {
    const key = `${ticket.branchId}|${ticket.businessDate}|${ticket.prefix}|${ticket.seq}`
    byKey.set(key, [...(byKey.get(key) ?? []), ticket])
  }
  return [...byKey.values()].filter((group) => group.length > 1)
}
