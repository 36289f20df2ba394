/**
 * Data at bank scale for `npm run bench`: the demo branch's clients drawn again from other seeds
 * (100,000 in all) and a long history of past visits. Written through the ordinary write path
 * (stamps and outbox), in transactions of a few thousand rows so progress shows.
 */
import type { NewRecord } from '@/domain/model/base'
import type { Client, Visit, VisitEvent } from '@/domain/model/records'
import { addDays, startOfBusinessDate } from '@/domain/time'
import { database } from '../connection'
import { writeRecords } from '../write'
import { generateDemoBranch, DEMO_SEED } from './generate'

const CHUNK = 5_000

export interface ScaleOptions {
  branchId: string
  today: string
  zone: string
  clients: number
  pastVisits: number
  onProgress?: (what: string, done: number, total: number) => void
}

async function writeChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>, progress: (done: number) => void): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await write(rows.slice(start, start + CHUNK))
    progress(Math.min(rows.length, start + CHUNK))
  }
}

/** Adds clients until the branch holds `clients`, and past visits until it holds `pastVisits`. */
export async function seedScaleData(options: ScaleOptions): Promise<void> {
  const report = options.onProgress ?? (() => {})
  const db = database()
  const haveClients = await db.records('clients').where('branchId').equals(options.branchId).count()
  const extra: NewRecord<Client>[] = []
  for (let seed = DEMO_SEED + 1; haveClients + extra.length < options.clients; seed++) {
    for (const client of generateDemoBranch(options.today, options.zone, seed).records.clients) {
      if (haveClients + extra.length >= options.clients) break
      extra.push({ ...client, branchId: options.branchId, vipDesignation: null })
    }
  }
  await writeChunks(extra, (chunk) => writeRecords(['clients'], (w) => w.insertMany('clients', chunk)), (done) => report('clients', done, extra.length))

  const haveVisits = await db.records('visits').count()
  const wanted = Math.max(0, options.pastVisits - haveVisits)
  const perDay = 1_000
  const visits: (NewRecord<Visit> & { id: string })[] = []
  const events: NewRecord<VisitEvent>[] = []
  for (let i = 0; i < wanted; i++) {
    const businessDate = addDays(options.today, -1 - Math.floor(i / perDay))
    const arrivedAt = startOfBusinessDate(businessDate, options.zone) + 9 * 3_600_000 + (i % perDay) * 25_000
    const id = crypto.randomUUID()
    visits.push({ id, branchId: options.branchId, businessDate, clientId: null, purpose: 'cash', zone: 'high_counter', arrivedAt, createdBy: null, appointmentId: null, details: {} })
    events.push({ visitId: id, branchId: options.branchId, businessDate, at: arrivedAt, kind: 'arrived', servicePointId: null, staffId: null, data: { purpose: 'cash', zone: 'high_counter', priorityClass: 'none' } })
  }
  await writeChunks(visits, (chunk) => writeRecords(['visits'], (w) => w.insertMany('visits', chunk)), (done) => report('visits', done, visits.length))
  await writeChunks(events, (chunk) => writeRecords(['visitEvents'], (w) => w.insertMany('visitEvents', chunk)), (done) => report('visit events', done, events.length))
}
