/**
 * Data at bank scale for `npm run bench`: the demo branch's clients drawn again from other seeds
 * (100,000 in all), a long history of past visits, 5,000 maintained VIPs with 200,000 diary contacts,
 * 50,000 low-counter offers with their points ledger, and 2,000 inspections across the region's
 * outlets. Written through the ordinary write path
 * (stamps and outbox), in transactions of a few thousand rows so progress shows.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import type { NewRecord } from '@/domain/model/base'
import { VIP_TIERS, type Client, type Contact, type Inspection, type Offer, type PointEntry, type Visit, type VisitEvent } from '@/domain/model/records'
import { nextCareOn, openCareItems } from '@/domain/wealth/cadence'
import { careFromContacts } from '@/domain/wealth/diary'
import { addDays, startOfBusinessDate } from '@/domain/time'
import { database } from '../connection'
import { writeRecords } from '../write'
import { loadWealthRules } from '../repositories/wealth/rules'
import { rebuildPointTotals } from '../repositories/counter/ledger'
import { confirmEntries, saleEntries, type LedgerEntry } from '@/domain/counter/ledger'
import { DEFAULT_COUNTER_RULES } from '@/domain/counter/rules'
import { ensureDefaultTemplate } from '../repositories/inspection/templates'
import { halfMonthOf } from '@/domain/inspection/plans'
import { gradeOf } from '@/domain/inspection/grades'
import { Dice } from './dice'
import { generateDemoBranch, DEMO_SEED } from './generate'
import { quarterOf } from '@/domain/quarters'

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

export interface WealthScaleOptions {
  branchId: string
  today: string
  zone: string
  /** VIPs with a maintainer the branch should hold. */
  vips: number
  /** Work-diary contacts the branch should hold (spread evenly over those VIPs). */
  contacts: number
  onProgress?: (what: string, done: number, total: number) => void
}

/** VIPs assigned per transaction: their contacts and care state go in together, so an interrupted seed resumes cleanly. */
const VIPS_PER_WRITE = 100
/** Days between a scale VIP's contacts: about forty contacts reach back three years. */
const CONTACT_SPACING_DAYS = 27

/**
 * Assigns VIPs of the branch (ones not yet maintained) round the customer and wealth managers until
 * `vips` are maintained, each with its share of `contacts` diary entries over the past years (the
 * last one drawn so that some VIPs are overdue) and the care state those contacts give
 * (lastContactAt, careDone, nextCareOn), as recomputeCare would set it.
 */
export async function seedWealthScaleData(options: WealthScaleOptions): Promise<void> {
  const report = options.onProgress ?? (() => {})
  const db = database()
  const managers = (await db.records('staff').where('branchId').equals(options.branchId).toArray()).filter((s) => s.active === 1 && s.roles.some((r) => r === 'customer_manager' || r === 'wealth_manager'))
  if (managers.length === 0) throw new Error('The branch has no customer or wealth managers to assign VIPs to')
  const managerIds = managers.map((m) => m.id)
  const have = await db.records('clients').where('maintainerId').anyOf(managerIds).count()
  const wanted = options.vips - have
  if (wanted <= 0) return
  const free = await db.records('clients').where('vipTier').anyOf([...VIP_TIERS]).filter((c) => c.branchId === options.branchId && c.maintainerId === null && c.deleted === 0).limit(wanted).toArray()
  if (free.length < wanted) throw new Error(`Only ${free.length} unassigned VIPs to reach ${options.vips}: seed more clients first`)

  const rules = await loadWealthRules()
  const perVip = Math.max(1, Math.round(options.contacts / options.vips))
  const dice = new Dice(xoroshiro128plus(DEMO_SEED ^ 0x5ca1e))
  for (let start = 0; start < free.length; start += VIPS_PER_WRITE) {
    const chunk = free.slice(start, start + VIPS_PER_WRITE)
    await writeRecords(['clients', 'contacts'], async (w) => {
      const contacts: NewRecord<Contact>[] = []
      for (const [i, client] of chunk.entries()) {
        const staffId = managerIds[(have + start + i) % managerIds.length]!
        const interval = rules.contactEveryMonths[client.vipTier!] * 30
        const lastDaysAgo = dice.int(1, Math.round(interval * 1.2))
        const own: NewRecord<Contact>[] = []
        for (let k = 0; k < perVip; k++) {
          const businessDate = addDays(options.today, -(lastDaysAgo + k * CONTACT_SPACING_DAYS))
          own.push({ branchId: options.branchId, clientId: client.id, staffId, at: startOfBusinessDate(businessDate, options.zone) + 10 * 3_600_000, businessDate, channel: 'phone', service: 'basic', occasion: null, note: '', nextStep: '', details: {} })
        }
        contacts.push(...own)
        const state = careFromContacts(own)
        const next = nextCareOn(openCareItems({ client: { ...client, ...state }, holdings: [], rules, today: options.today, zone: options.zone }))
        await w.update('clients', client.id, { maintainerId: staffId, ...state, nextCareOn: next })
      }
      await w.insertMany('contacts', contacts)
    })
    report('VIPs with their diaries', Math.min(free.length, start + VIPS_PER_WRITE), free.length)
  }
}

