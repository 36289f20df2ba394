import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { seedRoomBranch, today, vipArrives, type RoomBranch } from '../../component/wealth/room/roomSeed'
import { database } from '@/db/connection'
import { openDuty, pauseDuty } from '@/db/repositories/lobby/duty'
import { lobbyDay } from '@/db/repositories/lobby/visits'
import { endRoomSession, ManagerBusyError, roomDay, RoomTakenError, startRoomSession, VisitNotWaitingError, type NewRoomSession } from '@/db/repositories/wealth/rooms'
import { BookingConflictError, bookWealthRoom, cancelWealthBooking, rescheduleWealthBooking, type NewWealthBooking } from '@/db/repositories/wealth/bookings'
import { markPageRead, pageForArrival, unreadPages } from '@/db/repositories/wealth/pages'
import { deriveVisits } from '@/domain/lobby/visitState'
import { startOfBusinessDate, DEFAULT_TIME_ZONE } from '@/domain/time'

const MIN = 60_000
const at = (h: number, m = 0) => startOfBusinessDate(today, DEFAULT_TIME_ZONE) + (h * 60 + m) * MIN

let branch: RoomBranch
beforeEach(async () => {
  await freshDatabase()
  branch = await seedRoomBranch()
})

function seat(fields: Partial<NewRoomSession>): NewRoomSession {
  return { branchId: branch.branchId, businessDate: today, servicePointId: branch.room1.id, staffId: branch.wang.id, clientId: branch.vip.id, visitId: null, appointmentId: null, purpose: '', ...fields }
}
async function statusOf(visitId: string) {
  return deriveVisits((await lobbyDay(branch.branchId, today)).events).get(visitId)!
}

describe('seating a VIP and ending the session', () => {
  it('starts the session and the visit at that room (called, then started), and finishes the visit with the session', async () => {
    const visit = await vipArrives(branch)
    const session = await startRoomSession(seat({ visitId: visit.id }), Date.now())
    const serving = await statusOf(visit.id)
    expect(serving.status).toBe('serving')
    expect(serving.servicePointId).toBe(branch.room1.id)
    expect(serving.staffId).toBe(branch.wang.id)

    await endRoomSession(session.id, { purpose: '资产配置方案沟通', productCodes: ['FUND_MIXED'], outcome: 'interested', nextStep: '下周电话回访', note: '', confidential: 0 }, Date.now())
    expect((await statusOf(visit.id)).status).toBe('done')
    const ended = await database().records('roomSessions').get(session.id)
    expect(ended).toMatchObject({ outcome: 'interested', productCodes: ['FUND_MIXED'], nextStep: '下周电话回访' })
    expect(ended!.endedAt).not.toBeNull()
  })

  it('refuses a client already seated elsewhere, a room in use and a manager with another client, writing nothing', async () => {
    const visit = await vipArrives(branch)
    await startRoomSession(seat({ visitId: visit.id }), Date.now())
    const before = await database().records('visitEvents').count()
    await expect(startRoomSession(seat({ visitId: visit.id, servicePointId: branch.room2.id, staffId: branch.feng.id }), Date.now())).rejects.toBeInstanceOf(VisitNotWaitingError)
    await expect(startRoomSession(seat({ staffId: branch.feng.id, clientId: null }), Date.now())).rejects.toBeInstanceOf(RoomTakenError)
    await expect(startRoomSession(seat({ servicePointId: branch.room2.id }), Date.now())).rejects.toBeInstanceOf(ManagerBusyError)
    expect(await database().records('visitEvents').count()).toBe(before)
    expect(await database().records('roomSessions').count()).toBe(1)
  })

  it('ends the manager’s own “room without a client” when they seat a client', async () => {
    const office = await startRoomSession(seat({ clientId: null, purpose: '整理客户资料' }), Date.now())
    await startRoomSession(seat({}), Date.now())
    const { sessions } = await roomDay(branch.branchId, today)
    expect(sessions.find((s) => s.id === office.id)!.endedAt).not.toBeNull()
    expect(sessions.filter((s) => s.endedAt === null)).toHaveLength(1)
  })

  it('seats a client in a room someone is using without a client: that use ends; another use without a client is refused', async () => {
    const office = await startRoomSession(seat({ staffId: branch.feng.id, clientId: null, purpose: '内部沟通' }), Date.now())
    await expect(startRoomSession(seat({ staffId: branch.zheng.id, clientId: null, purpose: '整理客户资料' }), Date.now())).rejects.toBeInstanceOf(RoomTakenError)
    const visit = await vipArrives(branch)
    await startRoomSession(seat({ visitId: visit.id }), Date.now())
    expect((await database().records('roomSessions').get(office.id))!.endedAt).not.toBeNull()
  })

  it('marks the booking arrived when its client is seated', async () => {
    const booking = await bookWealthRoom(booked({ at: at(23, 0) }))
    await startRoomSession(seat({ appointmentId: booking.id }), Date.now())
    expect((await database().records('appointments').get(booking.id))!.status).toBe('arrived')
  })
})

