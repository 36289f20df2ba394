/**
 * Loads the demo branch into an empty terminal: all of it in one transaction, so a failure (a full
 * disk) leaves nothing behind, and the terminal becomes 城东支行's branch terminal in that same
 * transaction.
 */
import { hashPin } from '@/domain/pin'
import type { BaseRecord, NewRecord } from '@/domain/model/base'
import type { PinHash, Product } from '@/domain/model/records'
import { FOLLOWED_HOLDING_CATEGORIES, nextCareOn, openCareItems, type CareClient, type CareHolding } from '@/domain/wealth/cadence'
import { DEFAULT_WEALTH_RULES } from '@/domain/wealth/rules'
import { database } from '../connection'
import { getLocal, LOCAL_KEYS } from '../local'
import { writeRecords } from '../write'
import { DEMO_SEED, DEMO_TABLES, generateDemoBranch, type DemoBranch, type DemoTable } from './generate'
import { REGION } from './data'
import { generateLobbyHistory, LOBBY_TABLES, type LobbyTable } from './lobbyHistory'
import { generateVipBook, VIP_BOOK_TABLES, type VipBookTable } from './wealthBookHistory'
import { CARE_TABLES, generateCareHistory, type CareTable } from './wealthCareHistory'
import { generateRoomHistory, type RoomTable } from './wealthRoomHistory'
import { COUNTER_TABLES, generateCounterHistory, type CounterTable } from './counterHistory'
import { generateInspectionHistory, INSPECTION_TABLES, type InspectionTable } from './inspectionHistory'
import { rebuildPointTotals } from '../repositories/counter/ledger'

/** Every table the demo load writes: the branch, then its lobby history, then the wealth area's, the counter's and the region's inspections. */
export const DEMO_LOAD_TABLES = [...new Set([...DEMO_TABLES, ...LOBBY_TABLES, ...VIP_BOOK_TABLES, ...CARE_TABLES, 'roomSessions', 'staffPages', ...COUNTER_TABLES, ...INSPECTION_TABLES] as const)]
export type DemoLoadTable = DemoTable | LobbyTable | VipBookTable | CareTable | RoomTable | CounterTable | InspectionTable

/** Stable keys the first-run screen translates (setup.demo.<step>, setup.table.<table>). */
export type DemoLoadStep = 'generate' | 'hash' | 'write'

/** `fraction` is the progress of the whole load, 0..1, never going back; while writing, `table` is the one just written. */
export type DemoProgressListener = (step: DemoLoadStep, fraction: number, table?: DemoLoadTable) => void

export interface LoadDemoOptions {
  /** The branch's business date, 'YYYY-MM-DD': the demo's dates are placed around it. */
  today: string
  zone: string
  onProgress?: DemoProgressListener
  /** The load time (today's lobby runs up to it); the clock when not given. */
  nowMs?: number
}

export interface DemoLoadResult {
  branchId: string
  counts: Record<DemoLoadTable, number>
}

/** Rows per bulk insert: small enough to report progress often, large enough to stay fast. */
const CHUNK_ROWS = 500
/** Where the progress bar stands when each step ends, from what the steps cost in practice. */
const GENERATED = 0.1
const HASHED = 0.3

/** The point `t` (0..1) of the way from `from` to `to`; exactly `to` when `t` is 1. */
function between(from: number, to: number, t: number): number {
  return from * (1 - t) + to * t
}

export class TerminalNotEmptyError extends Error {
  constructor() {
    super('This terminal is already set up: wipe its data before loading the demo branch.')
    this.name = 'TerminalNotEmptyError'
  }
}

/** The demo goes only into a terminal that has not been set up and holds no branch. */
async function refuseIfSetUp(): Promise<void> {
  const [kind, branchId, branches] = await Promise.all([
    getLocal<string>(LOCAL_KEYS.terminalKind),
    getLocal<string>(LOCAL_KEYS.branchId),
    database().records('branches').count(),
  ])
  if (kind || branchId || branches > 0) throw new TerminalNotEmptyError()
}

