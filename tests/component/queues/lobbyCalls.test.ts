import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { freshDatabase } from '../../support/db'
import { branchTerminal } from '../admin/fixtures'
import { database } from '@/db/connection'
import { createServicePoint } from '@/db/repositories/servicePoints'
import { saveHubSettings } from '@/db/sync/hubSettings'
import type { SyncStatus } from '@/db/sync/replicator'
import { encodeHlc } from '@/domain/hlc'
import { callFromAnotherTerminal, OTHER_TERMINAL } from './otherTerminal'
import type { ServicePoint, VisitEvent } from '@/domain/model/records'
import { CALL_CONFIRM_WAIT_MS, NoTicketNumberError, useLobbyStore } from '@/stores/lobby'
import { useSyncStore } from '@/stores/sync'
import { useTerminalStore } from '@/stores/terminal'

// Nothing here may reach the replicator itself: the sync store stands in, as each test sets it.
vi.mock('@/db/sync/replicator', async () => (await import('./otherTerminal')).replicatorNotToBeCalled())

/** 2026-12-02 10:00 in Shanghai. */
const ARRIVED_AT = Date.UTC(2026, 11, 2, 2, 0)

function status(phase: SyncStatus['phase']): SyncStatus {
  return { phase, pending: 0, offlineSince: phase === 'offline' ? Date.now() : null, problem: null, problemDatabase: null, lastSyncedAt: null, download: null, refusedDocs: 0, refusedChanges: 0 }
}

/** Synchronisation with the hub in this phase; `pulled` is what a round brings in. */
function replicating(phase: SyncStatus['phase'], pulled: () => Promise<void> = async () => undefined) {
  const sync = useSyncStore()
  sync.saved = { url: 'http://127.0.0.1:5992', database: 'branch', regionDatabase: '', username: '', hasPassword: false }
  sync.status = status(phase)
  return vi.spyOn(sync, 'syncNow').mockImplementation(pulled)
}

describe('two windows calling the same ticket', () => {
  let window3: ServicePoint
  let window5: ServicePoint
  let visitId: string

  beforeEach(async () => {
    vi.clearAllMocks()
    await freshDatabase()
    // Only Date is pinned (fake IndexedDB keeps its own timers): the client arrives at 10:00, calls come at 10:00:30.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(ARRIVED_AT)
    const { branchId } = await branchTerminal()
    window3 = await createServicePoint({ branchId, kind: 'high_counter', number: 3, name: '3号窗口', active: 1 })
    window5 = await createServicePoint({ branchId, kind: 'high_counter', number: 5, name: '5号窗口', active: 1 })
    setActivePinia(createPinia())
    await useTerminalStore().refresh()
    ;({
      visit: { id: visitId },
    } = await useLobbyStore().checkIn({ client: null, purpose: 'cash', disabled: false, pregnant: false, age: null, amountFen: null }, {}))
    vi.setSystemTime(ARRIVED_AT + 30_000)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('online: the call is pushed and pulled at once, and a call another window made first is told straight away', async () => {
    const lobby = useLobbyStore()
    const syncNow = replicating('current', async () => void (await callFromAnotherTerminal(visitId, window3)))
    const outcome = await lobby.callNext(window5)
    expect(syncNow).toHaveBeenCalledTimes(1)
    expect(outcome?.lost).toMatchObject({ visitId, ticketCode: 'A001', lostAt: window5.id, heldBy: window3.id })
    expect(lobby.lostCallNotices).toEqual([outcome?.lost])
    // The visit is the other window's: window 5 does not hold it.
    expect((await lobby.picture()).states.get(visitId)).toMatchObject({ status: 'called', servicePointId: window3.id })
  })

  it('online, when no other window called: nothing to tell', async () => {
    const lobby = useLobbyStore()
    replicating('current')
    expect((await lobby.callNext(window5))?.lost).toBeNull()
    expect(lobby.lostCallNotices).toEqual([])
  })

  it('a round with the hub that does not finish holds the station up for a few seconds at most', async () => {
    const lobby = useLobbyStore()
    replicating('current', () => new Promise<void>(() => undefined))
    const startedAt = performance.now()
    expect((await lobby.callNext(window5))?.lost).toBeNull()
    expect(performance.now() - startedAt).toBeLessThan(CALL_CONFIRM_WAIT_MS + 1_000)
  })

  it('a call out of the calling order is checked the same way', async () => {
    const lobby = useLobbyStore()
    replicating('current', async () => void (await callFromAnotherTerminal(visitId, window3)))
    expect((await lobby.callOutOfOrder(visitId, window5)).lost).toMatchObject({ lostAt: window5.id, heldBy: window3.id })
  })

  it('offline: no waiting for the hub; the loss is told once the other call arrives, and only once', async () => {
    const lobby = useLobbyStore()
    const syncNow = replicating('offline')
    expect((await lobby.callNext(window5))?.lost).toBeNull()
    expect(syncNow).not.toHaveBeenCalled()
    const arrival = await callFromAnotherTerminal(visitId, window3)
    expect(await lobby.checkLostCalls([arrival])).toMatchObject([{ visitId, lostAt: window5.id, heldBy: window3.id }])
    expect(await lobby.checkLostCalls([arrival])).toEqual([])
    expect(lobby.lostCallNotices).toHaveLength(1)
    lobby.dismissLostCall(lobby.lostCallNotices[0]!.eventId)
    expect(lobby.lostCallNotices).toEqual([])
  })

  it("the other terminal's call that lost to ours is its news, not ours", async () => {
    const lobby = useLobbyStore()
    replicating('offline')
    await lobby.callNext(window5)
    const theirs = await callFromAnotherTerminal(visitId, window3)
    // Ours is earlier this time: stamp theirs after it.
    const later = { ...(theirs.record as VisitEvent), hlc: encodeHlc({ wallMs: Date.now() + 60_000, counter: 0 }, OTHER_TERMINAL) }
    await database().records('visitEvents').put(later)
    expect(await lobby.checkLostCalls([{ ...theirs, record: later }])).toEqual([])
  })

  it('without a hub a call is as before: nothing is pushed or pulled', async () => {
    const lobby = useLobbyStore()
    const syncNow = vi.spyOn(useSyncStore(), 'syncNow')
    expect((await lobby.callNext(window5))?.lost).toBeNull()
    expect(syncNow).not.toHaveBeenCalled()
  })
})

describe('a check-in with the hub offline and no numbers in reserve', () => {
  beforeEach(async () => {
    vi.clearAllMocks()
    await freshDatabase()
    await branchTerminal()
    setActivePinia(createPinia())
    await useTerminalStore().refresh()
  })

  it('issues no ticket, stores nothing and says why', async () => {
    await saveHubSettings({ url: 'http://127.0.0.1:9', database: 'branch', regionDatabase: '', username: '', password: '' })
    replicating('offline')
    const refused = await useLobbyStore()
      .checkIn({ client: null, purpose: 'cash', disabled: false, pregnant: false, age: null, amountFen: null }, {})
      .catch((err: unknown) => err)
    expect(refused).toBeInstanceOf(NoTicketNumberError)
    expect(await database().records('visits').count()).toBe(0)
    expect(await database().records('tickets').count()).toBe(0)
  })
})
