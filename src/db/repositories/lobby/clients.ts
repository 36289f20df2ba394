/** Finding clients at the door, and registering new ones without creating anyone twice. */
import type { NewRecord } from '@/domain/model/base'
import type { Client } from '@/domain/model/records'
import { clientSearchKeys, normaliseQuery } from '@/domain/clients/searchKeys'
import { vipTierFor } from '@/domain/clients/vip'
import { UNCARED_FOR } from '@/domain/clients/care'
import { database } from '../../connection'
import { writeRecords } from '../../write'

/** Clients whose name, pinyin initials, phone (or its last four), ID number or card tail starts with the query. */
export async function searchClients(branchId: string, query: string, limit = 20): Promise<Client[]> {
  const key = normaliseQuery(query)
  if (key.length < 2) return []
  // Index-backed prefix lookup; a client matching several keys appears once.
  const rows = await database().records('clients').where('searchKeys').startsWith(key).distinct().limit(limit * 2).toArray()
  return rows.filter((c) => c.branchId === branchId && c.deleted === 0).slice(0, limit)
}

export async function getClient(id: string): Promise<Client | undefined> {
  const client = await database().records('clients').get(id)
  return client && client.deleted === 0 ? client : undefined
}

/** Clients already on file with this phone or ID number: offered for merge, never created twice. */
export async function findDuplicateClients(branchId: string, phone: string | null, idNumber: string | null): Promise<Client[]> {
  const table = database().records('clients')
  const [byPhone, byId] = await Promise.all([
    phone ? table.where('phone').equals(phone).toArray() : Promise.resolve([]),
    idNumber ? table.where('idNumber').equals(idNumber).toArray() : Promise.resolve([]),
  ])
  const seen = new Map<string, Client>()
  for (const c of [...byPhone, ...byId]) if (c.branchId === branchId && c.deleted === 0) seen.set(c.id, c)
  return [...seen.values()]
}

export class DuplicateClientError extends Error {
  constructor(readonly matches: Client[]) {
    super(`A client with this phone or ID number is already on file (${matches.length})`)
    this.name = 'DuplicateClientError'
  }
}

/** The fields a lobby manager can give at the door; the rest start empty. */
export type NewClientAtDoor = Pick<Client, 'branchId' | 'surname' | 'givenName' | 'addressAs' | 'gender' | 'phone' | 'idType' | 'idNumber' | 'birthday'>

/** Registers a new client with only what is needed; refuses when the phone or ID is already on file. */
export async function registerClient(input: NewClientAtDoor, today: string): Promise<Client> {
  const duplicates = await findDuplicateClients(input.branchId, input.phone, input.idNumber)
  if (duplicates.length) throw new DuplicateClientError(duplicates)
  const record: NewRecord<Client> = {
    ...input,
    cardTails: [],
    birthdayMonthDay: input.birthday ? input.birthday.slice(5) : null,
    segment: 'mass',
    occupation: '',
    savingsFen: 0,
    totalAssetsFen: 0,
    vipTier: null,
    vipDesignation: null,
    riskRating: null,
    riskRatedOn: null,
    tags: [],
    marketingConsent: 0,
    clientSince: today,
    ...UNCARED_FOR,
    searchKeys: clientSearchKeys({ ...input, cardTails: [] }),
  }
  record.vipTier = vipTierFor(record, today)
  return writeRecords(['clients'], (w) => w.insert('clients', record, { action: 'client.register' }))
}
