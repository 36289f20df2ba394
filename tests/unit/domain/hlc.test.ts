import { describe, expect, it } from 'vitest'
import { compareHlc, decodeHlc, encodeHlc, HLC_ZERO, receiveHlc, tickHlc } from '@/domain/hlc'

describe('hybrid logical clock', () => {
  it('follows the wall clock when it moves forward', () => {
    expect(tickHlc(HLC_ZERO, 1_000)).toEqual({ wallMs: 1_000, counter: 0 })
  })

  it('keeps ordering when the wall clock stands still or goes back', () => {
    const a = tickHlc(HLC_ZERO, 1_000)
    const b = tickHlc(a, 1_000)
    const c = tickHlc(b, 500)
    expect(b).toEqual({ wallMs: 1_000, counter: 1 })
    expect(c).toEqual({ wallMs: 1_000, counter: 2 })
    expect(compareHlc(encodeHlc(a, 'd'), encodeHlc(c, 'd'))).toBeLessThan(0)
  })

  it('a change received from a terminal whose clock runs ahead orders later local changes after it', () => {
    const local = tickHlc(HLC_ZERO, 1_000)
    const remote = { wallMs: 5_000, counter: 3 }
    const merged = receiveHlc(local, remote, 1_100)
    const next = tickHlc(merged, 1_200)
    expect(compareHlc(encodeHlc(remote, 'b'), encodeHlc(next, 'a'))).toBeLessThan(0)
  })

  it('stamps sort as strings in the order they happened, the device id breaking exact ties', () => {
    const stamps = [encodeHlc({ wallMs: 20, counter: 0 }, 'a'), encodeHlc({ wallMs: 3, counter: 10 }, 'a'), encodeHlc({ wallMs: 3, counter: 2 }, 'b'), encodeHlc({ wallMs: 3, counter: 2 }, 'a')]
    expect([...stamps].sort(compareHlc)).toEqual([stamps[3], stamps[2], stamps[1], stamps[0]])
  })

  it('round-trips through its text form', () => {
    const stamp = encodeHlc({ wallMs: 1_764_000_000_000, counter: 42 }, 'device-1')
    expect(decodeHlc(stamp)).toEqual({ wallMs: 1_764_000_000_000, counter: 42, deviceId: 'device-1' })
    expect(() => decodeHlc('nonsense')).toThrow()
  })

  it('never lets the counter overflow: it borrows a millisecond', () => {
    expect(tickHlc({ wallMs: 7, counter: 0xffff }, 7)).toEqual({ wallMs: 8, counter: 0 })
  })
})
