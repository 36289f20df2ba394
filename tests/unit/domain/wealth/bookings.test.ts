import { describe, expect, it } from 'vitest'
import { bookingConflicts, checkWealthBooking, overlaps, planHours, planPosition } from '@/domain/wealth/bookings'
import { startOfBusinessDate } from '@/domain/time'
import type { Appointment } from '@/domain/model/records'

const ZONE = 'Asia/Shanghai'
const MIN = 60_000
const day = startOfBusinessDate('2026-11-25', ZONE)
const at = (h: number, m = 0) => day + (h * 60 + m) * MIN
type Held = Pick<Appointment, 'id' | 'at' | 'durationMinutes' | 'staffId' | 'servicePointId' | 'status'>
const existing: Held = { id: 'b1', at: at(10), durationMinutes: 60, staffId: 'wang', servicePointId: 'room1', status: 'booked' }

describe('the booking conflict check', () => {
  it('refuses the same room at an overlapping time, naming the booking', () => {
    expect(bookingConflicts({ at: at(10, 30), durationMinutes: 60, staffId: 'feng', servicePointId: 'room1' }, [existing])).toEqual([{ booking: existing, clash: 'room' }])
  })

  it('refuses the same manager in another room at an overlapping time', () => {
    expect(bookingConflicts({ at: at(9, 30), durationMinutes: 45, staffId: 'wang', servicePointId: 'room2' }, [existing])).toEqual([{ booking: existing, clash: 'manager' }])
  })

  it('says when both the room and the manager are taken', () => {
    expect(bookingConflicts({ at: at(10), durationMinutes: 30, staffId: 'wang', servicePointId: 'room1' }, [existing])[0]!.clash).toBe('both')
  })

  it('allows a booking that begins exactly when the other ends, or ends exactly when it begins', () => {
    expect(bookingConflicts({ at: at(11), durationMinutes: 30, staffId: 'wang', servicePointId: 'room1' }, [existing])).toEqual([])
    expect(bookingConflicts({ at: at(9), durationMinutes: 60, staffId: 'wang', servicePointId: 'room1' }, [existing])).toEqual([])
    expect(overlaps({ at: at(9), durationMinutes: 61 }, existing)).toBe(true)
  })

  it('ignores cancelled and missed bookings, another room with another manager, and the booking being moved', () => {
    const slot = { at: at(10), durationMinutes: 60, staffId: 'wang', servicePointId: 'room1' }
    expect(bookingConflicts(slot, [{ ...existing, status: 'cancelled' }, { ...existing, id: 'b2', status: 'missed' }])).toEqual([])
    expect(bookingConflicts({ ...slot, staffId: 'feng', servicePointId: 'room2' }, [existing])).toEqual([])
    expect(bookingConflicts(slot, [existing], 'b1')).toEqual([])
  })

  it('still counts a booking whose client has arrived', () => {
    expect(bookingConflicts({ at: at(10), durationMinutes: 30, staffId: 'feng', servicePointId: 'room1' }, [{ ...existing, status: 'arrived' }])).toHaveLength(1)
  })
})

describe('what a wealth booking needs', () => {
  const window = { beforeMinutes: 15, afterMinutes: 15 }
  it('a manager and a room besides who, purpose and time', () => {
    expect(checkWealthBooking({ clientId: 'c1', name: '', phone: '', purpose: 'investment_consultation', at: at(14), staffId: null, servicePointId: null }, at(9), window)).toEqual(['manager_required', 'room_required'])
    expect(checkWealthBooking({ clientId: null, name: '', phone: '12', purpose: null, at: null, staffId: 'wang', servicePointId: 'room1' }, at(9), window)).toEqual(['who_required', 'phone_invalid', 'purpose_required', 'time_required'])
  })
})

describe('the day plan', () => {
  const hours = { from: at(9), to: at(17) }
  it('places a stretch by its share of the open hours, clipped to them', () => {
    expect(planPosition(at(13), at(15), hours)).toEqual({ top: 50, height: 25 })
    expect(planPosition(at(8), at(10), hours)).toEqual({ top: 0, height: 12.5 })
    expect(planPosition(at(17), at(18), hours)).toBeNull()
  })
  it('marks every hour from opening to closing', () => {
    expect(planHours(hours)).toHaveLength(9)
  })
})
