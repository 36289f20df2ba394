/**
 * Synchronisation as the terminal's people see it. A terminal may replicate with two hub databases
 * (its branch's and its region's): the indicator shows one state for both, the worse of the two,
 * and says which database a refusal came from.
 */
import type { HubDatabaseKind } from './databases'

/** What went wrong, in terms the person at the terminal can act on. */
export type HubErrorKind =
  | 'unreachable' // no connection, or no answer in time
  | 'unauthorized' // wrong or missing credentials (401)
  | 'forbidden' // credentials accepted but the write refused (403)
  | 'not_found' // the database does not exist (404)
  | 'conflict' // the document changed on the hub since it was read (409)
  | 'server' // the hub failed (5xx)
  | 'bad_response' // an answer this client cannot use

export type SyncPhase = 'connecting' | 'current' | 'syncing' | 'offline' | 'refused'

export interface SyncStatus {
  phase: SyncPhase
  /** Local changes not yet on the hub. */
  pending: number
  /** While offline: since when (ms). */
  offlineSince: number | null
  /** While refused: why. */
  problem: HubErrorKind | null
  /** While refused: which database refused, when the terminal uses more than one. */
  problemDatabase: HubDatabaseKind | null
  lastSyncedAt: number | null
  /** While taking in a first download: how far. */
  download: { received: number; total: number | null } | null
  /** Documents from the hub this terminal could not take (another version, damaged), since it started. */
  refusedDocs: number
  /** This terminal's changes the hub refused (its validation: a submitted inspection, a closed quarter), since it started. */
  refusedChanges: number
}

/** Worst first: what the person must act on outranks what will pass by itself. */
const PHASE_ORDER: readonly SyncPhase[] = ['refused', 'offline', 'syncing', 'connecting', 'current']

/**
 * One status for several databases: the worst phase, everything waiting, the earliest time the
 * terminal went offline, and "last synchronised" as the older of the databases' last rounds
 * (never, while one of them has had none).
 */
export function combinedStatus(parts: readonly { database: HubDatabaseKind; status: SyncStatus }[]): SyncStatus | null {
  if (parts.length === 0) return null
  if (parts.length === 1) return parts[0]!.status
  const statuses = parts.map((p) => p.status)
  const phase = PHASE_ORDER.find((candidate) => statuses.some((s) => s.phase === candidate)) ?? 'current'
  const refused = parts.find((p) => p.status.phase === 'refused')
  const offline = statuses.flatMap((s) => (s.offlineSince === null ? [] : [s.offlineSince]))
  const synced = statuses.map((s) => s.lastSyncedAt)
  const downloads = statuses.flatMap((s) => (s.download ? [s.download] : []))
  return {
    phase,
    pending: statuses.reduce((sum, s) => sum + s.pending, 0),
    offlineSince: offline.length ? Math.min(...offline) : null,
    problem: refused?.status.problem ?? null,
    problemDatabase: refused?.database ?? null,
    lastSyncedAt: synced.includes(null) ? null : Math.min(...(synced as number[])),
    download: downloads.length
      ? { received: downloads.reduce((sum, d) => sum + d.received, 0), total: downloads.some((d) => d.total === null) ? null : downloads.reduce((sum, d) => sum + (d.total ?? 0), 0) }
      : null,
    refusedDocs: statuses.reduce((sum, s) => sum + s.refusedDocs, 0),
    refusedChanges: statuses.reduce((sum, s) => sum + s.refusedChanges, 0),
  }
}
