/**
 * The wealth rooms (理财室) now and over a day: each room's live state, how much of the open hours
 * it spent with a client (utilisation), how long VIPs waited to be seated, and who may read a
 * session's confidential note. Pure: every rule takes `nowMs` (and the branch's zone) as parameters.
 *
 * Open hours: the branch has no opening-hours setting yet, so a room is open from 09:00 (when the
 * lobby opens its doors) to the lobby rules' automatic day close (default 18:00), or to 17:00 when
 * the branch closes its days by hand.
 */
import type { Appointment, RoomSession } from '../model/records'
import type { Role } from '../roles'
import { startOfBusinessDate, type BusinessDate } from '../time'

const MINUTE_MS = 60_000

/** A booking for a room shows it as reserved from this many minutes before its time. */
export const RESERVE_AHEAD_MINUTES = 30
export const ROOM_OPENS_AT = '09:00'
/** When the branch closes its days by hand (no automatic close time), the rooms count as open until 17:00. */
export const ROOM_CLOSES_AT_BY_HAND = '17:00'

export type SessionFacts = Pick<RoomSession, 'id' | 'servicePointId' | 'staffId' | 'clientId' | 'visitId' | 'appointmentId' | 'startedAt' | 'endedAt'>
export type BookingFacts = Pick<Appointment, 'id' | 'at' | 'durationMinutes' | 'staffId' | 'servicePointId' | 'status'>

/**
 * Whether a session is with a client: one on file, or someone the lobby sent in who is not (a
 * visit without a client record). Only a session with neither is the room used without a client.
 */
export function withClient(session: Pick<RoomSession, 'clientId' | 'visitId'>): boolean {
  return session.clientId !== null || session.visitId !== null
}

export interface OpenHours {
  from: number
  to: number
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number)
  return h! * 60 + m!
}

/** A room's open hours on a business date, from 09:00 to the lobby's automatic close (or 17:00). */
export function roomOpenHours(date: BusinessDate, zone: string, autoCloseAt: string | null): OpenHours {
  const start = startOfBusinessDate(date, zone)
  return { from: start + minutesOf(ROOM_OPENS_AT) * MINUTE_MS, to: start + minutesOf(autoCloseAt ?? ROOM_CLOSES_AT_BY_HAND) * MINUTE_MS }
}

export function bookingEnd(booking: Pick<Appointment, 'at' | 'durationMinutes'>): number {
  return booking.at + booking.durationMinutes * MINUTE_MS
}

/** A booking that still holds its room and manager: not cancelled, not missed. */
export function holdsTime(booking: Pick<Appointment, 'status'>): boolean {
  return booking.status === 'booked' || booking.status === 'arrived'
}

export type RoomStateKind = 'free' | 'in_session' | 'reserved' | 'without_client'

export interface RoomState<S extends SessionFacts = SessionFacts, B extends BookingFacts = BookingFacts> {
  roomId: string
  kind: RoomStateKind
  /** The open session (with a client, or the room used without one). */
  session: S | null
  /** Reserved: the booking that holds the room now or within the next half hour. */
  booking: B | null
  /** The room's next booking today that has not started, for "next: 14:30". */
  next: B | null
}

/**
 * Each room's state at `nowMs`: in session (an open session with a client), in use without a
 * client (an open session with nobody: a manager using the room as an office), reserved (a booking
 * starts within RESERVE_AHEAD_MINUTES or is running, and its session has not started), or free.
 */
export function roomStates<S extends SessionFacts, B extends BookingFacts>(roomIds: readonly string[], sessions: readonly S[], bookings: readonly B[], nowMs: number): RoomState<S, B>[] {
  const started = new Set(sessions.flatMap((s) => (s.appointmentId ? [s.appointmentId] : [])))
  return roomIds.map((roomId) => {
    const session = sessions.find((s) => s.servicePointId === roomId && s.endedAt === null) ?? null
    const waiting = bookings.filter((b) => b.servicePointId === roomId && holdsTime(b) && !started.has(b.id) && bookingEnd(b) > nowMs).sort((a, b) => a.at - b.at)
    const booking = waiting.find((b) => b.at - RESERVE_AHEAD_MINUTES * MINUTE_MS <= nowMs) ?? null
    const next = waiting.find((b) => b !== booking) ?? null
    const kind: RoomStateKind = session ? (withClient(session) ? 'in_session' : 'without_client') : booking ? 'reserved' : 'free'
    return { roomId, kind, session, booking, next }
  })
}

