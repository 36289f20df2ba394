/**
 * The terminal's side of replication with the branch hub, over CouchDB's HTTP API (couch.ts).
 *
 * - Push: the outbox, oldest first, in batches through `_bulk_docs`, each record with the hub
 *   revision it replaces. Accepted: the record's revision is remembered and its outbox entries go.
 *   A conflict (the hub's version moved): the hub's version is taken in and merged by the table's
 *   rule (src/domain/sync/merge.ts) against the agreed base, and the merge is pushed next.
 * - Pull: `_changes` from the stored checkpoint, in batches, each batch stored with its checkpoint
 *   in one transaction (a batch is taken in whole or not at all, so a lost connection mid-way
 *   loses nothing and repeats nothing). Between rounds a long-poll waits for the hub's next change;
 *   the client ends it itself and renews it, and a local write cuts it short to push at once.
 * - Failures: an unreachable hub is "offline" (retried with jittered back-off; work goes on
 *   locally), a refusal (credentials, a missing database) is "refused" with the reason.
 *
 * - Two databases: a terminal given its region's database runs one replicator for each, every one
 *   with its own feed position; a record goes to the database its table belongs to
 *   (src/domain/sync/databases.ts), and what a database sends outside its tables is left alone.
 *
 * Demo records (`demo: 1`) never leave the terminal. Point totals are kept locally from the ledger
 * entries that arrive, never replicated. One replicator runs per tab (the sync store elects the tab).
 */
import Dexie from 'dexie'
import type { RecordOf, RecordTableName } from '@/domain/model/records'
import { mergeRecord } from '@/domain/sync/merge'
import { BRANCH_ONLY, carries, REGION_TABLES, type Placement } from '@/domain/sync/databases'
import { combinedStatus, type SyncPhase, type SyncStatus } from '@/domain/sync/status'
import { retryDelay, type RetrySchedule } from '@/domain/sync/backoff'
import { database } from '../connection'
import { getLocal, LOCAL_KEYS, setLocal } from '../local'
import { observe, type Subscription } from '../live'
import { keepTotalsFor, rebuildPointTotals } from '../repositories/counter/ledger'
import { publishOutletStandings } from '../repositories/counter/outletStandings'
import { recomputeCare } from '../repositories/wealth/care'
import { loadBranchSettings } from '../repositories/settings'
import { businessDate } from '@/domain/time'
import { now, onCommitted, writeRecords, type RecordWriter } from '../write'
import { CouchClient, HubError, type Change, type HubConnection, type HubErrorKind, type Seq } from './couch'
import { fromHubDoc, hubDocId, isRecordTable, toHubDoc, type HubDoc } from './documents'

export type { Placement, SyncPhase, SyncStatus }

/** A database to replicate with: where it is, and which records it carries. */
export interface HubFeed {
  placement: Placement
  connection: HubConnection
}

/** A record another terminal wrote, as now stored here. */
export interface Arrival {
  table: RecordTableName
  record: RecordOf<RecordTableName>
  isNew: boolean
}

type Taken = { arrivals: Arrival[]; refused: number }

export interface SyncHandlers {
  onStatus(status: SyncStatus): void
  onArrivals?(arrivals: readonly Arrival[]): void
}

export interface SyncOptions {
  batchSize?: number
  longPollMs?: number
  retry?: RetrySchedule
}

const DEFAULTS = { batchSize: 1_000, longPollMs: 25_000, retry: { baseMs: 1_000, maxMs: 60_000 } } satisfies Required<SyncOptions>
/** A refused terminal asks again now and then: an administrator may have fixed the hub meanwhile. */
const REFUSED_RETRY_MS = 60_000
/** Stops a push that keeps meeting conflicts (another terminal writing the same records non-stop). */
const MAX_PUSH_BATCHES = 10_000

const OFFLINE_KINDS: ReadonlySet<HubErrorKind> = new Set(['unreachable', 'server'])

/** Where each database's feed position and last round are kept on this terminal. */
function localKeysOf({ database }: Placement) {
  return database === 'region'
    ? { checkpoint: LOCAL_KEYS.regionCheckpoint, lastSyncedAt: LOCAL_KEYS.regionLastSyncedAt }
    : { checkpoint: LOCAL_KEYS.hubCheckpoint, lastSyncedAt: LOCAL_KEYS.hubLastSyncedAt }
}