export interface CounterScaleOptions {
  branchId: string
  today: string
  zone: string
  /** Offers the branch should hold. */
  offers: number
  onProgress?: (what: string, done: number, total: number) => void
}

/** Products per scale conversation, and how many days back the conversations reach. */
const OFFERS_PER_CONVERSATION = 3
const SCALE_DAYS = 180

/**
 * Adds offer conversations by the branch's sellers until the branch holds `offers`: over the last
 * half year, a third of the products accepted (with their provisional points, most of them
 * confirmed), the rest declined. The ledger is written with the offers; the kept totals are then
 * rebuilt from it once, as after a restore.
 */
export async function seedCounterScaleData(options: CounterScaleOptions): Promise<void> {
  const report = options.onProgress ?? (() => {})
  const db = database()
  const wanted = options.offers - (await db.records('offers').count())
  if (wanted <= 0) return
  const sellers = (await db.records('staff').where('branchId').equals(options.branchId).toArray()).filter((s) => s.active === 1 && s.roles.some((r) => r === 'low_counter' || r === 'customer_manager'))
  const products = (await db.records('products').toArray()).filter((p) => p.deleted === 0 && p.riskLevel === null)
  const clients = await db.records('clients').where('branchId').equals(options.branchId).limit(5_000).primaryKeys()
  if (sellers.length === 0 || products.length === 0) throw new Error('The branch needs sellers and products: load the demo first')
  const dice = new Dice(xoroshiro128plus(DEMO_SEED ^ 0xc0047e4))
  for (let done = 0; done < wanted; ) {
    const offers: (NewRecord<Offer> & { id: string })[] = []
    const ledger: NewRecord<PointEntry>[] = []
    for (; offers.length < CHUNK && done + offers.length < wanted; ) {
      const businessDate = addDays(options.today, -dice.int(0, SCALE_DAYS))
      const at = startOfBusinessDate(businessDate, options.zone) + dice.int(9 * 60, 17 * 60) * 60_000
      const seller = dice.pick(sellers)
      const groupId = crypto.randomUUID()
      const clientId = dice.pick(clients)
      for (let k = 0; k < OFFERS_PER_CONVERSATION; k++) {
        const product = dice.pick(products)
        const accepted = dice.chance(1 / 3)
        const confirmed = accepted && businessDate < addDays(options.today, -7) && dice.chance(0.9)
        const id = crypto.randomUUID()
        offers.push({
          id, branchId: options.branchId, clientId, staffId: seller.id, businessDate, at, anchorCode: null, productCode: product.code, outcome: accepted ? 'accepted' : 'declined', details: {},
          groupId, visitId: null, reason: 'manual', ruleVersion: null, declineReason: accepted ? null : 'no_need', followUpOn: null, followUpStaffId: null, followUpClosedAt: null, followUpOfferId: null,
          referralId: null, suitability: null, recordingRef: null, riskDisclosureAckAt: null, points: accepted ? product.points : 0,
          saleStatus: accepted ? (confirmed ? 'fulfilled' : 'pending') : null, saleSettledOn: confirmed ? addDays(businessDate, 3) : null,
        })
        if (!accepted) continue
        const entries: LedgerEntry[] = saleEntries({ saleId: id, sellerId: seller.id, referrerId: null, points: product.points, businessDate }, DEFAULT_COUNTER_RULES.referralSharePercent)
        if (confirmed) entries.push(...confirmEntries(entries, id, addDays(businessDate, 3)))
        for (const e of entries) ledger.push({ ...e, branchId: options.branchId, quarter: quarterOf(e.businessDate), productCode: product.code, at, byStaffId: seller.id })
      }
    }
    await writeRecords(['offers', 'pointEntries'], async (w) => {
      await w.insertMany('offers', offers)
      await w.insertMany('pointEntries', ledger)
    })
    done += offers.length
    report('offers', done, wanted)
  }
  await writeRecords(['pointEntries', 'pointTotals'], () => rebuildPointTotals())
}

