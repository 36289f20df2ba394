/** Counter appointments: booked, cancelled, marked missed (marked arrived by the check-in). Every change is audited. */
import type { Appointment } from '@/domain/model/records'
import type { NewRecord } from '@/domain/model/base'
import { COUNTER_BOOKING } from '@/domain/lobby/appointments'
import { database } from '../../connection'
import { writeRecords } from '../../write'

/** The branch's bookings on a business date, whatever their status. */
export async function appointmentsOn(branchId: string, businessDate: string): Promise<Appointment[]> {
  const rows = await database().records('appointments').where('[branchId+businessDate]').equals([branchId, businessDate]).toArray()
  return rows.filter((a) => a.deleted === 0)
}

export type NewAppointment = Pick<NewRecord<Appointment>, 'branchId' | 'businessDate' | 'at' | 'clientId' | 'name' | 'phone' | 'purpose' | 'zone' | 'note' | 'createdBy'>

export function bookAppointment(input: NewAppointment): Promise<Appointment> {
  return writeRecords(['appointments'], (w) => w.insert('appointments', { ...COUNTER_BOOKING, ...input, status: 'booked', visitId: null }, { action: 'appointment.book' }))
}

export function cancelAppointment(id: string): Promise<Appointment> {
  return writeRecords(['appointments'], (w) => w.update('appointments', id, { status: 'cancelled' }, { action: 'appointment.cancel' }))
}

/** Marks these bookings missed; ones that arrived or were cancelled meanwhile are left alone. */
export function markAppointmentsMissed(ids: readonly string[]): Promise<number> {
  return writeRecords(['appointments'], async (w) => {
    let n = 0
    for (const id of ids) {
      const current = await database().records('appointments').get(id)
      if (current?.status !== 'booked') continue
      await w.update('appointments', id, { status: 'missed' }, { action: 'appointment.missed' })
      n += 1
    }
    return n
  })
}
