/** A conversation the seller Zhou had with the mortgage client on `day`, anchored on the mortgage, saved as the counter saves it. */
import { saveOfferConversation } from '@/db/repositories/counter/offers'
import { markedLines, type DraftLine } from '@/domain/counter/offerForm'
import type { Offer } from '@/domain/model/records'
import type { CounterBranch } from '../../../support/counterSeed'

export async function mortgageConversation(b: CounterBranch, day: string, lines: DraftLine[]): Promise<Offer[]> {
  const saved = await saveOfferConversation({ branchId: b.branchId, staffId: b.zhou.id, clientId: b.mortgageClient.id, visitId: null, anchorCode: 'LOAN_MORTGAGE', referralId: null, followUpOfferId: null, today: day, lines: markedLines(lines) })
  return saved.offers
}
