/** Sales made at the counter seed's branch, for the points screens' tests. */
import { saveOfferConversation, type OfferConversation, type SavedConversation } from '@/db/repositories/counter/offers'
import type { OfferLine } from '@/domain/counter/offers'
import type { CounterBranch } from '../../../support/counterSeed'
import { today } from '../../../support/counterSeed'

export const acceptedLine = (productCode: string): OfferLine => ({
  productCode, reason: 'bundle', ruleVersion: 1, outcome: 'accepted', declineReason: null, followUpOn: null, followUpStaffId: null, referral: null, recordingRef: null, riskDisclosureAcknowledged: false,
})

/** The branch's seller (周婷) sells the products to the mortgage client, today unless told. */
export function sell(b: CounterBranch, lines: OfferLine[], more: Partial<OfferConversation> = {}): Promise<SavedConversation> {
  return saveOfferConversation({ branchId: b.branchId, staffId: b.zhou.id, clientId: b.mortgageClient.id, visitId: null, anchorCode: 'LOAN_MORTGAGE', referralId: null, followUpOfferId: null, today, lines, ...more })
}
