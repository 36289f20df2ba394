import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { database } from '@/db/connection'
import { writeRecords } from '@/db/write'
import { generateDemoBranch } from '@/db/demo/generate'
import { seedWealthScaleData } from '@/db/demo/scale'
import { dueList, recomputeCare } from '@/db/repositories/wealth/care'

const TODAY = '2026-11-25'
const ZONE = 'Asia/Shanghai'
const demo = generateDemoBranch(TODAY, ZONE)
const branchId = demo.ownBranchId

describe('bench data for the wealth area', () => {
  beforeEach(async () => {
    await freshDatabase()
    await writeRecords(['staff', 'clients'], async (w) => {
      await w.insertMany('staff', demo.records.staff)
      await w.insertMany('clients', demo.records.clients)
    })
  })

  it('assigns VIPs round the managers with their diaries and the care state those give, and adds nothing when run again', async () => {
    const options = { branchId, today: TODAY, zone: ZONE, vips: 40, contacts: 400 }
    await seedWealthScaleData(options)
    const managers = demo.records.staff.filter((s) => s.branchId === branchId && s.roles.some((r) => r === 'customer_manager' || r === 'wealth_manager')).map((s) => s.id)
    const maintained = await database().records('clients').where('maintainerId').anyOf(managers).toArray()
    expect(maintained).toHaveLength(40)
    expect(new Set(maintained.map((c) => c.maintainerId)).size).toBe(managers.length)
    expect(await database().records('contacts').count()).toBe(400)
    expect(await recomputeCare(maintained.map((c) => c.id), TODAY)).toBe(0)
    expect((await dueList(managers[0]!, TODAY, ZONE)).stale).toEqual([])

    await seedWealthScaleData(options)
    expect(await database().records('contacts').count()).toBe(400)
  })

  it('says so when the branch has too few VIPs to assign', async () => {
    await expect(seedWealthScaleData({ branchId, today: TODAY, zone: ZONE, vips: 100_000, contacts: 10 })).rejects.toThrow(/unassigned VIPs/)
  })
})
