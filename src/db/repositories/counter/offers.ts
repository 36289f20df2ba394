/**
 * Offer conversations at the low counter. One save is one transaction: every product's offer, the
 * provisional points of what was accepted (seller and referrer), the referrals made, the referral
 * or follow-up the conversation answers closed. Suitability, 双录 and the other line rules are
 * checked again inside it (offerLineProblems), so no caller can record an unsuitable sale.
 * A sale is then confirmed (points become final; a wealth, fund or insurance product becomes a
 * holding the wealth area follows up) or cancelled
 * (clawed back within the rules' window).
 */
import type { Client, Offer, PointEntry, Product, Referral, RiskRating } from '@/domain/model/records'
import { offerLineProblems, referralOutcomeOf, type OfferLine } from '@/domain/counter/offers'
import { cancelEntries, confirmEntries, saleEntries, type CancelOutcome } from '@/domain/counter/ledger'
import { judgeSuitability } from '@/domain/counter/suitability'
import type { CounterRules } from '@/domain/counter/rules'
import type { BusinessDate } from '@/domain/time'
import { database } from '../../connection'
import { now, writeRecords, type RecordWriter } from '../../write'
import { appendLedger, CounterRefusedError, LEDGER_TABLES, saleLedger } from './ledger'
import { loadCounterRules } from './rules'
import { recomputeCare } from '../wealth/care'
import { FOLLOWED_HOLDING_CATEGORIES } from '@/domain/wealth/cadence'

export interface OfferConversation {
  branchId: string
  /** Who made the offers (the seller). */
  staffId: string
  clientId: string | null
  visitId: string | null
  anchorCode: string | null
  /** The referral this conversation answers: it closes, and its referrer shares the points. */
  referralId: string | null
  /** The follow-up (an interested offer) this conversation gives the outcome of. */
  followUpOfferId: string | null
  today: BusinessDate
  lines: OfferLine[]
}

export interface SavedConversation {
  groupId: string
  offers: Offer[]
  referrals: Referral[]
  points: PointEntry[]
}

const CONVERSATION_TABLES = ['offers', 'referrals', 'products', 'clients', ...LEDGER_TABLES] as const

async function liveProduct(code: string): Promise<Product> {
  const product = (await database().records('products').where('code').equals(code).toArray()).find((p) => p.deleted === 0)
  if (!product) throw new CounterRefusedError('unknown_product', { productCode: code })
  return product
}

/** Saves a whole conversation, or nothing. */
export async function saveOfferConversation(conversation: OfferConversation): Promise<SavedConversation> {
  const rules = await loadCounterRules()
  return writeRecords(CONVERSATION_TABLES, (w) => recordConversation(w, conversation, rules))
}

