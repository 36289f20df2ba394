/**
 * Reads for the counter's sales, points and figures screens, beyond the lead's repositories: a sale
 * with the parties it concerns (the client, the referrer sharing its points), and the sales settled
 * lately so a mistaken tap can be seen.
 */
import type { Client, Offer } from '@/domain/model/records'
import type { BusinessDate } from '@/domain/time'
import { database } from '../../connection'
import { pendingSales } from './offers'

export interface SaleLine {
  offer: Offer
  /** null for an anonymous client. */
  client: Client | null
  /** Who referred the client and shares the sale's points, if anyone. */
  referrerId: string | null
}

async function withParties(offers: readonly Offer[]): Promise<SaleLine[]> {
  const clientIds = [...new Set(offers.flatMap((o) => (o.clientId === null ? [] : [o.clientId])))]
  const referralIds = [...new Set(offers.flatMap((o) => (o.referralId === null ? [] : [o.referralId])))]
  const [clients, referrals] = await Promise.all([database().records('clients').bulkGet(clientIds), database().records('referrals').bulkGet(referralIds)])
  const clientById = new Map(clients.filter((c): c is Client => c !== undefined).map((c) => [c.id, c]))
  const referrerOf = new Map(referrals.flatMap((r) => (r ? [[r.id, r.referrerId] as const] : [])))
  return offers.map((offer) => ({
    offer,
    client: offer.clientId === null ? null : (clientById.get(offer.clientId) ?? null),
    referrerId: offer.referralId === null ? null : (referrerOf.get(offer.referralId) ?? null),
  }))
}

/** Accepted sales waiting to be opened/activated, oldest first, with their parties (a branch's, or one seller's). */
export async function pendingSaleLines(branchId: string, staffId: string | null): Promise<SaleLine[]> {
  return withParties(await pendingSales(branchId, staffId))
}

/** Sales confirmed or cancelled on or after `since`, latest first, with their parties (a branch's, or one seller's). */
export async function settledSaleLines(branchId: string, staffId: string | null, since: BusinessDate): Promise<SaleLine[]> {
  const rows = await database()
    .records('offers')
    .where('saleStatus')
    .anyOf(['fulfilled', 'cancelled'])
    .filter((o) => o.deleted === 0 && o.branchId === branchId && (staffId === null || o.staffId === staffId) && (o.saleSettledOn ?? '') >= since)
    .toArray()
  // The clock stamp orders changes made within the same millisecond too.
  return withParties(rows.sort((a, b) => b.hlc.localeCompare(a.hlc)))
}
