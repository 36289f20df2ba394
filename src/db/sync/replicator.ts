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
 * Demo records (`demo: 1`) never leave the terminal. Point totals are kept locally from the ledger
 * entries that arrive, never replicated. One replicator runs per tab (the sync store elects the tab).
 */
import { RECORD_TABLES, type RecordOf, type RecordTableName } from '@/domain/model/records'
import { mergeRecord } from '@/domain/sync/merge'
import { retryDelay, type RetrySchedule } from '@/domain/sync/backoff'
import { database } from '../connection'
import { getLocal, LOCAL_KEYS, setLocal } from '../local'
import { observe, type Subscription } from '../live'
import { keepTotalsFor, rebuildPointTotals } from '../repositories/counter/ledger'
import { now, onCommitted, writeRecords } from '../write'
import { CouchClient, HubError, type Change, type HubConnection, type HubErrorKind, type Seq } from './couch'
import { fromHubDoc, hubDocId, toHubDoc, type HubDoc } from './documents'

export type SyncPhase = 'connecting' | 'current' | 'syncing' | 'offline' | 'refused'

export interface SyncStatus {
  phase: SyncPhase
  /** Local changes not yet on the hub. */
  pending: number
  /** While offline: since when (ms). */
  offlineSince: number | null
  /** While refused: why. */
  problem: HubErrorKind | null
  lastSyncedAt: number | null
  /** While taking in a first download: how far. */
  download: { received: number; total: number | null } | null
  /** Documents from the hub this terminal could not take (another version, damaged), since it started. */
  refusedDocs: number
}

/** A record another terminal wrote, as now stored here. */
export interface Arrival {
  table: RecordTableName
  record: RecordOf<RecordTableName>
  isNew: boolean
}

export interface SyncHandlers {
  onStatus(status: SyncStatus): void
  onArrivals?(arrivals: readonly Arrival[]): void
}

export interface SyncOptions {
  batchSize?: number
  longPollMs?: number
  retry?: RetrySchedule
}

const DEFAULTS = { batchSize: 500, longPollMs: 25_000, retry: { baseMs: 1_000, maxMs: 60_000 } } satisfies Required<SyncOptions>
/** A refused terminal asks again now and then: an administrator may have fixed the hub meanwhile. */
const REFUSED_RETRY_MS = 60_000
/** Stops a push that keeps meeting conflicts (another terminal writing the same records non-stop). */
const MAX_PUSH_BATCHES = 10_000

const OFFLINE_KINDS: ReadonlySet<HubErrorKind> = new Set(['unreachable', 'server'])

type OutboxKey = { doc: string; table: RecordTableName; recordId: string; seq: number }

