import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { DEMO_SEED, generateDemoBranch } from '@/db/demo/generate'
import { generateLobbyHistory } from '@/db/demo/lobbyHistory'
import { generateRoomHistory, type RoomTable } from '@/db/demo/wealthRoomHistory'
import { bookingConflicts } from '@/domain/wealth/bookings'
import { roomStates } from '@/domain/wealth/rooms'
import { RECORD_SCHEMAS } from '@/domain/model/records'
import { startOfBusinessDate } from '@/domain/time'

const TODAY = '2026-11-25' // a Wednesday
const ZONE = 'Asia/Shanghai'
const NOW = startOfBusinessDate(TODAY, ZONE) + (10 * 60 + 40) * 60_000 // 10:40 in the branch
const demo = generateDemoBranch(TODAY, ZONE)
const base = { branchId: demo.ownBranchId, today: TODAY, zone: ZONE, nowMs: NOW, clients: demo.records.clients, staff: demo.records.staff, servicePoints: demo.records.servicePoints, seed: DEMO_SEED }
const lobby = generateLobbyHistory(base)
const input = { ...base, visits: lobby.visits, visitEvents: lobby.visitEvents }
const history = generateRoomHistory(input)
const rooms = demo.records.servicePoints.filter((p) => p.kind === 'wealth_room')
const staffNo = (id: string) => demo.records.staff.find((s) => s.id === id)?.staffNo

describe('the demo wealth-room history', () => {
  it('is deterministic for the same input and seed', () => {
    expect(generateRoomHistory(input)).toEqual(history)
    expect(generateRoomHistory({ ...input, seed: 7 }).roomSessions[0]).not.toEqual(history.roomSessions[0])
  })

  it('makes records that validate against their table schemas once stamped, all demo, unique ids', () => {
    const stamp = { createdAt: 0, updatedAt: 0, deviceId: 'test-device', hlc: '0000000000000-0000-test-device', deleted: 0 }
    const tables: RoomTable[] = ['roomSessions', 'appointments', 'staffPages']
    const ids = tables.flatMap((table) =>
      history[table].map((record) => {
        const result = v.safeParse(RECORD_SCHEMAS[table], { ...record, ...stamp })
        expect(result.success, `${table} ${record.id}: ${JSON.stringify(result.issues?.[0])}`).toBe(true)
        expect(record.demo).toBe(1)
        return record.id
      }),
    )
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('seats every wealth-room visit the lobby started in a room, at that moment, with the manager who started it', () => {
    const started = lobby.visitEvents.filter((e) => e.kind === 'started' && rooms.some((r) => r.id === e.servicePointId))
    const fromLobby = history.roomSessions.filter((s) => s.visitId !== null)
    expect(fromLobby).toHaveLength(started.length)
    for (const event of started) {
      const session = fromLobby.find((s) => s.visitId === event.visitId)!
      expect(session.startedAt).toBe(event.at)
      expect(session.servicePointId).toBe(event.servicePointId)
      expect(['9009', '9010']).toContain(staffNo(session.staffId))
    }
    expect(fromLobby.filter((s) => s.endedAt !== null).every((s) => s.outcome !== null && s.purpose !== '')).toBe(true)
    expect(fromLobby.some((s) => s.confidential === 1)).toBe(true)
  })

  it('has rooms used without a client on some days, and one such stretch going on now', () => {
    const office = history.roomSessions.filter((s) => s.clientId === null && s.visitId === null)
    expect(new Set(office.map((s) => s.businessDate)).size).toBeGreaterThan(3)
    expect(office.filter((s) => s.endedAt === null).every((s) => s.businessDate === TODAY && s.startedAt <= NOW)).toBe(true)
    const states = roomStates(rooms.map((r) => r.id), history.roomSessions.filter((s) => s.businessDate === TODAY), history.appointments, NOW)
    expect(states.some((s) => s.kind === 'without_client')).toBe(true)
  })

  it('never has two sessions in one room at the same time', () => {
    for (const room of rooms) {
      const own = history.roomSessions.filter((s) => s.servicePointId === room.id).sort((a, b) => a.startedAt - b.startedAt)
      own.slice(1).forEach((s, i) => expect(s.startedAt, s.id).toBeGreaterThanOrEqual(own[i]!.endedAt ?? Number.POSITIVE_INFINITY))
    }
  })

  it('books VIPs with a manager and a room for later today and the coming business days, without a clash', () => {
    expect(history.appointments.filter((a) => a.businessDate === TODAY)).toHaveLength(2)
    expect(new Set(history.appointments.map((a) => a.businessDate)).size).toBeGreaterThanOrEqual(4)
    for (const booking of history.appointments) {
      expect(booking.at).toBeGreaterThan(NOW)
      expect(booking).toMatchObject({ zone: 'wealth_room', status: 'booked' })
      expect(bookingConflicts(booking, history.appointments, booking.id)).toEqual([])
    }
  })

  it('leaves today’s pages read for the clients seated and unread for those still waiting', () => {
    const seated = new Set(history.roomSessions.map((s) => s.visitId))
    for (const page of history.staffPages) expect(page.read).toBe(seated.has(page.visitId) ? 1 : 0)
    expect(history.staffPages.length).toBeGreaterThan(0)
  })
})
