import { defineStore } from 'pinia'
import { updateBranchProfile, type BranchProfile } from '@/db/repositories/branches'
import { createServicePoint, listServicePoints, setServicePointActive, updateServicePoint } from '@/db/repositories/servicePoints'
import { createStaff, listBranchStaff, resetStaffPin, staffByIds, staffMatching, unlockStaff, updateStaff } from '@/db/repositories/staff'
import { getAuditEntry, listAuditEntries, type AuditCursor } from '@/db/repositories/audit'
import { hashPin } from '@/domain/pin'
import type { Role } from '@/domain/roles'
import type { BranchSettingKey, BranchSettings } from '@/domain/settings'
import type { AuditEntry, ServicePoint, ServicePointKind, Staff } from '@/domain/model/records'
import { useTerminalStore } from './terminal'
import { useSessionStore } from './session'

export { DuplicateStaffNumberError } from '@/db/repositories/staff'
export type { BranchProfile } from '@/db/repositories/branches'
export type { AuditCursor } from '@/db/repositories/audit'

export interface ServicePointInput {
  kind: ServicePointKind
  number: number
  name: string
}

/** What an administrator edits of a person; the staff number is fixed once created. */
export interface StaffFields {
  surname: string
  givenName: string
  roles: Role[]
}

export interface NewStaffInput extends StaffFields {
  staffNo: string
  /** The initial PIN in clear: hashed here, before anything is written. */
  pin: string
}

/** A change to one's own record that would lock the person out of the admin area. */
export type SelfChangeProblem = 'deactivate_self' | 'drop_own_administrator'

export class SelfChangeError extends Error {
  constructor(readonly problem: SelfChangeProblem) {
    super(`Refused to change one's own record: ${problem}`)
    this.name = 'SelfChangeError'
  }
}

export class ServicePointNumberTakenError extends Error {
  constructor(readonly kind: ServicePointKind, readonly number: number) {
    super(`${kind} ${number} exists`)
    this.name = 'ServicePointNumberTakenError'
  }
}

/** The other point of the same kind that already carries this number, if any. */
export function numberClash(points: readonly ServicePoint[], input: Pick<ServicePointInput, 'kind' | 'number'>, exceptId: string | null): ServicePoint | undefined {
  return points.find((p) => p.id !== exceptId && p.kind === input.kind && p.number === input.number)
}

/** Why `self` may not make this change to `target`, or null when they may. */
function selfChangeProblem(self: Staff | null, targetId: string, change: { active?: 0 | 1; roles?: readonly Role[] }): SelfChangeProblem | null {
  if (!self || self.id !== targetId) return null
  if (change.active === 0) return 'deactivate_self'
  if (change.roles && self.roles.includes('administrator') && !change.roles.includes('administrator')) return 'drop_own_administrator'
  return null
}

export interface AuditRow {
  entry: AuditEntry
  /** Who acted; null for the system (first run, demo data) or a person this terminal does not know. */
  actor: Staff | null
  /** The person the entry is about, when it is about a person (a sign-in entry holds no name). */
  subject: Staff | null
}

export interface AuditQuery {
  entities: readonly string[]
  /** Part of the actor's name or the start of their staff number; empty for everyone. */
  actorText: string
}

export const AUDIT_PAGE_SIZE = 50

