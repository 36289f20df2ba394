/** A branch terminal with its first administrator, as first run makes it (PINs hashed cheaply). */
import { setUpBranchTerminal, setUpInspectorTerminal } from '@/db/terminal'
import { createStaff, findStaffByNumber } from '@/db/repositories/staff'
import { hashPin } from '@/domain/pin'
import type { Role } from '@/domain/roles'
import type { Staff } from '@/domain/model/records'

/** Far fewer iterations than production: the tests are about the screens, not the hash. */
export const quickPin = (pin: string) => hashPin(pin, 1_000)

export async function branchTerminal(): Promise<{ branchId: string; admin: Staff }> {
  const branchId = await setUpBranchTerminal(
    { name: '城东支行', code: 'CD01', group: 'backbone', regionCode: 'BJ', regionName: '滨江分行', address: '滨江路 1 号', phone: '010-12345678' },
    { staffNo: '9002', surname: '王', givenName: '管理', pin: await quickPin('900201') },
  )
  return { branchId, admin: (await findStaffByNumber('9002'))! }
}

export async function inspectorTerminal(): Promise<Staff> {
  await setUpInspectorTerminal({ code: 'BJ', name: '滨江分行' }, { staffNo: '7001', surname: '赵', givenName: '督导', pin: await quickPin('700101') })
  return (await findStaffByNumber('7001'))!
}

export async function addPerson(branchId: string | null, staffNo: string, surname: string, givenName: string, roles: Role[], extra: Partial<Staff> = {}): Promise<Staff> {
  return createStaff({ branchId, staffNo, surname, givenName, roles, pin: await quickPin('123456'), failedPinAttempts: 0, lockedUntil: null, active: 1, ...extra })
}
