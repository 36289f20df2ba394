import { describe, expect, it } from 'vitest'
import { DEFAULT_LOBBY_RULES } from '@/domain/lobby/purposes'
import { lobbyDayStats, mean, percentile } from '@/domain/lobby/stats'
import { turnedAwayByAntiFraud } from '@/domain/lobby/antiFraud'
import { at, visit } from './events'

describe('percentile (nearest rank)', () => {
  it('is the value at rank ⌈p/100 × n⌉ of the sorted list', () => {
    const waits = [20, 3, 15, 8, 6, 16, 10, 13, 8, 7] // sorted: 3 6 7 8 8 10 13 15 16 20
    expect(percentile(waits, 90)).toBe(16)
    expect(percentile(waits, 50)).toBe(8)
    expect(percentile(waits, 100)).toBe(20)
    expect(percentile([15, 20, 35, 40, 50], 30)).toBe(20)
    expect(percentile([15, 20, 35, 40, 50], 40)).toBe(20)
  })

  it('is always one of the values, and null for none', () => {
    expect(percentile([7], 90)).toBe(7)
    expect(percentile([], 90)).toBeNull()
    expect(() => percentile([1], 0)).toThrow(RangeError)
  })

  it('mean', () => {
    expect(mean([2, 4, 9])).toBe(5)
    expect(mean([])).toBeNull()
  })
})

describe('the lobby’s numbers for a day', () => {
  // Minutes after 09:00 Shanghai.
  const visits = [
    visit('a').arrive(0).call(5, 'hc1').start(6, 'hc1').finish(12, 'hc1'), // waited 5
    visit('b').arrive(10).call(30, 'hc1').start(32, 'hc1').finish(40, 'hc1'), // waited 20
    visit('c').arrive(20).call(45, 'hc2').recall(46, 'hc2').noShow(50, 'hc2'), // waited 25, no-show
    visit('d').arrive(65).walkAway(100), // left uncalled after 35
    visit('e').arrive(70, { zone: 'wealth_room', isVip: true, priorityClass: 'vip' }).call(72, 'wr1').start(74, 'wr1').finish(104, 'wr1'), // VIP seated after 4
    visit('f').arrive(130, { isVip: true, priorityClass: 'vip' }).call(140, 'hc2').start(141, 'hc2').transfer(150, 'hc2', 'low_counter', 'front').call(151, 'lc1').start(152, 'lc1').finish(170, 'lc1'),
    visit('g').arrive(140).add('unserved_at_close', { statusAtClose: 'waiting' }, { at: Date.UTC(2026, 10, 25, 10, 0) }),
  ].map((v) => v.state())
  const stats = lobbyDayStats(visits, 'Asia/Shanghai', DEFAULT_LOBBY_RULES)

  it('arrivals by hour of the branch’s day', () => {
    expect(stats.arrivals).toBe(7)
    expect(stats.arrivalsByHour[9]).toBe(3)
    expect(stats.arrivalsByHour[10]).toBe(2)
    expect(stats.arrivalsByHour[11]).toBe(2)
    expect(stats.arrivalsByHour.reduce((a, b) => a + b, 0)).toBe(7)
  })

  it('waiting time per zone, average and 90th percentile, and the share called within the 15-minute target', () => {
    const high = stats.zones.high_counter
    // waits ended by a call: a 5, b 20, c 25, f 10; d and g left uncalled
    expect(high).toMatchObject({ arrivals: 6, waited: 4, averageWaitMinutes: 15, p90WaitMinutes: 25, withinTarget: 2, waitsOver: 6, withinTargetShare: 2 / 6 })
    expect(high).toMatchObject({ noShows: 1, walkAways: 1, unserved: 1 })
    expect(stats.zones.low_counter).toMatchObject({ arrivals: 1, waited: 1, averageWaitMinutes: 1 })
    expect(stats.zones.corporate_desk).toMatchObject({ arrivals: 0, averageWaitMinutes: null, withinTargetShare: null })
  })

  it('no-shows, walk-aways and unserved clients', () => {
    expect([stats.noShows, stats.walkAways, stats.unserved]).toEqual([1, 1, 1])
  })

  it('VIP arrivals and how fast they were seated (arrival to first start)', () => {
    expect(stats.vip).toEqual({ arrivals: 2, seated: 2, averageMinutesToSeat: 7.5, medianMinutesToSeat: 4, p90MinutesToSeat: 11 })
  })

  it('per staff member and service point: clients served, average walk-up and service time', () => {
    expect(stats.byServicePoint).toEqual([
      { id: 'hc1', served: 2, averageWalkUpMinutes: 1.5, averageServiceMinutes: 7, totalServiceMinutes: 14 },
      { id: 'hc2', served: 1, averageWalkUpMinutes: 1, averageServiceMinutes: 9, totalServiceMinutes: 9 },
      { id: 'lc1', served: 1, averageWalkUpMinutes: 1, averageServiceMinutes: 18, totalServiceMinutes: 18 },
      { id: 'wr1', served: 1, averageWalkUpMinutes: 2, averageServiceMinutes: 30, totalServiceMinutes: 30 },
    ])
    expect(stats.byStaff.map((s) => [s.id, s.served])).toEqual([['hc1-staff', 2], ['hc2-staff', 1], ['lc1-staff', 1], ['wr1-staff', 1]])
  })
})

describe('clients the anti-fraud check turned away at the door', () => {
  const queued = [visit('a').arrive(0).call(5, 'hc1').start(6, 'hc1').finish(12, 'hc1'), visit('left').arrive(10).walkAway(40)]
  // As the check-in records it: arrival, the check, and the end at once, without a ticket.
  const stopped = visit('stopped')
    .arrive(20, { purpose: 'transfer', zone: 'self_service', antiFraudTriggers: ['elderly_transfer'] })
    .add('anti_fraud_checked', { outcome: 'dissuaded', triggers: ['elderly_transfer'], flaggedQuestions: ['safe_account'], amountFen: null, note: '' }, { at: at(20) })
    .walkAway(20)
  const visits = [...queued, stopped].map((v) => v.state())

  it('count as turned away (and as arrivals), never as walk-aways or in a zone’s queue', () => {
    const stats = lobbyDayStats(visits, 'Asia/Shanghai', DEFAULT_LOBBY_RULES, new Set(['stopped']))
    expect(stats).toMatchObject({ arrivals: 3, walkAways: 1, antiFraudTurnedAway: 1 })
    expect(stats.zones.self_service).toMatchObject({ arrivals: 0, walkAways: 0, waitsOver: 0, withinTargetShare: null })
    expect(stats.zones.high_counter).toMatchObject({ arrivals: 2, walkAways: 1, waitsOver: 2 })
  })

  it('without the door’s word on a visit, it reads as a walk-away (as before)', () => {
    expect(lobbyDayStats(visits, 'Asia/Shanghai', DEFAULT_LOBBY_RULES)).toMatchObject({ walkAways: 2, antiFraudTurnedAway: 0 })
  })
})

describe('a visit’s details say when the anti-fraud check ended it at the door', () => {
  it('reads endedAtDoor', () => {
    expect(turnedAwayByAntiFraud({ endedAtDoor: 'anti_fraud', amountFen: null })).toBe(true)
    expect(turnedAwayByAntiFraud({ quotedMinutes: 5 })).toBe(false)
  })
})
