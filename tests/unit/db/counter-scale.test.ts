import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { seedCounterBranch, today, type CounterBranch } from '../../support/counterSeed'
import { database } from '@/db/connection'
import { seedCounterScaleData } from '@/db/demo/scale'
import { pointTotalsFrom } from '@/domain/counter/totals'
import { DEFAULT_TIME_ZONE } from '@/domain/time'

let b: CounterBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedCounterBranch()
})

describe('counter data at bank scale', () => {
  it('adds offers with their ledger until the branch holds the number asked, with totals as the ledger gives them, and adds nothing when run again', async () => {
    await seedCounterScaleData({ branchId: b.branchId, today, zone: DEFAULT_TIME_ZONE, offers: 600 })
    expect(await database().records('offers').count()).toBe(600)
    const ledger = await database().records('pointEntries').toArray()
    expect(ledger.length).toBeGreaterThan(100)
    const kept = await database().pointTotals.toArray()
    expect(kept.sort((x, y) => `${x.staffId}${x.quarter}`.localeCompare(`${y.staffId}${y.quarter}`))).toEqual(pointTotalsFrom(ledger).sort((x, y) => `${x.staffId}${x.quarter}`.localeCompare(`${y.staffId}${y.quarter}`)))
    await seedCounterScaleData({ branchId: b.branchId, today, zone: DEFAULT_TIME_ZONE, offers: 600 })
    expect(await database().records('offers').count()).toBe(600)
  })
})