async function regionalPending(): Promise<number> {
  const counts = await Promise.all(REGION_TABLES.map((table) => database().outbox.where('[table+recordId]').between([table, Dexie.minKey], [table, Dexie.maxKey]).count()))
  return counts.reduce((sum, n) => sum + n, 0)
}

/** Local changes waiting for the placement's database. */
async function pendingFor(placement: Placement): Promise<number> {
  if (placement.database === 'region') return regionalPending()
  const all = await database().outbox.count()
  return placement.withRegion ? all - (await regionalPending()) : all
}

type OutboxKey = { doc: string; table: RecordTableName; recordId: string; seq: number }

/** The outbox entries of one record, up to (and including) a sequence number. */
function entriesOf(key: OutboxKey) {
  return database()
    .outbox.where('[table+recordId]')
    .equals([key.table, key.recordId])
    .filter((entry) => (entry.seq ?? 0) <= key.seq)
}

/** The stored records of these keys, read in bulk per table, by hub document id. */
async function storedRecords(keys: readonly { table: RecordTableName; recordId: string }[]): Promise<Map<string, RecordOf<RecordTableName>>> {
  const found = new Map<string, RecordOf<RecordTableName>>()
  for (const table of new Set(keys.map((k) => k.table))) {
    const records = await database().records(table).bulkGet(keys.filter((k) => k.table === table).map((k) => k.recordId))
    for (const record of records) if (record) found.set(hubDocId(table, record.id), record)
  }
  return found
}

async function stillPending(table: RecordTableName, recordId: string): Promise<boolean> {
  return (await database().outbox.where('[table+recordId]').equals([table, recordId]).count()) > 0
}

/** Whether the record's latest local change has been accepted by the hub (the lobby TV waits for it). */
export async function isOnHub(table: RecordTableName, id: string): Promise<boolean> {
  return !!(await database().syncRevisions.get(hubDocId(table, id))) && !(await stillPending(table, id))
}

function isRecordDoc(doc: HubDoc | undefined): doc is HubDoc {
  // Design documents and the hub's counters (ticket numbers) are not records.
  return !!doc && !doc._deleted && !doc._id.startsWith('_') && typeof (doc as { table?: unknown }).table === 'string'
}

type Fresh = { table: RecordTableName; record: RecordOf<RecordTableName>; doc: HubDoc }

/** Stores records by table in bulk; ledger entries are left to the caller (they keep totals). */
async function storeByTable(records: readonly { table: RecordTableName; record: RecordOf<RecordTableName> }[]): Promise<void> {
  const byTable = new Map<RecordTableName, RecordOf<RecordTableName>[]>()
  for (const { table, record } of records) {
    const list = byTable.get(table)
    if (list) list.push(record)
    else byTable.set(table, [record])
  }
  for (const [table, list] of byTable) await database().table(table).bulkPut(list)
}

/**
 * Stores what the hub sent (one batch of the changes feed, or the hub's side of push conflicts) and,
 * when given, the checkpoint it reaches, in one transaction. A record with local changes still
 * waiting is merged with the hub's version by its table's rule; every value a merge overwrote goes
 * to the audit log. Returns the arrivals and how many documents were refused.
 *
 * `firstDownload`: a terminal taking in its branch with nothing waiting to be pushed has nothing to
 * compare or merge with, so it only stores (ledger totals are rebuilt once at the end).
 */
export async function takeIn(docs: readonly HubDoc[], checkpoint?: Seq, { firstDownload = false, placement = BRANCH_ONLY }: { firstDownload?: boolean; placement?: Placement } = {}): Promise<Taken> {
  // A record the other database carries is not this feed's to store (a branch database from before the region).
  const recordDocs = docs.filter(isRecordDoc).filter((doc) => !isRecordTable(doc.table) || carries(placement, doc.table))
  const tables = [...new Set(recordDocs.map((doc) => doc.table))].filter(isRecordTable)
  const arrivals: Arrival[] = []
  let refused = 0
  await writeRecords([...tables, 'pointEntries', 'pointTotals'], async (w) => {
    const db = database()
    // Read in bulk: a terminal away for long takes in tens of thousands of documents.
    const known = firstDownload ? [] : await db.syncRevisions.bulkGet(recordDocs.map((doc) => doc._id))
    const fresh: Fresh[] = []
    let latestStamp = ''
    recordDocs.forEach((doc, i) => {
      if (known[i]?.rev === doc._rev) return // our own push, echoed back
      const arrived = fromHubDoc(doc)
      if (!arrived.ok) {
        refused++
        return
      }
      fresh.push({ ...arrived, doc })
      if (arrived.record.hlc > latestStamp) latestStamp = arrived.record.hlc
    })
    if (latestStamp) w.receive(latestStamp)
    if (firstDownload) await storeByTable(fresh)
    else arrivals.push(...(await mergeArrivals(w, fresh)))
    await db.syncRevisions.bulkPut(fresh.map(({ doc }) => ({ doc: doc._id, rev: doc._rev ?? '' })))
    if (checkpoint !== undefined) await setLocal(localKeysOf(placement).checkpoint, checkpoint)
  })
  return { arrivals, refused }
}

