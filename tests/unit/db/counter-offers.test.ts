import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { seedCounterBranch, today, type CounterBranch } from '../../support/counterSeed'
import { database } from '@/db/connection'
import { cancelSale, confirmSale, heldProductCodes, openFollowUps, recordRiskRating, saveOfferConversation, type OfferConversation } from '@/db/repositories/counter/offers'
import { closeReferral, makeReferral, openReferralsFor } from '@/db/repositories/counter/referrals'
import { CounterRefusedError, rebuildPointTotals } from '@/db/repositories/counter/ledger'
import { addAdjustment, closeQuarter, personQuarter, standingsFor, verifyQuarter } from '@/db/repositories/counter/points'
import type { OfferLine } from '@/domain/counter/offers'
import { addDays } from '@/domain/time'
import { previousQuarter, quarterOf } from '@/domain/quarters'

let b: CounterBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedCounterBranch()
})

const line = (productCode: string, outcome: OfferLine['outcome'], more: Partial<OfferLine> = {}): OfferLine => ({
  productCode, reason: 'bundle', ruleVersion: 1, outcome, declineReason: outcome === 'declined' ? 'no_need' : null,
  followUpOn: outcome === 'interested' ? addDays(today, 3) : null, followUpStaffId: outcome === 'interested' ? b.zhou.id : null,
  referral: null, recordingRef: null, riskDisclosureAcknowledged: false, ...more,
})
const conversation = (lines: OfferLine[], more: Partial<OfferConversation> = {}): OfferConversation => ({
  branchId: b.branchId, staffId: b.zhou.id, clientId: b.mortgageClient.id, visitId: null, anchorCode: 'LOAN_MORTGAGE', referralId: null, followUpOfferId: null, today, lines, ...more,
})
const FUND_SALE = { recordingRef: 'SL-0042', riskDisclosureAcknowledged: true }
const quarter = quarterOf(today)
const pointsOf = async (staffId: string) => (await personQuarter(staffId, quarter)).totals

describe('recording an offer conversation', () => {
  it('saves every product of the conversation together, and the accepted ones earn provisional points at once', async () => {
    const saved = await saveOfferConversation(conversation([line('EB_SMS', 'accepted'), line('FUND_BOND', 'accepted', FUND_SALE), line('INS_ACCIDENT', 'interested')]))
    expect(saved.offers.map((o) => [o.productCode, o.outcome, o.saleStatus, o.points])).toEqual([
      ['EB_SMS', 'accepted', 'pending', 2],
      ['FUND_BOND', 'accepted', 'pending', 15],
      ['INS_ACCIDENT', 'interested', null, 0],
    ])
    expect(new Set(saved.offers.map((o) => o.groupId)).size).toBe(1)
    expect(saved.offers[1]?.suitability).toEqual({ rating: 'C3', ratedOn: b.mortgageClient.riskRatedOn, riskLevel: 'R2' })
    expect(await pointsOf(b.zhou.id)).toEqual({ provisional: 17, final: 0, accepted: 2 })
    expect(await heldProductCodes(b.mortgageClient.id)).toEqual(['EB_SMS', 'FUND_BOND'])
  })

  it('refuses an R4 fund for a C2 client and writes nothing of the conversation', async () => {
    const attempt = saveOfferConversation(conversation([line('EB_SMS', 'accepted'), line('FUND_EQUITY', 'accepted', FUND_SALE)], { clientId: b.carefulClient.id }))
    await expect(attempt).rejects.toMatchObject({ kind: 'unsuitable', detail: { productCode: 'FUND_EQUITY', reason: 'rating_too_low' } })
    expect(await database().records('offers').count()).toBe(0)
    expect(await database().records('pointEntries').count()).toBe(0)
    expect(await database().pointTotals.count()).toBe(0)
  })

  it('refuses a wealth sale on an expired rating until a new rating is recorded', async () => {
    const sale = conversation([line('FUND_BOND', 'accepted', FUND_SALE)], { clientId: b.staleClient.id })
    await expect(saveOfferConversation(sale)).rejects.toMatchObject({ kind: 'unsuitable', detail: { reason: 'expired_rating' } })
    await recordRiskRating(b.staleClient.id, 'C3', today)
    await expect(saveOfferConversation(sale)).resolves.toBeTruthy()
  })

  it('refuses a fund sale without its 双录 recording and risk-disclosure acknowledgement', async () => {
    await expect(saveOfferConversation(conversation([line('FUND_BOND', 'accepted')]))).rejects.toMatchObject({ kind: 'recorded_sale', detail: { missing: ['recording_ref', 'risk_disclosure'] } })
  })

  it('an interested offer waits in its owner’s follow-ups; the follow-up conversation closes it', async () => {
    const first = await saveOfferConversation(conversation([line('INS_ACCIDENT', 'interested', { followUpOn: today })]))
    const due = await openFollowUps(b.zhou.id, today)
    expect(due.map((o) => o.productCode)).toEqual(['INS_ACCIDENT'])
    await saveOfferConversation(conversation([line('INS_ACCIDENT', 'accepted', FUND_SALE)], { followUpOfferId: first.offers[0]!.id }))
    expect(await openFollowUps(b.zhou.id, today)).toEqual([])
    await expect(saveOfferConversation(conversation([line('INS_ACCIDENT', 'declined')], { followUpOfferId: first.offers[0]!.id }))).rejects.toBeInstanceOf(CounterRefusedError)
  })
})