/** The outbox entries of one record, up to (and including) a sequence number. */
function entriesOf(key: OutboxKey) {
  return database()
    .outbox.where('[table+recordId]')
    .equals([key.table, key.recordId])
    .filter((entry) => (entry.seq ?? 0) <= key.seq)
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

/**
 * Stores what the hub sent (one batch of the changes feed, or the hub's side of push conflicts) and,
 * when given, the checkpoint it reaches, in one transaction. A record with local changes still
 * waiting is merged with the hub's version by its table's rule; every value a merge overwrote goes
 * to the audit log. Returns the arrivals and how many documents were refused.
 */
export async function takeIn(docs: readonly HubDoc[], checkpoint?: Seq): Promise<{ arrivals: Arrival[]; refused: number }> {
  const recordDocs = docs.filter(isRecordDoc)
  const tables = [...new Set(recordDocs.map((doc) => doc.table))].filter((t) => (RECORD_TABLES as readonly string[]).includes(t))
  const arrivals: Arrival[] = []
  let refused = 0
  await writeRecords([...tables, 'pointEntries', 'pointTotals'], async (w) => {
    const db = database()
    for (const doc of recordDocs) {
      if ((await db.syncRevisions.get(doc._id))?.rev === doc._rev) continue // our own push, echoed back
      const arrived = fromHubDoc(doc)
      if (!arrived.ok) {
        refused++
        continue
      }
      const { table, record } = arrived
      w.receive(record.hlc)
      const local = await db.records(table).get(record.id)
      let stored = record
      if (local && (await stillPending(table, record.id))) {
        const base = ((await db.syncBases.get(doc._id))?.record ?? null) as typeof record | null
        const { merged, overwritten } = mergeRecord(table, base, local, record)
        stored = merged
        for (const { field, lost, kept, lostStamp } of overwritten) {
          await w.audit('sync.merge_overwrote', table, record.id, { field, value: lost, stamp: lostStamp }, { field, value: kept })
        }
        // The hub's version is what this terminal's waiting changes now build on.
        await db.syncBases.put({ doc: doc._id, record: { ...record } })
      } else {
        await db.syncBases.delete(doc._id)
      }
      await db.records(table).put(stored)
      await db.syncRevisions.put({ doc: doc._id, rev: doc._rev ?? '' })
      if (table === 'pointEntries' && !local) await keepTotalsFor(stored as RecordOf<'pointEntries'>)
      arrivals.push({ table, record: stored, isNew: !local })
    }
    if (checkpoint !== undefined) await setLocal(LOCAL_KEYS.hubCheckpoint, checkpoint)
  })
  return { arrivals, refused }
}

async function checkpointOf(): Promise<Seq> {
  return (await getLocal<Seq>(LOCAL_KEYS.hubCheckpoint)) ?? 0
}

/** One batch of the changes feed from the checkpoint, taken in; how many changes it held. */
async function pullBatch(client: CouchClient, options: { limit: number; longPollMs?: number; signal?: AbortSignal }, onTaken: (taken: { arrivals: Arrival[]; refused: number }) => void): Promise<number> {
  const since = await checkpointOf()
  const feed = options.longPollMs === undefined ? 'normal' : 'longpoll'
  const batch = await client.changes<HubDoc>({ since, limit: options.limit, feed, timeoutMs: options.longPollMs, signal: options.signal })
  if (batch.results.length === 0) return 0
  const docs = batch.results.map((change: Change<HubDoc>) => change.doc).filter((doc): doc is HubDoc => !!doc)
  onTaken(await takeIn(docs, batch.last_seq))
  return batch.results.length
}

/**
 * Onboarding: takes in the whole branch database once, in batches, reporting progress. Resumes
 * from the checkpoint when an earlier try stopped part way. Throws HubError.
 */
export async function downloadBranch(connection: HubConnection, onProgress: (progress: { received: number; total: number | null }) => void, { batchSize = 1_000 }: { batchSize?: number } = {}): Promise<void> {
  const client = new CouchClient(connection)
  const { docCount } = await client.databaseInfo()
  let received = 0
  onProgress({ received, total: docCount })
  for (;;) {
    const taken = await pullBatch(client, { limit: batchSize }, () => undefined)
    if (taken === 0) break
    received += taken
    onProgress({ received: Math.min(received, docCount), total: docCount })
    if (taken < batchSize) break
  }
  // Totals were kept entry by entry; one rebuild makes sure the order of arrival did not matter.
  await writeRecords(['pointEntries', 'pointTotals'], () => rebuildPointTotals())
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
  status: SyncStatus = { phase: 'connecting', pending: 0, offlineSince: null, problem: null, lastSyncedAt: null, download: null, refusedDocs: 0 }

  constructor(
    connection: HubConnection,
    private readonly handlers: SyncHandlers,
    options: SyncOptions,
  ) {
    this.client = new CouchClient(connection)
    this.options = { ...DEFAULTS, ...options }
  }

  start(): void {
    this.subscriptions.push(
      // Counts changes of every tab of this device; a new one ends the long-poll so it is pushed now.
      observe(
        () => database().outbox.count(),
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
    this.loop = this.run()
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
    await this.push()
    while ((await pullBatch(this.client, { limit: this.options.batchSize }, (taken) => this.taken(taken))) === this.options.batchSize) {
      if (this.stopped) return
    }
    this.update({ phase: 'current', offlineSince: null, problem: null, lastSyncedAt: now() })
  }

  /** The long-poll between rounds: takes in what the hub sends, or returns when cut short or timed out. */
  private async waitForHub(signal: AbortSignal): Promise<void> {
    if (this.stopped || signal.aborted) return
    try {
      await pullBatch(this.client, { limit: this.options.batchSize, longPollMs: this.options.longPollMs, signal }, (taken) => this.taken(taken))
    } catch (err) {
      if (signal.aborted) return
      throw err
    }
  }

  private taken({ arrivals, refused }: { arrivals: Arrival[]; refused: number }): void {
    if (refused) this.update({ refusedDocs: this.status.refusedDocs + refused })
    if (arrivals.length) this.handlers.onArrivals?.(arrivals)
  }

  /** Pushes the outbox until it is empty. */
  private async push(): Promise<void> {
    const db = database()
    for (let batch = 0; batch < MAX_PUSH_BATCHES && !this.stopped; batch++) {
      const entries = await db.outbox.orderBy('seq').limit(this.options.batchSize).toArray()
      if (entries.length === 0) return
      const latest = new Map<string, OutboxKey>()
      for (const e of entries) latest.set(hubDocId(e.table, e.recordId), { doc: hubDocId(e.table, e.recordId), table: e.table, recordId: e.recordId, seq: e.seq ?? 0 })
      const sending: { key: OutboxKey; doc: HubDoc; record: RecordOf<RecordTableName> }[] = []
      const dropping: OutboxKey[] = []
      for (const key of latest.values()) {
        const record = await db.records(key.table).get(key.recordId)
        // Gone (a wiped demo) or demo data: never for the hub.
        if (!record || (record as { demo?: number }).demo === 1) dropping.push(key)
        else sending.push({ key, record, doc: await toHubDoc(key.table, record, (await db.syncRevisions.get(key.doc))?.rev) })
      }
      const results = sending.length ? await this.client.bulkDocs(sending.map((s) => s.doc)) : []
      const outcome = new Map(results.map((r) => [r.id, r]))
      const conflicts: OutboxKey[] = []
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
            // The hub will not take it (a validation refused it): it stays here, and the refusal is on record.
            await entriesOf(key).delete()
            await w.audit('sync.push_refused', key.table, key.recordId, null, { error: result.error, reason: result.reason })
          }
        }
      })
      if (conflicts.length) await this.takeInHubVersions(conflicts)
    }
  }

  /** The hub's current versions of records whose push met a conflict, merged in; the merges go next push. */
  private async takeInHubVersions(keys: readonly OutboxKey[]): Promise<void> {
    const rows = await this.client.allDocs<HubDoc>({ keys: keys.map((k) => k.doc), includeDocs: true, attachments: true })
    const docs = rows.flatMap((row) => ('doc' in row && row.doc ? [row.doc] : []))
    this.taken(await takeIn(docs))
  }
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

let running: Replicator | null = null

/**
 * One push and pull round with the hub, without the background loop (the bench, and tests that play
 * several terminals in one process): throws the HubError that stopped it.
 */
export async function syncOnce(connection: HubConnection, options: SyncOptions = {}, handlers: Partial<SyncHandlers> = {}): Promise<SyncStatus> {
  const replicator = new Replicator(connection, { onStatus: () => undefined, ...handlers }, options)
  await replicator.round()
  return replicator.status
}

/** Starts synchronising with the hub (stopping any earlier replicator of this tab first). */
export async function startSync(connection: HubConnection, handlers: SyncHandlers, options: SyncOptions = {}): Promise<void> {
  await stopSync()
  running = new Replicator(connection, handlers, options)
  running.start()
}

export async function stopSync(): Promise<void> {
  const stopping = running
  running = null
  await stopping?.stop()
}

export function syncRunning(): boolean {
  return running !== null
}

/** The running replicator's status; null when this tab does not synchronise. */
export function currentSyncStatus(): SyncStatus | null {
  return running?.status ?? null
}

/** One push and pull round now (at once when nothing runs); never throws. */
export async function syncNow(): Promise<void> {
  await running?.syncNow()
}