/** Stores arrivals over what this terminal holds, merging records whose local changes still wait. */
async function mergeArrivals(w: RecordWriter, fresh: readonly Fresh[]): Promise<Arrival[]> {
  const db = database()
  const pending = (await db.outbox.count()) === 0 ? new Set<string>() : new Set((await db.outbox.where('[table+recordId]').anyOf(fresh.map((f) => [f.table, f.record.id])).toArray()).map((e) => hubDocId(e.table, e.recordId)))
  const locals = await storedRecords(fresh.map((f) => ({ table: f.table, recordId: f.record.id })))
  const arrivals: Arrival[] = []
  for (const { table, record, doc } of fresh) {
    const local = locals.get(doc._id)
    let kept = record
    if (local && pending.has(doc._id)) {
      const base = ((await db.syncBases.get(doc._id))?.record ?? null) as typeof record | null
      const { merged, overwritten } = mergeRecord(table, base, local, record)
      kept = merged
      for (const { field, lost, kept: value, lostStamp } of overwritten) {
        await w.audit('sync.merge_overwrote', table, record.id, { field, value: lost, stamp: lostStamp }, { field, value })
      }
      // The hub's version is what this terminal's waiting changes now build on.
      await db.syncBases.put({ doc: doc._id, record: { ...record } })
    }
    arrivals.push({ table, record: kept, isNew: !local })
  }
  await storeByTable(arrivals.filter((a) => a.table !== 'pointEntries'))
  // Ledger entries one by one, in the order of the feed: each counts against the sale's entries before it.
  for (const { table, record, isNew } of arrivals) {
    if (table !== 'pointEntries') continue
    await db.records('pointEntries').put(record as RecordOf<'pointEntries'>)
    if (isNew) await keepTotalsFor(record as RecordOf<'pointEntries'>)
  }
  if ((await db.syncBases.count()) > 0) await db.syncBases.bulkDelete(fresh.filter((f) => !pending.has(f.doc._id)).map((f) => f.doc._id))
  return arrivals
}

async function checkpointOf(placement: Placement): Promise<Seq> {
  return (await getLocal<Seq>(localKeysOf(placement).checkpoint)) ?? 0
}


function docsOf(results: readonly Change<HubDoc>[]): HubDoc[] {
  return results.map((change) => change.doc).filter((doc): doc is HubDoc => !!doc)
}

/** The long-poll's one batch of the changes feed from the checkpoint, taken in; how many changes it held. */
async function pullWaiting(client: CouchClient, placement: Placement, options: { limit: number; longPollMs: number; signal: AbortSignal }, onTaken: (taken: Taken) => Promise<void>): Promise<number> {
  const batch = await client.changes<HubDoc>({ since: await checkpointOf(placement), limit: options.limit, feed: 'longpoll', timeoutMs: options.longPollMs, signal: options.signal })
  if (batch.results.length > 0) await onTaken(await takeIn(docsOf(batch.results), batch.last_seq, { placement }))
  return batch.results.length
}

/**
 * The changes feed from the checkpoint to its end, batch by batch, each taken in with its
 * checkpoint; the next batch is already on its way while one is being stored.
 */
async function pullAll(client: CouchClient, placement: Placement, limit: number, onTaken: (taken: Taken, changes: number) => unknown, { firstDownload = false } = {}): Promise<void> {
  let next = client.changes<HubDoc>({ since: await checkpointOf(placement), limit })
  for (;;) {
    const batch = await next
    if (batch.results.length === 0) return
    const more = batch.results.length >= limit
    if (more) {
      next = client.changes<HubDoc>({ since: batch.last_seq, limit })
      // Should storing this batch fail, the fetch ahead is dropped, not left unhandled.
      next.catch(() => undefined)
    }
    await onTaken(await takeIn(docsOf(batch.results), batch.last_seq, { firstDownload, placement }), batch.results.length)
    if (!more) return
  }
}

