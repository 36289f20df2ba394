/**
 * The wealth rooms and their sessions. Starting a session seats the client: the session, the
 * visit's steps at that room ('called' if nobody called them yet, then 'started', the same event
 * shapes the lobby's stations write) and a booking marked arrived, all in one transaction; ending
 * it with a client finishes the visit. Both check, inside the transaction, what another tab may
 * have done a moment before (the room taken, the client already seated).
 */
import type { Appointment, DutySession, Product, RoomSession, ServicePoint } from '@/domain/model/records'
import { withClient } from '@/domain/wealth/rooms'
import { deriveVisit, visitEventBody, type VisitEventBody } from '@/domain/lobby/visitState'
import type { CallLane } from '@/domain/lobby/terms'
import { database } from '../../connection'
import { writeRecords, type RecordWriter } from '../../write'
import { dutySessions } from '../lobby/duty'

/** The product categories a wealth-room session discusses. */
export const ROOM_PRODUCT_CATEGORIES: readonly Product['category'][] = ['wealth', 'fund', 'insurance']

export class RoomTakenError extends Error {
  constructor(readonly roomId: string) {
    super(`Room ${roomId} is in use`)
    this.name = 'RoomTakenError'
  }
}
export class ManagerBusyError extends Error {
  constructor(readonly staffId: string) {
    super(`Staff ${staffId} is with a client`)
    this.name = 'ManagerBusyError'
  }
}
/** The client was seated (or left) meanwhile, e.g. from another tablet. */
export class VisitNotWaitingError extends Error {
  constructor(readonly visitId: string) {
    super(`Visit ${visitId} is no longer waiting`)
    this.name = 'VisitNotWaitingError'
  }
}

/** The branch's wealth rooms in use, by number. */
export async function listRooms(branchId: string): Promise<ServicePoint[]> {
  const rows = await database().records('servicePoints').where('[branchId+kind]').equals([branchId, 'wealth_room']).toArray()
  return rows.filter((p) => p.deleted === 0 && p.active === 1).sort((a, b) => a.number - b.number)
}

/** Room sessions (with and without a client) of a business day. */
export async function roomSessionsOn(branchId: string, businessDate: string): Promise<RoomSession[]> {
  const rows = await database().records('roomSessions').where('[branchId+businessDate]').equals([branchId, businessDate]).toArray()
  return rows.filter((s) => s.deleted === 0).sort((a, b) => a.startedAt - b.startedAt)
}

export interface RoomDay {
  rooms: ServicePoint[]
  sessions: RoomSession[]
  /** The day's wealth-room bookings, whatever their status. */
  bookings: Appointment[]
  duty: DutySession[]
}

/** Everything the rooms' state, utilisation and paging are derived from for one business day. */
export async function roomDay(branchId: string, businessDate: string): Promise<RoomDay> {
  const [rooms, sessions, appointments, duty] = await Promise.all([
    listRooms(branchId),
    roomSessionsOn(branchId, businessDate),
    database().records('appointments').where('[branchId+businessDate]').equals([branchId, businessDate]).toArray(),
    dutySessions(branchId, businessDate),
  ])
  return { rooms, sessions, bookings: appointments.filter((a) => a.deleted === 0 && a.zone === 'wealth_room'), duty }
}

/** Wealth, fund and insurance products on offer on a date, for the products discussed. */
export async function roomProducts(date: string): Promise<Product[]> {
  const rows = await database().records('products').toArray()
  return rows
    .filter((p) => p.deleted === 0 && ROOM_PRODUCT_CATEGORIES.includes(p.category) && p.activeFrom <= date && (p.activeTo === null || p.activeTo >= date))
    .sort((a, b) => ROOM_PRODUCT_CATEGORIES.indexOf(a.category) - ROOM_PRODUCT_CATEGORIES.indexOf(b.category) || a.code.localeCompare(b.code))
}

export interface NewRoomSession {
  branchId: string
  businessDate: string
  servicePointId: string
  staffId: string
  /** Both null: the room used without a client (the purpose then says why). */
  clientId: string | null
  visitId: string | null
  appointmentId: string | null
  purpose: string
}

