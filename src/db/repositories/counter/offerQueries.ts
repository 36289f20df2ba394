/**
 * Reads the offer panel and the follow-up list need beside the counter's repositories: the offer a
 * follow-up answers, the referral a conversation takes, and the clients a list names.
 */
import type { Client, Offer, Referral } from '@/domain/model/records'
import { database } from '../../connection'

/** One offer, or undefined when unknown or deleted. */
export async function getOffer(id: string): Promise<Offer | undefined> {
  const offer = await database().records('offers').get(id)
  return offer && offer.deleted === 0 ? offer : undefined
}

/** One referral, or undefined when unknown or deleted. */
export async function getReferral(id: string): Promise<Referral | undefined> {
  const referral = await database().records('referrals').get(id)
  return referral && referral.deleted === 0 ? referral : undefined
}

/** Clients by id (the ones on file and not deleted). */
export async function clientsByIds(ids: readonly string[]): Promise<Map<string, Client>> {
  const rows = await database().records('clients').bulkGet([...new Set(ids)])
  return new Map(rows.filter((c): c is Client => c !== undefined && c.deleted === 0).map((c) => [c.id, c]))
}
