/** Complaints raised at the door: recorded, assigned, escalated when overdue, closed. Every change is audited. */
import Dexie from 'dexie'
import type { Complaint } from '@/domain/model/records'
import type { NewRecord } from '@/domain/model/base'
import { database } from '../../connection'
import { now, writeRecords } from '../../write'

/** Every complaint of the branch, whatever its status. */
export async function branchComplaints(branchId: string): Promise<Complaint[]> {
  const rows = await database().records('complaints').where('[branchId+status]').between([branchId, Dexie.minKey], [branchId, Dexie.maxKey]).toArray()
  return rows.filter((c) => c.deleted === 0)
}

export async function getComplaint(id: string): Promise<Complaint | undefined> {
  const row = await database().records('complaints').get(id)
  return row && row.deleted === 0 ? row : undefined
}

export type NewComplaint = Pick<NewRecord<Complaint>, 'branchId' | 'visitId' | 'clientId' | 'businessDate' | 'what' | 'concerns' | 'severity' | 'assigneeId' | 'dueAt'>

/** Records a new complaint, open. */
export function createComplaint(input: NewComplaint): Promise<Complaint> {
  return writeRecords(['complaints'], (w) =>
    w.insert('complaints', { ...input, status: 'open', escalatedAt: null, resolution: '', clientAccepted: null, closedAt: null }, { action: 'complaint.create' }),
  )
}

/** Hands a complaint to another person or moves its deadline. */
export function reassignComplaint(id: string, changes: Pick<Complaint, 'assigneeId' | 'dueAt'>): Promise<Complaint> {
  return writeRecords(['complaints'], (w) => w.update('complaints', id, changes, { action: 'complaint.reassign' }))
}

/** Escalates these complaints to the branch head; ones already escalated or closed meanwhile are left alone. */
export function escalateComplaints(ids: readonly string[]): Promise<Complaint[]> {
  return writeRecords(['complaints'], async (w) => {
    const at = now()
    const done: Complaint[] = []
    for (const id of ids) {
      const current = await database().records('complaints').get(id)
      if (current?.status !== 'open') continue
      done.push(await w.update('complaints', id, { status: 'escalated', escalatedAt: at }, { action: 'complaint.escalate' }))
    }
    return done
  })
}

/** Closes a complaint with its resolution and whether the client accepted it. */
export function closeComplaint(id: string, resolution: string, clientAccepted: 0 | 1): Promise<Complaint> {
  return writeRecords(['complaints'], async (w) => {
    const current = await database().records('complaints').get(id)
    if (!current) throw new Error(`No complaint ${id}`)
    return w.update('complaints', id, { status: 'closed', resolution, clientAccepted, closedAt: now() }, { action: 'complaint.close' })
  })
}
