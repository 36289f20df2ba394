import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { seedCounterBranch, today, type CounterBranch } from '../../support/counterSeed'
import { cancelSale, confirmSale, saveOfferConversation, type OfferConversation } from '@/db/repositories/counter/offers'
import { makeReferral } from '@/db/repositories/counter/referrals'
import { pendingSaleLines, settledSaleLines } from '@/db/repositories/counter/pointQueries'
import type { OfferLine } from '@/domain/counter/offers'
import { addDays } from '@/domain/time'

let b: CounterBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedCounterBranch()
})

const accepted = (productCode: string): OfferLine => ({ productCode, reason: 'bundle', ruleVersion: 1, outcome: 'accepted', declineReason: null, followUpOn: null, followUpStaffId: null, referral: null, recordingRef: null, riskDisclosureAcknowledged: false })
const sell = (lines: OfferLine[], more: Partial<OfferConversation> = {}) =>
  saveOfferConversation({ branchId: b.branchId, staffId: b.zhou.id, clientId: b.mortgageClient.id, visitId: null, anchorCode: null, referralId: null, followUpOfferId: null, today, lines, ...more })

describe('sales with their parties', () => {
  it('a pending sale comes with its client and the referrer who shares its points; an anonymous sale with neither', async () => {
    const referral = await makeReferral({ branchId: b.branchId, referrerId: b.chen.id, clientId: b.mortgageClient.id, visitId: null, target: 'low_counter', toStaffId: null, productCode: null, note: '', today })
    await sell([accepted('PAY_POS')], { referralId: referral.id })
    await sell([accepted('CARD_DEBIT')], { clientId: null, staffId: b.head.id })

    const lines = await pendingSaleLines(b.branchId, null)
    expect(lines.map((l) => [l.offer.productCode, l.client?.surname ?? null, l.referrerId])).toEqual([
      ['PAY_POS', '刘', b.chen.id],
      ['CARD_DEBIT', null, null],
    ])
    expect((await pendingSaleLines(b.branchId, b.zhou.id)).map((l) => l.offer.productCode)).toEqual(['PAY_POS'])
  })

  it('sales confirmed or cancelled since a day are listed latest first; pending ones and older ones are not', async () => {
    const saved = await sell([accepted('CARD_CREDIT'), accepted('EB_SMS'), accepted('PAY_POS')])
    const [credit, sms] = saved.offers
    await confirmSale(credit!.id, addDays(today, -8), b.zhou.id)
    await confirmSale(sms!.id, today, b.zhou.id)
    const cancelled = saved.offers[2]!
    await cancelSale(cancelled.id, today, b.head.id)

    const settled = await settledSaleLines(b.branchId, null, addDays(today, -7))
    expect(settled.map((l) => [l.offer.productCode, l.offer.saleStatus])).toEqual([
      ['PAY_POS', 'cancelled'],
      ['EB_SMS', 'fulfilled'],
    ])
    expect(await settledSaleLines(b.branchId, b.head.id, addDays(today, -7))).toEqual([])
  })
})