function booked(fields: Partial<NewWealthBooking>): NewWealthBooking {
  return { branchId: branch.branchId, businessDate: today, at: at(14), durationMinutes: 60, clientId: branch.vip.id, name: '欧阳明轩', phone: null, purpose: 'investment_consultation', note: '', staffId: branch.wang.id, servicePointId: branch.room1.id, createdBy: null, ...fields }
}

describe('wealth bookings', () => {
  it('refuses an overlapping booking on the same room or with the same manager, naming the booking, and writes nothing', async () => {
    const first = await bookWealthRoom(booked({}))
    const error = await bookWealthRoom(booked({ at: at(14, 30), staffId: branch.feng.id })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BookingConflictError)
    expect((error as BookingConflictError).conflicts).toMatchObject([{ booking: { id: first.id }, clash: 'room' }])
    await expect(bookWealthRoom(booked({ at: at(13, 30), servicePointId: branch.room2.id }))).rejects.toBeInstanceOf(BookingConflictError)
    expect(await database().records('appointments').count()).toBe(1)
  })

  it('allows back-to-back bookings, and two saved at the same moment cannot both take the room', async () => {
    await bookWealthRoom(booked({}))
    await bookWealthRoom(booked({ at: at(15) }))
    const race = await Promise.allSettled([bookWealthRoom(booked({ at: at(16) })), bookWealthRoom(booked({ at: at(16, 15), staffId: branch.feng.id }))])
    expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
  })

  it('reschedules past itself but not onto another booking; a cancelled booking frees its time', async () => {
    const first = await bookWealthRoom(booked({}))
    const second = await bookWealthRoom(booked({ at: at(16) }))
    const moved = await rescheduleWealthBooking(first.id, { businessDate: today, at: at(14, 30), durationMinutes: 60, staffId: branch.wang.id, servicePointId: branch.room1.id })
    expect(moved.at).toBe(at(14, 30))
    await expect(rescheduleWealthBooking(first.id, { businessDate: today, at: at(15, 30), durationMinutes: 60, staffId: branch.wang.id, servicePointId: branch.room1.id })).rejects.toBeInstanceOf(BookingConflictError)
    await cancelWealthBooking(second.id)
    await expect(rescheduleWealthBooking(first.id, { businessDate: today, at: at(15, 30), durationMinutes: 60, staffId: branch.wang.id, servicePointId: branch.room1.id })).resolves.toMatchObject({ at: at(15, 30) })
  })
})

describe('paging managers when a VIP arrives', () => {
  it('pages the maintainer when on duty, once however often it is asked', async () => {
    await openDuty(branch.branchId, today, branch.room1.id, branch.zheng.id)
    const visit = await vipArrives(branch)
    const page = await pageForArrival(visit.id, Date.now())
    expect(page).toMatchObject({ staffId: branch.zheng.id, reason: 'maintainer', kind: 'vip_arrived', read: 0, clientId: branch.vip.id })
    await pageForArrival(visit.id, Date.now())
    expect(await database().records('staffPages').count()).toBe(1)
  })

  it('an absent maintainer: pages the next available wealth manager to seat the client, and the maintainer too', async () => {
    await openDuty(branch.branchId, today, branch.room1.id, branch.wang.id)
    const fengDuty = await openDuty(branch.branchId, today, branch.room2.id, branch.feng.id)
    await pauseDuty(fengDuty.id, 'break')
    const visit = await vipArrives(branch)
    const page = await pageForArrival(visit.id, Date.now())
    expect(page).toMatchObject({ staffId: branch.wang.id, reason: 'next_available' })
    expect((await unreadPages(branch.zheng.id)).map((n) => n.page.reason)).toEqual(['maintainer'])
  })

  it('a booked client: pages the booked manager, as a booking arrival, with where the client waits', async () => {
    const booking = await bookWealthRoom(booked({ staffId: branch.feng.id }))
    const visit = await vipArrives(branch, booking.id)
    const page = await pageForArrival(visit.id, Date.now())
    expect(page).toMatchObject({ staffId: branch.feng.id, reason: 'booked', kind: 'booking_arrived' })
    const [notice] = await unreadPages(branch.feng.id)
    expect(notice!.client?.surname).toBe('欧阳')
    expect(notice!.ticketCode).toBe('V001')
  })

  it('pages nobody for a visit to another zone; a page seen or a client seated leaves the unread list', async () => {
    await openDuty(branch.branchId, today, branch.room1.id, branch.zheng.id)
    const visit = await vipArrives(branch)
    await database().records('visits').update(visit.id, { zone: 'high_counter' })
    expect(await pageForArrival(visit.id, Date.now())).toBeNull()
    await database().records('visits').update(visit.id, { zone: 'wealth_room' })
    const page = await pageForArrival(visit.id, Date.now())
    await markPageRead(page!.id)
    expect(await unreadPages(branch.zheng.id)).toEqual([])

    const again = await vipArrives(branch)
    await pageForArrival(again.id, Date.now())
    await startRoomSession(seat({ visitId: again.id }), Date.now())
    expect(await unreadPages(branch.zheng.id)).toEqual([])
  })
})
