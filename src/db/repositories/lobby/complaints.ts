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

const REASSIGN = 'complaint.reassign'

/** Hands a complaint to another person (its deadline unchanged); the audit entry keeps who had it before. */
export function reassignComplaint(id: string, assigneeId: string): Promise<Complaint> {
  return writeRecords(['complaints'], async (w) => {
    const current = await database().records('complaints').get(id)
    if (!current) throw new Error(`No complaint ${id}`)
    return w.update('complaints', id, { assigneeId }, { action: REASSIGN })
  })
}

export interface ComplaintHandover {
  at: number
  /** Who handed it over (the person signed in). */
  byId: string | null
  fromId: string | null
  toId: string | null
}

/** Every time a complaint changed hands, oldest first, read back from its audit entries. */
export async function complaintHandovers(id: string): Promise<ComplaintHandover[]> {
  const rows = await database().records('auditLog').where('[entity+entityId]').equals(['complaints', id]).toArray()
  const assignee = (side: unknown) => ((side as Partial<Complaint> | null)?.assigneeId ?? null) as string | null
  return rows
    .filter((r) => r.deleted === 0 && r.action === REASSIGN)
    .sort((a, b) => a.at - b.at)
    .map((r) => ({ at: r.at, byId: r.actorId, fromId: assignee(r.before), toId: assignee(r.after) }))
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
