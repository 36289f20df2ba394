/**
 * The only way records change. Every write runs in one transaction that also stamps the record
 * (timestamps, device, hybrid-logical-clock), appends to the outbox what changed (so a later sync
 * pushes exactly that) and, when asked, appends an audit entry with the record before and after.
 * A failed write leaves nothing behind: the transaction rolls back as a whole.
 */
import Dexie, { type Transaction } from 'dexie'
import { decodeHlc, encodeHlc, HLC_ZERO, receiveHlc, tickHlc, type HlcState } from '@/domain/hlc'
import type { BaseRecord, NewRecord } from '@/domain/model/base'
import { RECORD_TABLES, type RecordOf, type RecordTableName } from '@/domain/model/records'
import { database } from './connection'
import type { LocalTableName } from './schema'
import { deviceId, LOCAL_KEYS } from './local'
import { asWriteError, isQuotaError } from './errors'
import { hubDocId } from './sync/documents'

export interface AuditNote {
  /** What was done, e.g. 'staff.deactivate'. */
  action: string
}

let currentActor: string | null = null

/** Who is signed in on this tab: audit entries are written in their name. */
export function setActor(staffId: string | null): void {
  currentActor = staffId
}
export function actor(): string | null {
  return currentActor
}

/** A clock that tests and the demo loader can pin; the app uses the real one. */
let clock: () => number = () => Date.now()
export function setClock(now: () => number): void {
  clock = now
}
export function now(): number {
  return clock()
}

type Changes<K extends RecordTableName> = Partial<Omit<RecordOf<K>, keyof BaseRecord>>

export class RecordWriter {
  private hlc: HlcState
  readonly touched: { table: RecordTableName; id: string }[] = []

  constructor(private readonly device: string, hlc: HlcState, private readonly nowMs: number) {
    this.hlc = hlc
  }

  get clockState(): HlcState {
    return this.hlc
  }

  /** Takes in another terminal's stamp, so that every later local stamp sorts after it. */
  receive(stamp: string): void {
    this.hlc = receiveHlc(this.hlc, decodeHlc(stamp), this.nowMs)
  }

  private stamp(): string {
    this.hlc = tickHlc(this.hlc, this.nowMs)
    return encodeHlc(this.hlc, this.device)
  }

  /** Adds a record; the id may be given (demo data, imports) or is made here. */
  async insert<K extends RecordTableName>(name: K, input: NewRecord<RecordOf<K>>, audit?: AuditNote): Promise<RecordOf<K>> {
    const hlc = this.stamp()
    const record = {
      ...input,
      id: input.id ?? crypto.randomUUID(),
      createdAt: this.nowMs,
      updatedAt: this.nowMs,
      deviceId: this.device,
      hlc,
      deleted: 0,
    } as unknown as RecordOf<K>
    await database().records(name).add(record)
    await this.log(name, record, 'put', hlc)
    if (audit) await this.audit(audit.action, name, record.id, null, record)
    return record
  }

  /** Many records at once (demo data, imports): one stamp each, one outbox entry each. */
  async insertMany<K extends RecordTableName>(name: K, inputs: NewRecord<RecordOf<K>>[]): Promise<RecordOf<K>[]> {
    const records = inputs.map((input) => {
      const hlc = this.stamp()
      return { ...input, id: input.id ?? crypto.randomUUID(), createdAt: this.nowMs, updatedAt: this.nowMs, deviceId: this.device, hlc, deleted: 0 } as unknown as RecordOf<K>
    })
    await database().records(name).bulkAdd(records)
    const replicated = records.filter((r) => !isDemo(r))
    await database().outbox.bulkAdd(replicated.map((r) => ({ table: name, recordId: r.id, op: 'put' as const, hlc: r.hlc, at: this.nowMs })))
    for (const r of records) this.touched.push({ table: name, id: r.id })
    return records
  }

  /** Changes some fields of a record; returns the record as it is now. */
  async update<K extends RecordTableName>(name: K, id: string, changes: Changes<K>, audit?: AuditNote): Promise<RecordOf<K>> {
    const table = database().records(name)
    const before = await table.get(id)
    if (!before) throw new Error(`No ${name} record ${id}`)
    await keepSyncBase(name, before)
    const hlc = this.stamp()
    const after = { ...before, ...changes, updatedAt: this.nowMs, deviceId: this.device, hlc } as RecordOf<K>
    await table.put(after)
    await this.log(name, after, 'put', hlc)
    if (audit) await this.audit(audit.action, name, id, before, after)
    return after
  }

