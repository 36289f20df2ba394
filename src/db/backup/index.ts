/**
 * Full backup of the branch's data to an encrypted file, and restore from one.
 *
 * A backup holds every client's data: only a branch head or an administrator may make or restore
 * one, and both are audited (counts and checksum only, no client data). A file is read, decrypted
 * and checked down to every field of every row before anything is written; the restore itself is
 * one transaction, so a bad file, a wrong passphrase or a full disk leaves the database as it was.
 */
import Dexie from 'dexie'
import { compareHlc, decodeHlc, HLC_ZERO, type HlcState } from '@/domain/hlc'
import { RECORD_TABLES } from '@/domain/model/records'
import { BACKUP_ROLES, type Role } from '@/domain/roles'
import { businessDate, timeOfDay } from '@/domain/time'
import { database } from '../connection'
import { asWriteError, isQuotaError } from '../errors'
import { deviceId, getLocal, LOCAL_KEYS } from '../local'
import { loadBranchSettings } from '../repositories/settings'
import { CURRENT_SCHEMA_VERSION } from '../schema'
import type { Region } from '../terminal'
import { now, RecordWriter, writeRecords } from '../write'
import { rebuildPointTotals } from '../repositories/counter/ledger'
import { checksumOf, countRows, snapshotRecords, tableCounts, type RowsByTable, type TableCounts } from './checksum'
import { assertPassphraseLength } from './crypto'
import { BackupError } from './errors'
import { assertValidRecords, BACKUP_APP, decodePayload, decryptPayload, encodePayload, encryptPayload } from './format'

export { BackupError, type BackupErrorDetails, type BackupErrorKind } from './errors'
export { checksumOf, databaseChecksum, snapshotRecords, tableCounts, type RowsByTable, type TableCounts } from './checksum'
export { MIN_PASSPHRASE_LENGTH, setKdfIterationsForTests } from './crypto'
export { decryptPayload, encryptPayload } from './format'

export const BACKUP_FILE_EXTENSION = '.ldbackup'

/** What a backup file holds, shown before the restore is confirmed. */
export interface BackupSummary {
  createdAt: number
  schemaVersion: number
  branchId: string | null
  region: Region | null
  counts: TableCounts
  checksum: string
}

export interface CreatedBackup {
  blob: Blob
  fileName: string
  counts: TableCounts
  checksum: string
}

export interface BackupActor {
  /** The signed-in person's roles: backups need one of BACKUP_ROLES. */
  actorRoles: readonly Role[]
}

/**
 * Who may restore: a signed-in branch head or administrator, or anybody at first run on an empty
 * terminal (nobody can sign in there yet; holding the file and its passphrase is the credential).
 */
export type RestoreActor = BackupActor | { firstRun: true }

function assertMayBackUp(roles: readonly Role[]): void {
  if (!roles.some((role) => BACKUP_ROLES.includes(role))) throw new BackupError({ kind: 'not_allowed', requiredRoles: BACKUP_ROLES })
}

/** 'lobbydesk-<branch code>-<YYYYMMDD-HHmm>.ldbackup', in the branch's time zone. */
async function backupFileName(tables: RowsByTable, branchId: string | null, at: number): Promise<string> {
  const { timeZone } = await loadBranchSettings()
  const stamp = `${businessDate(at, timeZone).replaceAll('-', '')}-${timeOfDay(at, timeZone).replace(':', '')}`
  // An inspector's tablet belongs to no branch: its backup holds all it has.
  const code = tables.branches.find((branch) => branch.id === branchId)?.code ?? 'all'
  return `lobbydesk-${code.replace(/[^A-Za-z0-9_-]/g, '_')}-${stamp}${BACKUP_FILE_EXTENSION}`
}

/** These rows (every table present, some perhaps empty) sealed into a file with the passphrase. */
export async function sealTables(tables: RowsByTable, passphrase: string, createdAt: number): Promise<{ blob: Blob; counts: TableCounts; checksum: string }> {
  const device = await deviceId()
  const branchId = (await getLocal<string | null>(LOCAL_KEYS.branchId)) ?? null
  const region = (await getLocal<Region | null>(LOCAL_KEYS.region)) ?? null
  // Refuse now rather than write a file that every reader would refuse.
  assertValidRecords(tables)
  const counts = countRows(tables)
  const checksum = await checksumOf(tables)
  const payloadJson = await encodePayload({ app: BACKUP_APP, schemaVersion: CURRENT_SCHEMA_VERSION, createdAt, deviceId: device, branchId, region, counts, checksum }, tables)
  return { blob: await encryptPayload(payloadJson, passphrase, createdAt), counts, checksum }
}

/**
 * Every replicated table, encrypted with the passphrase. The 'backup.create' audit entry is
 * written after the snapshot, so the returned counts and checksum are the file's.
 */
