import { computed } from 'vue'
import { defineStore } from 'pinia'
import { appointmentsOn, bookAppointment, cancelAppointment, markAppointmentsMissed } from '@/db/repositories/lobby/appointments'
import { appointmentsToMarkMissed, bookingOf, checkBooking, dueNow, type BookingProblem } from '@/domain/lobby/appointments'
import { businessDate } from '@/domain/time'
import { fullName } from '@/domain/clients/names'
import type { Appointment, Client } from '@/domain/model/records'
import type { Zone } from '@/domain/lobby/terms'
import { useLobbyStore } from './lobby'
import { useTerminalStore } from './terminal'
import { useSessionStore } from './session'

export interface BookingInput {
  client: Client | null
  /** For someone not on file. */
  name: string
  phone: string
  purpose: string | null
  zone: Zone | null
  at: number | null
  note: string
}

/** Counter appointments: booked ahead, honoured at the door, cancelled, or marked missed. */
export const useAppointmentsStore = defineStore('appointments', () => {
  const terminal = useTerminalStore()
  const session = useSessionStore()
  const lobby = useLobbyStore()
  const branchId = computed(() => terminal.state.branchId ?? '')
  const window = () => lobby.rules.appointmentWindow
  let marking: Promise<unknown> | null = null

  /** The bookings of a business date (for a live query). */
  function day(date: string): Promise<Appointment[]> {
    return appointmentsOn(branchId.value, date)
  }

  /** The names of the clients on file among these bookings (a booking made for them may carry no name). */
  async function clientNames(appointments: readonly Appointment[]): Promise<Map<string, string>> {
    const ids = [...new Set(appointments.flatMap((a) => (a.clientId ? [a.clientId] : [])))]
    const clients = await Promise.all(ids.map((id) => lobby.client(id)))
    return new Map(clients.flatMap((c) => (c && c.deleted === 0 ? [[c.id, fullName(c)] as [string, string]] : [])))
  }

  /** Books an appointment (audited); returns the problems instead when incomplete. */
  async function book(input: BookingInput): Promise<{ ok: true; appointment: Appointment } | { ok: false; problems: BookingProblem[] }> {
    const problems = checkBooking({ clientId: input.client?.id ?? null, name: input.name, phone: input.phone, purpose: input.purpose, at: input.at }, Date.now(), window())
    if (problems.length > 0 || input.at === null || !input.purpose) return { ok: false, problems }
    const client = input.client
    const appointment = await bookAppointment({
      branchId: branchId.value,
      businessDate: businessDate(input.at, terminal.settings.timeZone),
      at: input.at,
      clientId: client?.id ?? null,
      name: client ? `${client.surname}${client.givenName}` : input.name.trim(),
      phone: client ? client.phone : input.phone.trim(),
      purpose: input.purpose,
      zone: input.zone ?? lobby.rules.purposes.find((p) => p.code === input.purpose)?.zone ?? 'high_counter',
      note: input.note.trim(),
      createdBy: session.staff?.id ?? null,
    })
    return { ok: true, appointment }
  }

  /** Cancels a booking (audited). */
  function cancel(id: string): Promise<Appointment> {
    return cancelAppointment(id)
  }

  /** Marks missed the bookings whose check-in window has passed (audited); returns how many. */
  async function markMissed(appointments: readonly Appointment[], nowMs = Date.now()): Promise<number> {
    const missed = appointmentsToMarkMissed(appointments, nowMs, window())
    if (missed.length === 0) return 0
    while (marking) await marking
    const run = markAppointmentsMissed(missed.map((a) => a.id))
    marking = run
    try {
      return await run
    } finally {
      marking = null
    }
  }

  /** Today's bookings due at the door now, earliest first. */
  function dueAtDoor(appointments: readonly Appointment[], nowMs = Date.now()): Appointment[] {
    return dueNow(appointments, nowMs, window())
  }

  /** The booking today that this client's arrival honours, or null. */
  function bookingFor(appointments: readonly Appointment[], clientId: string, nowMs = Date.now()): Appointment | null {
    return bookingOf(appointments, clientId, nowMs, window())
  }

  return { day, clientNames, book, cancel, markMissed, dueAtDoor, bookingFor }
})
