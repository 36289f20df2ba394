/**
 * Wealth-room bookings: appointments in zone 'wealth_room' that reserve a manager and a room
 * together. The conflict check runs inside the same transaction as the write, so two tabs of this
 * device cannot double-book a room or a manager by saving at the same moment. Every change is audited.
 */
import type { Appointment } from '@/domain/model/records'
import type { NewRecord } from '@/domain/model/base'
import { bookingConflicts, type BookingConflict } from '@/domain/wealth/bookings'
import { database } from '../../connection'
import { writeRecords } from '../../write'

export class BookingConflictError extends Error {
  constructor(readonly conflicts: BookingConflict<Appointment>[]) {
    super(`The booking clashes with ${conflicts.map((c) => c.booking.id).join(', ')}`)
    this.name = 'BookingConflictError'
  }
}

/** The wealth-room bookings from one business date to another (inclusive), whatever their status. */
export async function wealthBookingsBetween(branchId: string, from: string, to: string): Promise<Appointment[]> {
  const rows = await database().records('appointments').where('[branchId+businessDate]').between([branchId, from], [branchId, to], true, true).toArray()
  return rows.filter((a) => a.deleted === 0 && a.zone === 'wealth_room').sort((a, b) => a.at - b.at)
}

export type NewWealthBooking = Pick<NewRecord<Appointment>, 'branchId' | 'businessDate' | 'at' | 'durationMinutes' | 'clientId' | 'name' | 'phone' | 'purpose' | 'note' | 'staffId' | 'servicePointId' | 'createdBy'>

async function refuseConflicts(slot: Pick<Appointment, 'branchId' | 'businessDate' | 'at' | 'durationMinutes' | 'staffId' | 'servicePointId'>, ignoreId: string | null): Promise<void> {
  const sameDay = await wealthBookingsBetween(slot.branchId, slot.businessDate, slot.businessDate)
  const conflicts = bookingConflicts(slot, sameDay, ignoreId)
  if (conflicts.length > 0) throw new BookingConflictError(conflicts)
}

/** Books a manager and a room; throws BookingConflictError naming the bookings it clashes with. */
export function bookWealthRoom(input: NewWealthBooking): Promise<Appointment> {
  return writeRecords(['appointments'], async (w) => {
    await refuseConflicts(input, null)
    return w.insert('appointments', { ...input, zone: 'wealth_room', status: 'booked', visitId: null }, { action: 'wealth.booking.book' })
  })
}

export type BookingMove = Pick<Appointment, 'businessDate' | 'at' | 'durationMinutes' | 'staffId' | 'servicePointId'>

/** Moves a booking to another time, room or manager, with the same conflict check. */
export function rescheduleWealthBooking(id: string, move: BookingMove): Promise<Appointment> {
  return writeRecords(['appointments'], async (w) => {
    const current = await database().records('appointments').get(id)
    if (!current) throw new Error(`No appointment ${id}`)
    await refuseConflicts({ ...move, branchId: current.branchId }, id)
    return w.update('appointments', id, move, { action: 'wealth.booking.reschedule' })
  })
}

export function cancelWealthBooking(id: string): Promise<Appointment> {
  return writeRecords(['appointments'], (w) => w.update('appointments', id, { status: 'cancelled' }, { action: 'wealth.booking.cancel' }))
}
