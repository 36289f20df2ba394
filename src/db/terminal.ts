/**
 * What this terminal is: a branch terminal (with its branch) or a region inspector's tablet
 * (no branch of its own). Empty until first run chooses one of the three doors.
 */
import type { Branch, PinHash } from '@/domain/model/records'
import { database } from './connection'
import { getLocal, LOCAL_KEYS } from './local'
import { writeRecords } from './write'
import { findStaffByNumber, DuplicateStaffNumberError } from './repositories/staff'

export type TerminalKind = 'branch' | 'inspector'

export interface Region {
  code: string
  name: string
}

export interface TerminalState {
  kind: TerminalKind | null
  branchId: string | null
  region: Region | null
}

export async function readTerminal(): Promise<TerminalState> {
  const [kind, branchId, region] = await Promise.all([
    getLocal<TerminalKind>(LOCAL_KEYS.terminalKind),
    getLocal<string>(LOCAL_KEYS.branchId),
    getLocal<Region>(LOCAL_KEYS.region),
  ])
  return { kind: kind ?? null, branchId: branchId ?? null, region: region ?? null }
}

export interface FirstPerson {
  staffNo: string
  surname: string
  givenName: string
  pin: PinHash
}

export type NewBranchProfile = Pick<Branch, 'name' | 'code' | 'group' | 'regionCode' | 'regionName' | 'address' | 'phone'>

async function refuseIfSetUp(staffNo: string): Promise<void> {
  const state = await readTerminal()
  if (state.kind) throw new Error('This terminal is already set up.')
  if (await findStaffByNumber(staffNo)) throw new DuplicateStaffNumberError(staffNo)
}

/** "Set up a real branch": the branch and its first administrator, nothing else. */
export async function setUpBranchTerminal(profile: NewBranchProfile, admin: FirstPerson): Promise<string> {
  await refuseIfSetUp(admin.staffNo)
  return writeRecords(['branches', 'staff'], async (w) => {
    const branch = await w.insert('branches', profile, { action: 'terminal.setup_branch' })
    await w.insert(
      'staff',
      { branchId: branch.id, staffNo: admin.staffNo, surname: admin.surname, givenName: admin.givenName, roles: ['administrator'], pin: admin.pin, failedPinAttempts: 0, lockedUntil: null, active: 1 },
      { action: 'staff.create' },
    )
    await database().local.bulkPut([
      { key: LOCAL_KEYS.terminalKind, value: 'branch' },
      { key: LOCAL_KEYS.branchId, value: branch.id },
      { key: LOCAL_KEYS.region, value: { code: profile.regionCode, name: profile.regionName } },
    ])
    return branch.id
  })
}

/** "Set up an inspector's tablet": a region's inspector, with no branch of its own. */
export async function setUpInspectorTerminal(region: Region, inspector: FirstPerson): Promise<void> {
  await refuseIfSetUp(inspector.staffNo)
  await writeRecords(['staff'], async (w) => {
    await w.insert(
      'staff',
      { branchId: null, staffNo: inspector.staffNo, surname: inspector.surname, givenName: inspector.givenName, roles: ['inspector'], pin: inspector.pin, failedPinAttempts: 0, lockedUntil: null, active: 1 },
      { action: 'terminal.setup_inspector' },
    )
    await database().local.bulkPut([
      { key: LOCAL_KEYS.terminalKind, value: 'inspector' },
      { key: LOCAL_KEYS.region, value: region },
    ])
  })
}
