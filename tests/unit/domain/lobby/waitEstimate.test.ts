import { describe, expect, it } from 'vitest'
import { DEFAULT_LOBBY_RULES } from '@/domain/lobby/purposes'
import { estimateWaitMinutes, median, minutesWaited, recentServiceMinutes, typicalServiceMinutes, waitColour } from '@/domain/lobby/waitEstimate'
import { at, visit } from './events'

describe('estimated wait', () => {
  const recent = [4, 5, 6, 30, 5] // one long case among quick ones: the median is 5

  it('comes from the zone’s recent real service times (their median), not a constant', () => {
    expect(typicalServiceMinutes(recent, 12)).toBe(5)
    expect(estimateWaitMinutes({ peopleAhead: 3, openPoints: 1, recentServiceMinutes: recent, fallbackMinutes: 12 })).toBe(15)
    expect(estimateWaitMinutes({ peopleAhead: 3, openPoints: 1, recentServiceMinutes: [10, 12, 14], fallbackMinutes: 12 })).toBe(36)
  })

  it('scales with the number of open service points', () => {
    const wait = (openPoints: number) => estimateWaitMinutes({ peopleAhead: 6, openPoints, recentServiceMinutes: recent, fallbackMinutes: 12 })
    expect([wait(1), wait(2), wait(3)]).toEqual([30, 15, 10])
    expect(estimateWaitMinutes({ peopleAhead: 1, openPoints: 2, recentServiceMinutes: [5], fallbackMinutes: 12 })).toBe(3) // 2.5 rounded up
  })

  it('is null when no service point of the zone is open', () => {
    expect(estimateWaitMinutes({ peopleAhead: 2, openPoints: 0, recentServiceMinutes: recent, fallbackMinutes: 12 })).toBeNull()
  })

  it('is nothing for the next client, and uses the zone’s fallback before anyone has been served', () => {
    expect(estimateWaitMinutes({ peopleAhead: 0, openPoints: 1, recentServiceMinutes: recent, fallbackMinutes: 12 })).toBe(0)
    expect(estimateWaitMinutes({ peopleAhead: 2, openPoints: 1, recentServiceMinutes: [], fallbackMinutes: 12 })).toBe(24)
  })

  it('looks only at the latest service times', () => {
    const morning = [20, 20, 20, 20, 3, 3, 3]
    expect(typicalServiceMinutes(morning, 12, 3)).toBe(3)
    expect(estimateWaitMinutes({ peopleAhead: 2, openPoints: 1, recentServiceMinutes: morning, fallbackMinutes: 12, sampleSize: 3 })).toBe(6)
  })

  it('median of an even count is the mean of the middle two', () => {
    expect(median([8, 2, 4, 6])).toBe(5)
    expect(median([])).toBeNull()
  })

  it('real service times are read from the visits: start to finish (or to a transfer on), latest last', () => {
    const states = [
      visit('v1').arrive(0).call(1, 'hc1').start(2, 'hc1').finish(9, 'hc1').state(), // 7
      visit('v2').arrive(0).call(3, 'hc2').start(4, 'hc2').transfer(8, 'hc2', 'low_counter', 'front').state(), // 4 at the high counter
      visit('v3').arrive(0).call(10, 'hc1').start(11, 'hc1').state(), // still serving: not yet a service time
      visit('v4').arrive(0, { zone: 'low_counter' }).call(1, 'lc1').start(2, 'lc1').finish(30, 'lc1').state(),
    ]
    expect(recentServiceMinutes(states, 'high_counter')).toEqual([4, 7])
    expect(recentServiceMinutes(states, 'low_counter')).toEqual([28])
  })
})

describe('queue board colours', () => {
  it('green under 15 minutes, amber from 15, red from 30', () => {
    expect(waitColour(14.9, DEFAULT_LOBBY_RULES)).toBe('green')
    expect(waitColour(15, DEFAULT_LOBBY_RULES)).toBe('amber')
    expect(waitColour(29.9, DEFAULT_LOBBY_RULES)).toBe('amber')
    expect(waitColour(30, DEFAULT_LOBBY_RULES)).toBe('red')
  })

  it('thresholds are the branch’s', () => {
    expect(waitColour(12, { waitThresholds: { amberMinutes: 10, redMinutes: 20 } })).toBe('amber')
  })

  it('a client’s wait counts from when they joined their current queue', () => {
    expect(minutesWaited(visit('v1').arrive(0).state(), at(17))).toBe(17)
    expect(minutesWaited(visit('v1').arrive(0).transfer(10, null, 'low_counter', 'original').state(), at(17))).toBe(7)
  })
})