export interface InspectionScaleOptions {
  today: string
  /** Submitted inspections the terminal should hold. */
  inspections: number
  onProgress?: (what: string, done: number, total: number) => void
}

/**
 * Adds submitted inspections of every outlet the terminal holds until it holds `inspections`, spread
 * over this quarter's days so far and the quarter before, each with the figures a submission keeps
 * (a score between 80 and 100, its grade, now and then a veto).
 */
export async function seedInspectionScaleData(options: InspectionScaleOptions): Promise<void> {
  const report = options.onProgress ?? (() => {})
  const db = database()
  const wanted = options.inspections - (await db.records('inspections').count())
  if (wanted <= 0) return
  const template = await ensureDefaultTemplate()
  const branches = (await db.records('branches').toArray()).filter((b) => b.deleted === 0)
  const inspectors = (await db.records('staff').toArray()).filter((s) => s.roles.includes('inspector'))
  if (branches.length === 0 || inspectors.length === 0) throw new Error('The terminal needs outlets and inspectors: load the demo first')
  const dice = new Dice(xoroshiro128plus(DEMO_SEED ^ 0x1175ec7))
  const rows: NewRecord<Inspection>[] = []
  for (let i = 0; i < wanted; i++) {
    const date = addDays(options.today, -dice.int(0, 150))
    const normalised = Math.round(dice.int(8_000, 10_000)) / 100
    const vetoed = dice.chance(0.02) ? 1 : 0
    const byPoints = gradeOf(normalised, template.gradeBands)
    const at = Date.parse(`${date}T10:00:00+08:00`)
    rows.push({
      templateId: template.id, templateVersion: template.version, branchId: dice.pick(branches).id, inspectorId: dice.pick(inspectors).id, date, status: 'submitted', details: {},
      kind: 'on_site', halfMonth: halfMonthOf(date), observedWindows: [], observedStaffNos: [], context: { traffic: null, openCounters: null, team: [], accompaniedBy: '' },
      answers: {}, vetoes: [], startedAt: at, submittedAt: at + 3_600_000, inspectorSignature: null, acknowledgement: null, amends: null, amendReason: '',
      summary: { earned: normalised, applicableMax: 100, normalised, grade: vetoed ? 'fail' : byPoints, gradeByPoints: byPoints, confirmedVetoes: vetoed, answeredCount: 42, itemCount: 42 },
    })
  }
  await writeChunks(rows, (chunk) => writeRecords(['inspections'], (w) => w.insertMany('inspections', chunk)), (done) => report('inspections', done, rows.length))
}
