/** The branch head's grants letting one manager see another manager's book unmasked, until a date. */
import type { AccessGrant } from '@/domain/model/records'
import type { BusinessDate } from '@/domain/time'
import { database } from '../../connection'
import { writeRecords } from '../../write'

/** The branch's grants still running on `today`, soonest to end first. */
export async function activeGrants(branchId: string, today: BusinessDate): Promise<AccessGrant[]> {
  const rows = await database().records('accessGrants').toCollection().filter((g) => g.deleted === 0 && g.branchId === branchId && g.until >= today).toArray()
  return rows.sort((a, b) => a.until.localeCompare(b.until))
}

/** The grants made to one person (read through the grantee index). */
export async function grantsTo(granteeId: string): Promise<AccessGrant[]> {
  const rows = await database().records('accessGrants').where('granteeId').equals(granteeId).toArray()
  return rows.filter((g) => g.deleted === 0)
}

/** Records a grant (checked by the caller; audited). */
export function grantAccess(input: Pick<AccessGrant, 'branchId' | 'granteeId' | 'ownerStaffId' | 'grantedBy' | 'until'>): Promise<AccessGrant> {
  return writeRecords(['accessGrants'], (w) => w.insert('accessGrants', input, { action: 'access.grant' }))
}

/** Withdraws a grant before its date (audited). */
export function revokeGrant(id: string): Promise<void> {
  return writeRecords(['accessGrants'], (w) => w.remove('accessGrants', id, { action: 'access.revoke' }))
}
