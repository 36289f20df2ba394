/** Staff and their sign-in state. */
import type { NewRecord } from '@/domain/model/base'
import type { PinHash, Staff } from '@/domain/model/records'
import type { LockoutState } from '@/domain/pin'
import { database } from '../connection'
import { writeRecords } from '../write'

function live(staff: Staff | undefined): staff is Staff {
  return staff !== undefined && staff.deleted === 0
}

/** The person with this staff number, active or not; undefined when unknown. */
export async function findStaffByNumber(staffNo: string): Promise<Staff | undefined> {
  const matches = await database().records('staff').where('staffNo').equals(staffNo).toArray()
  return matches.find(live)
}

export async function getStaff(id: string): Promise<Staff | undefined> {
  const staff = await database().records('staff').get(id)
  return live(staff) ? staff : undefined
}

/** The branch's people, region staff without a branch when `branchId` is null. */
export async function listBranchStaff(branchId: string | null): Promise<Staff[]> {
  const table = database().records('staff')
  const rows = branchId === null ? await table.filter((s) => s.branchId === null).toArray() : await table.where('branchId').equals(branchId).toArray()
  return rows.filter(live).sort((a, b) => a.staffNo.localeCompare(b.staffNo))
}

export async function countStaffByBranch(): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  await database()
    .records('staff')
    .each((s) => {
      if (s.deleted === 0 && s.active === 1 && s.branchId) counts.set(s.branchId, (counts.get(s.branchId) ?? 0) + 1)
    })
  return counts
}

/** Records the outcome of a PIN attempt (the lockout counter travels with the staff record). */
export async function saveLockout(id: string, state: LockoutState, action: 'signin.success' | 'signin.wrong_pin' | 'signin.locked'): Promise<void> {
  await writeRecords(['staff'], async (w) => {
    const current = await database().records('staff').get(id)
    // A sign-in with nothing to reset leaves the staff record (and what it replicates) untouched.
    if (current?.failedPinAttempts !== state.failedPinAttempts || current.lockedUntil !== state.lockedUntil) {
      await w.update('staff', id, { failedPinAttempts: state.failedPinAttempts, lockedUntil: state.lockedUntil })
    }
    await w.audit(action, 'staff', id, null, { failedPinAttempts: state.failedPinAttempts, lockedUntil: state.lockedUntil })
  })
}

export async function createStaff(input: NewRecord<Staff>): Promise<Staff> {
  const existing = await findStaffByNumber(input.staffNo)
  if (existing) throw new DuplicateStaffNumberError(input.staffNo)
  return writeRecords(['staff'], (w) => w.insert('staff', input, { action: 'staff.create' }))
}

export type StaffChanges = Partial<Pick<Staff, 'surname' | 'givenName' | 'roles' | 'active' | 'branchId'>>

export async function updateStaff(id: string, changes: StaffChanges, action: string): Promise<Staff> {
  return writeRecords(['staff'], (w) => w.update('staff', id, changes, { action }))
}

/** A new PIN (already hashed: hashing cannot happen inside the transaction); clears any lockout. */
export async function resetStaffPin(id: string, pin: PinHash): Promise<Staff> {
  return writeRecords(['staff'], (w) => w.update('staff', id, { pin, failedPinAttempts: 0, lockedUntil: null }, { action: 'staff.reset_pin' }))
}

export class DuplicateStaffNumberError extends Error {
  constructor(readonly staffNo: string) {
    super(`Staff number ${staffNo} is taken`)
    this.name = 'DuplicateStaffNumberError'
  }
}

/** Ends a PIN lockout without changing the PIN (the person remembered it after all). */
export async function unlockStaff(id: string): Promise<Staff> {
  return writeRecords(['staff'], (w) => w.update('staff', id, { failedPinAttempts: 0, lockedUntil: null }, { action: 'staff.unlock' }))
}

/** People by id, deleted ones included: the audit log names whoever acted, even after they left. */
export async function staffByIds(ids: readonly string[]): Promise<Map<string, Staff>> {
  const rows = await database().records('staff').bulkGet([...new Set(ids)])
  return new Map(rows.filter((s): s is Staff => s !== undefined).map((s) => [s.id, s]))
}

/** Everyone whose staff number starts with `text` or whose name contains it, deleted ones included. */
export async function staffMatching(text: string): Promise<Staff[]> {
  const needle = text.trim().toLowerCase()
  return database()
    .records('staff')
    .filter((s) => s.staffNo.startsWith(needle) || `${s.surname}${s.givenName}`.toLowerCase().includes(needle))
    .toArray()
}

/** Everyone the terminal holds, every outlet of the region and the region's own staff (inspection names people across outlets). */
export async function listRegionStaff(): Promise<Staff[]> {
  const rows = await database().records('staff').toArray()
  return rows.filter(live).sort((a, b) => a.staffNo.localeCompare(b.staffNo))
}