export async function loadDemoBranch(options: LoadDemoOptions): Promise<DemoLoadResult> {
  const report = options.onProgress ?? (() => {})
  await refuseIfSetUp()

  report('generate', 0)
  const demo = generateDemoBranch(options.today, options.zone)
  report('generate', GENERATED / 4)
  const { records } = demo
  const context = { branchId: demo.ownBranchId, today: options.today, zone: options.zone, nowMs: options.nowMs ?? Date.now(), staff: records.staff, seed: DEMO_SEED }
  const lobby = generateLobbyHistory({ ...context, clients: records.clients, servicePoints: records.servicePoints })
  report('generate', GENERATED / 2)
  // The wealth area's history in the order its parts depend on: VIPs get their maintainers, the
  // maintainers' work diary follows, and the rooms seat the VIPs the lobby sent in.
  const book = generateVipBook({ ...context, clients: records.clients })
  const care = generateCareHistory({ ...context, clients: book.clients, products: records.products })
  const rooms = generateRoomHistory({ ...context, clients: care.clients, servicePoints: records.servicePoints, visits: lobby.visits, visitEvents: lobby.visitEvents })
  // The counter's offers, referrals and points over the last two quarters, and the region's ledger.
  const counter = generateCounterHistory({ ...context, clients: care.clients, products: records.products, bundleRules: records.bundleRules, holdings: care.holdings, visits: lobby.visits, visitEvents: lobby.visitEvents })
  // The region's inspections: two quarters of half-month plans, visits, corrective actions and awards.
  const inspections = generateInspectionHistory({ ...context, branches: records.branches, template: records.inspectionTemplates[0]! })
  const counterHoldings = followedHoldings(counter.holdings, records.products)
  const wealth = {
    clients: withSaleCare(care.clients, [...care.holdings, ...counterHoldings], new Set(counterHoldings.map((h) => h.clientId)), options),
    vipAssignments: book.vipAssignments,
    balanceSnapshots: book.balanceSnapshots,
    tierChanges: book.tierChanges,
    wealthAlerts: [...book.wealthAlerts, ...care.wealthAlerts],
    contacts: care.contacts,
    holdings: [...care.holdings, ...counterHoldings],
    roomSessions: rooms.roomSessions,
    staffPages: rooms.staffPages,
    appointments: [...lobby.appointments, ...rooms.appointments],
  }
  report('generate', GENERATED)

  // WebCrypto ends an IndexedDB transaction early: every PIN is hashed before it opens.
  const pinHashes = new Map<string, PinHash>()
  for (const [i, { staffId, pin }] of demo.pins.entries()) {
    pinHashes.set(staffId, await hashPin(pin))
    report('hash', between(GENERATED, HASHED, (i + 1) / demo.pins.length))
  }
  const tables = { ...withPins(demo, pinHashes), ...lobby, ...counter, ...inspections, ...wealth }

  const totalRows = DEMO_LOAD_TABLES.reduce((sum, table) => sum + tables[table].length, 0)
  const counts = Object.fromEntries(DEMO_LOAD_TABLES.map((table) => [table, tables[table].length])) as Record<DemoLoadTable, number>
  await writeRecords([...DEMO_LOAD_TABLES, 'pointTotals'], async (w) => {
    // Checked again inside the transaction, in case another tab set the terminal up meanwhile.
    await refuseIfSetUp()
    // Every chunk is queued at once, in order: IndexedDB runs them in that order within the
    // transaction, and the stamps (taken when each chunk is queued) follow the array order, so each
    // visit's events merge in order. Progress counts the chunks as they complete.
    let written = 0
    const writes: Promise<unknown>[] = []
    for (const table of DEMO_LOAD_TABLES) {
      const rows: NewRecord<BaseRecord>[] = tables[table]
      for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
        const chunk = rows.slice(start, start + CHUNK_ROWS)
        writes.push(
          w.insertMany(table, chunk as never).then(() => {
            written += chunk.length
            report('write', between(HASHED, 1, written / totalRows), table)
          }),
        )
      }
    }
    await Promise.all(writes)
    await rebuildPointTotals()
    await database().local.bulkPut([
      { key: LOCAL_KEYS.terminalKind, value: 'branch' },
      { key: LOCAL_KEYS.branchId, value: demo.ownBranchId },
      { key: LOCAL_KEYS.region, value: { code: REGION.code, name: REGION.name } },
    ])
    await w.audit('demo.load', 'branches', demo.ownBranchId, null, { counts })
  })
  return { branchId: demo.ownBranchId, counts }
}

function withPins(demo: DemoBranch, pinHashes: ReadonlyMap<string, PinHash>): DemoBranch['records'] {
  const staff = demo.records.staff.map((person) => ({ ...person, pin: pinHashes.get(person.id) ?? null }))
  return { ...demo.records, staff }
}

/** The counter's fulfilled sales the wealth area follows up (wealth, fund, insurance) are holdings; the rest stay sales. */
function followedHoldings<H extends { productCode: string }>(holdings: readonly H[], products: readonly { code: string; category: Product['category'] }[]): H[] {
  const followed = new Set(products.filter((p) => FOLLOWED_HOLDING_CATEGORIES.includes(p.category)).map((p) => p.code))
  return holdings.filter((h) => followed.has(h.productCode))
}

/** Clients who bought at the counter get their next care date again with those holdings (after-sale follow-ups). */
function withSaleCare<C extends CareClient & { id: string; nextCareOn: string | null }>(clients: readonly C[], holdings: readonly (CareHolding & { clientId: string })[], buyers: ReadonlySet<string>, options: LoadDemoOptions): C[] {
  return clients.map((client) => {
    if (!buyers.has(client.id)) return client
    const own = holdings.filter((h) => h.clientId === client.id)
    return { ...client, nextCareOn: nextCareOn(openCareItems({ client, holdings: own, rules: DEFAULT_WEALTH_RULES, today: options.today, zone: options.zone })) }
  })
}
