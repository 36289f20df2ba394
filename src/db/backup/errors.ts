/**
 * Why a backup could not be made, read or restored. The views translate `details` through i18n
 * keys `backup.error.<kind>` (with its fields as parameters); the English message is for logs and
 * never holds client data: a row is named by table, position and id, never by its values.
 */
import type { RecordTableName } from '@/domain/model/records'
import type { Role } from '@/domain/roles'

export type BackupErrorDetails =
  /** Not JSON, or JSON without the LobbyDesk backup marker. */
  | { kind: 'not_a_backup' }
  /** Starts like a backup but ends early (an interrupted copy or download). */
  | { kind: 'truncated' }
  /** Says it is a backup, but a field of the envelope or payload is missing or of the wrong shape. */
  | { kind: 'malformed'; path: string }
  /** AES-GCM's tag check failed: the passphrase is wrong, or a byte of the file was changed. */
  | { kind: 'wrong_passphrase' }
  /** Made by another application, or by a newer LobbyDesk than this one. */
  | { kind: 'foreign_schema'; reason: 'other_app' | 'newer_format' | 'newer_schema'; found: string | number; supported: string | number }
  /** One row breaks its table's schema. `index` counts from 0; `check` is the valibot issue type ('number', 'safe_integer', 'regex', …). */
  | { kind: 'invalid_record'; table: RecordTableName; index: number; recordId: string | null; path: string; check: string; expected: string | null }
  | { kind: 'count_mismatch'; table: RecordTableName; declared: number; actual: number }
  | { kind: 'checksum_mismatch'; declared: string; actual: string }
  | { kind: 'passphrase_too_short'; minLength: number }
  | { kind: 'not_allowed'; requiredRoles: readonly Role[] }

export type BackupErrorKind = BackupErrorDetails['kind']

export class BackupError extends Error {
  readonly kind: BackupErrorKind

  constructor(readonly details: BackupErrorDetails, override readonly cause?: unknown) {
    super(describe(details))
    this.name = 'BackupError'
    this.kind = details.kind
  }
}

function describe(details: BackupErrorDetails): string {
  switch (details.kind) {
    case 'malformed':
      return `Backup is malformed at '${details.path}'`
    case 'foreign_schema':
      return `Backup is foreign (${details.reason}): found ${details.found}, this app supports ${details.supported}`
    case 'invalid_record':
      return `Backup ${details.table} row ${details.index} (id ${details.recordId ?? '?'}): '${details.path}' fails check '${details.check}' (expected ${details.expected ?? '?'})`
    case 'count_mismatch':
      return `Backup ${details.table}: declares ${details.declared} rows, holds ${details.actual}`
    case 'checksum_mismatch':
      return `Backup checksum mismatch: declares ${details.declared}, contents give ${details.actual}`
    case 'passphrase_too_short':
      return `Backup passphrase shorter than ${details.minLength} characters`
    case 'not_allowed':
      return `Backups need one of the roles ${details.requiredRoles.join(', ')}`
    default:
      return `Backup problem: ${details.kind}`
  }
}

/**
 * A value inside a row that cannot go through a backup file unchanged (found while serialising
 * or decoding). The caller, who knows the table and the row, turns it into 'invalid_record'.
 */
export class RowValueError extends Error {
  constructor(readonly path: string, readonly check: string, readonly expected: string) {
    super(`'${path}' fails check '${check}'`)
    this.name = 'RowValueError'
  }
}

export function invalidRecord(table: RecordTableName, index: number, row: unknown, problem: { path: string; check: string; expected: string | null }): BackupError {
  const id = (row as { id?: unknown } | null)?.id
  const { path, check, expected } = problem
  return new BackupError({ kind: 'invalid_record', table, index, recordId: typeof id === 'string' ? id : null, path, check, expected })
}