/** Total length of the union of intervals, clipped to [from, to]. */
function coveredMs(intervals: readonly (readonly [number, number])[], from: number, to: number): number {
  const clipped = intervals.map(([a, b]) => [Math.max(a, from), Math.min(b, to)] as const).filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0])
  let total = 0
  let reach = from
  for (const [a, b] of clipped) {
    if (b <= reach) continue
    total += b - Math.max(a, reach)
    reach = b
  }
  return total
}

export interface RoomUse {
  roomId: string
  /** Open minutes counted: the whole open hours of a past day, so far today. */
  openMinutes: number
  withClientMinutes: number
  withoutClientMinutes: number
  /** Share of the open minutes spent with a client, 0–1 (0 before the room opens). */
  utilisation: number
}

/**
 * Utilisation = the share of a room's open hours spent in sessions with a client. Today counts the
 * open hours up to `nowMs` (an open session runs to now); time the room was used without a client
 * is reported beside it, and counts as unused.
 */
export function roomUse(roomId: string, sessions: readonly SessionFacts[], hours: OpenHours, nowMs: number): RoomUse {
  const to = Math.min(hours.to, nowMs)
  const own = sessions.filter((s) => s.servicePointId === roomId)
  const span = (s: SessionFacts) => [s.startedAt, s.endedAt ?? nowMs] as const
  const open = Math.max(0, to - hours.from)
  const served = coveredMs(own.filter(withClient).map(span), hours.from, to)
  const unserved = coveredMs(own.filter((s) => !withClient(s)).map(span), hours.from, to)
  return {
    roomId,
    openMinutes: Math.round(open / MINUTE_MS),
    withClientMinutes: Math.round(served / MINUTE_MS),
    withoutClientMinutes: Math.round(unserved / MINUTE_MS),
    utilisation: open > 0 ? served / open : 0,
  }
}

/** Minutes from arrival at the door to being seated in a room. */
export function minutesToSeat(arrivedAt: number, seatedAt: number): number {
  return Math.max(0, (seatedAt - arrivedAt) / MINUTE_MS)
}

export interface SeatingFigures {
  seated: number
  averageMinutes: number | null
  longestMinutes: number | null
}

/** The day's time to seat: how many were seated, on average after how long, and the longest wait. */
export function seatingFigures(seatings: readonly { arrivedAt: number; seatedAt: number }[]): SeatingFigures {
  if (seatings.length === 0) return { seated: 0, averageMinutes: null, longestMinutes: null }
  const minutes = seatings.map((s) => minutesToSeat(s.arrivedAt, s.seatedAt))
  return { seated: minutes.length, averageMinutes: minutes.reduce((a, b) => a + b, 0) / minutes.length, longestMinutes: Math.max(...minutes) }
}

/** A confidential note shows only to the session's manager and the branch head. */
export function mayReadNote(session: Pick<RoomSession, 'confidential' | 'staffId'>, viewer: { id: string; roles: readonly Role[] }): boolean {
  return session.confidential === 0 || session.staffId === viewer.id || viewer.roles.includes('branch_head')
}

export type SessionEndProblem = 'purpose_required' | 'outcome_required'

/** What ending a session with a client needs: the purpose and the outcome (products, next step and note are optional). */
export function checkSessionEnd(input: { purpose: string; outcome: RoomSession['outcome'] }): SessionEndProblem[] {
  const problems: SessionEndProblem[] = []
  if (input.purpose.trim() === '') problems.push('purpose_required')
  if (input.outcome === null) problems.push('outcome_required')
  return problems
}
