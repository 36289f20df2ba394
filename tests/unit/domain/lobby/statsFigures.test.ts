import { describe, expect, it } from 'vitest'
import { antiFraudFigures, complaintFigures, dutyFigures, type ServerStats } from '@/domain/lobby/stats'
import type { DutySession } from '@/domain/model/records'
import { at, visit } from './events'

function session(id: string, staffId: string, pointId: string, from: number, to: number | null, pauses: DutySession['pauses'] = []): DutySession {
  return { id, createdAt: from, updatedAt: from, deviceId: 'd', hlc: '0000000000000-0000-d', deleted: 0, branchId: 'b', businessDate: '2026-11-25', servicePointId: pointId, staffId, startedAt: at(from), endedAt: to === null ? null : at(to), pauses }
}
const pause = (reason: DutySession['pauses'][number]['reason'], from: number, to: number | null) => ({ reason, from: at(from), to: to === null ? null : at(to) })
const served = (id: string, totalServiceMinutes: number): ServerStats => ({ id, served: 1, averageWalkUpMinutes: 1, averageServiceMinutes: totalServiceMinutes, totalServiceMinutes })

describe('duty figures: idle time and pauses by reason', () => {
  it('idle = on duty − serving − paused, pauses summed by reason with their count', () => {
    const sessions = [session('s1', 'wang', 'hc1', 0, 120, [pause('break', 30, 40), pause('meeting', 60, 90), pause('break', 100, 105)])]
    const [figures] = dutyFigures(sessions, [served('wang', 50)], 'staffId', at(999))
    expect(figures).toEqual({
      id: 'wang',
      onDutyMinutes: 120,
      pausedMinutes: 45,
      pauses: { break: { count: 2, minutes: 15 }, back_office: { count: 0, minutes: 0 }, meeting: { count: 1, minutes: 30 }, other: { count: 0, minutes: 0 } },
      servingMinutes: 50,
      idleMinutes: 25,
    })
  })

  it('an open session counts to `untilMs`, an open pause to the session’s end; two sessions of one point add up', () => {
    const sessions = [session('s1', 'wang', 'hc1', 0, 60), session('s2', 'li', 'hc1', 60, null, [pause('back_office', 80, null)])]
    const [point] = dutyFigures(sessions, [], 'servicePointId', at(100))
    expect(point).toMatchObject({ id: 'hc1', onDutyMinutes: 100, pausedMinutes: 20, idleMinutes: 80 })
    expect(point?.pauses.back_office).toEqual({ count: 1, minutes: 20 })
  })

  it('at the edges: pauses are clipped to their session, a zero-length pause counts once with no minutes, idle never goes below zero', () => {
    const sessions = [session('s1', 'wang', 'hc1', 10, 40, [pause('break', 0, 20), pause('other', 35, 50), pause('meeting', 25, 25)])]
    const [figures] = dutyFigures(sessions, [served('wang', 30)], 'staffId', at(999))
    expect(figures?.pauses).toEqual({ break: { count: 1, minutes: 10 }, back_office: { count: 0, minutes: 0 }, meeting: { count: 1, minutes: 0 }, other: { count: 1, minutes: 5 } })
    expect(figures).toMatchObject({ onDutyMinutes: 30, pausedMinutes: 15, servingMinutes: 30, idleMinutes: 0 })
  })

  it('a session started after `untilMs` counts zero; someone who served without a session still shows', () => {
    const figures = dutyFigures([session('s1', 'wang', 'hc1', 50, null)], [served('zhao', 12)], 'staffId', at(40))
    expect(figures.map((f) => [f.id, f.onDutyMinutes, f.servingMinutes, f.idleMinutes])).toEqual([
      ['wang', 0, 0, 0],
      ['zhao', 0, 12, 0],
    ])
  })

  it('no sessions and nobody served: no rows', () => {
    expect(dutyFigures([], [], 'staffId', at(0))).toEqual([])
  })
})

describe('anti-fraud prompts and outcomes', () => {
  const check = (outcome: 'proceeded' | 'dissuaded' | 'reported_to_police') => ({ outcome, triggers: ['elderly_transfer' as const], flaggedQuestions: [], amountFen: null, note: '' })
  it('counts each prompted visit once, by its latest outcome; a prompt without a check is pending', () => {
    const visits = [
      visit('a').arrive(0, { purpose: 'transfer', antiFraudTriggers: ['elderly_transfer'] }).add('anti_fraud_checked', check('proceeded'), { at: at(1) }),
      visit('b').arrive(2, { purpose: 'transfer', antiFraudTriggers: ['large_amount'] }).add('anti_fraud_checked', check('dissuaded'), { at: at(3) }),
      visit('c').arrive(4, { purpose: 'transfer', antiFraudTriggers: ['elderly_transfer'] }).add('anti_fraud_checked', check('proceeded'), { at: at(5) }).add('anti_fraud_checked', check('reported_to_police'), { at: at(6) }),
      visit('d').arrive(7, { purpose: 'transfer', antiFraudTriggers: ['elderly_transfer'] }),
      visit('e').arrive(8),
    ].map((v) => v.state())
    expect(antiFraudFigures(visits)).toEqual({ prompts: 4, checked: 3, outcomes: { proceeded: 1, dissuaded: 1, reported_to_police: 1 }, pending: 1 })
  })

  it('no visits: all zero', () => {
    expect(antiFraudFigures([])).toEqual({ prompts: 0, checked: 0, outcomes: { proceeded: 0, dissuaded: 0, reported_to_police: 0 }, pending: 0 })
  })
})

describe('complaints open and overdue', () => {
  const now = at(60)
  it('overdue means due strictly before now: due exactly now is not yet overdue, a millisecond earlier is', () => {
    const rows = [
      { status: 'open' as const, dueAt: now, deleted: 0 as const },
      { status: 'open' as const, dueAt: now - 1, deleted: 0 as const },
      { status: 'escalated' as const, dueAt: now - 60_000, deleted: 0 as const },
      { status: 'open' as const, dueAt: now + 1, deleted: 0 as const },
      { status: 'closed' as const, dueAt: now - 1, deleted: 0 as const },
      { status: 'open' as const, dueAt: now - 1, deleted: 1 as const },
    ]
    expect(complaintFigures(rows, now)).toEqual({ open: 4, overdue: 2, escalated: 1 })
  })
})
