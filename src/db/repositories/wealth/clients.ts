/**
 * The VIP book's clients: index-backed lists (by tier, by maintainer), one client's page, and the
 * tier changes that are not balance edits — designation granted or revoked, the sweep that applies
 * elapsed downgrades when the wealth area opens, and re-evaluation after the rules changed. Every
 * tier change is written in the same transaction as the client, with the rules version that made it.
 */
import type { Client, RecordOf, TierChange, VipTier } from '@/domain/model/records'
import { VIP_TIERS } from '@/domain/model/records'
import type { WealthRules } from '@/domain/wealth/rules'
import { reviewTier, sweepCause, tierRank, type TierChangeCause } from '@/domain/wealth/tiers'
import { fullName } from '@/domain/clients/names'
import type { BusinessDate } from '@/domain/time'
import { database } from '../../connection'
import { actor, now, writeRecords, type RecordWriter } from '../../write'
import { loadWealthRules } from './rules'

export type ClientChanges = Partial<Omit<RecordOf<'clients'>, 'id' | 'createdAt' | 'updatedAt' | 'deviceId' | 'hlc' | 'deleted'>>

/**
 * Writes a client's changed fields together with the tier review they call for: the new tier or
 * pending downgrade and one TierChange per step. Runs inside the caller's transaction.
 */
export async function saveWithTierReview(w: RecordWriter, client: Client, changes: ClientChanges, context: { today: BusinessDate; rules: WealthRules; cause: TierChangeCause; action: string }): Promise<{ client: Client; tierChanges: TierChange[] }> {
  const next = { ...client, ...changes }
  const outcome = reviewTier(next, context.today, context.rules, context.cause)
  const saved = await w.update('clients', client.id, { ...changes, vipTier: outcome.vipTier, tierPending: outcome.tierPending }, { action: context.action })
  const at = now()
  const tierChanges: TierChange[] = []
  for (const change of outcome.changes) {
    tierChanges.push(await w.insert('tierChanges', { ...change, branchId: client.branchId, clientId: client.id, at, businessDate: context.today, actorId: actor() }))
  }
  return { client: saved, tierChanges }
}

export interface BookQuery {
  branchId: string
  tiers: readonly VipTier[]
  /** Only clients this person maintains (primary or product). */
  maintainedBy: string | null
  unassigned: boolean
  pendingDowngrade: boolean
  /** Part of the name or its pinyin initials. */
  search: string
  offset: number
  limit: number
}

export interface BookPage {
  rows: Client[]
  total: number
}

const byTierThenName = (a: Client, b: Client) => tierRank(b.vipTier) - tierRank(a.vipTier) || fullName(a).localeCompare(fullName(b), 'zh')

/** The VIP book, filtered and paged; read through the tier or maintainer index, never the whole client table. */
export async function vipBookPage(query: BookQuery): Promise<BookPage> {
  const table = database().records('clients')
  const tiers = query.tiers.length > 0 ? query.tiers : VIP_TIERS
  let candidates: Client[]
  if (query.maintainedBy) {
    const [primary, product] = await Promise.all([table.where('maintainerId').equals(query.maintainedBy).toArray(), table.where('productMaintainerId').equals(query.maintainedBy).toArray()])
    candidates = [...new Map([...primary, ...product].map((c) => [c.id, c])).values()]
  } else {
    candidates = await table.where('vipTier').anyOf([...tiers]).toArray()
  }
  const needle = query.search.trim().toLowerCase()
  const rows = candidates
    .filter((c) => c.deleted === 0 && c.branchId === query.branchId && c.vipTier !== null && tiers.includes(c.vipTier))
    .filter((c) => !query.unassigned || c.maintainerId === null)
    .filter((c) => !query.pendingDowngrade || c.tierPending !== null)
    .filter((c) => needle === '' || fullName(c).toLowerCase().includes(needle) || c.searchKeys.some((key) => key.startsWith(needle)))
    .sort(byTierThenName)
  return { rows: rows.slice(query.offset, query.offset + query.limit), total: rows.length }
}

/** VIPs with no primary maintainer, highest tier first: the branch head's list until every one is assigned. */
export async function unassignedVips(branchId: string): Promise<Client[]> {
  const rows = await database().records('clients').where('vipTier').anyOf([...VIP_TIERS]).toArray()
  return rows.filter((c) => c.deleted === 0 && c.branchId === branchId && c.maintainerId === null).sort(byTierThenName)
}

export async function getClient(id: string): Promise<Client | undefined> {
  const row = await database().records('clients').get(id)
  return row && row.deleted === 0 ? row : undefined
}

