/**
 * Staff names for screens that show who did what. Kept apart from ./staff, which the sign-in screen
 * loads: the name helpers bring in the pinyin dictionary, which the first screen must not carry.
 */
import { fullName } from '@/domain/clients/names'
import { listBranchStaff } from './staff'

/** Every person of the branch by id, with their full name (who maintains, who acknowledged…). */
export async function branchStaffNames(branchId: string): Promise<Map<string, string>> {
  return new Map((await listBranchStaff(branchId)).map((s) => [s.id, fullName(s)]))
}
