import { beforeEach, describe, expect, it } from 'vitest'
import { pointTotalsFrom } from '@/domain/counter/totals'
import { database } from '@/db/connection'
import { DEMO_ACCOUNTS, DEMO_CLIENT_COUNT } from '@/db/demo/generate'
import { DEMO_LOAD_TABLES, loadDemoBranch, TerminalNotEmptyError, type DemoLoadStep, type DemoLoadTable } from '@/db/demo/load'
import { HISTORY_BUSINESS_DAYS } from '@/db/demo/lobbyHistory'
import { wipeDemoData } from '@/db/demo/wipe'
import { getLocal, LOCAL_KEYS } from '@/db/local'
import { ALL_RECORD_TABLES, writeRecords } from '@/db/write'
import { VIP_SAVINGS_THRESHOLD_FEN } from '@/domain/clients/vip'
import { COMPOUND_SURNAMES } from '@/domain/clients/names'
import { verifyPin } from '@/domain/pin'
import { birthdayInWeek } from '@/domain/time'
import { freshDatabase } from '../../support/db'

const TODAY = '2026-11-25'
const ZONE = 'Asia/Shanghai'

async function countAll(): Promise<number> {
  let total = 0
  for (const table of ALL_RECORD_TABLES) total += await database().records(table).count()
  return total
}

// The branch comes with 20 business days of lobby history: a load takes seconds in fake IndexedDB.
describe('loading the demo branch', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await freshDatabase()
  })

  it('writes the whole branch, makes this terminal its branch terminal and logs the load', async () => {
    const progress: { step: DemoLoadStep; fraction: number; table?: DemoLoadTable }[] = []
    const { branchId, counts } = await loadDemoBranch({ today: TODAY, zone: ZONE, onProgress: (step, fraction, table) => progress.push({ step, fraction, table }) })

    expect(counts.clients).toBe(DEMO_CLIENT_COUNT)
    expect(counts.branches).toBeGreaterThan(55)
    for (const table of DEMO_LOAD_TABLES) expect(await database().records(table).count(), table).toBe(counts[table])
    // The lobby's history: 20 business days and today's morning.
    expect(counts.visits).toBeGreaterThan(HISTORY_BUSINESS_DAYS * 150)
    expect(counts.visitEvents).toBeGreaterThan(counts.visits * 3)
    expect(counts.dayClosures).toBe(HISTORY_BUSINESS_DAYS)
    // The counter's points: the kept per-person quarter totals are the ledger's.
    expect(counts.pointEntries).toBeGreaterThan(1_000)
    const byKey = (t: { staffId: string; quarter: string }) => `${t.staffId}|${t.quarter}`
    const kept = (await database().pointTotals.toArray()).sort((a, b) => byKey(a).localeCompare(byKey(b)))
    expect(kept).toEqual(pointTotalsFrom(await database().records('pointEntries').toArray()).sort((a, b) => byKey(a).localeCompare(byKey(b))))
    expect(await database().records('branches').get(branchId)).toMatchObject({ code: 'BJ001', name: '城东支行' })
    expect(await getLocal(LOCAL_KEYS.branchId)).toBe(branchId)
    expect(await getLocal(LOCAL_KEYS.terminalKind)).toBe('branch')
    expect(await getLocal(LOCAL_KEYS.region)).toEqual({ code: 'BJ', name: '滨江分行' })
    const audit = await database().records('auditLog').toArray()
    expect(audit.map((entry) => entry.action)).toEqual(['demo.load'])

    // Progress: stable step keys in order, table names while writing, never going back, ending at 1.
    expect([...new Set(progress.map((p) => p.step))]).toEqual(['generate', 'hash', 'write'])
    expect(progress.filter((p) => p.step === 'write' && p.table).map((p) => p.table)).toEqual(expect.arrayContaining(['clients', 'visits', 'visitEvents', 'tickets', 'dutySessions']))
    expect(progress.map((p) => p.fraction)).toEqual([...progress.map((p) => p.fraction)].sort((a, b) => a - b))
    expect(progress.at(-1)!.fraction).toBe(1)
  })

  it('puts none of its records in the outbox: demo data never replicates (every demo terminal holds its own)', async () => {
    await loadDemoBranch({ today: TODAY, zone: ZONE })
    const entries = await database().outbox.toArray()
    expect(entries.map((entry) => entry.table)).toEqual(['auditLog'])
    expect(await database().records('auditLog').get(entries[0]!.recordId)).toMatchObject({ action: 'demo.load' })
  })

  it('gives every demo account a PIN hash that verifies with its PIN', async () => {
    await loadDemoBranch({ today: TODAY, zone: ZONE })
    for (const account of DEMO_ACCOUNTS) {
      const [person] = await database().records('staff').where('staffNo').equals(account.staffNo).toArray()
      expect(person?.pin, account.staffNo).not.toBeNull()
      expect(await verifyPin(account.pin, person!.pin!), account.staffNo).toBe(true)
      expect(await verifyPin('000000', person!.pin!)).toBe(false)
    }
    const others = await database().records('staff').filter((person) => !DEMO_ACCOUNTS.some((account) => account.staffNo === person.staffNo)).toArray()
    expect(others.every((person) => person.pin === null)).toBe(true)
  })

  it('stores clients the lobby can find: VIPs, birthdays this week, compound surnames, prefix search', async () => {
    const { branchId } = await loadDemoBranch({ today: TODAY, zone: ZONE })
    const clients = database().records('clients')
    const savingsVips = await clients.filter((client) => client.savingsFen >= VIP_SAVINGS_THRESHOLD_FEN).count()
    expect(savingsVips / DEMO_CLIENT_COUNT).toBeGreaterThan(0.04)
    expect(savingsVips / DEMO_CLIENT_COUNT).toBeLessThan(0.07)
    expect(await clients.where('vipTier').equals('private').count()).toBeGreaterThan(0)
    const thisWeek = (await clients.toArray()).filter((client) => client.birthday && birthdayInWeek(client.birthday, TODAY))
    expect(thisWeek.length).toBeGreaterThanOrEqual(8)
    expect((await clients.toArray()).some((client) => COMPOUND_SURNAMES.includes(client.surname))).toBe(true)
    const [first] = await clients.where('branchId').equals(branchId).limit(1).toArray()
    const initials = first!.searchKeys[1]!
    const found = await clients.where('searchKeys').startsWith(initials).distinct().toArray()
    expect(found.map((client) => client.id)).toContain(first!.id)
  })

  it('refuses to load into a terminal that is already set up', async () => {
    await loadDemoBranch({ today: TODAY, zone: ZONE })
    const before = await countAll()
    await expect(loadDemoBranch({ today: TODAY, zone: ZONE })).rejects.toThrow(TerminalNotEmptyError)
    expect(await countAll()).toBe(before)
  })
})