/** A client's tier-change log, latest first. */
export async function tierChangeLog(clientId: string): Promise<TierChange[]> {
  const rows = await database().records('tierChanges').where('clientId').equals(clientId).toArray()
  return rows.filter((r) => r.deleted === 0).sort((a, b) => b.at - a.at || b.hlc.localeCompare(a.hlc))
}

/** The business date of the client's latest visit to the branch, or null. */
export async function lastVisitOn(clientId: string): Promise<BusinessDate | null> {
  const visits = await database().records('visits').where('clientId').equals(clientId).toArray()
  return visits.filter((v) => v.deleted === 0).reduce<string | null>((latest, v) => (latest === null || v.businessDate > latest ? v.businessDate : latest), null)
}

/** Value-added service contacts logged for the client in `today`'s calendar year. */
export async function valueAddedContactsInYear(clientId: string, today: BusinessDate): Promise<number> {
  const year = today.slice(0, 4)
  const contacts = await database().records('contacts').where('clientId').equals(clientId).toArray()
  return contacts.filter((c) => c.deleted === 0 && c.service === 'value_added' && c.businessDate.startsWith(year)).length
}

/** A record that should be there is not. Not named 'NotFoundError': Dexie takes that DOM name as its own and wraps it. */
export class MissingRecordError extends Error {
  constructor(what: string) {
    super(`No ${what}`)
    this.name = 'MissingRecordError'
  }
}

async function requireClient(id: string): Promise<Client> {
  const client = await getClient(id)
  if (!client) throw new MissingRecordError(`client ${id}`)
  return client
}

/** Grants a "supporting client" designation (checked by the caller) and re-evaluates the tier (audited). */
export async function designateClient(clientId: string, designation: { reason: string; until: BusinessDate; approvedBy: string }, today: BusinessDate): Promise<Client> {
  const rules = await loadWealthRules()
  return writeRecords(['clients', 'tierChanges'], async (w) => {
    const client = await requireClient(clientId)
    const result = await saveWithTierReview(w, client, { vipDesignation: { ...designation, reason: designation.reason.trim() } }, { today, rules, cause: 'designation', action: 'client.designate' })
    return result.client
  })
}

/** Revokes a designation; a client who was a VIP only through it gets a pending downgrade (audited). */
export async function revokeDesignation(clientId: string, today: BusinessDate): Promise<Client> {
  const rules = await loadWealthRules()
  return writeRecords(['clients', 'tierChanges'], async (w) => {
    const client = await requireClient(clientId)
    const result = await saveWithTierReview(w, client, { vipDesignation: null }, { today, rules, cause: 'designation', action: 'client.revoke_designation' })
    return result.client
  })
}

/**
 * Applies the downgrades whose grace period has ended and flags VIPs whose designation lapsed. Run
 * when the wealth area opens; a second run the same day finds nothing to do. Returns the ids of the clients changed.
 */
export async function sweepTiers(branchId: string, today: BusinessDate): Promise<string[]> {
  const rules = await loadWealthRules()
  return writeRecords(['clients', 'tierChanges'], async (w) => {
    const vips = await database().records('clients').where('vipTier').anyOf([...VIP_TIERS]).toArray()
    const changed: string[] = []
    for (const client of vips) {
      if (client.deleted !== 0 || client.branchId !== branchId) continue
      const cause = sweepCause(client, today, rules)
      if (!cause) continue
      await saveWithTierReview(w, client, {}, { today, rules, cause, action: 'client.tier_sweep' })
      changed.push(client.id)
    }
    return changed
  })
}

/** Re-evaluates every client of the branch under the rules now saved (cause 'rules_changed'); returns the ids of those changed. */
export async function reevaluateTiers(branchId: string, today: BusinessDate): Promise<string[]> {
  const rules = await loadWealthRules()
  return writeRecords(['clients', 'tierChanges'], async (w) => {
    const clients = await database().records('clients').where('branchId').equals(branchId).toArray()
    const changed: string[] = []
    for (const client of clients) {
      if (client.deleted !== 0 || reviewTier(client, today, rules, 'rules_changed').changes.length === 0) continue
      await saveWithTierReview(w, client, {}, { today, rules, cause: 'rules_changed', action: 'client.tier_rules_changed' })
      changed.push(client.id)
    }
    return changed
  })
}

/** Records how a client likes to be reached and whether they accept marketing calls (audited). */
export function saveContactPreferences(clientId: string, preferences: Pick<Client, 'channelPrefs' | 'marketingConsent'>): Promise<Client> {
  return writeRecords(['clients'], (w) => w.update('clients', clientId, { channelPrefs: [...preferences.channelPrefs], marketingConsent: preferences.marketingConsent }, { action: 'client.preferences' }))
}
