import { describe, expect, it } from 'vitest'
import { autoCloseDue, closeDay } from '@/domain/lobby/dayClose'
import { deriveVisit } from '@/domain/lobby/visitState'
import { at, event, visit } from './events'

describe('closing the business day', () => {
  const scripts = {
    waiting: visit('waiting').arrive(0),
    called: visit('called').arrive(1).call(50, 'hc1'),
    serving: visit('serving').arrive(2).call(40, 'hc2').start(41, 'hc2'),
    done: visit('done').arrive(3).call(10, 'hc1').start(11, 'hc1').finish(20, 'hc1'),
    gone: visit('gone').arrive(4).walkAway(30),
  }
  const states = Object.values(scripts).map((s) => s.state())

  it('clients still waiting or called are recorded as unserved; nothing else is touched', () => {
    const plan = closeDay(states, at(480))
    expect(plan.events).toEqual([
      { visitId: 'waiting', kind: 'unserved_at_close', at: at(480), data: { statusAtClose: 'waiting' } },
      { visitId: 'called', kind: 'unserved_at_close', at: at(480), data: { statusAtClose: 'called' } },
    ])
    expect(plan.stillServing).toEqual(['serving'])
  })

  it('the recorded event makes the visit unserved, kept with its history rather than deleted', () => {
    const [close] = closeDay([scripts.waiting.state()], at(480)).events
    const state = deriveVisit([...scripts.waiting.events, event('waiting', close!.kind, close!.data, { at: close!.at, staff: 'mgr' })])
    expect(state).toMatchObject({ status: 'unserved', endedAt: at(480), arrivedAt: at(0) })
    expect(state?.history.map((h) => h.kind)).toEqual(['arrived', 'unserved_at_close'])
  })

  it('an unserved client cannot be called afterwards', () => {
    const closed = visit('late').arrive(0).add('unserved_at_close', { statusAtClose: 'waiting' }, { at: at(480) }).call(481, 'hc1')
    expect(closed.state().status).toBe('unserved')
    expect(closed.state().conflicts[0]?.reason).toBe('invalid_transition')
  })
})

describe('closing by itself at the set time', () => {
  const shanghai = { timeZone: 'Asia/Shanghai', autoCloseAt: '18:00', closed: false }

  it('today closes once the set time has come in the branch’s zone', () => {
    expect(autoCloseDue({ ...shanghai, businessDate: '2026-11-25', nowMs: Date.UTC(2026, 10, 25, 9, 59) })).toBe(false) // 17:59
    expect(autoCloseDue({ ...shanghai, businessDate: '2026-11-25', nowMs: Date.UTC(2026, 10, 25, 10, 0) })).toBe(true) // 18:00
  })

  it('a past day nobody closed is due at once, even when closing is by hand only', () => {
    expect(autoCloseDue({ ...shanghai, autoCloseAt: null, businessDate: '2026-11-24', nowMs: Date.UTC(2026, 10, 25, 1, 0) })).toBe(true)
    expect(autoCloseDue({ ...shanghai, autoCloseAt: null, businessDate: '2026-11-25', nowMs: Date.UTC(2026, 10, 25, 12, 0) })).toBe(false)
  })

  it('a closed day is not closed again', () => {
    expect(autoCloseDue({ ...shanghai, closed: true, businessDate: '2026-11-24', nowMs: Date.UTC(2026, 10, 25, 1, 0) })).toBe(false)
  })

  it('reads the closing time on the branch’s clock, not the device’s or UTC', () => {
    const urumqi = { ...shanghai, timeZone: 'Asia/Urumqi', businessDate: '2026-11-25' } // UTC+6
    expect(autoCloseDue({ ...urumqi, nowMs: Date.UTC(2026, 10, 25, 11, 59) })).toBe(false) // 17:59 there, 19:59 in Shanghai
    expect(autoCloseDue({ ...urumqi, nowMs: Date.UTC(2026, 10, 25, 12, 0) })).toBe(true)
  })

  it('a later business date is never due, and an evening closing time waits for the evening', () => {
    expect(autoCloseDue({ ...shanghai, businessDate: '2026-11-26', nowMs: Date.UTC(2026, 10, 25, 15, 0) })).toBe(false) // 23:00 the day before
    expect(autoCloseDue({ ...shanghai, autoCloseAt: '23:45', businessDate: '2026-11-25', nowMs: Date.UTC(2026, 10, 25, 15, 44) })).toBe(false)
    expect(autoCloseDue({ ...shanghai, autoCloseAt: '23:45', businessDate: '2026-11-25', nowMs: Date.UTC(2026, 10, 25, 15, 45) })).toBe(true)
  })
})