describe('wiping the demo data', { timeout: 60_000 }, () => {
  beforeEach(async () => {
    await freshDatabase()
  })

  it('removes every demo record and demo staff drafts, and returns the terminal to first run', async () => {
    const { counts } = await loadDemoBranch({ today: TODAY, zone: ZONE })
    const [someone] = await database().records('staff').where('staffNo').equals('9003').toArray()
    await database().drafts.put({ id: `${someone!.id}:visit`, staffId: someone!.id, formKey: 'visit', route: '/lobby', data: {}, savedAt: 0 })
    const kept = await writeRecords(['products'], (w) =>
      w.insert('products', { code: 'OWN', nameZh: '自有产品', nameEn: 'Own product', category: 'deposit', points: 1, riskLevel: null, eligibleSegments: ['mass'], minAge: null, maxAge: null, activeFrom: TODAY, activeTo: null }),
    )

    const result = await wipeDemoData()

    const demoRows = DEMO_LOAD_TABLES.reduce((sum, table) => sum + counts[table], 0)
    expect(Object.values(result.records).reduce((sum, n) => sum + n, 0)).toBe(demoRows)
    expect(result.records.clients).toBe(DEMO_CLIENT_COUNT)
    expect(result.outbox).toBe(0)
    expect(result.drafts).toBe(1)
    expect(result.terminalReset).toBe(true)
    for (const table of DEMO_LOAD_TABLES) expect(await database().records(table).filter((record) => record.demo === 1).count(), table).toBe(0)
    expect(await database().records('products').get(kept.id)).toBeDefined()
    expect(await database().outbox.where('[table+recordId]').equals(['products', kept.id]).count()).toBe(1)
    expect(await getLocal(LOCAL_KEYS.branchId)).toBeUndefined()
    expect(await getLocal(LOCAL_KEYS.terminalKind)).toBeUndefined()
    expect(await database().drafts.count()).toBe(0)

    // Back at first run, the demo can be loaded again.
    await expect(loadDemoBranch({ today: TODAY, zone: ZONE })).resolves.toBeDefined()
  })

  it('leaves a terminal whose branch is not the demo as it is', async () => {
    await writeRecords(['branches'], async (w) => {
      const branch = await w.insert('branches', { code: 'X01', name: '真实支行', group: 'backbone', regionCode: 'X', regionName: '某分行', address: '', phone: '' })
      await database().local.bulkPut([
        { key: LOCAL_KEYS.branchId, value: branch.id },
        { key: LOCAL_KEYS.terminalKind, value: 'branch' },
      ])
    })
    const result = await wipeDemoData()
    expect(result).toEqual({ records: {}, outbox: 0, drafts: 0, terminalReset: false })
    expect(await getLocal(LOCAL_KEYS.terminalKind)).toBe('branch')
  })
})
