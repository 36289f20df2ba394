/**
 * Visits, their append-only events and their tickets. A check-in (visit + ticket + first events)
 * is one transaction. Without a hub the ticket number is taken inside it, so two tabs issuing at
 * the same moment never get the same number; with one, the number is taken first from the hub's
 * counter or this terminal's reserve (src/db/sync/ticketCounter.ts), unique across terminals, and a
 * number taken for a check-in that then fails is simply skipped. A visit's state is never stored:
 * it is derived from its events.
 */
import type { Ticket, Visit, VisitEvent } from '@/domain/model/records'
import { formatTicketCode, nextSeq, type TicketScope } from '@/domain/lobby/tickets'
import type { VisitEventBody } from '@/domain/lobby/visitState'
import type { Zone } from '@/domain/lobby/terms'
import { database } from '../../connection'
import { now, writeRecords, type RecordWriter } from '../../write'
import { takeTicketNumber } from '../../sync/ticketCounter'

export interface CheckInInput {
  branchId: string
  businessDate: string
  clientId: string | null
  zone: Zone
  prefix: string
  arrival: Extract<VisitEventBody, { kind: 'arrived' }>['data']
  /** Steps recorded at the door with the arrival: an override, an anti-fraud check. */
  alsoAtDoor: VisitEventBody[]
  staffId: string | null
  appointmentId: string | null
  details: Record<string, unknown>
}

export interface CheckedIn {
  visit: Visit
  ticket: Ticket
}

function eventRecord(visit: Pick<Visit, 'id' | 'branchId' | 'businessDate'>, body: VisitEventBody, at: number, servicePointId: string | null, staffId: string | null) {
  return { visitId: visit.id, branchId: visit.branchId, businessDate: visit.businessDate, at, kind: body.kind, data: body.data as Record<string, unknown>, servicePointId, staffId }
}

/** How a ticket is numbered: `hubOffline` when the replicator knows the hub is gone (no time is lost trying it). */
export interface Numbering {
  hubOffline: boolean
}

/** Greets, triages and tickets one arrival, all or nothing. */
export async function checkIn(input: CheckInInput, numbering: Numbering = { hubOffline: false }): Promise<CheckedIn> {
  const seq = await numberFor({ branchId: input.branchId, businessDate: input.businessDate, prefix: input.prefix }, numbering)
  return writeRecords(['visits', 'visitEvents', 'tickets', 'appointments'], async (w) => {
    const at = now()
    const visit = await w.insert('visits', {
      branchId: input.branchId,
      businessDate: input.businessDate,
      clientId: input.clientId,
      purpose: input.arrival.purpose,
      zone: input.zone,
      arrivedAt: at,
      createdBy: input.staffId,
      appointmentId: input.appointmentId,
      details: input.details,
    })
    const ticket = await issueTicketIn(w, visit, input.prefix, seq)
    await w.insert('visitEvents', eventRecord(visit, { kind: 'arrived', data: input.arrival }, at, null, input.staffId))
    await w.insert('visitEvents', eventRecord(visit, { kind: 'ticket_issued', data: { ticketId: ticket.id, code: ticket.code, prefix: ticket.prefix, seq: ticket.seq } }, at, null, input.staffId))
    for (const body of input.alsoAtDoor) await w.insert('visitEvents', eventRecord(visit, body, at, null, input.staffId))
    if (input.appointmentId) await w.update('appointments', input.appointmentId, { status: 'arrived', visitId: visit.id })
    return { visit, ticket }
  })
}

/** The number taken from the hub's counter or this terminal's reserve, before the transaction; null without a hub. */
async function numberFor(scope: TicketScope, numbering: Numbering): Promise<number | null> {
  return (await takeTicketNumber(scope, numbering))?.seq ?? null
}

/**
 * The ticket, numbered with the number taken before the transaction or, without a hub (`taken`
 * null), with the next number of the day for this prefix, read and taken inside the transaction.
 */
async function issueTicketIn(w: RecordWriter, visit: Visit, prefix: string, taken: number | null): Promise<Ticket> {
  const today = taken === null ? await database().records('tickets').where('[branchId+businessDate]').equals([visit.branchId, visit.businessDate]).toArray() : []
  const seq = taken ?? nextSeq(today.filter((t) => t.prefix === prefix).map((t) => t.seq))
  return w.insert('tickets', { branchId: visit.branchId, businessDate: visit.businessDate, zone: visit.zone, prefix, seq, code: formatTicketCode(prefix, seq), visitId: visit.id })
}

/** Moves a visit to another zone and tickets it there (its prefix changed), in one transaction. */
export async function transferVisit(
  visitId: string,
  transfer: Extract<VisitEventBody, { kind: 'transferred' }>,
  prefix: string,
  where: { servicePointId: string | null; staffId: string | null },
  numbering: Numbering = { hubOffline: false },
): Promise<Ticket> {
  const known = await database().records('visits').get(visitId)
  if (!known) throw new Error(`No visit ${visitId}`)
  const seq = await numberFor({ branchId: known.branchId, businessDate: known.businessDate, prefix }, numbering)
  return writeRecords(['visits', 'visitEvents', 'tickets'], async (w) => {
    const visit = await database().records('visits').get(visitId)
    if (!visit) throw new Error(`No visit ${visitId}`)
    const at = now()
    await w.insert('visitEvents', eventRecord(visit, transfer, at, where.servicePointId, where.staffId))
    const ticket = await issueTicketIn(w, { ...visit, zone: transfer.data.toZone }, prefix, seq)
    await w.insert('visitEvents', eventRecord(visit, { kind: 'ticket_issued', data: { ticketId: ticket.id, code: ticket.code, prefix, seq: ticket.seq } }, at, null, where.staffId))
    return ticket
  })
}

/** Appends one step of a visit (called, started, finished, …): the only way a visit changes. */
export async function recordVisitStep(visitId: string, body: VisitEventBody, where: { servicePointId: string | null; staffId: string | null }): Promise<VisitEvent> {
  return writeRecords(['visits', 'visitEvents'], async (w) => {
    const visit = await database().records('visits').get(visitId)
    if (!visit) throw new Error(`No visit ${visitId}`)
    return w.insert('visitEvents', eventRecord(visit, body, now(), where.servicePointId, where.staffId))
  })
}

export interface LobbyDay {
  visits: Visit[]
  events: VisitEvent[]
  tickets: Ticket[]
}

/** Everything the lobby's boards are derived from for one business day. */
export async function lobbyDay(branchId: string, businessDate: string): Promise<LobbyDay> {
  const db = database()
  const key = [branchId, businessDate]
  const [visits, events, tickets] = await Promise.all([
    db.records('visits').where('[branchId+businessDate]').equals(key).toArray(),
    db.records('visitEvents').where('[branchId+businessDate]').equals(key).toArray(),
    db.records('tickets').where('[branchId+businessDate]').equals(key).toArray(),
  ])
  return { visits: visits.filter((v) => v.deleted === 0), events: events.filter((e) => e.deleted === 0), tickets: tickets.filter((t) => t.deleted === 0) }
}
