import { describe, expect, it } from 'vitest'
import { retryDelay } from '@/domain/sync/backoff'

const schedule = { baseMs: 1_000, maxMs: 60_000 }
const highest = () => 0.999_999
const middle = () => 0.5
const lowest = () => 0

describe('retry delay (exponential back-off with full jitter)', () => {
  it('waits at most the base delay before the first retry', () => {
    expect(retryDelay(0, schedule, highest)).toBe(999)
    expect(retryDelay(0, schedule, lowest)).toBe(0)
  })

  it('doubles the longest possible wait with every further attempt', () => {
    expect([0, 1, 2, 3, 4].map((attempt) => retryDelay(attempt, schedule, middle))).toEqual([500, 1_000, 2_000, 4_000, 8_000])
  })

  it('never lets the longest possible wait pass the maximum', () => {
    expect(retryDelay(6, schedule, highest)).toBe(59_999)
    expect(retryDelay(30, schedule, middle)).toBe(30_000)
    expect(retryDelay(5_000, schedule, highest)).toBe(59_999)
  })

  it('spreads the wait over the whole range from zero to the ceiling, so terminals do not retry in step', () => {
    const draws = [0, 0.25, 0.5, 0.75]
    expect(draws.map((draw) => retryDelay(2, schedule, () => draw))).toEqual([0, 1_000, 2_000, 3_000])
  })

  it('refuses an attempt number that is not a whole number from 0', () => {
    expect(() => retryDelay(-1, schedule, middle)).toThrow(RangeError)
    expect(() => retryDelay(1.5, schedule, middle)).toThrow(RangeError)
  })
})