/**
 * Onboarding: takes in each database whole once (the branch's, then the region's), in batches,
 * reporting progress over all of them. Resumes from the checkpoints when an earlier try stopped
 * part way. Throws HubError.
 */
export async function downloadHub(feeds: readonly HubFeed[], onProgress: (progress: { received: number; total: number | null }) => void, { batchSize = 2_000 }: { batchSize?: number } = {}): Promise<void> {
  const firstDownload = (await database().outbox.count()) === 0
  const clients = feeds.map((feed) => ({ client: new CouchClient(feed.connection), placement: feed.placement }))
  const total = (await Promise.all(clients.map(({ client }) => client.databaseInfo()))).reduce((sum, info) => sum + info.docCount, 0)
  let received = 0
  onProgress({ received, total })
  for (const { client, placement } of clients) {
    await pullAll(client, placement, batchSize, (_taken, changes) => {
      received += changes
      onProgress({ received: Math.min(received, total), total })
    }, { firstDownload })
  }
  // Totals were kept entry by entry; one rebuild makes sure the order of arrival did not matter.
  await writeRecords(['pointEntries', 'pointTotals'], () => rebuildPointTotals())
}

/**
 * A client's care dates are kept for speed from its contacts and holdings: when either arrives (two
 * terminals may each have logged a contact), they are recomputed here from what this terminal now holds.
 */
async function recomputeCareOf(arrivals: readonly Arrival[]): Promise<void> {
  const clientIds = arrivals.filter((a) => a.table === 'contacts' || a.table === 'holdings').map((a) => (a.record as RecordOf<'contacts'>).clientId)
  if (clientIds.length === 0) return
  const { timeZone } = await loadBranchSettings()
  await recomputeCare(clientIds, businessDate(now(), timeZone))
}

/**
 * A branch terminal brings its outlet's quarter standings up to date before each round with the
 * region, so the region's rankings span every outlet (an inspector's tablet has no outlet; the demo
 * branch's standings are demo records, which never leave the terminal).
 */
async function publishOwnStandings(): Promise<void> {
  const branchId = await getLocal<string>(LOCAL_KEYS.branchId)
  if (!branchId) return
  const { timeZone } = await loadBranchSettings()
  await publishOutletStandings(branchId, businessDate(now(), timeZone))
}

class Replicator {
  private readonly client: CouchClient
  private readonly options: Required<SyncOptions>
  private stopped = false
  /** Rounds and long-polls run one at a time, in order. */
  private tail: Promise<unknown> = Promise.resolve()
  /** Aborted to cut a long-poll short (a local write, syncNow, stop). */
  private interrupt = new AbortController()
  /** Aborted to end a back-off wait early (syncNow, the browser coming online, stop). */
  private retryNow = new AbortController()
  private subscriptions: (Subscription | (() => void))[] = []
  private loop: Promise<void> | null = null
  status: SyncStatus = { phase: 'connecting', pending: 0, offlineSince: null, problem: null, problemDatabase: null, lastSyncedAt: null, download: null, refusedDocs: 0, refusedChanges: 0 }

  constructor(
    connection: HubConnection,
    private readonly placement: Placement,
    private readonly handlers: SyncHandlers,
    options: SyncOptions,
  ) {
    this.client = new CouchClient(connection)
    this.options = { ...DEFAULTS, ...options }
  }

  get database(): Placement['database'] {
    return this.placement.database
  }

  start(): void {
    this.subscriptions.push(
      // Counts changes of every tab of this device; a new one ends the long-poll so it is pushed now.
      observe(
        () => pendingFor(this.placement),
        (pending) => {
          const more = pending > this.status.pending
          this.update({ pending })
          if (more) this.interrupt.abort()
        },
        () => undefined,
      ),
      onCommitted(() => this.interrupt.abort()),
    )
    const online = () => this.retryNow.abort()
    globalThis.addEventListener?.('online', online)
    this.subscriptions.push(() => globalThis.removeEventListener?.('online', online))
    // The last round's time survives a reload: the panel says when this terminal was last current.
    this.loop = getLocal<number>(localKeysOf(this.placement).lastSyncedAt).then((lastSyncedAt) => {
      if (lastSyncedAt && this.status.lastSyncedAt === null) this.update({ lastSyncedAt })
      return this.run()
    })
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.interrupt.abort()
    this.retryNow.abort()
    for (const s of this.subscriptions) (typeof s === 'function' ? s : () => s.unsubscribe())()
    await this.loop
  }

