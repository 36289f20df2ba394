import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../support/db'
import { seedBookBranch, today, type BookBranch } from './wealth-book-seed'
import { database } from '@/db/connection'
import { setActor } from '@/db/write'
import { designateClient, reevaluateTiers, revokeDesignation, sweepTiers, tierChangeLog, unassignedVips, vipBookPage, type BookQuery } from '@/db/repositories/wealth/clients'
import { balanceHistory, editBalances, importBalances } from '@/db/repositories/wealth/balances'
import { assignMaintainers, assignmentHistory } from '@/db/repositories/wealth/assignments'
import { activeGrants, grantAccess, revokeGrant } from '@/db/repositories/wealth/access'
import { loadWealthRules, saveWealthRules } from '@/db/repositories/wealth/rules'
import { addDays } from '@/domain/time'

let branch: BookBranch
beforeEach(async () => {
  await freshDatabase()
  branch = await seedBookBranch()
  setActor(branch.head.id)
})

const query = (more: Partial<BookQuery> = {}): BookQuery => ({ branchId: branch.branchId, tiers: [], maintainedBy: null, unassigned: false, pendingDowngrade: false, search: '', offset: 0, limit: 20, ...more })

describe('the VIP book', () => {
  it('lists VIPs only, highest tier first, and filters by tier, maintainer, unassigned and name', async () => {
    expect((await vipBookPage(query())).rows.map((c) => c.surname)).toEqual(['欧阳', '李'])
    expect((await vipBookPage(query({ tiers: ['gold'] }))).rows.map((c) => c.surname)).toEqual(['李'])
    expect((await vipBookPage(query({ maintainedBy: branch.wang.id }))).rows.map((c) => c.surname)).toEqual(['欧阳'])
    expect((await vipBookPage(query({ unassigned: true }))).rows.map((c) => c.surname)).toEqual(['李'])
    expect((await vipBookPage(query({ search: 'ljg' }))).rows.map((c) => c.surname)).toEqual(['李'])
    expect((await vipBookPage(query({ search: '建国' }))).total).toBe(1)
    expect(await vipBookPage(query({ limit: 1, offset: 1 }))).toMatchObject({ total: 2, rows: [{ surname: '李' }] })
  })
})

describe('balances', () => {
  it('an edit writes the snapshot, the balances, the tier change and the alerts in one go', async () => {
    const outcome = await editBalances({ clientId: branch.ouyang.id, savingsFen: 9_000_000, totalAssetsFen: 9_000_000, asOf: today }, today)
    const client = await database().records('clients').get(branch.ouyang.id)
    expect(client).toMatchObject({ savingsFen: 9_000_000, vipTier: 'platinum', tierPending: { tier: null, since: today, effectiveOn: addDays(today, 90), ruleVersion: 1 } })
    expect(outcome.tierChanges.map((c) => [c.kind, c.cause, c.fromTier, c.toTier, c.ruleVersion])).toEqual([['downgrade_pending', 'balance', 'platinum', null, 1]])
    expect(outcome.alerts.map((a) => a.kind).sort()).toEqual(['below_vip_line', 'savings_drop', 'tier_drop'])
    expect((await balanceHistory(branch.ouyang.id)).map((s) => [s.asOf, s.source])).toEqual([[today, 'edit']])
    const audit = await database().records('auditLog').where('[entity+entityId]').equals(['clients', branch.ouyang.id]).toArray()
    expect(audit.map((e) => e.action)).toEqual(['client.balances_edit'])
  })

  it('the same fall entered twice raises each alert once', async () => {
    const entry = { clientId: branch.ouyang.id, savingsFen: 9_000_000, totalAssetsFen: 9_000_000, asOf: today }
    await editBalances(entry, today)
    await editBalances(entry, today)
    expect(await database().records('wealthAlerts').count()).toBe(3)
    expect(await database().records('balanceSnapshots').count()).toBe(1) // the same day's snapshot is corrected, not doubled
  })

  it('a back-dated figure joins the history without replacing newer balances', async () => {
    await editBalances({ clientId: branch.li.id, savingsFen: 13_000_000, totalAssetsFen: 16_000_000, asOf: today }, today)
    await editBalances({ clientId: branch.li.id, savingsFen: 1_000, totalAssetsFen: 1_000, asOf: addDays(today, -40) }, today)
    expect(await database().records('clients').get(branch.li.id)).toMatchObject({ savingsFen: 13_000_000, vipTier: 'gold', tierPending: null })
    expect((await balanceHistory(branch.li.id)).map((s) => s.asOf)).toEqual([today, addDays(today, -40)])
  })

  it('an import applies every accepted row in one transaction', async () => {
    const outcome = await importBalances(
      [
        { row: 2, clientId: branch.zhang.id, savingsFen: 10_000_000, totalAssetsFen: 10_000_000, asOf: today },
        { row: 3, clientId: branch.li.id, savingsFen: 60_000_000, totalAssetsFen: 70_000_000, asOf: today },
      ],
      today,
    )
    expect(outcome.snapshots).toBe(2)
    expect(outcome.tierChanges.map((c) => [c.kind, c.toTier])).toEqual([['upgrade', 'gold'], ['upgrade', 'platinum']])
    expect((await database().records('balanceSnapshots').toArray()).every((s) => s.source === 'import')).toBe(true)
  })

  it('an import that fails part-way leaves nothing applied', async () => {
    const before = await database().records('clients').get(branch.zhang.id)
    const rows = [
      { row: 2, clientId: branch.zhang.id, savingsFen: 10_000_000, totalAssetsFen: 10_000_000, asOf: today },
      { row: 3, clientId: branch.ouyang.id, savingsFen: 1_000, totalAssetsFen: 1_000, asOf: today },
      { row: 4, clientId: '00000000-0000-4000-8000-000000000000', savingsFen: 1, totalAssetsFen: 1, asOf: today },
    ]
    await expect(importBalances(rows, today)).rejects.toThrow(/No client/)
    expect(await database().records('clients').get(branch.zhang.id)).toEqual(before)
    expect(await database().records('balanceSnapshots').count()).toBe(0)
    expect(await database().records('tierChanges').count()).toBe(0)
    expect(await database().records('wealthAlerts').count()).toBe(0)
  })

  it('a storage failure in the middle of an import rolls it all back', async () => {
    const table = database().records('wealthAlerts')
    const add = vi.spyOn(table, 'add').mockRejectedValueOnce(new DOMException('disk full', 'QuotaExceededError'))
    await expect(importBalances([{ row: 2, clientId: branch.ouyang.id, savingsFen: 1_000, totalAssetsFen: 1_000, asOf: today }], today)).rejects.toBeTruthy()
    add.mockRestore()
    expect(await database().records('clients').get(branch.ouyang.id)).toMatchObject({ savingsFen: 30_000_000, tierPending: null })
    expect(await database().records('balanceSnapshots').count()).toBe(0)
  })
})

