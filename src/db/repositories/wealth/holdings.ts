/** The products clients hold: read by client (the index), for after-sale and maturity care. */
import type { Holding } from '@/domain/model/records'
import { database } from '../../connection'

/** The live holdings of these clients, by client id (clients holding nothing are absent). */
export async function holdingsByClient(clientIds: readonly string[]): Promise<Map<string, Holding[]>> {
  const byClient = new Map<string, Holding[]>()
  if (clientIds.length === 0) return byClient
  const rows = await database().records('holdings').where('clientId').anyOf([...clientIds]).toArray()
  for (const h of rows) {
    if (h.deleted !== 0) continue
    const list = byClient.get(h.clientId)
    if (list) list.push(h)
    else byClient.set(h.clientId, [h])
  }
  return byClient
}
