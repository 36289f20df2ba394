/**
 * Care between visits, read from the indexed next care date: a manager's due list comes from the
 * [maintainerId+nextCareOn] index up to a week ahead (never from the contact log), and the care
 * state of any client can be rebuilt from their contacts and holdings.
 */
import Dexie from 'dexie'
import type { Client, Contact } from '@/domain/model/records'
import { itemsOnDueList, nextCareOn, openCareItems, DUE_LIST_DAYS, type CareItem } from '@/domain/wealth/cadence'
import { careFromContacts } from '@/domain/wealth/diary'
import { managerCompliance, sortByConcern, type ManagerCompliance } from '@/domain/wealth/compliance'
import type { WealthRules } from '@/domain/wealth/rules'
import { addDays, type BusinessDate } from '@/domain/time'
import { database } from '../../connection'
import { writeRecords } from '../../write'
import { loadBranchSettings } from '../settings'
import { loadWealthRules } from './rules'
import { holdingsByClient } from './holdings'

export interface DueEntry {
  client: Client
  /** The client's items on the list today, earliest first. */
  items: CareItem[]
}

/** The clients of a manager's book indexed as due on or before `until`. */
export async function clientsDueBy(maintainerId: string, until: BusinessDate): Promise<Client[]> {
  const rows = await database()
    .records('clients')
    .where('[maintainerId+nextCareOn]')
    .between([maintainerId, Dexie.minKey], [maintainerId, until], true, true)
    .toArray()
  return rows.filter((c) => c.deleted === 0)
}

/** Open care items of each client, with their holdings read by the client index. */
export async function careItemsOf(clients: readonly Client[], rules: WealthRules, today: BusinessDate, zone: string): Promise<DueEntry[]> {
  const holdings = await holdingsByClient(clients.map((c) => c.id))
  return clients.map((client) => ({ client, items: openCareItems({ client, holdings: holdings.get(client.id) ?? [], rules, today, zone }) }))
}

export interface DueList {
  entries: DueEntry[]
  /**
   * Clients whose indexed next care date no longer matches their open items (an occasion dropped off
   * unattended, the rules changed): recomputeCare puts them right, so the index stays lean.
   */
  stale: string[]
}

/**
 * A manager's due list under the branch's current rules: overdue, due today and this week, the most
 * urgent client first. One read transaction from the first read on: a live query keeps track of
 * every read in it, whatever else runs alongside.
 */
export function dueList(maintainerId: string, today: BusinessDate, zone: string): Promise<DueList> {
  return database().transaction('r', ['settings', 'clients', 'holdings'], async () => {
    const rules = await loadWealthRules()
    const candidates = await clientsDueBy(maintainerId, addDays(today, DUE_LIST_DAYS))
    const all = await careItemsOf(candidates, rules, today, zone)
    const stale = all.filter((e) => nextCareOn(e.items) !== e.client.nextCareOn).map((e) => e.client.id)
    const entries = all.map((e) => ({ client: e.client, items: itemsOnDueList(e.items, today) })).filter((e) => e.items.length > 0)
    entries.sort((a, b) => (a.items[0]!.by < b.items[0]!.by ? -1 : a.items[0]!.by > b.items[0]!.by ? 1 : 0))
    return { entries, stale }
  })
}

/** One client and their items on today's list (for logging a contact from the client card); null when not found. */
export function clientCareToday(clientId: string, today: BusinessDate, zone: string): Promise<DueEntry | null> {
  return database().transaction('r', ['settings', 'clients', 'holdings'], async () => {
    const rules = await loadWealthRules()
    const client = await database().records('clients').get(clientId)
    if (!client || client.deleted !== 0) return null
    const [entry] = await careItemsOf([client], rules, today, zone)
    return { client, items: itemsOnDueList(entry!.items, today) }
  })
}

/** Compliance of each of these managers (their book by the maintainer index, this month's contacts by date), worst first. */
export function branchCompliance(branchId: string, staffIds: readonly string[], today: BusinessDate, zone: string): Promise<ManagerCompliance[]> {
  return database().transaction('r', ['settings', 'clients', 'holdings', 'contacts'], async () => {
    const rules = await loadWealthRules()
    const contacts = await database().records('contacts').where('[branchId+businessDate]').between([branchId, `${today.slice(0, 7)}-01`], [branchId, today], true, true).toArray()
    const horizon = addDays(today, DUE_LIST_DAYS)
    const rows: ManagerCompliance[] = []
    for (const staffId of staffIds) {
      const book = (await database().records('clients').where('maintainerId').equals(staffId).toArray()).filter((c) => c.deleted === 0)
      const candidates = book.filter((c) => c.nextCareOn !== null && c.nextCareOn <= horizon)
      const due = new Map((await careItemsOf(candidates, rules, today, zone)).map((e) => [e.client.id, itemsOnDueList(e.items, today)]))
      const logged = contacts.filter((c) => c.staffId === staffId && c.deleted === 0).length
      rows.push(managerCompliance(staffId, book.map((client) => ({ client, dueItems: due.get(client.id) ?? [] })), logged, rules, today, zone))
    }
    return sortByConcern(rows)
  })
}

/**
 * Rebuilds lastContactAt, careDone and nextCareOn of these clients from their contacts (by the
 * client index) and holdings, in one transaction; returns how many clients changed. Run after
 * anything that moves care dates without a contact: tier changes, balance imports, new holdings.
 */
export async function recomputeCare(clientIds: readonly string[], today: string): Promise<number> {
  if (clientIds.length === 0) return 0
  const [rules, settings] = await Promise.all([loadWealthRules(), loadBranchSettings()])
  return writeRecords(['clients', 'contacts', 'holdings'], async (w) => {
    const ids = [...new Set(clientIds)]
    const [clients, contacts, holdings] = await Promise.all([
      database().records('clients').bulkGet(ids),
      database().records('contacts').where('clientId').anyOf(ids).toArray(),
      holdingsByClient(ids),
    ])
    const contactsOf = new Map<string, Contact[]>()
    for (const c of contacts) if (c.deleted === 0) contactsOf.set(c.clientId, [...(contactsOf.get(c.clientId) ?? []), c])
    let changed = 0
    for (const client of clients) {
      if (!client || client.deleted !== 0) continue
      const state = careFromContacts(contactsOf.get(client.id) ?? [])
      const next = nextCareOn(openCareItems({ client: { ...client, ...state }, holdings: holdings.get(client.id) ?? [], rules, today, zone: settings.timeZone }))
      const same = client.lastContactAt === state.lastContactAt && client.nextCareOn === next && client.careDone.length === state.careDone.length && state.careDone.every((k) => client.careDone.includes(k))
      if (same) continue
      await w.update('clients', client.id, { ...state, nextCareOn: next })
      changed++
    }
    return changed
  })
}
