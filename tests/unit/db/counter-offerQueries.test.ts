import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { seedCounterBranch, today, type CounterBranch } from '../../support/counterSeed'
import { writeRecords } from '@/db/write'
import { saveOfferConversation } from '@/db/repositories/counter/offers'
import { makeReferral } from '@/db/repositories/counter/referrals'
import { clientsByIds, getOffer, getReferral } from '@/db/repositories/counter/offerQueries'
import { draftLine, markedLines } from '@/domain/counter/offerForm'

let b: CounterBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedCounterBranch()
})

describe('the offer panel’s reads', () => {
  it('finds an offer and a referral by id, and nothing once deleted', async () => {
    const saved = await saveOfferConversation({
      branchId: b.branchId, staffId: b.zhou.id, clientId: null, visitId: null, anchorCode: null, referralId: null, followUpOfferId: null, today,
      lines: markedLines([{ ...draftLine('EB_SMS', 'manual'), outcome: 'interested', followUpOn: today, followUpStaffId: b.zhou.id }]),
    })
    const offer = saved.offers[0]!
    expect((await getOffer(offer.id))?.productCode).toBe('EB_SMS')
    const referral = await makeReferral({ branchId: b.branchId, referrerId: b.chen.id, clientId: b.carefulClient.id, visitId: null, target: 'low_counter', toStaffId: null, productCode: null, note: '', today })
    expect((await getReferral(referral.id))?.referrerId).toBe(b.chen.id)

    await writeRecords(['offers', 'referrals'], async (w) => {
      await w.remove('offers', offer.id)
      await w.remove('referrals', referral.id)
    })
    expect(await getOffer(offer.id)).toBeUndefined()
    expect(await getReferral(referral.id)).toBeUndefined()
    expect(await getOffer(crypto.randomUUID())).toBeUndefined()
  })

  it('reads the clients a list names, once each, leaving out the unknown', async () => {
    const found = await clientsByIds([b.mortgageClient.id, b.carefulClient.id, b.mortgageClient.id, crypto.randomUUID()])
    expect([...found.keys()].sort()).toEqual([b.mortgageClient.id, b.carefulClient.id].sort())
    expect(found.get(b.carefulClient.id)?.surname).toBe('孙')
  })
})
