import { computed } from 'vue'
import { defineStore } from 'pinia'
import { endRoomSession, ManagerBusyError, roomDay, roomProducts, RoomTakenError, startRoomSession, VisitNotWaitingError, type SessionRecord } from '@/db/repositories/wealth/rooms'
import { BookingConflictError, bookWealthRoom, cancelWealthBooking, rescheduleWealthBooking, type BookingMove } from '@/db/repositories/wealth/bookings'
import { lobbyDay } from '@/db/repositories/lobby/visits'
import { getClient, searchClients } from '@/db/repositories/lobby/clients'
import { listBranchStaff } from '@/db/repositories/staff'
import { deriveVisits, type VisitState } from '@/domain/lobby/visitState'
import { planPages, type Availability, type PageReason } from '@/domain/wealth/paging'
import { minutesToSeat, roomOpenHours, roomStates, roomUse, seatingFigures, type OpenHours, type RoomState, type RoomUse, type SeatingFigures } from '@/domain/wealth/rooms'
import { checkWealthBooking, type WealthBookingProblem } from '@/domain/wealth/bookings'
import { businessDate } from '@/domain/time'
import type { Appointment, Client, Product, RoomSession, ServicePoint, Staff, Visit } from '@/domain/model/records'
import { useLobbyStore } from './lobby'
import { useTerminalStore } from './terminal'
import { useSessionStore } from './session'

export { BookingConflictError, ManagerBusyError, RoomTakenError, VisitNotWaitingError }

/** A VIP waiting for the wealth room, with what the manager needs to seat them. */
export interface Arrival {
  visit: Visit
  state: VisitState
  client: Client | null
  /** Minutes since the client arrived at the door. */
  waitedMinutes: number
  booking: Appointment | null
  maintainer: { staffId: string; availability: Availability } | null
  /** Who should seat the client now (the paging rule), or null when nobody is free. */
  proposed: { staffId: string; reason: PageReason } | null
}

/** The wealth rooms on one business day, as every wealth screen shows them. */
export interface RoomPicture {
  date: string
  takenAt: number
  hours: OpenHours
  rooms: ServicePoint[]
  states: RoomState<RoomSession, Appointment>[]
  sessions: RoomSession[]
  bookings: Appointment[]
  arrivals: Arrival[]
  use: RoomUse[]
  seating: SeatingFigures
  /** Minutes from arrival at the door to seated, by session (sessions from a lobby visit). */
  seatMinutes: Map<string, number>
  staff: Map<string, Staff>
  /** Clients of the day's sessions, bookings and arrivals. */
  clients: Map<string, Client>
}

export interface WealthBookingInput {
  client: Client | null
  name: string
  phone: string
  purpose: string | null
  at: number | null
  durationMinutes: number
  staffId: string | null
  servicePointId: string | null
  note: string
}

const WAITING = new Set(['waiting', 'called'])

