// @vitest-environment node
// Node rather than jsdom: real fetch to the in-memory hub, and pictures as real Blobs.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { branchOnly, hubForThisFile } from '../../support/branchHub'
import { walkInAt } from '../../support/lobbyArrivals'
import { terminal, type Terminal } from '../../support/terminals'
import { seedCounterBranch, today, type CounterBranch } from '../../support/counterSeed'
import { database } from '@/db/connection'
import { writeRecords } from '@/db/write'
import { getLocal, LOCAL_KEYS } from '@/db/local'
import { CouchClient, type HubConnection } from '@/db/sync/couch'
import { hubDocId, type HubDoc } from '@/db/sync/documents'
import { downloadHub, isOnHub, startSync, stopSync, syncNow, syncOnce, type SyncStatus } from '@/db/sync/replicator'
import { confirmSale, saveOfferConversation } from '@/db/repositories/counter/offers'
import { personQuarter } from '@/db/repositories/counter/points'
import { quarterOf } from '@/domain/quarters'
import { RECORD_TABLES } from '@/domain/model/records'

const hub = hubForThisFile()
afterEach(async () => {
  await stopSync()
  vi.restoreAllMocks()
})

/** Terminal A sets up the branch and synchronises; terminal B takes it in. */
async function twoTerminals(): Promise<{ a: Terminal; b: Terminal; hubDb: HubConnection; branch: CounterBranch }> {
  const hubDb = await hub.freshDatabase()
  const a = terminal('a')
  const b = terminal('b')
  const branch = await a.as(async () => {
    const seeded = await seedCounterBranch()
    await syncOnce(hubDb)
    return seeded
  })
  await b.as(() => syncOnce(hubDb))
  return { a, b, hubDb, branch }
}

const client = (id: string) => database().records('clients').get(id)
const auditOf = (action: string) => database().records('auditLog').filter((entry) => entry.action === action).toArray()

describe('pushing and pulling through the hub', () => {
  it('what one terminal wrote arrives whole on another, and nothing waits to be pushed on either', async () => {
    const { a, b } = await twoTerminals()
    const written = await a.as(async () => ({ outbox: await database().outbox.count(), staff: await database().records('staff').toArray() }))
    expect(written.outbox).toBe(0)
    await b.as(async () => {
      expect(await database().records('staff').toArray()).toEqual(written.staff)
      expect(await database().outbox.count()).toBe(0)
    })
  })

  it('a record taken in from the hub is not pushed back, and taking the same feed in again changes nothing', async () => {
    const { b, hubDb } = await twoTerminals()
    await b.as(async () => {
      const before = await database().records('clients').toArray()
      await database().local.delete(LOCAL_KEYS.hubCheckpoint)
      await syncOnce(hubDb)
      expect(await database().records('clients').toArray()).toEqual(before)
      expect(await database().outbox.count()).toBe(0)
    })
  })

  it('a photo arrives with its record, byte for byte', async () => {
    const { a, b, hubDb, branch } = await twoTerminals()
    const photo = await a.as(async () => {
      const stored = await writeRecords(['attachments'], (w) => w.insert('attachments', { ownerTable: 'clients', ownerId: branch.mortgageClient.id, mimeType: 'image/jpeg', blob: new Blob(['门楣'], { type: 'image/jpeg' }), width: 4, height: 3, exportedAt: null }))
      await syncOnce(hubDb)
      return stored
    })
    await b.as(async () => {
      await syncOnce(hubDb)
      const arrived = await database().records('attachments').get(photo.id)
      expect(await arrived?.blob.text()).toBe('门楣')
    })
  })

  it('demo records never leave the terminal', async () => {
    const hubDb = await hub.freshDatabase()
    await terminal('demo').as(async () => {
      await writeRecords(['branches'], (w) => w.insert('branches', { code: 'DEMO', name: '演示支行', group: 'backbone', regionCode: 'BJ', regionName: '滨江分行', address: '', phone: '', demo: 1 }))
      await syncOnce(hubDb)
      expect(await database().outbox.count()).toBe(0)
    })
    expect((await new CouchClient(hubDb).changes({ since: 0 })).results.filter((c) => c.id.startsWith('branches:'))).toEqual([])
  })
})

