import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { DEMO_SEED, generateDemoBranch } from '@/db/demo/generate'
import { generateVipBook, MAINTAINER_STAFF_NOS, PENDING_DOWNGRADES, UNASSIGNED_VIPS, VIP_BOOK_TABLES } from '@/db/demo/wealthBookHistory'
import { RECORD_SCHEMAS } from '@/domain/model/records'
import { startOfBusinessDate } from '@/domain/time'
import { lastQuarterEnd, recentQuarterEnds } from '@/domain/wealth/guarantees'
import { DEFAULT_WEALTH_RULES } from '@/domain/wealth/rules'
import { earnedTier } from '@/domain/wealth/tiers'

const TODAY = '2026-11-25'
const ZONE = 'Asia/Shanghai'
const demo = generateDemoBranch(TODAY, ZONE)
const input = { branchId: demo.ownBranchId, today: TODAY, zone: ZONE, nowMs: startOfBusinessDate(TODAY, ZONE) + 10 * 3_600_000, clients: demo.records.clients, staff: demo.records.staff, seed: DEMO_SEED }
const book = generateVipBook(input)
const vips = book.clients.filter((c) => c.vipTier !== null)
const managerIds = new Set(demo.records.staff.filter((s) => (MAINTAINER_STAFF_NOS as readonly string[]).includes(s.staffNo) && s.branchId === demo.ownBranchId).map((s) => s.id))

describe('the demo VIP book', () => {
  it('is deterministic for the same input', () => {
    expect(generateVipBook(input)).toEqual(book)
    expect(generateVipBook({ ...input, seed: 7 }).vipAssignments[0]).not.toEqual(book.vipAssignments[0])
  })

  it('makes records that validate once stamped, all demo, with unique ids', () => {
    const stamp = { createdAt: 0, updatedAt: 0, deviceId: 'test-device', hlc: '0000000000000-0000-test-device', deleted: 0 }
    const ids = new Set<string>()
    for (const table of ['clients', ...VIP_BOOK_TABLES] as const) {
      for (const record of book[table]) {
        const result = v.safeParse(RECORD_SCHEMAS[table], { ...stamp, ...record })
        expect(result.success, `${table}: ${result.issues?.[0]?.message}`).toBe(true)
        expect(record.demo).toBe(1)
        if (table !== 'clients') ids.add(record.id)
      }
    }
    expect(ids.size).toBe(VIP_BOOK_TABLES.reduce((n, table) => n + book[table].length, 0))
    expect(book.clients.map((c) => c.id)).toEqual(demo.records.clients.filter((c) => c.branchId === demo.ownBranchId).map((c) => c.id))
  })

  it('assigns every VIP but six, spread over the four managers, with a different product maintainer', () => {
    expect(vips.filter((c) => c.maintainerId === null)).toHaveLength(UNASSIGNED_VIPS)
    const primaries = new Map<string, number>()
    for (const c of vips.filter((c) => c.maintainerId !== null)) {
      expect(managerIds.has(c.maintainerId!)).toBe(true)
      expect(managerIds.has(c.productMaintainerId!)).toBe(true)
      expect(c.productMaintainerId).not.toBe(c.maintainerId)
      primaries.set(c.maintainerId!, (primaries.get(c.maintainerId!) ?? 0) + 1)
    }
    expect(primaries.size).toBe(4)
    const counts = [...primaries.values()]
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1)
  })

  it('keeps one open assignment per assigned VIP matching the client, and some reassignment history', () => {
    for (const c of vips.filter((c) => c.maintainerId !== null)) {
      const open = book.vipAssignments.filter((a) => a.clientId === c.id && a.to === null)
      expect(open).toHaveLength(1)
      expect([open[0]!.primaryStaffId, open[0]!.productStaffId]).toEqual([c.maintainerId, c.productMaintainerId])
    }
    const closed = book.vipAssignments.filter((a) => a.to !== null)
    expect(closed.length).toBeGreaterThan(5)
    for (const a of closed) expect(a.from <= a.to!).toBe(true)
  })

  it('gives most clients contact preferences', () => {
    const share = book.clients.filter((c) => c.channelPrefs.length > 0).length / book.clients.length
    expect(share).toBeGreaterThan(0.75)
  })

  it('records balances at the last four quarter ends for every VIP, some growing and some falling since', () => {
    const ends = recentQuarterEnds(TODAY, 4)
    let growing = 0
    let falling = 0
    for (const c of vips) {
      const mine = book.balanceSnapshots.filter((s) => s.clientId === c.id)
      expect(ends.every((end) => mine.some((s) => s.asOf === end))).toBe(true)
      for (const s of mine) expect(s.savingsFen).toBeLessThanOrEqual(s.totalAssetsFen)
      const baseline = mine.find((s) => s.asOf === lastQuarterEnd(TODAY))!
      if (c.totalAssetsFen > baseline.totalAssetsFen) growing++
      if (c.totalAssetsFen < baseline.totalAssetsFen) falling++
    }
    expect(growing).toBeGreaterThan(vips.length / 3)
    expect(falling).toBeGreaterThan(3)
  })

  it('has VIPs waiting out a downgrade, each with its logged change and an open alert', () => {
    const pending = vips.filter((c) => c.tierPending !== null)
    expect(pending.length).toBeGreaterThanOrEqual(PENDING_DOWNGRADES)
    for (const c of pending) {
      expect(c.tierPending!.effectiveOn > TODAY).toBe(true)
      expect(earnedTier(c, TODAY, DEFAULT_WEALTH_RULES)).toBe(c.tierPending!.tier)
      expect(book.tierChanges.some((t) => t.clientId === c.id && t.kind === 'downgrade_pending' && t.businessDate === c.tierPending!.since)).toBe(true)
      expect(book.wealthAlerts.some((a) => a.clientId === c.id)).toBe(true)
    }
  })

  it('logs how every VIP reached the tier they have, never after today', () => {
    for (const c of vips) {
      const upgrades = book.tierChanges.filter((t) => t.clientId === c.id && t.kind === 'upgrade').sort((a, b) => a.at - b.at)
      expect(upgrades.at(-1)?.toTier).toBe(c.vipTier)
      expect(upgrades[0]!.fromTier).toBeNull()
    }
    expect(book.tierChanges.every((t) => t.businessDate < TODAY)).toBe(true)
  })

  it('raises a few open balance alerts with unique keys and before/after facts', () => {
    expect(book.wealthAlerts.length).toBeGreaterThanOrEqual(4)
    expect(new Set(book.wealthAlerts.map((a) => a.key)).size).toBe(book.wealthAlerts.length)
    const kinds = new Set(book.wealthAlerts.map((a) => a.kind))
    expect(kinds.has('savings_drop') && kinds.has('tier_drop')).toBe(true)
    for (const a of book.wealthAlerts) {
      expect(a.status).toBe('open')
      expect(a.facts).toHaveProperty('savingsBeforeFen')
      expect(a.facts).toHaveProperty('savingsAfterFen')
    }
  })
})