export async function createBackup(passphrase: string, { actorRoles }: BackupActor): Promise<CreatedBackup> {
  assertMayBackUp(actorRoles)
  assertPassphraseLength(passphrase)
  const createdAt = now()
  const branchId = (await getLocal<string | null>(LOCAL_KEYS.branchId)) ?? null
  const tables = await snapshotRecords()
  const { blob, counts, checksum } = await sealTables(tables, passphrase, createdAt)
  const fileName = await backupFileName(tables, branchId, createdAt)
  await writeRecords([], (writer) => writer.audit('backup.create', 'database', null, null, { fileName, schemaVersion: CURRENT_SCHEMA_VERSION, counts, checksum }))
  return { blob, fileName, counts, checksum }
}

/** Decrypts a file and checks it down to every row and its checksum, writing nothing; throws BackupError. */
export async function readBackup(file: Blob, passphrase: string): Promise<{ summary: BackupSummary; tables: RowsByTable }> {
  const { header, tables, asStored } = decodePayload(await decryptPayload(file, passphrase))
  const checksum = await checksumOf(asStored)
  if (checksum !== header.checksum) throw new BackupError({ kind: 'checksum_mismatch', declared: header.checksum, actual: checksum })
  const { createdAt, schemaVersion, branchId, region, counts } = header
  return { summary: { createdAt, schemaVersion, branchId, region, counts, checksum }, tables }
}

/** Reads, decrypts and checks a whole file without writing anything; throws BackupError. */
export async function inspectBackup(file: Blob, passphrase: string): Promise<BackupSummary> {
  return (await readBackup(file, passphrase)).summary
}

function latestClock(tables: RowsByTable): HlcState {
  let latest = ''
  for (const table of RECORD_TABLES) {
    for (const row of tables[table]) if (compareHlc(row.hlc, latest) > 0) latest = row.hlc
  }
  if (latest === '') return HLC_ZERO
  const { wallMs, counter } = decodeHlc(latest)
  return { wallMs, counter }
}

function laterClock(a: HlcState, b: HlcState): HlcState {
  return a.wallMs > b.wallMs || (a.wallMs === b.wallMs && a.counter >= b.counter) ? a : b
}

/**
 * Replaces every replicated table with the file's rows and empties the outbox and the drafts,
 * which belonged to the data being replaced. This terminal's device id stays; its branch becomes
 * the backup's; its clock moves past every restored stamp, so later changes sort after them.
 */
export async function restoreBackup(file: Blob, passphrase: string, actor: RestoreActor): Promise<BackupSummary> {
  if ('actorRoles' in actor) assertMayBackUp(actor.actorRoles)
  // Reading the file and WebCrypto come first: awaiting them inside the transaction would commit it early.
  const { summary, tables } = await readBackup(file, passphrase)
  const device = await deviceId()
  const restoredClock = latestClock(tables)
  const db = database()
  try {
    await db.transaction('rw', [...RECORD_TABLES, 'outbox', 'drafts', 'local', 'pointTotals', 'syncRevisions', 'syncBases'], async () => {
      if ('firstRun' in actor && (await db.local.get(LOCAL_KEYS.terminalKind))?.value) throw new BackupError({ kind: 'not_allowed', requiredRoles: BACKUP_ROLES })
      const countsBefore = await tableCounts()
      for (const table of RECORD_TABLES) await db.table(table).clear()
      await db.outbox.clear()
      await db.drafts.clear()
      // With a hub, its versions are taken in again from the start and replace the restored ones.
      await db.syncRevisions.clear()
      await db.syncBases.clear()
      await db.local.delete(LOCAL_KEYS.hubCheckpoint)
      for (const table of RECORD_TABLES) await db.table(table).bulkAdd(tables[table])
      // Totals kept for speed belong to the data being replaced: recomputed from the restored ledger.
      await rebuildPointTotals()
      await db.local.bulkPut([
        { key: LOCAL_KEYS.branchId, value: summary.branchId },
        { key: LOCAL_KEYS.terminalKind, value: summary.branchId ? 'branch' : 'inspector' },
        { key: LOCAL_KEYS.region, value: summary.region },
      ])
      const saved = (await db.local.get(LOCAL_KEYS.hlc))?.value as HlcState | undefined
      // Written last, in the same transaction: the restore's own audit entry survives it.
      const writer = new RecordWriter(device, laterClock(saved ?? HLC_ZERO, restoredClock), now())
      await writer.audit('backup.restore', 'database', null, { counts: countsBefore }, summary)
      await db.local.put({ key: LOCAL_KEYS.hlc, value: writer.clockState })
    })
  } catch (err) {
    if (isQuotaError(err) || err instanceof Dexie.DexieError) throw asWriteError(err)
    throw err
  }
  return summary
}