  /** One push and pull round now; failures show in the status. */
  async syncNow(): Promise<void> {
    this.interrupt.abort()
    this.retryNow.abort()
    await this.exclusive(() => this.round()).catch((err: unknown) => this.failed(err))
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work)
    this.tail = next.catch(() => undefined)
    return next
  }

  private update(change: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...change }
    this.handlers.onStatus(this.status)
  }

  private async run(): Promise<void> {
    let failures = 0
    while (!this.stopped) {
      try {
        // Made before the round: a write during the round ends the long-poll that follows at once.
        this.interrupt = new AbortController()
        const { signal } = this.interrupt
        await this.exclusive(() => this.round())
        failures = 0
        await this.exclusive(() => this.waitForHub(signal))
      } catch (err) {
        if (this.stopped) break
        const refused = this.failed(err)
        this.retryNow = new AbortController()
        await sleep(refused ? REFUSED_RETRY_MS : retryDelay(Math.min(failures++, 16), this.options.retry, Math.random), this.retryNow.signal)
      }
    }
  }

  /** Records a failure in the status; true when the hub refused (rather than could not be reached). */
  private failed(err: unknown): boolean {
    if (!(err instanceof HubError)) {
      this.update({ phase: 'offline', offlineSince: this.status.offlineSince ?? now(), problem: null })
      console.error('Synchronisation failed', err)
      return false
    }
    if (OFFLINE_KINDS.has(err.kind)) {
      this.update({ phase: 'offline', offlineSince: this.status.offlineSince ?? now(), problem: null })
      return false
    }
    this.update({ phase: 'refused', problem: err.kind })
    return true
  }

  async round(): Promise<void> {
    if (this.stopped) return
    if (this.status.pending > 0 || this.status.phase !== 'current') this.update({ phase: 'syncing' })
    if (this.placement.database === 'region') await publishOwnStandings()
    await this.push()
    await pullAll(this.client, this.placement, this.options.batchSize, (taken) => this.taken(taken))
    const lastSyncedAt = now()
    await setLocal(localKeysOf(this.placement).lastSyncedAt, lastSyncedAt)
    this.update({ phase: 'current', offlineSince: null, problem: null, lastSyncedAt })
  }

  /** The long-poll between rounds: takes in what the hub sends, or returns when cut short or timed out. */
  private async waitForHub(signal: AbortSignal): Promise<void> {
    if (this.stopped || signal.aborted) return
    try {
      await pullWaiting(this.client, this.placement, { limit: this.options.batchSize, longPollMs: this.options.longPollMs, signal }, (taken) => this.taken(taken))
    } catch (err) {
      if (signal.aborted) return
      throw err
    }
  }

  private async taken({ arrivals, refused }: Taken): Promise<void> {
    if (refused) this.update({ refusedDocs: this.status.refusedDocs + refused })
    if (arrivals.length === 0) return
    await recomputeCareOf(arrivals)
    this.handlers.onArrivals?.(arrivals)
  }

  /** Pushes the outbox until it is empty. */
  private async push(): Promise<void> {
    const db = database()
    for (let batch = 0; batch < MAX_PUSH_BATCHES && !this.stopped; batch++) {
      const entries = await db.outbox
        .orderBy('seq')
        .filter((entry) => carries(this.placement, entry.table))
        .limit(this.options.batchSize)
        .toArray()
      if (entries.length === 0) return
      const latest = new Map<string, OutboxKey>()
      for (const e of entries) latest.set(hubDocId(e.table, e.recordId), { doc: hubDocId(e.table, e.recordId), table: e.table, recordId: e.recordId, seq: e.seq ?? 0 })
      const sending: { key: OutboxKey; doc: HubDoc; record: RecordOf<RecordTableName> }[] = []
      const dropping: OutboxKey[] = []
      const keys = [...latest.values()]
      const [records, revisions] = await Promise.all([storedRecords(keys), db.syncRevisions.bulkGet(keys.map((k) => k.doc))])
      for (const [i, key] of keys.entries()) {
        const record = records.get(key.doc)
        // Gone (a wiped demo) or demo data (every demo terminal has its own): never for the hub.
        if (!record || (record as { demo?: number }).demo === 1) dropping.push(key)
        else sending.push({ key, record, doc: await toHubDoc(key.table, record, revisions[i]?.rev) })
      }
      const results = sending.length ? await this.client.bulkDocs(sending.map((s) => s.doc)) : []
      const outcome = new Map(results.map((r) => [r.id, r]))
      const conflicts: OutboxKey[] = []
      const refused: OutboxKey[] = []
      await writeRecords(['syncRevisions', 'syncBases'], async (w) => {
        for (const key of dropping) await entriesOf(key).delete()
        for (const { key, record } of sending) {
          const result = outcome.get(key.doc)
          if (!result) continue
          if (result.ok) {
            await db.syncRevisions.put({ doc: key.doc, rev: result.rev })
            await entriesOf(key).delete()
            // Changed again while on the way: what was pushed is the base of the next merge.
            if (await stillPending(key.table, key.recordId)) await db.syncBases.put({ doc: key.doc, record: { ...record } })
            else await db.syncBases.delete(key.doc)
          } else if (result.error === 'conflict') {
            conflicts.push(key)
          } else {
            // The hub will not take it (its validation refused it): the refused change is on record,
            // and the hub's version, where it has one, takes its place here.
            refused.push(key)
            await entriesOf(key).delete()
            // Forgetting the revision makes the hub's version (of that same revision) count as news, to be stored.
            await db.syncRevisions.delete(key.doc)
            await w.audit('sync.push_refused', key.table, key.recordId, withoutPicture(record), { error: result.error, reason: result.reason })
          }
        }
      })
      if (refused.length) this.update({ refusedChanges: this.status.refusedChanges + refused.length })
      if (conflicts.length + refused.length) await this.takeInHubVersions([...conflicts, ...refused])
    }
  }

  /** The hub's current versions of records whose push met a conflict (merged in; the merges go next push) or was refused (taken back). */
  private async takeInHubVersions(keys: readonly OutboxKey[]): Promise<void> {
    const rows = await this.client.allDocs<HubDoc>({ keys: keys.map((k) => k.doc), includeDocs: true, attachments: true })
    const docs = rows.flatMap((row) => ('doc' in row && row.doc ? [row.doc] : []))
    await this.taken(await takeIn(docs, undefined, { placement: this.placement }))
  }
}

