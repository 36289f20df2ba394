/**
 * 适当性 (suitability): a wealth or investment product (one with a risk level R1–R5) may be marked
 * accepted only for a client whose risk rating C1–C5 is current on the day and at least the product's
 * level (C1 ↔ R1 … C5 ↔ R5). A rating holds one year (riskRatingExpiresOn; valid on its last day);
 * a rating with no date counts as expired, since nobody can say it is current. Products without a
 * risk level need no rating.
 *
 * 双录: wealth, fund and insurance sales also need the sales-zone recording reference and the
 * client's acknowledgement of the risk disclosure before they can be completed.
 */
import type { Product, RiskRating } from '../model/records'
import { RISK_LEVELS, RISK_RATINGS } from '../model/records'
import type { BusinessDate } from '../time'
import { riskRatingExpiresOn } from '../wealth/guarantees'

export type RiskLevel = NonNullable<Product['riskLevel']>
export type SuitabilityReason = 'no_rating' | 'expired_rating' | 'rating_too_low'

/** The client's rating as judged; null for an anonymous client. */
export interface RatedClient {
  riskRating: RiskRating | null
  riskRatedOn: BusinessDate | null
}

export interface Suitability {
  ok: boolean
  reason: SuitabilityReason | null
  /** What the judgement was made on, stored with the offer. */
  rating: RiskRating | null
  riskLevel: RiskLevel | null
}

/** 1 for C1 / R1 … 5 for C5 / R5. */
export function riskStep(code: RiskRating | RiskLevel): number {
  return code.startsWith('C') ? RISK_RATINGS.indexOf(code as RiskRating) + 1 : RISK_LEVELS.indexOf(code as RiskLevel) + 1
}

export function judgeSuitability(product: Pick<Product, 'riskLevel'>, client: RatedClient | null, today: BusinessDate): Suitability {
  const riskLevel = product.riskLevel
  const rating = client?.riskRating ?? null
  const verdict = (reason: SuitabilityReason | null): Suitability => ({ ok: reason === null, reason, rating, riskLevel })
  if (riskLevel === null) return verdict(null)
  if (rating === null) return verdict('no_rating')
  const ratedOn = client?.riskRatedOn ?? null
  if (ratedOn === null || riskRatingExpiresOn(ratedOn) < today) return verdict('expired_rating')
  if (riskStep(rating) < riskStep(riskLevel)) return verdict('rating_too_low')
  return verdict(null)
}

export const RECORDED_SALE_CATEGORIES: readonly Product['category'][] = ['wealth', 'fund', 'insurance']
export type RecordedSaleMissing = 'recording_ref' | 'risk_disclosure'

export interface RecordedSaleEvidence {
  /** Reference of the sales-zone audio/video recording. */
  recordingRef: string | null
  riskDisclosureAcknowledged: boolean
}

export function needsRecordedSale(product: Pick<Product, 'category'>): boolean {
  return RECORDED_SALE_CATEGORIES.includes(product.category)
}

/** What a sale still lacks before it may be completed under 双录; empty when complete. */
export function recordedSaleMissing(product: Pick<Product, 'category'>, evidence: RecordedSaleEvidence): RecordedSaleMissing[] {
  if (!needsRecordedSale(product)) return []
  const missing: RecordedSaleMissing[] = []
  if ((evidence.recordingRef ?? '').trim() === '') missing.push('recording_ref')
  if (!evidence.riskDisclosureAcknowledged) missing.push('risk_disclosure')
  return missing
}