describe('referrals and the referrer’s share', () => {
  it('a teller’s referral waits in the low counter’s list, the sale closes it and the teller is credited on confirmation', async () => {
    const referral = await makeReferral({ branchId: b.branchId, referrerId: b.chen.id, clientId: b.mortgageClient.id, visitId: null, target: 'low_counter', toStaffId: null, productCode: null, note: '客户刚办房贷', today })
    expect((await openReferralsFor(b.branchId, b.zhou.id, ['low_counter'])).map((r) => r.id)).toEqual([referral.id])
    expect(await openReferralsFor(b.branchId, b.wang.id, ['wealth_manager'])).toEqual([])

    const saved = await saveOfferConversation(conversation([line('PAY_POS', 'accepted')], { referralId: referral.id }))
    expect(await database().records('referrals').get(referral.id)).toMatchObject({ status: 'closed', outcome: 'sold', offerGroupId: saved.groupId })
    expect(await pointsOf(b.chen.id)).toEqual({ provisional: 9, final: 0, accepted: 0 })
    expect(await pointsOf(b.zhou.id)).toEqual({ provisional: 21, final: 0, accepted: 1 })

    await confirmSale(saved.offers[0]!.id, today, b.zhou.id)
    expect(await pointsOf(b.chen.id)).toEqual({ provisional: 0, final: 9, accepted: 0 })
    expect(await pointsOf(b.zhou.id)).toEqual({ provisional: 0, final: 21, accepted: 1 })
  })

  it('a referral nobody could reach is closed without a sale, once', async () => {
    const referral = await makeReferral({ branchId: b.branchId, referrerId: b.chen.id, clientId: null, visitId: null, target: 'wealth_manager', toStaffId: b.wang.id, productCode: 'WM_LIDEYING', note: '', today })
    await closeReferral(referral.id, 'not_reached', b.wang.id)
    await expect(closeReferral(referral.id, 'declined', b.wang.id)).rejects.toMatchObject({ kind: 'referral_closed' })
  })
})

