/**
 * Synchronisation figures: each browser context of scripts/bench.mjs is one terminal with its own
 * IndexedDB, on one in-memory hub. The founder sets up a (non-demo: demo data never replicates)
 * branch and synchronises in the background; the others join it the way a new terminal does. In the
 * region, an inspector's tablet records visits with their photos for a branch terminal to receive.
 */
import { database, openDatabase } from '@/db/connection'
import { writeRecords } from '@/db/write'
import { LOCAL_KEYS, setLocal } from '@/db/local'
import { BRANCH_ONLY, type Placement } from '@/domain/sync/databases'
import { downloadHub, startSync, stopSync, syncOnce } from '@/db/sync/replicator'
import type { HubConnection } from '@/db/sync/couch'
import { generateDemoBranch, DEMO_SEED } from '@/db/demo/generate'
import type { NewRecord } from '@/domain/model/base'
import type { Client, Inspection } from '@/domain/model/records'
import { ensureDefaultTemplate } from '@/db/repositories/inspection/templates'
import { attachPhoto, saveDraft, startInspection, submitInspection } from '@/db/repositories/inspection/visits'
import { templateItems, type ItemAnswer } from '@/domain/inspection/scoring'
import { businessDate, DEFAULT_TIME_ZONE } from '@/domain/time'

const CHUNK = 5_000
const TODAY = businessDate(Date.now(), DEFAULT_TIME_ZONE)

let connection: HubConnection | null = null
let branchId = ''
/** When each benchmark write (by its occupation mark) arrived on this terminal, in ms since the epoch. */
const arrivedAt = new Map<string, number>()

function startBackgroundSync(): Promise<void> {
  return startSync([{ placement: BRANCH_ONLY, connection: connection! }], {
    onStatus: () => undefined,
    onArrivals: (arrivals) => {
      const at = Date.now()
      for (const { table, record } of arrivals) if (table === 'clients') arrivedAt.set((record as Client).occupation, at)
    },
  })
}

/** `count` clients of the demo's generator, as this branch's own (not demo) records. */
function generatedClients(count: number): NewRecord<Client>[] {
  const clients: NewRecord<Client>[] = []
  for (let seed = DEMO_SEED + 1; clients.length < count; seed++) {
    for (const generated of generateDemoBranch(TODAY, DEFAULT_TIME_ZONE, seed).records.clients) {
      if (clients.length >= count) break
      const { id: _id, demo: _demo, ...client } = generated
      clients.push({ ...client, branchId, vipDesignation: null, occupation: `generated-${clients.length}` })
    }
  }
  return clients
}

const REGION: Placement = { database: 'region', withRegion: true }
/** What of each visit has arrived from the region: whether it came submitted, its pictures, and when the last part came. */
const visitsArrived = new Map<string, { submitted: boolean; pictures: Set<string>; at: number }>()

function noteVisitPart(table: string, record: unknown): void {
  const visitId = table === 'inspections' ? (record as Inspection).id : table === 'attachments' ? (record as { ownerId: string }).ownerId : null
  if (!visitId) return
  const seen = visitsArrived.get(visitId) ?? { submitted: false, pictures: new Set<string>(), at: 0 }
  if (table === 'inspections') seen.submitted = (record as Inspection).status === 'submitted'
  else seen.pictures.add((record as { id: string }).id)
  visitsArrived.set(visitId, { ...seen, at: Date.now() })
}

/** A camera photo's weight after the app's compression: `bytes` of noise (it does not compress further on the way). */
function photo(bytes: number): { blob: Blob; mimeType: string; width: number; height: number } {
  const data = new Uint8Array(bytes)
  for (let i = 0; i < bytes; i += 65_536) crypto.getRandomValues(data.subarray(i, Math.min(bytes, i + 65_536)))
  return { blob: new Blob([data], { type: 'image/jpeg' }), mimeType: 'image/jpeg', width: 1600, height: 1200 }
}

async function waitUntilPushed(): Promise<void> {
  while ((await database().outbox.count()) > 0) await new Promise((resolve) => setTimeout(resolve, 100))
}