describe('concurrent offline edits', () => {
  it('two terminals changing different fields of one client keep both changes', async () => {
    const { a, b, hubDb, branch } = await twoTerminals()
    const id = branch.mortgageClient.id
    await a.as(() => writeRecords(['clients'], (w) => w.update('clients', id, { phone: '13800000001' })))
    await b.as(() => writeRecords(['clients'], (w) => w.update('clients', id, { occupation: '教师' })))
    await a.as(() => syncOnce(hubDb))
    await b.as(() => syncOnce(hubDb))
    await a.as(() => syncOnce(hubDb))
    const onA = await a.as(() => client(id))
    const onB = await b.as(() => client(id))
    expect(onA).toMatchObject({ phone: '13800000001', occupation: '教师' })
    expect(onB).toEqual(onA)
    expect(await b.as(() => auditOf('sync.merge_overwrote'))).toEqual([])
  })

  it('when both change the same field the newer edit by the clock wins, and the older value is in the audit log', async () => {
    const { a, b, hubDb, branch } = await twoTerminals()
    const id = branch.mortgageClient.id
    await a.as(() => writeRecords(['clients'], (w) => w.update('clients', id, { phone: '13800000001' })))
    await b.as(() => writeRecords(['clients'], (w) => w.update('clients', id, { phone: '13900000002' })))
    await a.as(() => syncOnce(hubDb))
    await b.as(() => syncOnce(hubDb))
    await a.as(() => syncOnce(hubDb))
    expect((await a.as(() => client(id)))?.phone).toBe('13900000002')
    expect((await b.as(() => client(id)))?.phone).toBe('13900000002')
    const overwritten = await b.as(() => auditOf('sync.merge_overwrote'))
    expect(overwritten.map((e) => [e.entity, e.entityId, e.before, e.after])).toEqual([['clients', id, expect.objectContaining({ field: 'phone', value: '13800000001' }), { field: 'phone', value: '13900000002' }]])
    // The audit entry itself travels: the terminal whose value lost can see it.
    expect((await a.as(() => auditOf('sync.merge_overwrote'))).length).toBe(1)
  })

  it('every kind of record written on one terminal converges on the other', async () => {
    const { a, b, hubDb } = await twoTerminals()
    const tablesOnA = await a.as(async () => {
      await syncOnce(hubDb)
      return Object.fromEntries(await Promise.all(RECORD_TABLES.map(async (t) => [t, await database().records(t).count()] as const)))
    })
    await b.as(async () => {
      await syncOnce(hubDb)
      for (const t of RECORD_TABLES) expect([t, await database().records(t).count()]).toEqual([t, tablesOnA[t]])
    })
  })
})