describe('confirming and cancelling sales', () => {
  it('a confirmed sale’s points become final; cancelled within the window they disappear from the ranking', async () => {
    const saved = await saveOfferConversation(conversation([line('CARD_CREDIT', 'accepted')]))
    const sale = saved.offers[0]!
    await confirmSale(sale.id, today, b.zhou.id)
    expect(await pointsOf(b.zhou.id)).toEqual({ provisional: 0, final: 15, accepted: 1 })
    expect(await heldProductCodes(b.mortgageClient.id)).toEqual(['CARD_CREDIT'])
    await expect(confirmSale(sale.id, today, b.zhou.id)).rejects.toMatchObject({ kind: 'sale_not_open' })

    const outcome = await cancelSale(sale.id, today, b.zhou.id)
    expect(outcome.reversed).toBe(true)
    expect(await pointsOf(b.zhou.id)).toEqual({ provisional: 0, final: 0, accepted: 0 })
    expect(await heldProductCodes(b.mortgageClient.id)).toEqual([])
    const ranking = (await standingsFor(b.branchId, quarter)).rankings.find((r) => r.role === 'low_counter')
    expect(ranking?.standings.find((s) => s.staffId === b.zhou.id)?.finalPoints).toBe(0)
  })

  it('a confirmed fund becomes a holding the wealth area follows up after the sale; a card does not, and a cancelled fund leaves the holdings', async () => {
    const saved = await saveOfferConversation(conversation([line('CARD_CREDIT', 'accepted'), line('FUND_BOND', 'accepted', FUND_SALE)]))
    for (const offer of saved.offers) await confirmSale(offer.id, today, b.zhou.id)
    const held = async () => (await database().records('holdings').where('clientId').equals(b.mortgageClient.id).toArray()).filter((h) => h.deleted === 0).map((h) => h.productCode)
    expect(await held()).toEqual(['FUND_BOND'])
    // The after-sale follow-up falls due: the client's next care date moves to it.
    expect((await database().records('clients').get(b.mortgageClient.id))?.nextCareOn).not.toBeNull()
    await cancelSale(saved.offers[1]!.id, today, b.zhou.id)
    expect(await held()).toEqual([])
  })
})

describe('quarters', () => {
  it('the kept totals equal the ones rebuilt from the ledger', async () => {
    await saveOfferConversation(conversation([line('EB_SMS', 'accepted'), line('CARD_CREDIT', 'accepted')]))
    const kept = await database().pointTotals.toArray()
    await rebuildPointTotals()
    expect(await database().pointTotals.toArray()).toEqual(kept)
  })

  it('a past quarter is verified, then closed with its standings kept; after that it refuses entries and an adjustment goes to the open quarter', async () => {
    const last = previousQuarter(quarter)
    const lastDay = addDays(`${quarter.slice(0, 4)}-${String((Number(quarter.slice(5)) - 1) * 3 + 1).padStart(2, '0')}-01`, -1)
    await saveOfferConversation(conversation([line('CARD_CREDIT', 'accepted')], { today: lastDay }))
    await expect(closeQuarter(b.branchId, last, today, b.head.id)).rejects.toMatchObject({ kind: 'quarter_not_verified' })
    await expect(verifyQuarter(b.branchId, quarter, today, b.head.id)).rejects.toMatchObject({ kind: 'quarter_not_over' })

    const verification = await verifyQuarter(b.branchId, last, today, b.head.id)
    expect(verification.corrected).toEqual([])
    const closure = await closeQuarter(b.branchId, last, today, b.head.id)
    expect(closure.standings.find((s) => s.staffId === b.zhou.id && s.role === 'low_counter')).toMatchObject({ provisionalPoints: 15, rank: 1, rewarded: 1 })

    await expect(saveOfferConversation(conversation([line('EB_SMS', 'accepted')], { today: lastDay }))).rejects.toMatchObject({ kind: 'quarter_closed' })
    await expect(addAdjustment({ branchId: b.branchId, staffId: b.zhou.id, points: 5, reason: ' ', today, byStaffId: b.head.id })).rejects.toMatchObject({ kind: 'reason_required' })
    await addAdjustment({ branchId: b.branchId, staffId: b.zhou.id, points: 5, reason: '补录上季度漏记的信用卡激活', today, byStaffId: b.head.id })
    expect(await pointsOf(b.zhou.id)).toMatchObject({ final: 5 })
    // The closed quarter answers with the standings it was closed with.
    expect((await standingsFor(b.branchId, last)).closure?.closedAt).not.toBeNull()
  })

  it('a verification finds and corrects totals that drifted from the ledger', async () => {
    await saveOfferConversation(conversation([line('CARD_CREDIT', 'accepted')]))
    const row = (await database().pointTotals.get([b.zhou.id, quarter]))!
    await database().pointTotals.put({ ...row, provisional: 999 })
    const nextYear = addDays(today, 400)
    const verification = await verifyQuarter(b.branchId, quarter, nextYear, b.head.id)
    expect(verification.corrected.map((c) => [c.staffId, c.kept?.provisional, c.ledger?.provisional])).toEqual([[b.zhou.id, 999, 15]])
    expect((await database().pointTotals.get([b.zhou.id, quarter]))?.provisional).toBe(15)
  })
})