  /** Soft deletion: the record stays, marked deleted, so the deletion can replicate. */
  async remove<K extends RecordTableName>(name: K, id: string, audit?: AuditNote): Promise<void> {
    const table = database().records(name)
    const before = await table.get(id)
    if (!before) return
    await keepSyncBase(name, before)
    const hlc = this.stamp()
    await table.put({ ...before, deleted: 1, updatedAt: this.nowMs, deviceId: this.device, hlc } as RecordOf<K>)
    await this.log(name, before, 'delete', hlc)
    if (audit) await this.audit(audit.action, name, id, before, null)
  }

  /** An audit entry with no record change, e.g. revealing a masked ID number. */
  async audit(action: string, entity: string, entityId: string | null, before: unknown, after: unknown): Promise<void> {
    const hlc = this.stamp()
    const entry: RecordOf<'auditLog'> = {
      id: crypto.randomUUID(),
      createdAt: this.nowMs,
      updatedAt: this.nowMs,
      deviceId: this.device,
      hlc,
      deleted: 0,
      at: this.nowMs,
      actorId: currentActor,
      action,
      entity,
      entityId,
      before: before ?? null,
      after: after ?? null,
    }
    await database().records('auditLog').add(entry)
    await this.log('auditLog', entry, 'put', hlc)
  }

  private async log(table: RecordTableName, record: BaseRecord, op: 'put' | 'delete', hlc: string): Promise<void> {
    this.touched.push({ table, id: record.id })
    if (!isDemo(record)) await database().outbox.add({ table, recordId: record.id, op, hlc, at: this.nowMs })
  }
}

/** Demo records never enter the outbox: every demo terminal holds its own, and none goes to a hub. */
function isDemo(record: BaseRecord): boolean {
  return record.demo === 1
}

/**
 * Before the first local change to a record the hub already has, keeps the version both agreed on:
 * should the hub's version move meanwhile, the replicator merges the two against it.
 */
async function keepSyncBase(table: RecordTableName, agreed: BaseRecord): Promise<void> {
  const doc = hubDocId(table, agreed.id)
  const db = database()
  if ((await db.syncBases.get(doc)) || !(await db.syncRevisions.get(doc))) return
  await db.syncBases.put({ doc, record: { ...agreed } })
}

type CommitListener = () => void
const commitListeners = new Set<CommitListener>()

/** Told after every committed write of this tab (the replicator pushes without waiting for its next round). */
export function onCommitted(listener: CommitListener): () => void {
  commitListeners.add(listener)
  return () => commitListeners.delete(listener)
}

/**
 * Runs `work` in one read-write transaction over the given record tables plus the outbox, the
 * audit log and the local clock (plus any local table named, such as the kept point totals).
 * Non-Dexie awaits (fetch, WebCrypto) must happen before: they
 * would end the transaction early.
 */
export async function writeRecords<T>(tables: readonly (RecordTableName | LocalTableName)[], work: (writer: RecordWriter) => Promise<T>): Promise<T> {
  const db = database()
  const device = await deviceId()
  const stores = [...new Set<string>([...tables, 'auditLog', 'outbox', 'local', 'syncRevisions', 'syncBases'])]
  try {
    const result = await db.transaction('rw', stores, async (_tx: Transaction) => {
      const saved = (await db.local.get(LOCAL_KEYS.hlc))?.value as HlcState | undefined
      const writer = new RecordWriter(device, saved ?? HLC_ZERO, now())
      const result = await work(writer)
      await db.local.put({ key: LOCAL_KEYS.hlc, value: writer.clockState })
      return result
    })
    for (const listener of commitListeners) listener()
    return result
  } catch (err) {
    // Storage failures become a StorageError; a rule broken inside `work` surfaces as itself.
    if (isQuotaError(err) || err instanceof Dexie.DexieError) throw asWriteError(err)
    throw err
  }
}

/** Every replicated table, for whole-database work (backup, wipe). */
export const ALL_RECORD_TABLES: readonly RecordTableName[] = RECORD_TABLES