describe('concurrent offline work of several kinds, both terminals converging with the documented winner', () => {
  it('two terminals calling the same ticket: both calls are kept, the earlier by the clock holds the visit, the later is the recorded conflict', async () => {
    const { a, b, hubDb, branch } = await twoTerminals()
    const points = await a.as(async () => {
      const written = await writeRecords(['servicePoints'], async (w) => [
        await w.insert('servicePoints', { branchId: branch.branchId, kind: 'high_counter', number: 1, name: '1号窗口', active: 1 }),
        await w.insert('servicePoints', { branchId: branch.branchId, kind: 'high_counter', number: 3, name: '3号窗口', active: 1 }),
      ])
      const { checkIn } = await import('@/db/repositories/lobby/visits')
      const { visit } = await checkIn(walkInAt(branch.branchId, today))
      await syncOnce(hubDb)
      return { window1: written[0]!.id, window3: written[1]!.id, visitId: visit.id }
    })
    const { recordVisitStep } = await import('@/db/repositories/lobby/visits')
    await b.as(async () => {
      await syncOnce(hubDb)
      // Window 3 (terminal B) calls first; window 1 (terminal A) calls a moment later, both offline.
      await recordVisitStep(points.visitId, { kind: 'called', data: { lane: 'normal' } }, { servicePointId: points.window3, staffId: branch.chen.id })
    })
    await new Promise((resolve) => setTimeout(resolve, 5))
    await a.as(() => recordVisitStep(points.visitId, { kind: 'called', data: { lane: 'normal' } }, { servicePointId: points.window1, staffId: branch.zhou.id }))
    await a.as(() => syncOnce(hubDb))
    await b.as(() => syncOnce(hubDb))
    await a.as(() => syncOnce(hubDb))
    const { deriveVisit } = await import('@/domain/lobby/visitState')
    const stateOn = (t: Terminal) => t.as(async () => deriveVisit(await database().records('visitEvents').where('visitId').equals(points.visitId).toArray()))
    const [onA, onB] = [await stateOn(a), await stateOn(b)]
    expect(onA).toEqual(onB)
    expect(onA).toMatchObject({ status: 'called', servicePointId: points.window3 })
    expect(onA?.conflicts).toEqual([expect.objectContaining({ kind: 'called', reason: 'already_called', resolution: 'ignored' })])
  })

  it('a PIN reset on one terminal after failed sign-ins on another: the new PIN comes with its cleared lockout, and the attempts counted elsewhere are audited', async () => {
    const { a, b, hubDb, branch } = await twoTerminals()
    const { resetStaffPin, saveLockout } = await import('@/db/repositories/staff')
    await b.as(() => saveLockout(branch.zhou.id, { failedPinAttempts: 3, lockedUntil: null }, 'signin.wrong_pin'))
    await new Promise((resolve) => setTimeout(resolve, 5))
    const pin = { algorithm: 'PBKDF2-SHA256', iterations: 1000, salt: 'c2FsdA==', hash: 'aGFzaA==' } as const
    await a.as(() => resetStaffPin(branch.zhou.id, pin as never))
    for (const t of [b, a, b]) await t.as(() => syncOnce(hubDb))
    const onA = await a.as(() => database().records('staff').get(branch.zhou.id))
    const onB = await b.as(() => database().records('staff').get(branch.zhou.id))
    expect(onB).toEqual(onA)
    expect(onA).toMatchObject({ pin, failedPinAttempts: 0, lockedUntil: null })
    const overwritten = [...(await a.as(() => auditOf('sync.merge_overwrote'))), ...(await b.as(() => auditOf('sync.merge_overwrote')))]
    expect(overwritten.map((e) => e.before)).toContainEqual(expect.objectContaining({ field: 'failedPinAttempts', value: 3 }))
  })
})

describe('kept totals recomputed from what arrives', () => {
  it('two managers logging a contact with one client while apart: both occasions count as looked after on both terminals', async () => {
    const { a, b, hubDb, branch } = await twoTerminals()
    const { logContact } = await import('@/db/repositories/wealth/contacts')
    const { DEFAULT_WEALTH_RULES } = await import('@/domain/wealth/rules')
    const contact = (occasion: string, at: number) => ({ branchId: branch.branchId, clientId: branch.mortgageClient.id, staffId: branch.wang.id, at, businessDate: today, channel: 'phone' as const, service: 'basic' as const, occasion, note: '', nextStep: '' })
    await a.as(() => logContact(contact('birthday:2026', Date.now() - 60_000), DEFAULT_WEALTH_RULES, today, 'Asia/Shanghai'))
    await b.as(() => logContact(contact('holiday:spring:2026', Date.now() - 30_000), DEFAULT_WEALTH_RULES, today, 'Asia/Shanghai'))
    // Each terminal recomputes the client's care from both contacts and pushes it once more; then all is still.
    for (const t of [a, b, a, b, a, b]) await t.as(() => syncOnce(hubDb))
    expect(await a.as(() => database().outbox.count())).toBe(0)
    expect(await b.as(() => database().outbox.count())).toBe(0)
    const onA = await a.as(() => client(branch.mortgageClient.id))
    const onB = await b.as(() => client(branch.mortgageClient.id))
    expect([...onA!.careDone].sort()).toEqual(['birthday:2026', 'holiday:spring:2026'])
    expect(onB).toEqual(onA)
  })
})

