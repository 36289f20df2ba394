/** This terminal's branch and the other outlets of its region. */
import type { Branch } from '@/domain/model/records'
import { database } from '../connection'
import { writeRecords } from '../write'

export async function getBranch(id: string): Promise<Branch | undefined> {
  const branch = await database().records('branches').get(id)
  return branch && branch.deleted === 0 ? branch : undefined
}

export async function listRegionBranches(regionCode: string): Promise<Branch[]> {
  const rows = await database().records('branches').where('regionCode').equals(regionCode).toArray()
  return rows.filter((b) => b.deleted === 0).sort((a, b) => a.code.localeCompare(b.code))
}

export type BranchProfile = Pick<Branch, 'name' | 'code' | 'group' | 'address' | 'phone'>

export async function updateBranchProfile(id: string, profile: BranchProfile): Promise<Branch> {
  return writeRecords(['branches'], (w) => w.update('branches', id, profile, { action: 'branch.update_profile' }))
}
