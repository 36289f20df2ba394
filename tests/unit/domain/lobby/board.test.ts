import { describe, expect, it } from 'vitest'
import { dayCalls, latestCallPerTicket, lobbyBoard, openPointsIn, zoneBoard, type BoardInput } from '@/domain/lobby/board'
import { DEFAULT_LOBBY_RULES } from '@/domain/lobby/purposes'
import type { VisitState } from '@/domain/lobby/visitState'
import type { DutySession, ServicePoint } from '@/domain/model/records'
import { at, NINE_AM as T0, VisitScript } from './events'

const base = { createdAt: 0, updatedAt: 0, deviceId: 'd', hlc: '0000000000000-0000-d', deleted: 0 as const }
const point = (id: string, kind: ServicePoint['kind'], number: number): ServicePoint => ({ ...base, id, branchId: 'b', kind, number, name: `${number}号窗口`, active: 1 })
const duty = (servicePointId: string, paused = false): DutySession => ({ ...base, id: `s-${servicePointId}`, branchId: 'b', businessDate: '2026-11-25', servicePointId, staffId: 'x', startedAt: T0, endedAt: null, pauses: paused ? [{ reason: 'break', from: T0, to: null }] : [] })

const arrival = (id: string, minute: number) => new VisitScript(id).arrive(minute, { zone: 'high_counter' }).state()

function input(visitStates: VisitState[], sessions: DutySession[], nowMs: number): BoardInput {
  return { states: visitStates, clientOf: () => null, quotedOf: () => null, points: [point('hc1', 'high_counter', 1), point('hc2', 'high_counter', 2)], sessions, rules: DEFAULT_LOBBY_RULES, nowMs }
}

describe('the lobby board', () => {
  it('a paused or closed point is not open', () => {
    const points = [point('hc1', 'high_counter', 1), point('hc2', 'high_counter', 2)]
    expect(openPointsIn('high_counter', points, [duty('hc1'), duty('hc2', true)])).toBe(1)
    expect(openPointsIn('high_counter', points, [])).toBe(0)
  })

  it('lists who waits in calling order with minutes waited, coloured by the thresholds', () => {
    const s = [arrival('a', 0), arrival('b', 20)]
    const board = zoneBoard('high_counter', input(s, [duty('hc1')], at(36)))
    expect(board.waiting.map((r) => [r.visitId, r.waitedMinutes, r.colour])).toEqual([
      ['a', 36, 'red'],
      ['b', 16, 'amber'],
    ])
    expect(board.longestWaitMinutes).toBe(36)
  })

  it('estimates the wait of a new arrival from the points open, and says nothing when none is', () => {
    const s = [arrival('a', 0), arrival('b', 0)]
    expect(zoneBoard('high_counter', input(s, [duty('hc1'), duty('hc2')], T0)).estimateMinutes).toBe(5) // 2 ahead × 5 min ÷ 2 points
    expect(zoneBoard('high_counter', input(s, [], T0)).estimateMinutes).toBeNull()
  })

  it('has one board per zone', () => {
    expect(lobbyBoard(input([], [], T0)).map((b) => b.zone)).toEqual(['high_counter', 'low_counter', 'wealth_room', 'self_service', 'manager_desk', 'corporate_desk'])
  })
})

describe('the calls the lobby display shows', () => {
  const points = new Map([
    ['hc1', { kind: 'high_counter' as const, number: 1 }],
    ['lc5', { kind: 'low_counter' as const, number: 5 }],
  ])
  const ticket = (code: string, seq: number) => ({ ticketId: null, code, prefix: code[0]!, seq })

  it('shows each call with the ticket the client held when it was made, not the one after a transfer', () => {
    const moved = new VisitScript('moved')
      .arrive(0)
      .add('ticket_issued', ticket('A005', 5), { at: at(0) })
      .call(10, 'hc1')
      .recall(11, 'hc1')
      .start(12, 'hc1')
      .transfer(15, 'hc1', 'low_counter', 'front')
      .add('ticket_issued', ticket('B003', 3), { at: at(15) })
      .call(20, 'lc5')
    const other = new VisitScript('other').arrive(1).add('ticket_issued', ticket('A006', 6), { at: at(1) }).call(17, 'hc1')
    const calls = dayCalls([moved.state(), other.state()], points)
    expect(calls.map((c) => [c.ticketCode, c.kind, c.pointKind, c.pointNumber])).toEqual([
      ['B003', 'called', 'low_counter', 5],
      ['A006', 'called', 'high_counter', 1],
      ['A005', 'recalled', 'high_counter', 1],
      ['A005', 'called', 'high_counter', 1],
    ])
    // The current call and the recent ones: each ticket once, by its latest call; the old number stays listed.
    expect(latestCallPerTicket(calls).map((c) => c.ticketCode)).toEqual(['B003', 'A006', 'A005'])
  })

  it('leaves out calls at unknown points and visits without a ticket yet', () => {
    const unknownPoint = new VisitScript('x').arrive(0).add('ticket_issued', ticket('A001', 1), { at: at(0) }).call(3, 'gone')
    const noTicket = new VisitScript('y').arrive(0).call(3, 'hc1')
    expect(dayCalls([unknownPoint.state(), noTicket.state()], points)).toEqual([])
  })
})