describe('money and points', () => {
  it('a sale replicated twice counts once in the other terminal’s kept totals', async () => {
    const { a, b, hubDb, branch } = await twoTerminals()
    await a.as(async () => {
      const saved = await saveOfferConversation({ branchId: branch.branchId, staffId: branch.zhou.id, clientId: branch.mortgageClient.id, visitId: null, anchorCode: 'LOAN_MORTGAGE', referralId: null, followUpOfferId: null, today, lines: [{ productCode: 'EB_SMS', reason: 'bundle', ruleVersion: 1, outcome: 'accepted', declineReason: null, followUpOn: null, followUpStaffId: null, referral: null, recordingRef: null, riskDisclosureAcknowledged: false }] })
      await confirmSale(saved.offers[0]!.id, today, branch.zhou.id)
      await syncOnce(hubDb)
    })
    const quarter = quarterOf(today)
    await b.as(async () => {
      await syncOnce(hubDb)
      await database().local.delete(LOCAL_KEYS.hubCheckpoint)
      await syncOnce(hubDb)
      expect((await personQuarter(branch.zhou.id, quarter)).totals).toEqual({ provisional: 0, final: 2, accepted: 1 })
    })
  })
})

describe('failures', () => {
  it('a hub going away mid-push loses nothing and duplicates nothing when it comes back', async () => {
    const { a, b, hubDb, branch } = await twoTerminals()
    await a.as(async () => {
      await writeRecords(['clients'], async (w) => {
        for (let i = 0; i < 30; i++) await w.update('clients', branch.mortgageClient.id, { occupation: `职业${i}` })
      })
      await writeRecords(['staff'], (w) => w.update('staff', branch.zhou.id, { givenName: '婷婷' }))
      const realFetch = globalThis.fetch
      let calls = 0
      // The connection drops after the first batch is sent.
      vi.spyOn(globalThis, 'fetch').mockImplementation((...args) => (++calls > 1 ? Promise.reject(new TypeError('fetch failed')) : realFetch(...args)))
      await expect(syncOnce(hubDb, { batchSize: 20 })).rejects.toMatchObject({ kind: 'unreachable' })
      vi.restoreAllMocks()
      await syncOnce(hubDb, { batchSize: 20 })
      expect(await database().outbox.count()).toBe(0)
    })
    await b.as(async () => {
      await syncOnce(hubDb)
      expect((await client(branch.mortgageClient.id))?.occupation).toBe('职业29')
      expect((await database().records('staff').get(branch.zhou.id))?.givenName).toBe('婷婷')
    })
  })

  it('a terminal away for long catches up every change in batches', async () => {
    const { a, b, hubDb, branch } = await twoTerminals()
    await a.as(async () => {
      await writeRecords(['contacts'], async (w) => {
        for (let i = 0; i < 1200; i++) {
          await w.insert('contacts', { clientId: branch.mortgageClient.id, staffId: branch.wang.id, branchId: branch.branchId, at: 1_790_000_000_000 + i, businessDate: today, channel: 'phone', service: 'basic', occasion: null, note: `第${i}次`, nextStep: '', details: {} })
        }
      })
      await syncOnce(hubDb, { batchSize: 250 })
    })
    await b.as(async () => {
      expect(await syncOnce(hubDb, { batchSize: 250 })).toMatchObject({ refusedDocs: 0, refusedChanges: 0 })
      expect(await database().records('contacts').count()).toBe(1200)
      expect(await getLocal(LOCAL_KEYS.hubCheckpoint)).toBeTruthy()
    })
  })

  it('the wrong database is a refusal with its reason, and the outbox keeps every change', async () => {
    await terminal('lost').as(async () => {
      await seedCounterBranch()
      const waiting = await database().outbox.count()
      await expect(syncOnce({ url: hub.url, database: 'no-such-branch' })).rejects.toMatchObject({ kind: 'not_found' })
      expect(await database().outbox.count()).toBe(waiting)
    })
  })
})

