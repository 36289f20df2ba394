/**
 * Removes the demo branch: every record marked `demo: 1` (deleted outright, not soft-deleted, since
 * demo data must never replicate), their outbox entries and the drafts of demo staff, in one
 * transaction. When this terminal was the demo branch it returns to first run.
 */
import type { RecordTableName } from '@/domain/model/records'
import { database } from '../connection'
import { asWriteError } from '../errors'
import { LOCAL_KEYS } from '../local'
import { ALL_RECORD_TABLES } from '../write'
import { rebuildPointTotals } from '../repositories/counter/ledger'

export interface DemoWipeResult {
  /** Records removed per table (tables with none are left out). */
  records: Partial<Record<RecordTableName, number>>
  outbox: number
  drafts: number
  /** Whether the terminal was the demo branch and is back at first run. */
  terminalReset: boolean
}

export async function wipeDemoData(): Promise<DemoWipeResult> {
  const db = database()
  try {
    return await db.transaction('rw', [...ALL_RECORD_TABLES, 'outbox', 'local', 'drafts', 'pointTotals'], removeDemoRecords)
  } catch (err) {
    throw asWriteError(err)
  }
}

async function removeDemoRecords(): Promise<DemoWipeResult> {
  const db = database()
  const result: DemoWipeResult = { records: {}, outbox: 0, drafts: 0, terminalReset: false }
  const removedIds = new Set<string>()
  for (const table of ALL_RECORD_TABLES) {
    const ids = await db.records(table).filter((record) => record.demo === 1).primaryKeys()
    if (ids.length === 0) continue
    await db.records(table).bulkDelete(ids)
    for (const id of ids) removedIds.add(id)
    result.records[table] = ids.length
  }

  // The demo's points leave the kept totals with its ledger.
  if (result.records.pointEntries) await rebuildPointTotals()

  const outboxSeqs = await db.outbox.filter((entry) => removedIds.has(entry.recordId)).primaryKeys()
  await db.outbox.bulkDelete(outboxSeqs)
  result.outbox = outboxSeqs.length

  const draftIds = await db.drafts.filter((draft) => removedIds.has(draft.staffId)).primaryKeys()
  await db.drafts.bulkDelete(draftIds)
  result.drafts = draftIds.length

  const branchId = (await db.local.get(LOCAL_KEYS.branchId))?.value
  if (typeof branchId === 'string' && removedIds.has(branchId)) {
    await db.local.bulkDelete([LOCAL_KEYS.branchId, LOCAL_KEYS.terminalKind, LOCAL_KEYS.region])
    result.terminalReset = true
  }
  return result
}
