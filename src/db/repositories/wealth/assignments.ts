/**
 * 分户到人 / 2对1: who maintains each VIP. Assigning closes the client's open assignment on the day
 * and opens the next, and copies the maintainers onto the client (indexed for "my book" and the due
 * list) in the same audited transaction; the history of assignments stays.
 */
import type { Client, VipAssignment } from '@/domain/model/records'
import type { BusinessDate } from '@/domain/time'
import { database } from '../../connection'
import { writeRecords } from '../../write'
import { MissingRecordError } from './clients'

/** A client's assignments, the current one first. */
export async function assignmentHistory(clientId: string): Promise<VipAssignment[]> {
  const rows = await database().records('vipAssignments').where('clientId').equals(clientId).toArray()
  return rows.filter((r) => r.deleted === 0).sort((a, b) => (a.to === null ? -1 : b.to === null ? 1 : 0) || b.from.localeCompare(a.from) || b.createdAt - a.createdAt)
}

export interface Maintainers {
  primaryId: string
  productId: string
}

/**
 * Assigns these clients to a primary and a product maintainer (checked by the caller), all in one
 * transaction; clients already with exactly these two are left as they are. Returns the clients changed.
 */
export function assignMaintainers(clientIds: readonly string[], maintainers: Maintainers, today: BusinessDate, assignedBy: string): Promise<Client[]> {
  return writeRecords(['clients', 'vipAssignments'], async (w) => {
    const changed: Client[] = []
    for (const clientId of clientIds) {
      const client = await database().records('clients').get(clientId)
      if (!client || client.deleted !== 0) throw new MissingRecordError(`client ${clientId}`)
      if (client.maintainerId === maintainers.primaryId && client.productMaintainerId === maintainers.productId) continue
      for (const open of (await assignmentHistory(clientId)).filter((a) => a.to === null)) {
        await w.update('vipAssignments', open.id, { to: today }, { action: 'vip.assignment_close' })
      }
      await w.insert('vipAssignments', { branchId: client.branchId, clientId, primaryStaffId: maintainers.primaryId, productStaffId: maintainers.productId, from: today, to: null, assignedBy }, { action: 'vip.assign' })
      changed.push(await w.update('clients', clientId, { maintainerId: maintainers.primaryId, productMaintainerId: maintainers.productId }, { action: 'client.maintainers' }))
    }
    return changed
  })
}