async function writeVisitStep(w: RecordWriter, visitId: string, body: VisitEventBody, at: number, servicePointId: string, staffId: string): Promise<void> {
  const visit = await database().records('visits').get(visitId)
  if (!visit) throw new Error(`No visit ${visitId}`)
  await w.insert('visitEvents', { visitId, branchId: visit.branchId, businessDate: visit.businessDate, at, kind: body.kind, data: body.data as Record<string, unknown>, servicePointId, staffId })
}

async function visitState(visitId: string) {
  return deriveVisit((await database().records('visitEvents').where('visitId').equals(visitId).toArray()).filter((e) => e.deleted === 0))
}

/**
 * Starts a session in a room: refused when the room holds a session with a client (or, for use
 * without a client, any session) or the manager is with another client. Use without a client gives
 * way at this moment: the same manager's (they are now elsewhere) and, when a client is seated,
 * anyone's in that room (the room serves VIPs first). With a visit, the client is called (if not yet) and started
 * at the room; a booking is marked arrived; the pages about the client are marked read.
 */
export async function startRoomSession(input: NewRoomSession, nowMs: number): Promise<RoomSession> {
  return writeRecords(['roomSessions', 'visits', 'visitEvents', 'appointments', 'staffPages'], async (w) => {
    const open = (await roomSessionsOn(input.branchId, input.businessDate)).filter((s) => s.endedAt === null)
    // Use without a client gives way: the manager's own (they are now elsewhere), and anyone's in the room a client is seated in.
    const yielding = open.filter((s) => !withClient(s) && (s.staffId === input.staffId || (withClient(input) && s.servicePointId === input.servicePointId)))
    if (open.some((s) => s.servicePointId === input.servicePointId && !yielding.includes(s))) throw new RoomTakenError(input.servicePointId)
    if (open.some((s) => s.staffId === input.staffId && withClient(s))) throw new ManagerBusyError(input.staffId)
    for (const office of yielding) await w.update('roomSessions', office.id, { endedAt: nowMs }, { action: 'room.session_end' })

    if (input.visitId) {
      const state = await visitState(input.visitId)
      if (!state || (state.status !== 'waiting' && state.status !== 'called')) throw new VisitNotWaitingError(input.visitId)
      if (state.status === 'waiting') {
        const lane: CallLane = state.appointmentId ? 'appointment' : state.priorityClass !== 'none' ? 'priority' : 'normal'
        await writeVisitStep(w, input.visitId, visitEventBody('called', { lane }), nowMs, input.servicePointId, input.staffId)
      }
      await writeVisitStep(w, input.visitId, visitEventBody('started', {}), nowMs, input.servicePointId, input.staffId)
      // Seated: the pages about this client have done their job, for everyone paged.
      const pages = await database().records('staffPages').where('visitId').equals(input.visitId).toArray()
      for (const page of pages.filter((p) => p.read === 0)) await w.update('staffPages', page.id, { read: 1 })
    }
    if (input.appointmentId) {
      const booking = await database().records('appointments').get(input.appointmentId)
      if (booking?.status === 'booked') await w.update('appointments', booking.id, { status: 'arrived', visitId: input.visitId ?? booking.visitId }, { action: 'appointment.arrived' })
    }
    return w.insert(
      'roomSessions',
      { ...input, startedAt: nowMs, endedAt: null, productCodes: [], outcome: null, nextStep: '', note: '', confidential: 0 },
      { action: withClient(input) ? 'room.session_start' : 'room.use_without_client' },
    )
  })
}

export type SessionRecord = Pick<RoomSession, 'purpose' | 'productCodes' | 'outcome' | 'nextStep' | 'note' | 'confidential'>

/** Ends a session with what was discussed and its outcome; a visit being served there is finished. */
export async function endRoomSession(sessionId: string, record: SessionRecord, nowMs: number): Promise<RoomSession> {
  return writeRecords(['roomSessions', 'visits', 'visitEvents'], async (w) => {
    const session = await database().records('roomSessions').get(sessionId)
    if (!session) throw new Error(`No room session ${sessionId}`)
    if (session.endedAt !== null) return session
    if (session.visitId) {
      const state = await visitState(session.visitId)
      if (state?.status === 'serving') await writeVisitStep(w, session.visitId, visitEventBody('finished', { services: [state.purpose] }), nowMs, session.servicePointId, session.staffId)
    }
    return w.update('roomSessions', sessionId, { ...record, endedAt: nowMs }, { action: 'room.session_end' })
  })
}
