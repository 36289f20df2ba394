import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { DEMO_SEED, generateDemoBranch } from '@/db/demo/generate'
import { CARE_TABLES, DIARY_DAYS, generateCareHistory } from '@/db/demo/wealthCareHistory'
import { recomputeCare } from '@/db/repositories/wealth/care'
import { writeRecords } from '@/db/write'
import { itemsOnDueList, nextCareOn, openCareItems, urgencyOf } from '@/domain/wealth/cadence'
import { careFromContacts } from '@/domain/wealth/diary'
import { noContactAlert } from '@/domain/wealth/noContact'
import { DEFAULT_WEALTH_RULES } from '@/domain/wealth/rules'
import { RECORD_SCHEMAS } from '@/domain/model/records'
import { addDays, startOfBusinessDate } from '@/domain/time'

const TODAY = '2026-11-25'
const ZONE = 'Asia/Shanghai'
const NOW = startOfBusinessDate(TODAY, ZONE) + (10 * 60 + 40) * 60_000
const rules = DEFAULT_WEALTH_RULES
const demo = generateDemoBranch(TODAY, ZONE)
// The VIP book's generator assigns maintainers in the real load; here the VIPs go round the four managers.
const managers = demo.records.staff.filter((s) => ['9007', '9008', '9009', '9010'].includes(s.staffNo))
let turn = 0
const clients = demo.records.clients.map((c) => (c.vipTier && c.branchId === demo.ownBranchId ? { ...c, maintainerId: managers[turn++ % managers.length]!.id } : c))
const input = { branchId: demo.ownBranchId, today: TODAY, zone: ZONE, nowMs: NOW, clients, staff: demo.records.staff, products: demo.records.products, seed: DEMO_SEED }
const history = generateCareHistory(input)
const maintained = history.clients.filter((c) => c.maintainerId !== null)
const contactsOf = (id: string) => history.contacts.filter((c) => c.clientId === id)
const holdingsOf = (id: string) => history.holdings.filter((h) => h.clientId === id)
const itemsOf = (id: string) => openCareItems({ client: history.clients.find((c) => c.id === id)!, holdings: holdingsOf(id), rules, today: TODAY, zone: ZONE })

describe('the demo care history', () => {
  it('is deterministic for the same input', () => {
    expect(generateCareHistory(input)).toEqual(history)
    expect(generateCareHistory({ ...input, seed: 7 }).contacts[0]).not.toEqual(history.contacts[0])
  })

  it('makes records that validate against their table schemas once stamped, all demo, unique ids', () => {
    const stamp = { createdAt: 0, updatedAt: 0, deviceId: 'test-device', hlc: '0000000000000-0000-test-device', deleted: 0 }
    const ids = new Set<string>()
    for (const table of CARE_TABLES) {
      for (const row of history[table]) {
        expect(v.safeParse(RECORD_SCHEMAS[table], { ...row, ...stamp }).success, `${table} ${row.id}`).toBe(true)
        expect(row.demo).toBe(1)
        ids.add(row.id)
      }
    }
    expect(ids.size).toBe(history.contacts.length + history.holdings.length + history.wealthAlerts.length)
    for (const c of maintained) expect(v.safeParse(RECORD_SCHEMAS.clients, { ...c, ...stamp }).success).toBe(true)
  })

  it('logs a year of contacts for every maintained VIP by their maintainer, none after the load time', () => {
    expect(maintained.length).toBeGreaterThan(20)
    expect(history.contacts.length).toBeGreaterThan(maintained.length * 3)
    for (const contact of history.contacts) {
      expect(contact.staffId).toBe(history.clients.find((c) => c.id === contact.clientId)?.maintainerId)
      expect(contact.at).toBeLessThan(NOW)
      expect(contact.businessDate >= addDays(TODAY, -DIARY_DAYS)).toBe(true)
    }
  })

  it('gives every client the care state the contact log and the cadence rules give', () => {
    for (const client of maintained) {
      const state = careFromContacts(contactsOf(client.id))
      expect(client.lastContactAt).toBe(state.lastContactAt)
      expect([...client.careDone].sort()).toEqual([...state.careDone].sort())
      expect(client.nextCareOn).toBe(nextCareOn(openCareItems({ client: { ...client, ...state }, holdings: holdingsOf(client.id), rules, today: TODAY, zone: ZONE })))
    }
  })

  it('leaves most VIPs on cadence, some overdue, and settles greetings and follow-ups', () => {
    const overdue = maintained.filter((c) => itemsOf(c.id).some((i) => i.occasion === 'regular' && urgencyOf(i, TODAY) === 'overdue'))
    expect(overdue.length).toBeGreaterThan(0)
    expect(overdue.length).toBeLessThan(maintained.length / 2)
    expect(maintained.some((c) => c.careDone.some((k) => k.startsWith('holiday:')))).toBe(true)
    expect(maintained.some((c) => c.careDone.some((k) => k.startsWith('after_sale:')))).toBe(true)
  })

  it('has a birthday greeting due this week for a VIP of 王芳', () => {
    const wang = demo.records.staff.find((s) => s.staffNo === '9009')!
    const due = maintained.filter((c) => itemsOnDueList(itemsOf(c.id), TODAY).some((i) => i.occasion === 'birthday' && i.by > TODAY))
    expect(due.some((c) => c.maintainerId === wang.id)).toBe(true)
  })

  it('holds wealth products maturing in the coming weeks and recent purchases waiting for their follow-up', () => {
    expect(history.holdings.some((h) => h.maturesOn !== null && h.maturesOn > TODAY && h.maturesOn <= addDays(TODAY, 28))).toBe(true)
    expect(maintained.some((c) => itemsOf(c.id).some((i) => i.occasion === 'after_sale' && i.by >= TODAY))).toBe(true)
  })

  it('raises a no-contact alert for exactly the branch’s VIPs silent too long, as the sweep would', () => {
    const silent = history.clients.filter((c) => c.branchId === demo.ownBranchId && noContactAlert(c, rules, TODAY, ZONE) !== null)
    expect(silent.some((c) => c.maintainerId !== null)).toBe(true)
    expect(history.wealthAlerts.length).toBeGreaterThan(0)
    expect(history.wealthAlerts.map((a) => a.clientId).sort()).toEqual(silent.map((c) => c.id).sort())
    expect(new Set(history.wealthAlerts.map((a) => a.key)).size).toBe(history.wealthAlerts.length)
  })

  it('is what recomputeCare rebuilds from the stored log: nothing changes', async () => {
    await freshDatabase()
    await writeRecords(['clients', 'contacts', 'holdings'], async (w) => {
      await w.insertMany('clients', maintained)
      await w.insertMany('contacts', history.contacts)
      await w.insertMany('holdings', history.holdings)
    })
    expect(await recomputeCare(maintained.map((c) => c.id), TODAY)).toBe(0)
  })
})
