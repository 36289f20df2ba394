/**
 * How two terminals' versions of one record end when both changed it while apart (issue 8).
 *
 * - Append-only records (visit events, ledger entries, contacts, tier changes, day closures, awards,
 *   the audit log) are written once and never edited: two versions of one are the same record, so
 *   they never conflict. Should they ever differ, the earlier write stands and the other is reported.
 * - Every other record merges field by field against the version both terminals last agreed on
 *   (the base): a field only one side changed takes that side's value; a field both changed takes
 *   the value of the newer edit by the hybrid logical clock (the device id breaks exact ties),
 *   never by a tablet's wall clock alone. Without a base (both created it), every differing field
 *   counts as changed on both sides. Fields that belong together (a PIN and its lockout) merge as one.
 * - Whatever a merge drops is returned as `overwritten`, for the audit log: nothing disappears silently.
 *
 * The write stamps (hlc, updatedAt, deviceId) are not content: the merged record carries the newer
 * side's stamps, and the terminal that stores it stamps it anew.
 */
import type { RecordTableName } from '../model/records'
import { compareHlc } from '../hlc'

export type MergeRule = 'append_only' | 'fields'

/** Each replicated table's rule; a new table must be given one here. */
export const MERGE_RULES = {
  branches: 'fields',
  servicePoints: 'fields',
  staff: 'fields',
  clients: 'fields',
  visits: 'fields',
  visitEvents: 'append_only',
  tickets: 'fields',
  appointments: 'fields',
  dutySessions: 'fields',
  dayClosures: 'append_only',
  complaints: 'fields',
  products: 'fields',
  bundleRules: 'fields',
  offers: 'fields',
  referrals: 'fields',
  pointEntries: 'append_only',
  quarterClosures: 'fields',
  outletStandings: 'fields',
  vipAssignments: 'fields',
  contacts: 'append_only',
  tierChanges: 'append_only',
  balanceSnapshots: 'fields',
  holdings: 'fields',
  roomSessions: 'fields',
  wealthAlerts: 'fields',
  staffPages: 'fields',
  accessGrants: 'fields',
  inspectionTemplates: 'fields',
  inspections: 'fields',
  inspectionPlans: 'fields',
  correctiveActions: 'fields',
  periodVetoes: 'fields',
  inspectionAwards: 'append_only',
  attachments: 'fields',
  settings: 'fields',
  auditLog: 'append_only',
} as const satisfies Record<RecordTableName, MergeRule>

/**
 * Fields that change together and so merge together: when either side changed one of them, that
 * side changed all of them. A PIN reset clears the lockout; a lockout counted on another terminal
 * before the reset must not survive it beside the new PIN.
 */
export const FIELD_GROUPS: Partial<Record<RecordTableName, readonly (readonly string[])[]>> = {
  staff: [['pin', 'failedPinAttempts', 'lockedUntil']],
}

/** What every replicated record carries: its id and its write stamps. */
export interface Stamped {
  id: string
  hlc: string
  updatedAt: number
  deviceId: string
}

const STAMPS = new Set(['hlc', 'updatedAt', 'deviceId'])

/** A value the merge did not keep: which field ('*' for a whole record), the value, and the edit that wrote it. */
export interface Overwritten {
  field: string
  lost: unknown
  kept: unknown
  lostStamp: string
}

export interface MergeOutcome<T> {
  merged: T
  overwritten: Overwritten[]
}

/** Structural equality of stored values (plain data: objects, arrays, strings, numbers, booleans, null). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  if (keysA.length !== keysB.length) return false
  return keysA.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

function contentKeys(...records: readonly object[]): string[] {
  return [...new Set(records.flatMap((r) => Object.keys(r)))].filter((k) => !STAMPS.has(k)).sort()
}

/** The record as written by the newer of the two edits (by the clock), and the older one. */
function byClock<T extends Stamped>(local: T, remote: T): { newer: T; older: T } {
  return compareHlc(local.hlc, remote.hlc) >= 0 ? { newer: local, older: remote } : { newer: remote, older: local }
}

/** An append-only record: the same on both sides, or the earlier write stands (and the later is reported). */
export function mergeAppendOnly<T extends Stamped>(local: T, remote: T): MergeOutcome<T> {
  const differs = contentKeys(local, remote).some((k) => !sameValue((local as Record<string, unknown>)[k], (remote as Record<string, unknown>)[k]))
  if (!differs) return { merged: local, overwritten: [] }
  const { newer, older } = byClock(local, remote)
  return { merged: older, overwritten: [{ field: '*', lost: newer, kept: older, lostStamp: newer.hlc }] }
}

/** An editable record, field by field against the base both sides last agreed on (null when there is none). */
export function mergeFields<T extends Stamped>(base: T | null, local: T, remote: T, groups: readonly (readonly string[])[] = []): MergeOutcome<T> {
  const { newer, older } = byClock(local, remote)
  const merged: Record<string, unknown> = { ...(older as Record<string, unknown>), hlc: newer.hlc, updatedAt: newer.updatedAt, deviceId: newer.deviceId }
  const overwritten: Overwritten[] = []
  const value = (record: T | null, key: string) => (record === null ? undefined : (record as Record<string, unknown>)[key])
  const changedBy = (side: T, key: string) => base === null || !sameValue(value(base, key), value(side, key))
  const groupOf = (key: string) => groups.find((group) => group.includes(key)) ?? [key]
  for (const key of contentKeys(local, remote)) {
    const mine = value(local, key)
    const theirs = value(remote, key)
    if (sameValue(mine, theirs)) {
      merged[key] = mine
      continue
    }
    const localChanged = groupOf(key).some((k) => changedBy(local, k))
    const remoteChanged = groupOf(key).some((k) => changedBy(remote, k))
    if (localChanged && !remoteChanged) merged[key] = mine
    else if (remoteChanged && !localChanged) merged[key] = theirs
    else {
      const kept = value(newer, key)
      const lost = value(older, key)
      merged[key] = kept
      // A field the older side left as agreed (only its group moved) lost no edit.
      if (changedBy(older, key)) overwritten.push({ field: key, lost, kept, lostStamp: older.hlc })
    }
  }
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key]
  return { merged: merged as T, overwritten }
}

/** Two versions of a record of `table`, merged by the table's rule. */
export function mergeRecord<T extends Stamped>(table: RecordTableName, base: T | null, local: T, remote: T): MergeOutcome<T> {
  return MERGE_RULES[table] === 'append_only' ? mergeAppendOnly(local, remote) : mergeFields(base, local, remote, FIELD_GROUPS[table])
}
