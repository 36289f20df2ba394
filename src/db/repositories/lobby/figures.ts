/** Reads behind the lobby's numbers that the lobby picture does not hold: complaints not yet closed. */
import type { Complaint } from '@/domain/model/records'
import { database } from '../../connection'

/** The branch's complaints still open or escalated (closed ones are not read). */
export async function unclosedComplaints(branchId: string): Promise<Complaint[]> {
  const rows = await database()
    .records('complaints')
    .where('[branchId+status]')
    .anyOf([
      [branchId, 'open'],
      [branchId, 'escalated'],
    ])
    .toArray()
  return rows.filter((c) => c.deleted === 0)
}
