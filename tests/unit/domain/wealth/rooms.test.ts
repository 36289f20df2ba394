import { describe, expect, it } from 'vitest'
import { checkSessionEnd, mayReadNote, roomOpenHours, roomStates, roomUse, seatingFigures, type BookingFacts, type SessionFacts } from '@/domain/wealth/rooms'
import { startOfBusinessDate } from '@/domain/time'

const ZONE = 'Asia/Shanghai'
const MIN = 60_000
const day = startOfBusinessDate('2026-11-25', ZONE)
const at = (h: number, m = 0) => day + (h * 60 + m) * MIN

function session(fields: Partial<SessionFacts>): SessionFacts {
  return { id: 's1', servicePointId: 'room1', staffId: 'wang', clientId: 'c1', visitId: null, appointmentId: null, startedAt: at(10), endedAt: null, ...fields }
}
function booking(fields: Partial<BookingFacts>): BookingFacts {
  return { id: 'b1', at: at(11), durationMinutes: 60, staffId: 'wang', servicePointId: 'room1', status: 'booked', ...fields }
}

describe('a wealth room’s state now', () => {
  it('is in session while a manager sits in it with a client', () => {
    const [room] = roomStates(['room1'], [session({})], [], at(10, 20))
    expect(room!.kind).toBe('in_session')
    expect(room!.session?.clientId).toBe('c1')
  })

  it('is “in use without a client” while a manager uses it as an office', () => {
    expect(roomStates(['room1'], [session({ clientId: null })], [], at(10, 20))[0]!.kind).toBe('without_client')
  })

  it('is in session with someone the lobby sent in who is not on file', () => {
    expect(roomStates(['room1'], [session({ clientId: null, visitId: 'v1' })], [], at(10, 20))[0]!.kind).toBe('in_session')
  })

  it('is reserved from 30 minutes before a booking, not 31', () => {
    expect(roomStates(['room1'], [], [booking({})], at(10, 29))[0]!.kind).toBe('free')
    const reserved = roomStates(['room1'], [], [booking({})], at(10, 30))[0]!
    expect(reserved.kind).toBe('reserved')
    expect(reserved.booking?.id).toBe('b1')
  })

  it('stays reserved while the booking runs and its session has not started; free once it has ended', () => {
    expect(roomStates(['room1'], [], [booking({})], at(11, 40))[0]!.kind).toBe('reserved')
    expect(roomStates(['room1'], [], [booking({})], at(12))[0]!.kind).toBe('free')
  })

  it('is not held by a cancelled or missed booking, nor by one whose session already took place', () => {
    expect(roomStates(['room1'], [], [booking({ status: 'cancelled' })], at(11))[0]!.kind).toBe('free')
    expect(roomStates(['room1'], [], [booking({ status: 'missed' })], at(11))[0]!.kind).toBe('free')
    const done = session({ appointmentId: 'b1', startedAt: at(11), endedAt: at(11, 20) })
    expect(roomStates(['room1'], [done], [booking({})], at(11, 30))[0]!.kind).toBe('free')
  })

  it('is free otherwise, and names its next booking', () => {
    const [room] = roomStates(['room1'], [session({ endedAt: at(10, 30) })], [booking({ at: at(15) })], at(11))
    expect(room!.kind).toBe('free')
    expect(room!.next?.at).toBe(at(15))
  })

  it('only looks at its own sessions and bookings', () => {
    expect(roomStates(['room1', 'room2'], [session({ servicePointId: 'room2' })], [], at(10, 5)).map((r) => r.kind)).toEqual(['free', 'in_session'])
  })
})

describe('room utilisation', () => {
  const hours = roomOpenHours('2026-11-25', ZONE, '18:00')

  it('opens at 09:00 and closes at the lobby’s automatic close, or at 17:00 when days close by hand', () => {
    expect(hours).toEqual({ from: at(9), to: at(18) })
    expect(roomOpenHours('2026-11-25', ZONE, null).to).toBe(at(17))
  })

  it('is the share of a past day’s open hours spent with a client; time without a client is apart and counts as unused', () => {
    const use = roomUse('room1', [session({ startedAt: at(9), endedAt: at(12) }), session({ id: 's2', clientId: null, startedAt: at(13), endedAt: at(15) })], hours, at(20))
    expect(use).toMatchObject({ openMinutes: 540, withClientMinutes: 180, withoutClientMinutes: 120 })
    expect(use.utilisation).toBeCloseTo(1 / 3)
  })

  it('today counts the open hours so far, and a session still open runs to now', () => {
    const use = roomUse('room1', [session({ startedAt: at(10), endedAt: null })], hours, at(11))
    expect(use.openMinutes).toBe(120)
    expect(use.withClientMinutes).toBe(60)
    expect(use.utilisation).toBeCloseTo(0.5)
  })

  it('clips sessions to the open hours and never counts overlapping time twice', () => {
    const early = session({ startedAt: at(8), endedAt: at(9, 30) })
    const overlapping = [session({ startedAt: at(10), endedAt: at(11) }), session({ id: 's2', startedAt: at(10, 30), endedAt: at(11, 30) })]
    expect(roomUse('room1', [early, ...overlapping], hours, at(20)).withClientMinutes).toBe(30 + 90)
  })

  it('is 0 before the room opens', () => {
    expect(roomUse('room1', [], hours, at(8)).utilisation).toBe(0)
  })
})

describe('time from arrival to seated', () => {
  it('averages the day’s seatings and names the longest', () => {
    expect(seatingFigures([{ arrivedAt: at(10), seatedAt: at(10, 4) }, { arrivedAt: at(11), seatedAt: at(11, 10) }])).toEqual({ seated: 2, averageMinutes: 7, longestMinutes: 10 })
    expect(seatingFigures([])).toEqual({ seated: 0, averageMinutes: null, longestMinutes: null })
  })
})

describe('confidential notes and ending a session', () => {
  it('shows a confidential note only to the session’s manager and the branch head', () => {
    const secret = { confidential: 1 as const, staffId: 'wang' }
    expect(mayReadNote(secret, { id: 'wang', roles: ['wealth_manager'] })).toBe(true)
    expect(mayReadNote(secret, { id: 'head', roles: ['branch_head'] })).toBe(true)
    expect(mayReadNote(secret, { id: 'feng', roles: ['wealth_manager'] })).toBe(false)
    expect(mayReadNote({ ...secret, confidential: 0 }, { id: 'feng', roles: ['wealth_manager'] })).toBe(true)
  })

  it('needs the purpose and the outcome', () => {
    expect(checkSessionEnd({ purpose: ' ', outcome: null })).toEqual(['purpose_required', 'outcome_required'])
    expect(checkSessionEnd({ purpose: '基金定投调整', outcome: 'interested' })).toEqual([])
  })
})
