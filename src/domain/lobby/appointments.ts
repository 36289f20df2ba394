/**
 * Counter appointments (a large cash withdrawal booked in advance): time slots of 15 minutes, when
 * a booking is due at the door (the lobby rules' check-in window, both ends inclusive), when it
 * counts as missed (the window has passed and nobody came), and what a booking needs.
 * Pure: every rule takes `nowMs` and the branch's time zone as parameters.
 */
import type { Appointment } from '@/domain/model/records'
import { businessDate, startOfBusinessDate, type BusinessDate } from '@/domain/time'
import { isAppointmentDue } from './callingOrder'
import type { LobbyRules } from './purposes'

export const SLOT_MINUTES = 15
const MINUTE_MS = 60_000

type Window = LobbyRules['appointmentWindow']
type Timed = Pick<Appointment, 'status' | 'at'>

/** Bookable hours of the day (the hour chips); minutes come in 15-minute steps. */
export const BOOKING_HOURS: readonly number[] = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]
export const SLOT_MINUTE_STEPS: readonly number[] = [0, 15, 30, 45]

/** The instant of a time slot (minutes after midnight) on a business date, in the branch's zone. */
export function slotAt(date: BusinessDate, minutesOfDay: number, zone: string): number {
  return startOfBusinessDate(date, zone) + minutesOfDay * MINUTE_MS
}

/** The 15-minute slot nearest to `nowMs` (a booking "for now"), as a date and minutes after midnight. */
export function nearestSlot(nowMs: number, zone: string): { date: BusinessDate; minutes: number } {
  const date = businessDate(nowMs, zone)
  const minutes = Math.round((nowMs - startOfBusinessDate(date, zone)) / MINUTE_MS / SLOT_MINUTES) * SLOT_MINUTES
  return minutes >= 24 * 60 ? { date: businessDate(nowMs + 60 * MINUTE_MS, zone), minutes: 0 } : { date, minutes }
}

/** A booking the lobby manager should expect at the door now: still booked and within its window. */
export function isDueNow(appointment: Timed, nowMs: number, window: Window): boolean {
  return appointment.status === 'booked' && isAppointmentDue(appointment.at, nowMs, window)
}

/** Still booked after its window has closed: the client did not come. Exactly at the window's end is not missed yet. */
export function isMissed(appointment: Timed, nowMs: number, window: Window): boolean {
  return appointment.status === 'booked' && nowMs > appointment.at + window.afterMinutes * MINUTE_MS
}

export function appointmentsToMarkMissed<T extends Timed>(appointments: readonly T[], nowMs: number, window: Window): T[] {
  return appointments.filter((a) => isMissed(a, nowMs, window))
}

/** The bookings due at the door now, earliest first. */
export function dueNow<T extends Timed>(appointments: readonly T[], nowMs: number, window: Window): T[] {
  return appointments.filter((a) => isDueNow(a, nowMs, window)).sort((a, b) => a.at - b.at)
}

/**
 * A known client's booking today that their arrival honours: still booked and not missed, the one
 * closest to now. Null when they have none.
 */
export function bookingOf<T extends Timed & Pick<Appointment, 'clientId'>>(appointments: readonly T[], clientId: string, nowMs: number, window: Window): T | null {
  const open = appointments.filter((a) => a.clientId === clientId && a.status === 'booked' && !isMissed(a, nowMs, window))
  return open.sort((a, b) => Math.abs(a.at - nowMs) - Math.abs(b.at - nowMs))[0] ?? null
}

/** A day's bookings by time (cancelled ones last). */
export function byTime<T extends Timed>(appointments: readonly T[]): T[] {
  return [...appointments].sort((a, b) => Number(a.status === 'cancelled') - Number(b.status === 'cancelled') || a.at - b.at)
}

export type BookingProblem = 'who_required' | 'phone_invalid' | 'purpose_required' | 'time_required' | 'in_past'

/**
 * What a booking needs: a client on file, or a name and phone for someone who is not; a purpose;
 * a time that has not already passed its check-in window.
 */
export function checkBooking(input: { clientId: string | null; name: string; phone: string; purpose: string | null; at: number | null }, nowMs: number, window: Window): BookingProblem[] {
  const problems: BookingProblem[] = []
  if (!input.clientId) {
    if (input.name.trim() === '') problems.push('who_required')
    if (!/^\d{5,15}$/.test(input.phone.trim())) problems.push('phone_invalid')
  }
  if (!input.purpose) problems.push('purpose_required')
  if (input.at === null) problems.push('time_required')
  else if (input.at + window.afterMinutes * MINUTE_MS < nowMs) problems.push('in_past')
  return problems
}

/** A counter booking names no manager or room; wealth-room bookings reserve both. */
export const COUNTER_BOOKING = Object.freeze({ staffId: null, servicePointId: null, durationMinutes: 30 })
