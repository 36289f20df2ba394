// @vitest-environment node
/**
 * The region's database beside each branch's (issue 9): a record goes to the database its table
 * belongs to, each database keeps its own feed position, a terminal without a branch (an inspector's
 * tablet) syncs the region only, and a terminal given a region sends the region's records there.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { hubForThisFile, useHubDatabase } from '../../support/branchHub'
import { terminal } from '../../support/terminals'
import { seedCounterBranch, today } from '../../support/counterSeed'
import { database } from '@/db/connection'
import { writeRecords } from '@/db/write'
import { getLocal, LOCAL_KEYS } from '@/db/local'
import { publishedOutlets } from '@/db/repositories/counter/outletStandings'
import { ensureDefaultTemplate } from '@/db/repositories/inspection/templates'
import { quarterOf } from '@/domain/quarters'
import { CouchClient, type CouchDoc, type HubConnection } from '@/db/sync/couch'
import { readHubSettings, saveHubSettings } from '@/db/sync/hubSettings'
import { startSync, stopSync, syncNow, syncOnce, type SyncStatus } from '@/db/sync/replicator'
import { REGION_TABLES, type Placement } from '@/domain/sync/databases'

const hub = hubForThisFile()
afterEach(() => stopSync())

const BRANCH: Placement = { database: 'branch', withRegion: true }
const REGION: Placement = { database: 'region', withRegion: true }

/** The tables of the documents a hub database holds. */
async function tablesIn(connection: HubConnection): Promise<Set<string>> {
  const { results } = await new CouchClient(connection).changes<CouchDoc & { table?: string }>({ since: 0, limit: 100_000 })
  return new Set(results.flatMap((change) => (change.doc?.table ? [change.doc.table] : [])))
}

/** One round with each database, as a terminal with both does it. */
async function syncBoth(branchDb: HubConnection, regionDb: HubConnection): Promise<void> {
  await syncOnce(branchDb, {}, {}, BRANCH)
  await syncOnce(regionDb, {}, {}, REGION)
}

/** An inspector's half-month plan: a record of the region's. */
function planFor(branchIds: string[], inspectorId: string = crypto.randomUUID()) {
  return writeRecords(['inspectionPlans'], (w) => w.insert('inspectionPlans', { halfMonth: '2026-12-H1', inspectorId, branchIds }))
}

describe('a branch terminal with its region', () => {
  it('sends the region’s records to the region database and everything else to the branch database', async () => {
    const [branchDb, regionDb] = [await hub.freshDatabase(), await hub.freshDatabase()]
    await terminal('branch-a').as(async () => {
      const { branchId } = await seedCounterBranch()
      await planFor([branchId])
      await syncBoth(branchDb, regionDb)
      expect(await database().outbox.count()).toBe(0)
    })
    const regional = await tablesIn(regionDb)
    const local = await tablesIn(branchDb)
    expect([...regional].sort()).toEqual(['branches', 'inspectionPlans', 'outletStandings'])
    expect(local.has('staff') && local.has('clients') && local.has('products')).toBe(true)
    for (const table of REGION_TABLES) expect(local.has(table)).toBe(false)
  })

  it('another branch’s terminal receives the region’s records, never the first branch’s own', async () => {
    const [branchA, branchB, regionDb] = [await hub.freshDatabase(), await hub.freshDatabase(), await hub.freshDatabase()]
    const plan = await terminal('branch-a').as(async () => {
      const { branchId } = await seedCounterBranch()
      const written = await planFor([branchId])
      await syncBoth(branchA, regionDb)
      return written
    })
    await terminal('branch-b').as(async () => {
      await syncBoth(branchB, regionDb)
      expect(await database().records('inspectionPlans').get(plan.id)).toMatchObject({ branchIds: plan.branchIds })
      expect(await database().records('clients').count()).toBe(0)
      expect(await getLocal(LOCAL_KEYS.regionCheckpoint)).toBeDefined()
    })
  })
})

describe('the region’s points rankings', () => {
  it('a branch terminal publishes its outlet’s quarter standings to the region as it syncs, and another outlet’s terminal ranks with them', async () => {
    const [branchA, branchB, regionDb] = [await hub.freshDatabase(), await hub.freshDatabase(), await hub.freshDatabase()]
    const { branchId, zhou } = await terminal('outlet-a').as(async () => {
      const seeded = await seedCounterBranch()
      await syncBoth(branchA, regionDb)
      return seeded
    })
    expect(await tablesIn(regionDb)).toContain('outletStandings')
    await terminal('outlet-b').as(async () => {
      await syncBoth(branchB, regionDb)
      const [published] = await publishedOutlets(quarterOf(today))
      expect(published?.branchId).toBe(branchId)
      expect(published?.people.map((p) => p.staffId)).toContain(zhou.id)
    })
  })
})

