/**
 * Which hub database a record lives in (issue 9). A region's inspections and what its rankings need
 * meet in one regional database that every inspector's tablet and every branch terminal
 * synchronise with; everything else stays in the branch's own database. A terminal given no
 * regional database keeps everything in its branch database, as before the region existed.
 *
 * An inspection file between tablets that never see a hub carries the same tables, but for the
 * outlets' points standings (src/db/backup/exchange.ts).
 */
import type { RecordTableName } from '../model/records'

export type HubDatabaseKind = 'branch' | 'region'

/** The tables of the regional database: the region's outlets, its inspections and their photos, each outlet's published points standings. */
export const REGION_TABLES = [
  'branches',
  'inspectionPlans',
  'periodVetoes',
  'inspectionAwards',
  'inspectionTemplates',
  'inspections',
  'correctiveActions',
  'attachments',
  'outletStandings',
] as const satisfies readonly RecordTableName[]

const REGIONAL: ReadonlySet<RecordTableName> = new Set(REGION_TABLES)

/** Where a replicator's records go: its database, and whether the terminal also syncs with a region. */
export interface Placement {
  database: HubDatabaseKind
  withRegion: boolean
}

/** A terminal with a branch database only: everything travels through it. */
export const BRANCH_ONLY: Placement = { database: 'branch', withRegion: false }

/** Whether a table's records travel through the placement's database. */
export function carries({ database, withRegion }: Placement, table: RecordTableName): boolean {
  if (database === 'region') return REGIONAL.has(table)
  return !withRegion || !REGIONAL.has(table)
}

/** A record's document id in its hub database: each database holds several tables. */
export function hubDocId(table: RecordTableName, id: string): string {
  return `${table}:${id}`
}
