/**
 * Wealth-room bookings: each reserves a manager AND a room for a stretch of time. A new or moved
 * booking may not overlap another on the same room or with the same manager (cancelled and missed
 * ones no longer hold time; one ending exactly when the next begins is no conflict). Also where a
 * stretch of time sits on the day plan. Pure: rules take `nowMs` as a parameter.
 */
import type { Appointment } from '../model/records'
import { checkBooking, type BookingProblem } from '../lobby/appointments'
import type { LobbyRules } from '../lobby/purposes'
import { bookingEnd, holdsTime, type OpenHours } from './rooms'

type Slot = Pick<Appointment, 'at' | 'durationMinutes' | 'staffId' | 'servicePointId'>
type Held = Slot & Pick<Appointment, 'id' | 'status'>

/** Booking lengths offered (minutes). */
export const BOOKING_DURATIONS: readonly number[] = [30, 45, 60, 90, 120]
export const DEFAULT_BOOKING_MINUTES = 60

export interface BookingConflict<T> {
  booking: T
  /** What the two bookings share: the room, the manager, or both. */
  clash: 'room' | 'manager' | 'both'
}

/** Whether two stretches overlap; touching end to start does not. */
export function overlaps(a: Pick<Appointment, 'at' | 'durationMinutes'>, b: Pick<Appointment, 'at' | 'durationMinutes'>): boolean {
  return a.at < bookingEnd(b) && b.at < bookingEnd(a)
}

/**
 * The bookings a candidate clashes with: overlapping in time on the same room or with the same
 * manager, still holding their time. `ignoreId` leaves out the booking being moved.
 */
export function bookingConflicts<T extends Held>(candidate: Slot, existing: readonly T[], ignoreId: string | null = null): BookingConflict<T>[] {
  return existing.flatMap((booking) => {
    if (booking.id === ignoreId || !holdsTime(booking) || !overlaps(candidate, booking)) return []
    const room = candidate.servicePointId !== null && booking.servicePointId === candidate.servicePointId
    const manager = candidate.staffId !== null && booking.staffId === candidate.staffId
    if (!room && !manager) return []
    return [{ booking, clash: room && manager ? 'both' : room ? 'room' : 'manager' } as const]
  })
}

export type WealthBookingProblem = BookingProblem | 'manager_required' | 'room_required'

/** What a wealth booking needs: what any booking needs (who, purpose, a time not past), plus a manager and a room. */
export function checkWealthBooking(
  input: { clientId: string | null; name: string; phone: string; purpose: string | null; at: number | null; staffId: string | null; servicePointId: string | null },
  nowMs: number,
  window: LobbyRules['appointmentWindow'],
): WealthBookingProblem[] {
  const problems: WealthBookingProblem[] = checkBooking(input, nowMs, window)
  if (!input.staffId) problems.push('manager_required')
  if (!input.servicePointId) problems.push('room_required')
  return problems
}

/** Where a stretch of time sits on a day plan over the open hours, as percentages (clipped to the hours). */
export function planPosition(from: number, to: number, hours: OpenHours): { top: number; height: number } | null {
  const start = Math.max(from, hours.from)
  const end = Math.min(to, hours.to)
  if (end <= start) return null
  const span = hours.to - hours.from
  return { top: ((start - hours.from) / span) * 100, height: ((end - start) / span) * 100 }
}

/** The hour marks of a day plan: every hour from opening (rooms open on the hour) to closing. */
export function planHours(hours: OpenHours): number[] {
  const marks: number[] = []
  for (let at = hours.from; at <= hours.to; at += 3_600_000) marks.push(at)
  return marks
}
