/**
 * One product's line in an offer conversation, and what keeps it from being saved. The offer panel
 * shows these problems as the person works; the repository checks them again inside the save's
 * transaction, so the rules hold whoever calls it:
 *
 * - accepted: the product must suit the client (适当性, suitability.ts) and a wealth, fund or
 *   insurance sale needs its 双录 evidence (recording reference and risk-disclosure acknowledgement);
 * - declined: a reason from the rules' short list;
 * - interested: a follow-up day (today or later) and its owner;
 * - referred: where to (the low counter or a wealth manager).
 */
import type { OfferOutcome, OfferReason, Product, ReferralTarget } from '../model/records'
import type { BusinessDate } from '../time'
import { judgeSuitability, recordedSaleMissing, type RatedClient, type RecordedSaleMissing, type SuitabilityReason } from './suitability'

export interface OfferLine {
  productCode: string
  reason: OfferReason
  ruleVersion: number | null
  outcome: OfferOutcome
  declineReason: string | null
  followUpOn: BusinessDate | null
  followUpStaffId: string | null
  referral: { target: ReferralTarget; toStaffId: string | null; note: string } | null
  recordingRef: string | null
  riskDisclosureAcknowledged: boolean
}

export type OfferLineProblem =
  | { kind: 'unsuitable'; reason: SuitabilityReason }
  | { kind: 'recorded_sale'; missing: RecordedSaleMissing[] }
  | { kind: 'decline_reason' }
  | { kind: 'follow_up_day' }
  | { kind: 'follow_up_owner' }
  | { kind: 'referral_target' }

export function offerLineProblems(line: OfferLine, product: Pick<Product, 'riskLevel' | 'category'>, client: RatedClient | null, today: BusinessDate, declineReasons: readonly string[]): OfferLineProblem[] {
  switch (line.outcome) {
    case 'accepted': {
      const problems: OfferLineProblem[] = []
      const suitability = judgeSuitability(product, client, today)
      if (!suitability.ok && suitability.reason) problems.push({ kind: 'unsuitable', reason: suitability.reason })
      const missing = recordedSaleMissing(product, { recordingRef: line.recordingRef, riskDisclosureAcknowledged: line.riskDisclosureAcknowledged })
      if (missing.length > 0) problems.push({ kind: 'recorded_sale', missing })
      return problems
    }
    case 'declined':
      return line.declineReason !== null && declineReasons.includes(line.declineReason) ? [] : [{ kind: 'decline_reason' }]
    case 'interested': {
      const problems: OfferLineProblem[] = []
      if (line.followUpOn === null || line.followUpOn < today) problems.push({ kind: 'follow_up_day' })
      if (line.followUpStaffId === null) problems.push({ kind: 'follow_up_owner' })
      return problems
    }
    case 'referred':
      return line.referral === null ? [{ kind: 'referral_target' }] : []
  }
}

/** The outcome a referral is closed with, from the conversation that answered it. */
export function referralOutcomeOf(lines: readonly Pick<OfferLine, 'outcome'>[]): 'sold' | 'interested' | 'declined' {
  if (lines.some((l) => l.outcome === 'accepted')) return 'sold'
  if (lines.some((l) => l.outcome === 'interested')) return 'interested'
  return 'declined'
}