async function recordConversation(w: RecordWriter, c: OfferConversation, rules: CounterRules): Promise<SavedConversation> {
  const client = c.clientId === null ? null : ((await database().records('clients').get(c.clientId)) ?? null)
  const referral = c.referralId === null ? null : ((await database().records('referrals').get(c.referralId)) ?? null)
  if (c.referralId !== null && referral?.status !== 'open') throw new CounterRefusedError('referral_closed')
  const followed = c.followUpOfferId === null ? null : ((await database().records('offers').get(c.followUpOfferId)) ?? null)
  if (c.followUpOfferId !== null && (followed === null || followed.followUpClosedAt !== null)) throw new CounterRefusedError('follow_up_closed')

  const products = new Map<string, Product>()
  for (const line of c.lines) {
    const product = await liveProduct(line.productCode)
    products.set(line.productCode, product)
    const [problem] = offerLineProblems(line, product, client, c.today, rules.declineReasons)
    if (problem) throw new CounterRefusedError(problem.kind, { productCode: line.productCode, ...('reason' in problem ? { reason: problem.reason } : {}), ...('missing' in problem ? { missing: problem.missing } : {}) })
  }

  const at = now()
  const groupId = crypto.randomUUID()
  const saved: SavedConversation = { groupId, offers: [], referrals: [], points: [] }
  for (const line of c.lines) {
    const product = products.get(line.productCode)!
    const accepted = line.outcome === 'accepted'
    const judged = judgeSuitability(product, client, c.today)
    const offer = await w.insert(
      'offers',
      {
        branchId: c.branchId,
        clientId: c.clientId,
        staffId: c.staffId,
        businessDate: c.today,
        at,
        anchorCode: c.anchorCode,
        productCode: line.productCode,
        outcome: line.outcome,
        details: {},
        groupId,
        visitId: c.visitId,
        reason: line.reason,
        ruleVersion: line.ruleVersion,
        declineReason: line.outcome === 'declined' ? line.declineReason : null,
        followUpOn: line.outcome === 'interested' ? line.followUpOn : null,
        followUpStaffId: line.outcome === 'interested' ? line.followUpStaffId : null,
        followUpClosedAt: null,
        followUpOfferId: null,
        referralId: c.referralId,
        suitability: product.riskLevel === null ? null : { rating: judged.rating, ratedOn: client?.riskRatedOn ?? null, riskLevel: judged.riskLevel },
        recordingRef: accepted ? (line.recordingRef?.trim() || null) : null,
        riskDisclosureAckAt: accepted && line.riskDisclosureAcknowledged ? at : null,
        points: accepted ? product.points : 0,
        saleStatus: accepted ? 'pending' : null,
        saleSettledOn: null,
      },
      { action: 'offer.record' },
    )
    saved.offers.push(offer)
    if (accepted) {
      const entries = saleEntries({ saleId: offer.id, sellerId: c.staffId, referrerId: referral?.referrerId ?? null, points: product.points, businessDate: c.today }, rules.referralSharePercent)
      saved.points.push(...(await appendLedger(w, entries, { branchId: c.branchId, at, byStaffId: c.staffId, productCode: product.code })))
    }
    if (line.outcome === 'referred' && line.referral) {
      saved.referrals.push(
        await w.insert(
          'referrals',
          { branchId: c.branchId, clientId: c.clientId, visitId: c.visitId, referrerId: c.staffId, target: line.referral.target, toStaffId: line.referral.toStaffId, productCode: line.productCode, note: line.referral.note, at, businessDate: c.today, status: 'open', outcome: null, closedAt: null, closedBy: null, offerGroupId: null },
          { action: 'referral.create' },
        ),
      )
    }
  }
  if (referral) {
    await w.update('referrals', referral.id, { status: 'closed', outcome: referralOutcomeOf(c.lines), closedAt: at, closedBy: c.staffId, offerGroupId: groupId }, { action: 'referral.close' })
  }
  if (followed) {
    await w.update('offers', followed.id, { followUpClosedAt: at, followUpOfferId: saved.offers[0]?.id ?? null }, { action: 'offer.followUpClose' })
  }
  return saved
}

async function openSale(offerId: string, allowed: readonly Offer['saleStatus'][]): Promise<Offer> {
  const offer = await database().records('offers').get(offerId)
  if (!offer || offer.outcome !== 'accepted' || !allowed.includes(offer.saleStatus)) throw new CounterRefusedError('sale_not_open')
  return offer
}

/** Whether the wealth area follows this product up once held (it then becomes a holding). */
async function followedHolding(productCode: string): Promise<boolean> {
  const product = (await database().records('products').where('code').equals(productCode).toArray())[0]
  return product !== undefined && FOLLOWED_HOLDING_CATEGORIES.includes(product.category)
}

/**
 * The product was opened/activated: the sale's points become final, and a wealth, fund or insurance
 * product becomes one of the client's holdings (its after-sale care falls due: recomputed after).
 */
export async function confirmSale(offerId: string, today: BusinessDate, byStaffId: string): Promise<Offer> {
  const confirmed = await writeRecords(['offers', 'holdings', 'products', ...LEDGER_TABLES], async (w) => {
    const offer = await openSale(offerId, ['pending'])
    await appendLedger(w, confirmEntries(await saleLedger(offer.id), offer.id, today), { branchId: offer.branchId, at: now(), byStaffId, productCode: offer.productCode })
    if (offer.clientId !== null && (await followedHolding(offer.productCode))) {
      await w.insert('holdings', { branchId: offer.branchId, clientId: offer.clientId, productCode: offer.productCode, amountFen: 0, purchasedOn: today, maturesOn: null, staffId: offer.staffId }, { action: 'holding.fromSale' })
    }
    return w.update('offers', offer.id, { saleStatus: 'fulfilled', saleSettledOn: today }, { action: 'offer.confirmSale' })
  })
  if (confirmed.clientId !== null) await recomputeCare([confirmed.clientId], today)
  return confirmed
}

