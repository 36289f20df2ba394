/** The branch's counters, rooms and desks. */
import type { NewRecord } from '@/domain/model/base'
import type { ServicePoint } from '@/domain/model/records'
import { database } from '../connection'
import { writeRecords } from '../write'

export async function listServicePoints(branchId: string): Promise<ServicePoint[]> {
  const rows = await database().records('servicePoints').where('branchId').equals(branchId).toArray()
  return rows.filter((p) => p.deleted === 0).sort((a, b) => a.kind.localeCompare(b.kind) || a.number - b.number)
}

export async function createServicePoint(input: NewRecord<ServicePoint>): Promise<ServicePoint> {
  return writeRecords(['servicePoints'], (w) => w.insert('servicePoints', input, { action: 'service_point.create' }))
}

export type ServicePointChanges = Partial<Pick<ServicePoint, 'kind' | 'number' | 'name' | 'active'>>

export async function updateServicePoint(id: string, changes: ServicePointChanges): Promise<ServicePoint> {
  return writeRecords(['servicePoints'], (w) => w.update('servicePoints', id, changes, { action: 'service_point.update' }))
}

/** Takes a point out of use or back: it is never deleted, so past tickets and visits still name it. */
export async function setServicePointActive(id: string, active: ServicePoint['active']): Promise<ServicePoint> {
  return writeRecords(['servicePoints'], (w) => w.update('servicePoints', id, { active }, { action: active ? 'service_point.reactivate' : 'service_point.deactivate' }))
}
