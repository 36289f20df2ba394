/**
 * Pay bands of the product points (DOMAIN.md, job 3): "below 4,000 points, pay per product; from
 * 4,000 to 8,000 points, paid at 60 %; above 8,000, paid in full". Both named edges belong to the
 * middle band: 3,999 is piece-rate, 4,000 and 8,000 are the 60 % band, 8,001 is paid in full.
 * A negative total (more clawed back than earned) is the piece-rate band.
 */
import type { CounterRules } from './rules'

export const PAY_BANDS = ['piece_rate', 'partial', 'full'] as const
export type PayBand = (typeof PAY_BANDS)[number]

type BandRules = Pick<CounterRules, 'payBands' | 'performancePayPercent'>

export interface BandStanding {
  band: PayBand
  /** Performance pay (percent) paid in this band, on top of the piece rate. */
  performancePayPercent: number
  /** The band above, or null at the top. */
  nextBand: PayBand | null
  /** Points still needed to reach the next band, or null at the top. */
  pointsToNext: number | null
}

export function payBandOf(points: number, rules: BandRules): PayBand {
  if (points > rules.payBands.fullAbovePoints) return 'full'
  if (points >= rules.payBands.partialFromPoints) return 'partial'
  return 'piece_rate'
}

/** Where a person stands: the band, its rate and what the next band needs. */
export function bandStanding(points: number, rules: BandRules): BandStanding {
  const band = payBandOf(points, rules)
  const rates = rules.performancePayPercent
  if (band === 'piece_rate') {
    return { band, performancePayPercent: rates.pieceRate, nextBand: 'partial', pointsToNext: rules.payBands.partialFromPoints - points }
  }
  if (band === 'partial') {
    return { band, performancePayPercent: rates.partial, nextBand: 'full', pointsToNext: rules.payBands.fullAbovePoints + 1 - points }
  }
  return { band, performancePayPercent: rates.full, nextBand: null, pointsToNext: null }
}
