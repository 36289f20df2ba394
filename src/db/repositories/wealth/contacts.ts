/**
 * The work diary (工作日志): logging a contact updates the client's care state in the same
 * transaction (last contact, occasions looked after, the indexed next care date), and a manager's
 * diary is read page by page from the [staffId+at] index.
 */
import Dexie from 'dexie'
import type { Client, Contact } from '@/domain/model/records'
import type { NewRecord } from '@/domain/model/base'
import { nextCareOn, openCareItems } from '@/domain/wealth/cadence'
import { careAfterContact } from '@/domain/wealth/diary'
import type { WealthRules } from '@/domain/wealth/rules'
import type { BusinessDate } from '@/domain/time'
import { database } from '../../connection'
import { writeRecords } from '../../write'
import { holdingsByClient } from './holdings'

export type NewContact = Pick<NewRecord<Contact>, 'branchId' | 'clientId' | 'staffId' | 'at' | 'businessDate' | 'channel' | 'service' | 'occasion' | 'note' | 'nextStep'>

/** Logs a contact and moves the client's care on, all or nothing; returns the contact. */
export function logContact(input: NewContact, rules: WealthRules, today: BusinessDate, zone: string): Promise<Contact> {
  return writeRecords(['contacts', 'clients', 'holdings'], async (w) => {
    const client = await database().records('clients').get(input.clientId)
    if (!client || client.deleted !== 0) throw new Error(`No client ${input.clientId}`)
    const contact = await w.insert('contacts', { ...input, details: {} }, { action: 'contact.log' })
    const state = careAfterContact(client, contact)
    const holdings = (await holdingsByClient([client.id])).get(client.id) ?? []
    const next = nextCareOn(openCareItems({ client: { ...client, ...state }, holdings, rules, today, zone }))
    await w.update('clients', client.id, { ...state, nextCareOn: next })
    return contact
  })
}

/** One page of a manager's diary, newest first: up to `limit` contacts logged before `beforeMs`. */
export async function diaryPage(staffId: string, beforeMs: number, limit: number): Promise<Contact[]> {
  const rows = await database()
    .records('contacts')
    .where('[staffId+at]')
    .between([staffId, Dexie.minKey], [staffId, beforeMs], true, false)
    .reverse()
    .filter((c) => c.deleted === 0)
    .limit(limit)
    .toArray()
  return rows
}

/** A diary page with the clients it names, in one read (a live query tracks all of it). */
export function diaryPageWithClients(staffId: string, beforeMs: number, limit: number): Promise<{ contacts: Contact[]; clients: Map<string, Client> }> {
  return database().transaction('r', ['contacts', 'clients'], async () => {
    const contacts = await diaryPage(staffId, beforeMs, limit)
    const clients = await database().records('clients').bulkGet([...new Set(contacts.map((c) => c.clientId))])
    return { contacts, clients: new Map(clients.filter((c): c is Client => c !== undefined).map((c) => [c.id, c])) }
  })
}
