/**
 * Inspections exchanged as files between tablets that never see a hub: selected visits with their
 * template versions, photos and signatures and corrective actions, in the backup's encrypted,
 * validated format. Importing merges by id — a record already here is never duplicated: the same
 * one is left alone, a different one is reported as a conflict and kept as it is here — in one
 * transaction, after the whole file was checked; a damaged or foreign-schema file changes nothing.
 */
import { RECORD_TABLES } from '@/domain/model/records'
import { REGION_TABLES } from '@/domain/sync/databases'
import { compareHlc } from '@/domain/hlc'
import { database } from '../connection'
import { now, writeRecords } from '../write'
import { canonicalJson, type RowsByTable } from './checksum'
import { assertPassphraseLength } from './crypto'
import { readBackup, sealTables, BACKUP_FILE_EXTENSION } from './index'

/**
 * What an inspection file carries: the visits with their sheets, actions and pictures (the visits',
 * the actions' evidence, the period vetoes'), and, so that a tablet that has never seen the region
 * (an inspector's) can start visits, plan and rank the quarter from files alone, the region's
 * outlets, the half-month plans, the period vetoes and the award history the terminal holds: what
 * the region's hub database holds, but for the outlets' points standings (the counter's, not the
 * inspection's).
 */
type ExchangeTable = Exclude<(typeof REGION_TABLES)[number], 'outletStandings'>
export const EXCHANGE_TABLES: readonly ExchangeTable[] = REGION_TABLES.filter((table): table is ExchangeTable => table !== 'outletStandings')

export interface ExportedInspections {
  blob: Blob
  fileName: string
  counts: Record<ExchangeTable, number>
}

function emptyTables(): RowsByTable {
  return Object.fromEntries(RECORD_TABLES.map((table) => [table, []])) as unknown as RowsByTable
}

/** Seals the visits (with what they need) into a file; their photos count as exported from then on. */
export async function exportInspections(inspectionIds: readonly string[], passphrase: string): Promise<ExportedInspections> {
  assertPassphraseLength(passphrase)
  const db = database()
  const present = <T>(row: T | undefined): row is T => row !== undefined
  const inspections = (await db.records('inspections').bulkGet([...inspectionIds])).filter(present).filter((i) => i.deleted === 0)
  const ids = inspections.map((i) => i.id)
  const tables = emptyTables()
  tables.inspections = inspections
  const live = <T extends { deleted: number }>(rows: T[]) => rows.filter((row) => row.deleted === 0)
  tables.branches = live(await db.records('branches').toArray())
  tables.inspectionPlans = live(await db.records('inspectionPlans').toArray())
  tables.periodVetoes = live(await db.records('periodVetoes').toArray())
  tables.inspectionAwards = live(await db.records('inspectionAwards').toArray())
  tables.inspectionTemplates = (await db.records('inspectionTemplates').bulkGet([...new Set(inspections.map((i) => i.templateId))])).filter(present)
  tables.correctiveActions = live(await db.records('correctiveActions').where('inspectionId').anyOf(ids).toArray())
  const owners = [...ids.map((id) => ['inspections', id]), ...tables.correctiveActions.map((a) => ['correctiveActions', a.id]), ...tables.periodVetoes.map((v) => ['periodVetoes', v.id])]
  tables.attachments = live(await db.records('attachments').where('[ownerTable+ownerId]').anyOf(owners).toArray())
  const createdAt = now()
  const { blob } = await sealTables(tables, passphrase, createdAt)
  await writeRecords(['attachments'], async (w) => {
    for (const attachment of tables.attachments) await w.update('attachments', attachment.id, { exportedAt: createdAt })
    await w.audit('inspections.export', 'inspections', null, null, { inspections: ids })
  })
  const counts = Object.fromEntries(EXCHANGE_TABLES.map((table) => [table, tables[table].length])) as Record<ExchangeTable, number>
  return { blob, fileName: `lobbydesk-inspections-${new Date(createdAt).toISOString().slice(0, 10)}-${ids.length}${BACKUP_FILE_EXTENSION}`, counts }
}

export interface ImportReport {
  added: Record<ExchangeTable, number>
  /** Records already here exactly as in the file. */
  unchanged: number
  /** Records here that differ from the file's: kept as they are here, listed for a person to look at. */
  conflicts: { table: ExchangeTable; id: string; newerIn: 'file' | 'here' }[]
}

/**
 * The content of a record for comparison: Blobs by size and type. The write stamps, and when a
 * picture last left a terminal, are that terminal's bookkeeping, not the record's content.
 */
function sameRecord(a: object, b: object): boolean {
  const blobKey = (blob: Blob) => `${blob.type}:${blob.size}`
  const content = (row: object) => ({ ...row, updatedAt: null, hlc: null, deviceId: null, exportedAt: null })
  return canonicalJson(content(a), blobKey) === canonicalJson(content(b), blobKey)
}

/** Merges an inspection file by id; reads and checks the whole file first (throws BackupError). */
export async function importInspections(file: Blob, passphrase: string): Promise<ImportReport> {
  const { tables, summary } = await readBackup(file, passphrase)
  const report: ImportReport = { added: Object.fromEntries(EXCHANGE_TABLES.map((table) => [table, 0])) as Record<ExchangeTable, number>, unchanged: 0, conflicts: [] }
  await writeRecords([...EXCHANGE_TABLES], async (w) => {
    const db = database()
    for (const table of EXCHANGE_TABLES) {
      for (const row of tables[table]) {
        const here = await db.records(table).get(row.id)
        if (!here) {
          // The record itself, with its own stamps: it was made on the other tablet, not here. A
          // picture that came in a file exists elsewhere too: it counts as exported when the file was made.
          await db.records(table).add((table === 'attachments' ? { ...row, exportedAt: summary.createdAt } : row) as never)
          report.added[table]++
        } else if (sameRecord(here, row)) {
          report.unchanged++
        } else {
          report.conflicts.push({ table, id: row.id, newerIn: compareHlc(row.hlc, here.hlc) > 0 ? 'file' : 'here' })
        }
      }
    }
    await w.audit('inspections.import', 'inspections', null, null, report)
  })
  return report
}
