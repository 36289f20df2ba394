/** What the demo branch put on this terminal: shown before it is wiped (src/db/demo/wipe.ts). */
import type { RecordTableName } from '@/domain/model/records'
import { database } from '../connection'
import { ALL_RECORD_TABLES } from '../write'

/** Records marked `demo: 1`, per table; tables with none are left out, as the wipe reports them. */
export async function countDemoRecords(): Promise<Partial<Record<RecordTableName, number>>> {
  const db = database()
  return db.transaction('r', ALL_RECORD_TABLES, async () => {
    const counts: Partial<Record<RecordTableName, number>> = {}
    for (const table of ALL_RECORD_TABLES) {
      const n = await db.records(table).filter((record) => record.demo === 1).count()
      if (n > 0) counts[table] = n
    }
    return counts
  })
}