describe('running in the background', () => {
  it('pushes a write without being asked, says it is current, and the record counts as on the hub', async () => {
    const hubDb = await hub.freshDatabase()
    await terminal('bg').as(async () => {
      const seen: SyncStatus[] = []
      const branch = await seedCounterBranch()
      await startSync(branchOnly(hubDb), { onStatus: (s) => seen.push(s) }, { longPollMs: 500 })
      await vi.waitFor(async () => expect(await database().outbox.count()).toBe(0), { timeout: 5000 })
      await writeRecords(['clients'], (w) => w.update('clients', branch.mortgageClient.id, { occupation: '医生' }))
      await vi.waitFor(async () => expect(await isOnHub('clients', branch.mortgageClient.id)).toBe(true), { timeout: 5000 })
      await syncNow()
      expect(seen.at(-1)).toMatchObject({ phase: 'current', pending: 0, problem: null })
      expect(seen.some((s) => s.phase === 'syncing')).toBe(true)
    })
  })

  it('takes in another terminal’s change while it waits on the long-poll, and tells who asked', async () => {
    const { b, hubDb, branch } = await twoTerminals()
    const arrived: string[] = []
    await b.as(async () => {
      await startSync(branchOnly(hubDb), { onStatus: () => undefined, onArrivals: (list) => arrived.push(...list.map((x) => x.record.id)) }, { longPollMs: 5000 })
      // Another terminal's edit, written straight to the hub: a later stamp, a new occupation.
      const hubClient = new CouchClient(hubDb)
      const doc = await hubClient.getDoc<HubDoc>(hubDocId('clients', branch.mortgageClient.id))
      await hubClient.putDoc({ ...doc!, record: { ...doc!.record, occupation: '律师', hlc: `${Date.now() + 1000}-0000-other-terminal` } })
      await vi.waitFor(() => expect(arrived).toContain(branch.mortgageClient.id), { timeout: 5000 })
      expect((await client(branch.mortgageClient.id))?.occupation).toBe('律师')
    })
  })

  it('remembers when it was last current across a restart (a reload of the page)', async () => {
    const hubDb = await hub.freshDatabase()
    await terminal('again').as(async () => {
      await seedCounterBranch()
      const { lastSyncedAt } = await syncOnce(hubDb)
      const seen: SyncStatus[] = []
      await startSync(branchOnly({ url: 'http://127.0.0.1:9', database: 'branch', requestTimeoutMs: 500 }), { onStatus: (s) => seen.push(s) }, { retry: { baseMs: 50, maxMs: 100 } })
      await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ phase: 'offline', lastSyncedAt }), { timeout: 5000 })
    })
  })

  it('an unreachable hub is offline since the first failure, with the changes waiting counted', async () => {
    await terminal('off').as(async () => {
      const seen: SyncStatus[] = []
      await seedCounterBranch()
      await startSync(branchOnly({ url: 'http://127.0.0.1:9', database: 'branch', requestTimeoutMs: 500 }), { onStatus: (s) => seen.push(s) }, { retry: { baseMs: 50, maxMs: 100 } })
      await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ phase: 'offline' }), { timeout: 5000 })
      const last = seen.at(-1)!
      expect(last.offlineSince).toBeGreaterThan(0)
      expect(last.pending).toBe(await database().outbox.count())
    })
  })
})

describe('onboarding a terminal', () => {
  it('downloads the whole branch with its progress, then nothing is left to push', async () => {
    const { hubDb } = await twoTerminals()
    await terminal('new').as(async () => {
      const progress: { received: number; total: number | null }[] = []
      await downloadHub(branchOnly(hubDb), (p) => progress.push(p), { batchSize: 10 })
      expect(progress[0]).toEqual({ received: 0, total: expect.any(Number) })
      expect(progress.at(-1)?.received).toBe(progress.at(-1)?.total)
      expect(await database().records('products').count()).toBeGreaterThan(0)
      expect(await database().outbox.count()).toBe(0)
    })
  })
})
