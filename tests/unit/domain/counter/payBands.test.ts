import { describe, expect, it } from 'vitest'
import { bandStanding, payBandOf } from '@/domain/counter/payBands'
import { DEFAULT_COUNTER_RULES } from '@/domain/counter/rules'

const rules = DEFAULT_COUNTER_RULES

describe('pay bands', () => {
  it('3,999 points is the piece-rate band; 4,000 is the 60 % band', () => {
    expect(payBandOf(3_999, rules)).toBe('piece_rate')
    expect(payBandOf(4_000, rules)).toBe('partial')
  })

  it('8,000 points is still the 60 % band ("from 4,000 to 8,000"); 8,001 is paid in full ("above 8,000")', () => {
    expect(payBandOf(8_000, rules)).toBe('partial')
    expect(payBandOf(8_001, rules)).toBe('full')
  })

  it('no points, or more clawed back than earned, is the piece-rate band', () => {
    expect(payBandOf(0, rules)).toBe('piece_rate')
    expect(payBandOf(-20, rules)).toBe('piece_rate')
  })

  it('says the rate and what the next band needs', () => {
    expect(bandStanding(3_999, rules)).toEqual({ band: 'piece_rate', performancePayPercent: 0, nextBand: 'partial', pointsToNext: 1 })
    expect(bandStanding(4_000, rules)).toEqual({ band: 'partial', performancePayPercent: 60, nextBand: 'full', pointsToNext: 4_001 })
    expect(bandStanding(8_000, rules)).toEqual({ band: 'partial', performancePayPercent: 60, nextBand: 'full', pointsToNext: 1 })
    expect(bandStanding(8_001, rules)).toEqual({ band: 'full', performancePayPercent: 100, nextBand: null, pointsToNext: null })
  })

  it('follows edited thresholds and rates', () => {
    const edited = { payBands: { partialFromPoints: 3_000, fullAbovePoints: 6_000 }, performancePayPercent: { pieceRate: 10, partial: 50, full: 100 } }
    expect(bandStanding(3_000, edited)).toMatchObject({ band: 'partial', performancePayPercent: 50 })
    expect(payBandOf(6_001, edited)).toBe('full')
    expect(bandStanding(100, edited)).toMatchObject({ performancePayPercent: 10, pointsToNext: 2_900 })
  })
})