describe('the shipped score sheet', () => {
  it('installed on two terminals apart is one sheet between them once they meet at the region', async () => {
    const regionDb = await hub.freshDatabase()
    const inspector = terminal('installs-a')
    const branchHead = terminal('installs-b')
    const ids = [await inspector.as(async () => (await ensureDefaultTemplate()).id), await branchHead.as(async () => (await ensureDefaultTemplate()).id)]
    expect(ids[0]).toBe(ids[1])
    await inspector.as(() => syncOnce(regionDb, {}, {}, REGION))
    await branchHead.as(async () => {
      expect(await syncOnce(regionDb, {}, {}, REGION)).toMatchObject({ phase: 'current', pending: 0 })
      expect(await database().records('inspectionTemplates').count()).toBe(1)
    })
  })
})

describe('an inspector’s tablet', () => {
  it('syncs the region only: its inspections go there, its own sign-in record stays on the tablet and does not count as waiting', async () => {
    const regionDb = await hub.freshDatabase()
    await terminal('inspector').as(async () => {
      const inspector = await writeRecords(['staff'], (w) =>
        w.insert('staff', { branchId: null, staffNo: '9014', surname: '冯', givenName: '涛', roles: ['inspector'], pin: null, failedPinAttempts: 0, lockedUntil: null, active: 1 }),
      )
      await planFor([crypto.randomUUID()], inspector.id)
      const status = await syncOnce(regionDb, {}, {}, REGION)
      expect(status).toMatchObject({ phase: 'current', pending: 0 })
      expect(await database().outbox.where('[table+recordId]').between(['staff', ''], ['staff', '\uffff']).count()).toBe(1)
    })
    expect([...(await tablesIn(regionDb))]).toEqual(['inspectionPlans'])
  })
})

describe('the two databases running together', () => {
  it('report one status; a refusal by the region says it came from the region database', async () => {
    const branchDb = await hub.freshDatabase()
    await terminal('both').as(async () => {
      await seedCounterBranch()
      const seen: SyncStatus[] = []
      const missing = { url: hub.url, database: 'region-missing' }
      await startSync([{ placement: BRANCH, connection: branchDb }, { placement: REGION, connection: missing }], { onStatus: (s) => seen.push(s) }, { longPollMs: 500, retry: { baseMs: 50, maxMs: 100 } })
      await syncNow()
      expect(seen.at(-1)).toMatchObject({ phase: 'refused', problem: 'not_found', problemDatabase: 'region' })
      // The branch's records went all the same; the region's wait for their database.
      const waiting = await database().outbox.toArray()
      expect(waiting.length).toBeGreaterThan(0)
      expect(waiting.every((entry) => (REGION_TABLES as readonly string[]).includes(entry.table))).toBe(true)
      expect(seen.at(-1)!.pending).toBe(waiting.length)
    })
  })
})

describe('giving a terminal its region', () => {
  it('sends the region’s records it already synced through the branch database to the region database', async () => {
    const [branchDb, regionDb] = [await hub.freshDatabase(), await hub.freshDatabase()]
    await terminal('before-region').as(async () => {
      const { branchId } = await seedCounterBranch()
      await planFor([branchId])
      await useHubDatabase(branchDb)
      await syncOnce(branchDb)
      expect(await database().outbox.count()).toBe(0)

      const settings = (await readHubSettings())!
      await saveHubSettings({ ...settings, regionDatabase: regionDb.database })
      await syncBoth(branchDb, regionDb)
      expect(await database().outbox.count()).toBe(0)
    })
    expect([...(await tablesIn(regionDb))].sort()).toEqual(['branches', 'inspectionPlans', 'outletStandings'])
  })

  it('a terminal joining later takes in a branch database from before the region without its region records', async () => {
    const [branchDb, regionDb] = [await hub.freshDatabase(), await hub.freshDatabase()]
    await terminal('old-hub').as(async () => {
      await seedCounterBranch()
      await planFor([crypto.randomUUID()])
      await syncOnce(branchDb)
    })
    await terminal('joins-later').as(async () => {
      await syncBoth(branchDb, regionDb)
      expect(await database().records('inspectionPlans').count()).toBe(0)
      expect(await database().records('staff').count()).toBeGreaterThan(0)
    })
  })
})
