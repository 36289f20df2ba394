import { describe, expect, it } from 'vitest'
import { formatTicketCode } from '@/domain/lobby/tickets'
import {
  BLOCK_SIZE,
  COUNTER_CEILING,
  counterOf,
  emptyCounter,
  needsRefill,
  refilled,
  seriesHasRoom,
  seriesNumber,
  takeBlock,
  takeFromBlock,
  takeNextNumber,
  type TicketCounter,
} from '@/domain/lobby/ticketNumbers'

/** Takes `count` online numbers one after the other. */
function takeOnline(counter: TicketCounter, count: number): { numbers: number[]; counter: TicketCounter } {
  const numbers: number[] = []
  for (let i = 0; i < count; i++) {
    const taken = takeNextNumber(counter)
    if (!taken) break
    numbers.push(taken.seq)
    counter = taken.counter
  }
  return { numbers, counter }
}

describe('the hub counter of a scope', () => {
  it('gives out online numbers from 1, one after the other', () => {
    expect(takeOnline(emptyCounter(), 3).numbers).toEqual([1, 2, 3])
  })

  it('reserves blocks from the top of the three-digit range downwards, so online numbers stay consecutive', () => {
    const first = takeBlock(emptyCounter())!
    expect(first.numbers).toEqual([990, 991, 992, 993, 994, 995, 996, 997, 998, 999])
    const second = takeBlock(first.counter)!
    expect(second.numbers).toEqual([980, 981, 982, 983, 984, 985, 986, 987, 988, 989])
    expect(takeOnline(second.counter, 2).numbers).toEqual([1, 2])
  })

  it('never gives the same number twice, online or as a block, until its range is full', () => {
    let counter = emptyCounter()
    const given: number[] = []
    // Online numbers and blocks taken in turns, as several terminals would.
    for (let round = 0; ; round++) {
      const online = takeNextNumber(counter)
      if (online) {
        given.push(online.seq)
        counter = online.counter
      }
      const block = round % 3 === 0 ? takeBlock(counter) : null
      if (block) {
        given.push(...block.numbers)
        counter = block.counter
      }
      if (!online && !block) break
    }
    expect(given).toHaveLength(COUNTER_CEILING)
    expect(new Set(given).size).toBe(COUNTER_CEILING)
    expect(Math.min(...given)).toBe(1)
    expect(Math.max(...given)).toBe(COUNTER_CEILING)
  })

  it('says the range is full instead of running into the reserved blocks', () => {
    const nearlyFull: TicketCounter = { last: 985, reservedFrom: 990 }
    expect(takeOnline(nearlyFull, 10).numbers).toEqual([986, 987, 988, 989])
    expect(takeNextNumber({ last: 989, reservedFrom: 990 })).toBeNull()
    expect(takeBlock(nearlyFull)?.numbers).toEqual([986, 987, 988, 989])
    expect(takeBlock({ last: 989, reservedFrom: 990 })).toBeNull()
  })

  it('counts on past the numbers this terminal already holds, so a counter started afresh mid-day repeats none', () => {
    expect(takeNextNumber(emptyCounter(), [1, 2, 7])?.seq).toBe(8)
    expect(takeBlock({ last: 0, reservedFrom: 12 }, [5, 9])?.numbers).toEqual([10, 11])
  })

  it('leaves numbers of the reserved blocks to the blocks when counting on past held ones', () => {
    const counter: TicketCounter = { last: 4, reservedFrom: 990 }
    expect(takeNextNumber(counter, [3, 4, 990, 991])?.seq).toBe(5)
  })

  it('reads a stored counter, starting afresh when the document holds something else', () => {
    expect(counterOf({ last: 12, reservedFrom: 980, _rev: '0-3' })).toEqual({ last: 12, reservedFrom: 980 })
    expect(counterOf(undefined)).toEqual(emptyCounter())
    expect(counterOf({ last: 'twelve' })).toEqual(emptyCounter())
    expect(counterOf({ last: 995, reservedFrom: 990 })).toEqual(emptyCounter())
  })
})

describe("a terminal's reserved block", () => {
  it('issues its numbers in order until it is used up', () => {
    let block = { available: [990, 991] }
    const first = takeFromBlock(block)!
    expect(first.seq).toBe(990)
    block = first.block
    expect(takeFromBlock(block)?.seq).toBe(991)
    expect(takeFromBlock({ available: [] })).toBeNull()
  })

  it('is topped up once half of it has been used, the new numbers after the ones left', () => {
    const full = { available: [990, 991, 992, 993, 994, 995, 996, 997, 998, 999] }
    expect(needsRefill(full)).toBe(false)
    expect(needsRefill({ available: full.available.slice(BLOCK_SIZE / 2) })).toBe(true)
    expect(needsRefill({ available: [] })).toBe(true)
    expect(refilled({ available: [998, 999] }, [980, 981])).toEqual({ available: [998, 999, 980, 981] })
  })
})

describe("a terminal's own series", () => {
  it("is its slot's thousand: slot 3 issues 3001, 3002 …, printed A3001", () => {
    expect(seriesNumber(3, 1)).toBe(3001)
    expect(seriesNumber(3, 2)).toBe(3002)
    expect(formatTicketCode('A', seriesNumber(3, 1))).toBe('A3001')
    expect(formatTicketCode('A', seriesNumber(12, 45))).toBe('A12045')
  })

  it('never meets the counter or another slot', () => {
    expect(seriesNumber(1, 1)).toBeGreaterThan(COUNTER_CEILING)
    expect(seriesNumber(1, 999)).toBeLessThan(seriesNumber(2, 1))
  })

  it('holds 999 numbers a day per prefix', () => {
    expect(seriesHasRoom(999)).toBe(true)
    expect(seriesHasRoom(1000)).toBe(false)
    expect(() => seriesNumber(1, 1000)).toThrow(RangeError)
    expect(() => seriesNumber(0, 1)).toThrow(RangeError)
  })
})
