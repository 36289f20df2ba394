import { describe, expect, it } from 'vitest'
import { availability, nextAvailableManager, planPages, type Manager } from '@/domain/wealth/paging'
import type { DutySession, RoomSession } from '@/domain/model/records'

type Duty = Pick<DutySession, 'staffId' | 'endedAt' | 'pauses'>
type Seat = Pick<RoomSession, 'staffId' | 'clientId' | 'visitId' | 'endedAt'>
const wang: Manager = { id: 'wang', staffNo: '9009', roles: ['wealth_manager'], active: 1 }
const feng: Manager = { id: 'feng', staffNo: '9010', roles: ['wealth_manager'], active: 1 }
const zheng: Manager = { id: 'zheng', staffNo: '9007', roles: ['customer_manager'], active: 1 }
const managers = [feng, wang, zheng]
const onDuty = (staffId: string, paused = false): Duty => ({ staffId, endedAt: null, pauses: paused ? [{ reason: 'break', from: 1, to: null }] : [] })
const inRoom = (staffId: string, clientId: string | null = 'c9'): Seat => ({ staffId, clientId, visitId: null, endedAt: null })

describe('whether a manager can take a client now', () => {
  it('is absent without an open duty session, paused on a pause, busy with a client in a room', () => {
    expect(availability('wang', [], [])).toBe('absent')
    expect(availability('wang', [{ ...onDuty('wang'), endedAt: 5 }], [])).toBe('absent')
    expect(availability('wang', [onDuty('wang', true)], [])).toBe('paused')
    expect(availability('wang', [onDuty('wang')], [inRoom('wang')])).toBe('busy')
    expect(availability('wang', [onDuty('wang')], [{ ...inRoom('wang'), endedAt: 9 }])).toBe('available')
    expect(availability('wang', [onDuty('wang')], [{ ...inRoom('wang', null), visitId: 'v1' }])).toBe('busy')
  })

  it('is not busy while using a room without a client', () => {
    expect(availability('wang', [onDuty('wang')], [inRoom('wang', null)])).toBe('available')
  })
})

describe('the next available wealth manager', () => {
  it('is the one on duty and free with the fewest sessions today, ties by staff number', () => {
    const duty = [onDuty('wang'), onDuty('feng'), onDuty('zheng')]
    expect(nextAvailableManager(managers, duty, [])?.id).toBe('wang')
    const served = [{ staffId: 'wang', clientId: 'c1', visitId: null, endedAt: 5 }]
    expect(nextAvailableManager(managers, duty, served)?.id).toBe('feng')
  })

  it('is never someone who is not a wealth manager, inactive, absent, paused or busy', () => {
    expect(nextAvailableManager(managers, [onDuty('zheng')], [])).toBeNull()
    expect(nextAvailableManager([{ ...wang, active: 0 }], [onDuty('wang')], [])).toBeNull()
    expect(nextAvailableManager(managers, [onDuty('wang', true), onDuty('feng')], [inRoom('feng')])).toBeNull()
  })
})

describe('whom to page when a VIP arrives', () => {
  it('a booked client: the booking’s manager, even when busy; the maintainer is told as well', () => {
    const plan = planPages({ bookedStaffId: 'feng', maintainerId: 'zheng', managers, duty: [onDuty('feng'), onDuty('zheng')], sessions: [inRoom('feng')] })
    expect(plan.proposed).toEqual({ staffId: 'feng', reason: 'booked' })
    expect(plan.pages).toEqual([{ staffId: 'feng', reason: 'booked' }, { staffId: 'zheng', reason: 'maintainer' }])
  })

  it('the client’s maintainer when they are available, and only them', () => {
    const plan = planPages({ bookedStaffId: null, maintainerId: 'zheng', managers, duty: [onDuty('zheng'), onDuty('wang')], sessions: [] })
    expect(plan.pages).toEqual([{ staffId: 'zheng', reason: 'maintainer' }])
    expect(plan.maintainer).toEqual({ staffId: 'zheng', availability: 'available' })
  })

  it('an absent maintainer: the next available wealth manager is proposed and paged, the maintainer paged to see it later', () => {
    const plan = planPages({ bookedStaffId: null, maintainerId: 'zheng', managers, duty: [onDuty('wang'), onDuty('feng')], sessions: [inRoom('wang')] })
    expect(plan.proposed).toEqual({ staffId: 'feng', reason: 'next_available' })
    expect(plan.pages).toEqual([{ staffId: 'feng', reason: 'next_available' }, { staffId: 'zheng', reason: 'maintainer' }])
    expect(plan.maintainer?.availability).toBe('absent')
  })

  it('a busy maintainer who is a wealth manager is not proposed as the next available one', () => {
    const plan = planPages({ bookedStaffId: null, maintainerId: 'wang', managers, duty: [onDuty('wang'), onDuty('feng')], sessions: [inRoom('wang')] })
    expect(plan.proposed?.staffId).toBe('feng')
  })

  it('a VIP with no maintainer and no booking: the next available one; nobody when none is free', () => {
    expect(planPages({ bookedStaffId: null, maintainerId: null, managers, duty: [onDuty('feng')], sessions: [] }).pages).toEqual([{ staffId: 'feng', reason: 'next_available' }])
    expect(planPages({ bookedStaffId: null, maintainerId: null, managers, duty: [], sessions: [] })).toEqual({ pages: [], proposed: null, maintainer: null })
  })
})
