/**
 * Where this terminal synchronises: the hub's address, the branch's database and, when the region
 * shares inspections and rankings, the region's database, with this terminal's own credentials.
 * Kept only on this terminal (never replicated, never in a backup); without them the terminal
 * works alone, exactly as before synchronisation existed.
 */
import { hubDocId, REGION_TABLES } from '@/domain/sync/databases'
import { getLocal, LOCAL_KEYS, setLocal } from '../local'
import { database } from '../connection'
import { now } from '../write'
import type { HubConnection } from './couch'
import type { HubFeed } from './replicator'

export interface HubSettings {
  /** e.g. `https://hub.bj001.example:6984`, or `http://127.0.0.1:5984` on the terminal itself. */
  url: string
  /** The branch's database; empty on an inspector's tablet, which has no branch. */
  database: string
  /** The region's database; empty when the branch database carries everything. */
  regionDatabase: string
  username: string
  password: string
}

export async function readHubSettings(): Promise<HubSettings | null> {
  const stored = await getLocal<HubSettings>(LOCAL_KEYS.hub)
  // Settings saved before the region existed have no regional database.
  return stored ? { ...stored, regionDatabase: stored.regionDatabase ?? '' } : null
}

/** The region's records this terminal holds go (again) to wherever they now belong: their next push takes them there. */
async function sendRegionRecordsAnew(): Promise<void> {
  const db = database()
  const at = now()
  for (const table of REGION_TABLES) {
    const records = (await db.records(table).toArray()).filter((r) => (r as { demo?: number }).demo !== 1)
    if (records.length === 0) continue
    const docs = records.map((r) => hubDocId(table, r.id))
    await db.syncRevisions.bulkDelete(docs)
    await db.syncBases.bulkDelete(docs)
    await db.outbox.bulkAdd(records.map((r) => ({ table, recordId: r.id, op: 'put' as const, hlc: r.hlc, at })))
  }
}

/**
 * Points the terminal at a hub (null: at none). A different hub or database starts its feed afresh;
 * when the region's records change database (a region added, changed or given up), this terminal's
 * copies of them are sent to where they now live, so that the region's data meets there.
 */
export async function saveHubSettings(settings: HubSettings | null): Promise<void> {
  const before = await readHubSettings()
  const db = database()
  await db.transaction('rw', [db.local, db.outbox, db.syncRevisions, db.syncBases, ...REGION_TABLES.map((t) => db.table(t))], async () => {
    if (settings) await setLocal(LOCAL_KEYS.hub, settings)
    else await db.local.delete(LOCAL_KEYS.hub)
    const sameHub = !!settings && before?.url === settings.url
    if (!sameHub || before.database !== settings.database) await db.local.bulkDelete([LOCAL_KEYS.hubCheckpoint, LOCAL_KEYS.hubLastSyncedAt])
    if (!sameHub || before.regionDatabase !== settings.regionDatabase) {
      await db.local.bulkDelete([LOCAL_KEYS.regionCheckpoint, LOCAL_KEYS.regionLastSyncedAt])
      if (settings && (before?.regionDatabase || settings.regionDatabase)) await sendRegionRecordsAnew()
    }
  })
}

/** The connection to one database of these settings; without a user name it sends no credentials (a hub without users). */
export function hubConnectionOf(settings: HubSettings, requestTimeoutMs?: number, databaseName = settings.database): HubConnection {
  const connection: HubConnection = { url: settings.url, database: databaseName }
  if (settings.username) connection.credentials = { username: settings.username, password: settings.password }
  if (requestTimeoutMs !== undefined) connection.requestTimeoutMs = requestTimeoutMs
  return connection
}

/** The databases these settings name, each with the records it carries. */
export function hubFeedsOf(settings: HubSettings): HubFeed[] {
  const withRegion = settings.regionDatabase !== ''
  const feeds: HubFeed[] = []
  if (settings.database) feeds.push({ placement: { database: 'branch', withRegion }, connection: hubConnectionOf(settings) })
  if (withRegion) feeds.push({ placement: { database: 'region', withRegion }, connection: hubConnectionOf(settings, undefined, settings.regionDatabase) })
  return feeds
}