/**
 * The sale was cancelled: within the clawback window its points are reversed (pending or final);
 * after it they stay. Either way the sale is marked cancelled and the client no longer holds it.
 */
export async function cancelSale(offerId: string, today: BusinessDate, byStaffId: string): Promise<CancelOutcome> {
  const rules = await loadCounterRules()
  const cancelled = await writeRecords(['offers', 'holdings', ...LEDGER_TABLES], async (w) => {
    const offer = await openSale(offerId, ['pending', 'fulfilled'])
    const outcome = cancelEntries(await saleLedger(offer.id), offer.id, today, rules.clawbackDays)
    if (outcome.reversed) await appendLedger(w, outcome.entries, { branchId: offer.branchId, at: now(), byStaffId, productCode: offer.productCode })
    if (offer.clientId !== null && offer.saleStatus === 'fulfilled') {
      const holdings = await database().records('holdings').where('clientId').equals(offer.clientId).toArray()
      const fromSale = holdings.find((h) => h.deleted === 0 && h.productCode === offer.productCode && h.purchasedOn === offer.saleSettledOn)
      if (fromSale) await w.remove('holdings', fromSale.id, { action: 'holding.saleCancelled' })
    }
    await w.update('offers', offer.id, { saleStatus: 'cancelled', saleSettledOn: today }, { action: 'offer.cancelSale' })
    return { outcome, clientId: offer.clientId }
  })
  if (cancelled.clientId !== null) await recomputeCare([cancelled.clientId], today)
  return cancelled.outcome
}

/** Records the client's new risk rating (e.g. before a wealth sale the old one did not allow). */
export async function recordRiskRating(clientId: string, rating: RiskRating, ratedOn: BusinessDate): Promise<Client> {
  return writeRecords(['clients'], (w) => w.update('clients', clientId, { riskRating: rating, riskRatedOn: ratedOn }, { action: 'client.riskRating' }))
}

/** What the client holds or has bought and not cancelled: never proposed again. */
export async function heldProductCodes(clientId: string): Promise<string[]> {
  const [holdings, offers] = await Promise.all([database().records('holdings').where('clientId').equals(clientId).toArray(), database().records('offers').where('clientId').equals(clientId).toArray()])
  const held = holdings.filter((h) => h.deleted === 0).map((h) => h.productCode)
  const bought = offers.filter((o) => o.deleted === 0 && (o.saleStatus === 'pending' || o.saleStatus === 'fulfilled')).map((o) => o.productCode)
  return [...new Set([...held, ...bought])].sort()
}

/** A client's offers, newest first (the greeting card's pending offers and follow-ups come from it). */
export async function clientOffers(clientId: string): Promise<Offer[]> {
  const rows = await database().records('offers').where('clientId').equals(clientId).toArray()
  return rows.filter((o) => o.deleted === 0).sort((a, b) => b.at - a.at)
}

/** Interested offers whose follow-up falls to this person on or before `through`, still open. */
export async function openFollowUps(staffId: string, through: BusinessDate): Promise<Offer[]> {
  const rows = await database().records('offers').where('[followUpStaffId+followUpOn]').between([staffId, ''], [staffId, through], true, true).toArray()
  return rows.filter((o) => o.deleted === 0 && o.followUpClosedAt === null).sort((a, b) => (a.followUpOn ?? '').localeCompare(b.followUpOn ?? '') || a.at - b.at)
}

/** Accepted sales waiting for the product to be opened/activated, oldest first (a branch's, or one seller's). */
export async function pendingSales(branchId: string, staffId: string | null = null): Promise<Offer[]> {
  const rows = await database().records('offers').where('saleStatus').equals('pending').toArray()
  return rows.filter((o) => o.deleted === 0 && o.branchId === branchId && (staffId === null || o.staffId === staffId)).sort((a, b) => a.at - b.at)
}

/** A branch's offers made between two business days (both included), for the figures. */
export async function offersBetween(branchId: string, from: BusinessDate, to: BusinessDate): Promise<Offer[]> {
  const rows = await database().records('offers').where('[branchId+businessDate]').between([branchId, from], [branchId, to], true, true).toArray()
  return rows.filter((o) => o.deleted === 0)
}