/** A record as the audit log keeps it: an attachment's picture stays out (the log replicates as JSON). */
function withoutPicture(record: RecordOf<RecordTableName>): Record<string, unknown> {
  const { blob: _picture, ...fields } = record as Record<string, unknown>
  return fields
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(resolve, ms)
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        resolve()
      },
      { once: true },
    )
  })
}

let running: Replicator[] = []

/**
 * One push and pull round with one database, without the background loop (the bench, and tests that
 * play several terminals in one process): throws the HubError that stopped it.
 */
export async function syncOnce(connection: HubConnection, options: SyncOptions = {}, handlers: Partial<SyncHandlers> = {}, placement: Placement = BRANCH_ONLY): Promise<SyncStatus> {
  const replicator = new Replicator(connection, placement, { onStatus: () => undefined, ...handlers }, options)
  await replicator.round()
  return replicator.status
}

/** Starts synchronising with the hub's databases, one replicator each (stopping any earlier ones of this tab first). */
export async function startSync(feeds: readonly HubFeed[], handlers: SyncHandlers, options: SyncOptions = {}): Promise<void> {
  await stopSync()
  const replicators: Replicator[] = []
  const report = () => handlers.onStatus(combinedStatus(replicators.map((r) => ({ database: r.database, status: r.status })))!)
  for (const feed of feeds) replicators.push(new Replicator(feed.connection, feed.placement, { ...handlers, onStatus: report }, options))
  running = replicators
  for (const replicator of replicators) replicator.start()
}

export async function stopSync(): Promise<void> {
  const stopping = running
  running = []
  await Promise.all(stopping.map((r) => r.stop()))
}

export function syncRunning(): boolean {
  return running.length > 0
}

/** The running replicators' status, as one; null when this tab does not synchronise. */
export function currentSyncStatus(): SyncStatus | null {
  return combinedStatus(running.map((r) => ({ database: r.database, status: r.status })))
}

/** One push and pull round now with every database (at once when nothing runs); never throws. */
export async function syncNow(): Promise<void> {
  await Promise.all(running.map((r) => r.syncNow()))
}