describe('tier changes outside balance edits', () => {
  it('a designation makes a VIP at once; revoking it starts the grace period', async () => {
    await designateClient(branch.zhang.id, { reason: '代发工资单位负责人', until: addDays(today, 100), approvedBy: branch.head.id }, today)
    expect(await database().records('clients').get(branch.zhang.id)).toMatchObject({ vipTier: 'gold', vipDesignation: { reason: '代发工资单位负责人' } })
    await revokeDesignation(branch.zhang.id, today)
    expect(await database().records('clients').get(branch.zhang.id)).toMatchObject({ vipTier: 'gold', vipDesignation: null, tierPending: { tier: null } })
    expect((await tierChangeLog(branch.zhang.id)).map((c) => [c.kind, c.cause, c.actorId])).toEqual([
      ['downgrade_pending', 'designation', branch.head.id],
      ['upgrade', 'designation', branch.head.id],
    ])
  })

  it('the sweep applies an elapsed downgrade once, however often it runs', async () => {
    await editBalances({ clientId: branch.li.id, savingsFen: 1_000, totalAssetsFen: 1_000, asOf: today }, today)
    const effectiveOn = addDays(today, 90)
    expect(await sweepTiers(branch.branchId, addDays(effectiveOn, -1))).toEqual([])
    expect(await sweepTiers(branch.branchId, effectiveOn)).toHaveLength(1)
    expect(await sweepTiers(branch.branchId, effectiveOn)).toEqual([])
    expect(await database().records('clients').get(branch.li.id)).toMatchObject({ vipTier: null, tierPending: null })
    expect((await tierChangeLog(branch.li.id))[0]).toMatchObject({ kind: 'downgrade', cause: 'grace_elapsed', businessDate: effectiveOn })
  })

  it('new rules re-evaluate every client, logged as rules_changed with the new version', async () => {
    const saved = await saveWealthRules({ ...(await loadWealthRules()), vipSavingsThresholdFen: 5_000_000 })
    expect(saved.ok).toBe(true)
    expect(await reevaluateTiers(branch.branchId, today)).toHaveLength(1)
    expect((await tierChangeLog(branch.zhang.id))[0]).toMatchObject({ kind: 'upgrade', cause: 'rules_changed', toTier: 'gold', ruleVersion: 2 })
  })
})

describe('分户到人', () => {
  it('reassigning closes the old assignment today, opens the new one and updates the client, audited', async () => {
    await assignMaintainers([branch.ouyang.id, branch.li.id], { primaryId: branch.feng.id, productId: branch.zheng.id }, today, branch.head.id)
    expect(await unassignedVips(branch.branchId)).toEqual([])
    expect(await database().records('clients').get(branch.li.id)).toMatchObject({ maintainerId: branch.feng.id, productMaintainerId: branch.zheng.id })
    await assignMaintainers([branch.li.id], { primaryId: branch.wang.id, productId: branch.feng.id }, today, branch.head.id)
    const history = await assignmentHistory(branch.li.id)
    expect(history.map((a) => [a.primaryStaffId, a.to])).toEqual([
      [branch.wang.id, null],
      [branch.feng.id, today],
    ])
    const audit = await database().records('auditLog').where('[entity+entityId]').equals(['clients', branch.li.id]).toArray()
    expect(audit.map((e) => e.action)).toEqual(['client.maintainers', 'client.maintainers'])
  })

  it('assigning the same two again changes nothing', async () => {
    expect(await assignMaintainers([branch.ouyang.id], { primaryId: branch.zheng.id, productId: branch.wang.id }, today, branch.head.id)).toEqual([])
  })
})

describe('access grants', () => {
  it('a grant runs through its last day and can be withdrawn', async () => {
    const grant = await grantAccess({ branchId: branch.branchId, granteeId: branch.wang.id, ownerStaffId: branch.zheng.id, grantedBy: branch.head.id, until: today })
    expect((await activeGrants(branch.branchId, today)).map((g) => g.id)).toEqual([grant.id])
    expect(await activeGrants(branch.branchId, addDays(today, 1))).toEqual([])
    await revokeGrant(grant.id)
    expect(await activeGrants(branch.branchId, today)).toEqual([])
  })
})