export const syncBench = {
  /** The first terminal: a branch with one client, synchronising in the background. */
  async found(hub: HubConnection): Promise<void> {
    connection = hub
    await openDatabase()
    const branch = await writeRecords(['branches'], (w) => w.insert('branches', { code: 'SY001', name: '同步测试支行', group: 'backbone', regionCode: 'SY', regionName: '同步测试分行', address: '', phone: '' }))
    branchId = branch.id
    await writeRecords(['clients'], (w) => w.insertMany('clients', generatedClients(1)))
    await setLocal(LOCAL_KEYS.branchId, branchId)
    await setLocal(LOCAL_KEYS.terminalKind, 'branch')
    await startBackgroundSync()
    await waitUntilPushed()
  },
  /** Another terminal joins: downloads the branch, then synchronises in the background. Returns the download's ms. */
  async join(hub: HubConnection): Promise<number> {
    connection = hub
    await openDatabase()
    const start = performance.now()
    await downloadHub([{ placement: BRANCH_ONLY, connection: hub }], () => undefined)
    const elapsed = performance.now() - start
    await startBackgroundSync()
    return elapsed
  },
  /** One edit of the first client, marked; returns when it was made (ms since the epoch). */
  async touch(mark: string): Promise<number> {
    const first = await database().records('clients').toCollection().first()
    const at = Date.now()
    await writeRecords(['clients'], (w) => w.update('clients', first!.id, { occupation: mark }))
    return at
  },
  /** When the edit with this mark arrived here, or null while it has not. */
  arrived(mark: string): number | null {
    return arrivedAt.get(mark) ?? null
  },
  /** Adds `count` clients and returns once the hub has them all. */
  async addClients(count: number): Promise<void> {
    const clients = generatedClients(count)
    for (let start = 0; start < clients.length; start += CHUNK) {
      await writeRecords(['clients'], (w) => w.insertMany('clients', clients.slice(start, start + CHUNK)))
    }
    await waitUntilPushed()
  },
  /** Stops this terminal's synchronisation (it goes "away"). */
  async leave(): Promise<void> {
    await stopSync()
  },
  /** Back from away: the ms to take in everything the hub got meanwhile. */
  async catchUp(): Promise<number> {
    const start = performance.now()
    await syncOnce(connection!)
    return performance.now() - start
  },
  async clientCount(): Promise<number> {
    return database().records('clients').count()
  },
  /** A terminal on the region's database only (an inspector's tablet, or a branch terminal watching the region), synchronising in the background. */
  async joinRegion(hub: HubConnection): Promise<void> {
    await openDatabase()
    await startSync([{ placement: REGION, connection: hub }], { onStatus: () => undefined, onArrivals: (arrivals) => arrivals.forEach((a) => noteVisitPart(a.table, a.record)) })
  },
  /** An inspector's whole visit: started, every item passed, `photos` photos of `bytes` each, signed and submitted. Returns its id and when it began (ms since the epoch). */
  async recordVisit(photos: number, bytes: number): Promise<{ id: string; startedAt: number }> {
    const template = await ensureDefaultTemplate()
    const startedAt = Date.now()
    const inspectorId = crypto.randomUUID()
    const visit = await startInspection({ templateId: template.id, branchId: crypto.randomUUID(), inspectorId, date: TODAY, kind: 'on_site', observedWindows: [], observedStaffNos: [], context: { traffic: 'normal', openCounters: 4, team: [], accompaniedBy: '' } })
    const answers: Record<string, ItemAnswer> = {}
    for (const { item } of templateItems(template)) answers[item.code] = item.rule === 'GRADE' ? { kind: 'level', levelIndex: 0, occurrences: [], fixedOnSpot: false, note: '' } : { kind: 'pass', note: '' }
    await saveDraft(visit.id, answers, [])
    for (let i = 0; i < photos; i++) await attachPhoto(visit.id, photo(bytes))
    await submitInspection(visit.id, { image: photo(8_000), name: '检查人员', staffId: inspectorId }, TODAY)
    return { id: visit.id, startedAt }
  },
  /** When the submitted visit and its `pictures` pictures (photos and signature) had all arrived here, or null while they have not. */
  visitArrived(id: string, pictures: number): number | null {
    const seen = visitsArrived.get(id)
    return seen?.submitted && seen.pictures.size >= pictures ? seen.at : null
  },
}