/** The admin area: branch profile, service points, staff, settings and the audit log. */
export const useAdminStore = defineStore('admin', () => {
  const terminal = useTerminalStore()
  const session = useSessionStore()

  function branchIdOrFail(): string {
    const id = terminal.state.branchId
    if (!id) throw new Error('This terminal has no branch.')
    return id
  }

  /** Saves the branch profile (audited) and re-reads it so the top bar shows the new name. */
  async function saveBranchProfile(profile: BranchProfile): Promise<void> {
    await updateBranchProfile(branchIdOrFail(), profile)
    await terminal.refresh()
  }

  /** The branch's service points, inactive ones included. */
  async function servicePoints(): Promise<ServicePoint[]> {
    return terminal.state.branchId ? listServicePoints(terminal.state.branchId) : []
  }

  /** Adds a point (id null) or changes one; refuses a number another point of the same kind has. */
  async function saveServicePoint(id: string | null, input: ServicePointInput): Promise<ServicePoint> {
    const clash = numberClash(await servicePoints(), input, id)
    if (clash) throw new ServicePointNumberTakenError(input.kind, input.number)
    const fields = { kind: input.kind, number: input.number, name: input.name.trim() }
    return id ? updateServicePoint(id, fields) : createServicePoint({ ...fields, branchId: branchIdOrFail(), active: 1 })
  }

  /** Takes a point out of use, or back into use. */
  async function setServicePointInUse(id: string, inUse: boolean): Promise<void> {
    await setServicePointActive(id, inUse ? 1 : 0)
  }

  /** This branch's people (region staff on an inspector's tablet), inactive ones included. */
  async function staff(): Promise<Staff[]> {
    return listBranchStaff(terminal.state.branchId)
  }

  /** Adds a person with an initial PIN; throws DuplicateStaffNumberError when the number is taken. */
  async function addStaff(input: NewStaffInput): Promise<Staff> {
    // Hash first: WebCrypto inside the write transaction would end it early.
    const pin = await hashPin(input.pin)
    return createStaff({
      branchId: terminal.state.branchId,
      staffNo: input.staffNo,
      surname: input.surname.trim(),
      givenName: input.givenName.trim(),
      // A plain copy: a reactive form array cannot be stored (IndexedDB cannot clone a Proxy).
      roles: [...input.roles],
      pin,
      failedPinAttempts: 0,
      lockedUntil: null,
      active: 1,
    })
  }

  function refuseSelfChange(targetId: string, change: Parameters<typeof selfChangeProblem>[2]): void {
    const problem = selfChangeProblem(session.staff, targetId, change)
    if (problem) throw new SelfChangeError(problem)
  }

  /** Changes a person's name and roles; nobody can take away their own administrator role. */
  async function saveStaff(id: string, fields: StaffFields): Promise<void> {
    refuseSelfChange(id, { roles: fields.roles })
    await updateStaff(id, { surname: fields.surname.trim(), givenName: fields.givenName.trim(), roles: [...fields.roles] }, 'staff.update')
    // One's own roles decide which areas the shell offers.
    if (id === session.staff?.id) await session.reload()
  }

  /** Deactivates (they can no longer sign in) or reactivates a person; nobody can deactivate themselves. */
  async function setStaffActive(id: string, active: boolean): Promise<void> {
    refuseSelfChange(id, { active: active ? 1 : 0 })
    await updateStaff(id, { active: active ? 1 : 0 }, active ? 'staff.reactivate' : 'staff.deactivate')
  }

  /** Gives a person a new PIN (hashed here) and ends any lockout. */
  async function resetPin(id: string, pin: string): Promise<void> {
    await resetStaffPin(id, await hashPin(pin))
  }

  /** Ends a person's PIN lockout, keeping their PIN. */
  async function unlock(id: string): Promise<void> {
    await unlockStaff(id)
  }

  /** Saves the branch settings that differ from the current ones; returns how many changed. */
  async function saveSettings(next: BranchSettings): Promise<number> {
    const changed = (Object.keys(next) as BranchSettingKey[]).filter((key) => next[key] !== terminal.settings[key])
    // One at a time: each setting is its own record and its own audit entry ('settings.<key>').
    for (const key of changed) await terminal.updateSetting(key, next[key])
    return changed.length
  }

  async function withPeople(entries: AuditEntry[]): Promise<AuditRow[]> {
    const subjectIds = entries.flatMap((e) => (e.entity === 'staff' && e.entityId ? [e.entityId] : []))
    const people = await staffByIds([...entries.flatMap((e) => (e.actorId ? [e.actorId] : [])), ...subjectIds])
    const person = (id: string | null) => (id ? (people.get(id) ?? null) : null)
    return entries.map((entry) => ({ entry, actor: person(entry.actorId), subject: entry.entity === 'staff' ? person(entry.entityId) : null }))
  }

  /** One page of the audit log, newest first, after `cursor` (null for the first page). */
  async function auditPage(query: AuditQuery, cursor: AuditCursor | null): Promise<{ rows: AuditRow[]; next: AuditCursor | null }> {
    const text = query.actorText.trim()
    const actorIds = text ? (await staffMatching(text)).map((s) => s.id) : undefined
    const page = await listAuditEntries({ entities: query.entities, actorIds }, cursor, AUDIT_PAGE_SIZE)
    return { rows: await withPeople(page.entries), next: page.next }
  }

  /** One audit entry with the people it names, for the detail drawer. */
  async function auditRow(id: string): Promise<AuditRow | null> {
    const entry = await getAuditEntry(id)
    return entry ? ((await withPeople([entry]))[0] ?? null) : null
  }

  return {
    saveBranchProfile,
    servicePoints,
    saveServicePoint,
    setServicePointInUse,
    staff,
    addStaff,
    saveStaff,
    setStaffActive,
    resetPin,
    unlock,
    saveSettings,
    auditPage,
    auditRow,
  }
})