/** The wealth room: rooms and their state, VIP arrivals, seating, sessions, bookings. */
export const useWealthRoomStore = defineStore('wealthRoom', () => {
  const terminal = useTerminalStore()
  const session = useSessionStore()
  const lobby = useLobbyStore()
  const branchId = computed(() => terminal.state.branchId ?? '')
  const me = () => session.staff?.id ?? ''

  /** Everything the rooms page shows for a business day (for a live query); arrivals only today. */
  async function picture(date = terminal.today, nowMs = Date.now()): Promise<RoomPicture> {
    // One Promise.all: awaiting another store's action on its own first loses Dexie's live-query tracking.
    const [rules, day, lobbyToday, staffList] = await Promise.all([lobby.loadRules(), roomDay(branchId.value, date), lobbyDay(branchId.value, date), listBranchStaff(branchId.value)])
    const visitStates = deriveVisits(lobbyToday.events)
    const visitsById = new Map(lobbyToday.visits.map((v) => [v.id, v]))
    const clientIds = new Set([...day.sessions, ...day.bookings, ...lobbyToday.visits.filter((v) => v.zone === 'wealth_room')].flatMap((r) => (r.clientId ? [r.clientId] : [])))
    const clientList = await Promise.all([...clientIds].map((id) => getClient(id)))
    const clients = new Map(clientList.flatMap((c) => (c ? [[c.id, c] as [string, Client]] : [])))
    const bookingsById = new Map(day.bookings.map((b) => [b.id, b]))
    const arrivals: Arrival[] = date !== terminal.today ? [] : [...visitStates.values()]
      .filter((state) => state.zone === 'wealth_room' && WAITING.has(state.status) && visitsById.has(state.visitId))
      .map((state) => {
        const visit = visitsById.get(state.visitId)!
        const client = visit.clientId ? (clients.get(visit.clientId) ?? null) : null
        const booking = visit.appointmentId ? (bookingsById.get(visit.appointmentId) ?? null) : null
        const plan = planPages({ bookedStaffId: booking?.staffId ?? null, maintainerId: client?.maintainerId ?? null, managers: staffList, duty: day.duty, sessions: day.sessions })
        return { visit, state, client, waitedMinutes: Math.max(0, (nowMs - visit.arrivedAt) / 60_000), booking, maintainer: plan.maintainer, proposed: plan.proposed }
      })
      .sort((a, b) => a.visit.arrivedAt - b.visit.arrivedAt)
    const hours = roomOpenHours(date, terminal.settings.timeZone, rules.autoCloseAt)
    const seatings = day.sessions.flatMap((s) => {
      const visit = s.visitId ? visitsById.get(s.visitId) : undefined
      return visit ? [{ sessionId: s.id, arrivedAt: visit.arrivedAt, seatedAt: s.startedAt }] : []
    })
    return {
      date,
      takenAt: nowMs,
      hours,
      rooms: day.rooms,
      states: roomStates(day.rooms.map((r) => r.id), day.sessions, day.bookings, nowMs),
      sessions: day.sessions,
      bookings: day.bookings,
      arrivals,
      use: day.rooms.map((r) => roomUse(r.id, day.sessions, hours, nowMs)),
      seating: seatingFigures(seatings),
      seatMinutes: new Map(seatings.map((s) => [s.sessionId, minutesToSeat(s.arrivedAt, s.seatedAt)])),
      staff: new Map(staffList.map((s) => [s.id, s])),
      clients,
    }
  }

  /** Seats a waiting VIP in a room with a manager: the session starts and the visit starts at that room. */
  function seat(arrival: Pick<Arrival, 'visit' | 'booking'>, roomId: string, staffId: string): Promise<RoomSession> {
    const { visit } = arrival
    return startRoomSession({ branchId: branchId.value, businessDate: terminal.today, servicePointId: roomId, staffId, clientId: visit.clientId, visitId: visit.id, appointmentId: arrival.booking?.id ?? visit.appointmentId, purpose: '' }, Date.now())
  }

  /** Starts a session with a client who came without the lobby's ticket (a walk-in found by search, or a booking). */
  function startWith(clientId: string, roomId: string, staffId: string, appointmentId: string | null): Promise<RoomSession> {
    return startRoomSession({ branchId: branchId.value, businessDate: terminal.today, servicePointId: roomId, staffId, clientId, visitId: null, appointmentId, purpose: '' }, Date.now())
  }

  /** The signed-in manager uses a room without a client, saying why (it counts against utilisation). */
  function useWithoutClient(roomId: string, reason: string): Promise<RoomSession> {
    return startRoomSession({ branchId: branchId.value, businessDate: terminal.today, servicePointId: roomId, staffId: me(), clientId: null, visitId: null, appointmentId: null, purpose: reason.trim() }, Date.now())
  }

  /** Ends a session with purpose, products, outcome, next step and note; the client's visit is finished. */
  function end(sessionId: string, record: SessionRecord): Promise<RoomSession> {
    return endRoomSession(sessionId, { ...record, purpose: record.purpose.trim(), nextStep: record.nextStep.trim(), note: record.note.trim() }, Date.now())
  }

  /** Ends a room's use without a client. */
  function release(sessionId: string): Promise<RoomSession> {
    return endRoomSession(sessionId, { purpose: '', productCodes: [], outcome: null, nextStep: '', note: '', confidential: 0 }, Date.now())
  }

  /** Clients matching what was typed (phone or its tail, name, pinyin initials, ID, card tail). */
  function search(query: string): Promise<Client[]> {
    return searchClients(branchId.value, query)
  }

  /** Wealth, fund and insurance products on offer today. */
  function products(): Promise<Product[]> {
    return roomProducts(terminal.today)
  }

  /** Books a manager and a room; returns the problems when incomplete, throws BookingConflictError on a clash. */
  async function book(input: WealthBookingInput): Promise<{ ok: true; booking: Appointment } | { ok: false; problems: WealthBookingProblem[] }> {
    const problems = checkWealthBooking({ clientId: input.client?.id ?? null, name: input.name, phone: input.phone, purpose: input.purpose, at: input.at, staffId: input.staffId, servicePointId: input.servicePointId }, Date.now(), lobby.rules.appointmentWindow)
    if (problems.length > 0 || input.at === null || !input.purpose || !input.staffId || !input.servicePointId) return { ok: false, problems }
    const client = input.client
    const booking = await bookWealthRoom({
      branchId: branchId.value,
      businessDate: businessDate(input.at, terminal.settings.timeZone),
      at: input.at,
      durationMinutes: input.durationMinutes,
      clientId: client?.id ?? null,
      name: client ? `${client.surname}${client.givenName}` : input.name.trim(),
      phone: client ? client.phone : input.phone.trim(),
      purpose: input.purpose,
      note: input.note.trim(),
      staffId: input.staffId,
      servicePointId: input.servicePointId,
      createdBy: session.staff?.id ?? null,
    })
    return { ok: true, booking }
  }

  /** Moves a booking (time, length, manager, room); throws BookingConflictError on a clash. */
  function reschedule(id: string, move: Omit<BookingMove, 'businessDate'>): Promise<Appointment> {
    return rescheduleWealthBooking(id, { ...move, businessDate: businessDate(move.at, terminal.settings.timeZone) })
  }

  /** Cancels a booking (audited): its room and manager are free again. */
  function cancel(id: string): Promise<Appointment> {
    return cancelWealthBooking(id)
  }

  return { picture, seat, startWith, useWithoutClient, end, release, search, products, book, reschedule, cancel }
})
