/**
 * The sync store: which tab replicates, what every tab shows, and the hub settings' save and
 * disconnect. The replicator and the connection test are replaced by explicit fakes; any other
 * export of theirs is missing from the mock and fails the test that reaches for it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises } from '@vue/test-utils'
import { freshDatabase } from '../../support/db'
import { readHubSettings, saveHubSettings, type HubSettings } from '@/db/sync/hubSettings'
import type { HubConnection } from '@/db/sync/couch'
import type { Arrival, HubFeed, SyncHandlers, SyncStatus } from '@/db/sync/replicator'
import { HubError } from '@/db/sync/couch'
import { writeRecords } from '@/db/write'
import { useSyncStore } from '@/stores/sync'
import { useTerminalStore } from '@/stores/terminal'

const fake = vi.hoisted(() => ({
  handlers: null as SyncHandlers | null,
  connection: null as HubConnection | null,
  startSync: vi.fn(),
  stopSync: vi.fn(),
  syncNow: vi.fn(),
  downloadHub: vi.fn(),
  checkHub: vi.fn(),
}))

vi.mock('@/db/sync/replicator', () => ({
  startSync: fake.startSync,
  stopSync: fake.stopSync,
  syncNow: fake.syncNow,
  downloadHub: fake.downloadHub,
}))
// The connection test is played by a fake; how a connection is built and a failure worded stay real.
vi.mock('@/db/sync/hubCheck', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/db/sync/hubCheck')>()), checkHub: fake.checkHub }))

const HUB: HubSettings = { url: 'https://hub.bj001.example:6984', database: 'branch-bj001', regionDatabase: '', username: 'terminal-01', password: 'secret' }
const FOUND = { ok: true, server: 'CouchDB', version: '3.4.2', documents: 120, regionDocuments: null } as const

function syncStatus(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return { phase: 'current', pending: 0, offlineSince: null, problem: null, problemDatabase: null, lastSyncedAt: 1_000, download: null, refusedDocs: 0, refusedChanges: 0, ...overrides }
}

/**
 * Web Locks as the browser gives them: one holder per name, the others queue until it lets go
 * (or give up waiting through their signal); closing the holder's tab lets go too.
 */
class FakeLockManager {
  private tail: Promise<unknown> = Promise.resolve()
  private closeHolderTab: (() => void) | null = null
  request(_name: string, options: { signal?: AbortSignal }, work: () => Promise<void>): Promise<void> {
    const turn = this.tail.then(() => {
      if (options.signal?.aborted) throw new DOMException('The wait was given up', 'AbortError')
      return Promise.race([work(), new Promise<void>((resolve) => (this.closeHolderTab = resolve))])
    })
    this.tail = turn.catch(() => undefined)
    return turn
  }
  /** The browser ends the lock of a tab that closes. */
  holderTabClosed(): void {
    this.closeHolderTab?.()
  }
}

/** Each tab is a Pinia of its own; their broadcast channels are closed after each test. */
const channels: BroadcastChannel[] = []
class TrackedChannel extends BroadcastChannel {
  constructor(name: string) {
    super(name)
    channels.push(this)
  }
}

function openTab(): ReturnType<typeof useSyncStore> {
  const pinia = createPinia()
  setActivePinia(pinia)
  return useSyncStore()
}

/** Two tabs of one browser, booted one after the other: the first takes the lock. */
async function twoTabs(): Promise<[ReturnType<typeof useSyncStore>, ReturnType<typeof useSyncStore>]> {
  const tabs = [openTab(), openTab()] as const
  for (const tab of tabs) {
    await tab.boot()
    await settle()
  }
  return [...tabs]
}

/** Lets the tabs' broadcast messages and the dynamic imports settle. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

let locks: FakeLockManager

beforeEach(async () => {
  await freshDatabase()
  vi.stubGlobal('BroadcastChannel', TrackedChannel)
  locks = new FakeLockManager()
  Object.defineProperty(navigator, 'locks', { value: locks, configurable: true })
  fake.handlers = null
  fake.startSync.mockReset().mockImplementation(async (feeds: HubFeed[], handlers: SyncHandlers) => {
    fake.connection = feeds[0]!.connection
    fake.handlers = handlers
    handlers.onStatus(syncStatus({ phase: 'connecting', lastSyncedAt: null }))
  })
  fake.stopSync.mockReset().mockResolvedValue(undefined)
  fake.syncNow.mockReset().mockResolvedValue(undefined)
  fake.downloadHub.mockReset()
  fake.checkHub.mockReset().mockResolvedValue(FOUND)
})

afterEach(async () => {
  // What a test left in flight (a tab taking the lock, a broadcast) finishes before its channels close.
  await settle()
  for (const channel of channels.splice(0)) channel.close()
  vi.unstubAllGlobals()
  Reflect.deleteProperty(navigator, 'locks')
})

describe('a terminal without a hub', () => {
  it('works alone: no replicator is loaded or started, the phase is "alone"', async () => {
    const sync = openTab()
    await sync.boot()
    expect(sync.configured).toBe(false)
    expect(sync.phase).toBe('alone')
    expect(sync.status).toBeNull()
    expect(fake.startSync).not.toHaveBeenCalled()
  })

  it('syncNow resolves at once', async () => {
    const sync = openTab()
    await sync.boot()
    await sync.syncNow()
    expect(fake.syncNow).not.toHaveBeenCalled()
  })
})

describe('with a hub configured', () => {
  beforeEach(async () => {
    await saveHubSettings(HUB)
  })

  it('the tab holding the lock replicates with the saved connection, and shows its status', async () => {
    const sync = openTab()
    await sync.boot()
    await settle()
    expect(sync.leading).toBe(true)
    expect(fake.startSync).toHaveBeenCalledTimes(1)
    expect(fake.connection).toEqual({ url: HUB.url, database: HUB.database, credentials: { username: HUB.username, password: HUB.password } })
    expect(sync.phase).toBe('connecting')
    fake.handlers!.onStatus(syncStatus({ phase: 'syncing', pending: 3 }))
    expect(sync.phase).toBe('syncing')
    expect(sync.status?.pending).toBe(3)
  })

  it('the password stays in the database: the screens see only that one is saved', async () => {
    const sync = openTab()
    await sync.boot()
    expect(sync.saved).toEqual({ url: HUB.url, database: HUB.database, regionDatabase: '', username: HUB.username, hasPassword: true })
    expect(JSON.stringify(sync.$state)).not.toContain(HUB.password)
  })

  it('a second tab does not replicate: it learns the status from the first', async () => {
    const [, second] = await twoTabs()
    expect(second.leading).toBe(false)
    expect(fake.startSync).toHaveBeenCalledTimes(1)
    // The newcomer asked, and the replicating tab answered with what it had.
    expect(second.phase).toBe('connecting')
    fake.handlers!.onStatus(syncStatus({ phase: 'offline', pending: 2, offlineSince: 5_000 }))
    await settle()
    expect(second.status).toMatchObject({ phase: 'offline', pending: 2, offlineSince: 5_000 })
  })

  it("a second tab's syncNow runs a round in the replicating tab and waits for it", async () => {
    const [, second] = await twoTabs()
    await second.syncNow()
    expect(fake.syncNow).toHaveBeenCalledTimes(1)
  })

  it('records from other terminals reach the listeners of every tab', async () => {
    const [first, second] = await twoTabs()
    const heardFirst: Arrival[][] = []
    const heardSecond: Arrival[][] = []
    first.onArrivals((arrivals) => heardFirst.push([...arrivals]))
    const stopListening = second.onArrivals((arrivals) => heardSecond.push([...arrivals]))
    const arrival = { table: 'visitEvents', record: { id: 'event-1' }, isNew: true } as unknown as Arrival
    fake.handlers!.onArrivals!([arrival])
    await settle()
    expect(heardFirst).toEqual([[arrival]])
    expect(heardSecond).toEqual([[arrival]])
    stopListening()
    fake.handlers!.onArrivals!([arrival])
    await settle()
    expect(heardSecond).toHaveLength(1)
  })

  it('disconnecting stops the replicator, forgets the hub in every tab, and keeps the data', async () => {
    const [first, second] = await twoTabs()
    await second.disconnect()
    await settle()
    expect(fake.stopSync).toHaveBeenCalled()
    expect(await readHubSettings()).toBeNull()
    for (const tab of [first, second]) {
      expect(tab.phase).toBe('alone')
      expect(tab.leading).toBe(false)
    }
  })

  it('when the replicating tab closes, a waiting tab takes over', async () => {
    const [, second] = await twoTabs()
    expect(second.leading).toBe(false)
    locks.holderTabClosed()
    await settle()
    expect(second.leading).toBe(true)
    expect(fake.startSync).toHaveBeenCalledTimes(2)
  })
})

describe('saving the hub settings', () => {
  it('tests first and saves nothing when the test fails', async () => {
    fake.checkHub.mockResolvedValue({ ok: false, problem: 'unauthorized', reason: 'Name or password is incorrect.' })
    const sync = openTab()
    await sync.boot()
    expect(await sync.save(HUB)).toMatchObject({ ok: false, problem: 'unauthorized' })
    expect(await readHubSettings()).toBeNull()
    expect(fake.startSync).not.toHaveBeenCalled()
  })

  it('on success saves the settings and starts synchronising', async () => {
    const sync = openTab()
    await sync.boot()
    expect(await sync.save({ ...HUB, url: ` ${HUB.url} ` })).toEqual(FOUND)
    await settle()
    expect(await readHubSettings()).toEqual(HUB)
    expect(fake.startSync).toHaveBeenCalledTimes(1)
    expect(sync.phase).toBe('connecting')
  })

  it('an empty password keeps the saved one for the same user, and restarts with changed settings', async () => {
    await saveHubSettings(HUB)
    const sync = openTab()
    await sync.boot()
    await settle()
    await sync.save({ ...HUB, database: 'branch-bj002', password: '' })
    await settle()
    expect(fake.checkHub).toHaveBeenLastCalledWith({ ...HUB, database: 'branch-bj002' })
    expect(await readHubSettings()).toEqual({ ...HUB, database: 'branch-bj002' })
    expect(fake.startSync).toHaveBeenCalledTimes(2)
    expect(fake.connection?.database).toBe('branch-bj002')
  })

  it('an empty password is not carried over to another user', async () => {
    await saveHubSettings(HUB)
    const sync = openTab()
    await sync.test({ ...HUB, username: 'terminal-02', password: '' })
    expect(fake.checkHub).toHaveBeenLastCalledWith({ ...HUB, username: 'terminal-02', password: '' })
  })
})

describe('onboarding a new terminal', () => {
  it('keeps the settings before downloading (a second try resumes), shows the progress, and words a failure as the connection test does', async () => {
    const sync = openTab()
    const seen: unknown[] = []
    fake.downloadHub.mockImplementation(async ([branch]: HubFeed[], onProgress: (p: { received: number; total: number | null }) => void) => {
      expect(await readHubSettings()).toEqual(HUB)
      expect(branch?.connection.credentials).toEqual({ username: HUB.username, password: HUB.password })
      onProgress({ received: 500, total: 1200 })
      seen.push(sync.download)
      throw new HubError('unreachable', 'fetch failed')
    })
    expect(await sync.downloadBranch(HUB)).toEqual({ ok: false, problem: 'unreachable', reason: 'fetch failed', database: null })
    expect(seen).toEqual([{ received: 500, total: 1200 }])
    expect(sync.download).toBeNull()
    expect(await readHubSettings()).toEqual(HUB)

    fake.downloadHub.mockImplementation(async (_feeds: HubFeed[], onProgress: (p: { received: number; total: number | null }) => void) => onProgress({ received: 1200, total: 1200 }))
    expect(await sync.downloadBranch(HUB)).toEqual({ ok: true, received: 1200 })
  })

  it('joins the downloaded branch the database is named after, and the terminal becomes its branch terminal', async () => {
    const [city] = await writeRecords(['branches'], async (w) => [
      await w.insert('branches', { code: 'BJ001', name: '城东支行', group: 'backbone', regionCode: 'BJ', regionName: '滨江分行', address: '', phone: '' }),
      await w.insert('branches', { code: 'BJ002', name: '滨湖支行', group: 'advancing', regionCode: 'BJ', regionName: '滨江分行', address: '', phone: '' }),
    ])
    await saveHubSettings(HUB)
    const sync = openTab()
    await sync.load()
    const { candidates, suggested } = await sync.joinCandidates()
    expect(candidates.map((c) => c.code)).toEqual(['BJ001', 'BJ002'])
    expect(suggested).toBe(city!.id)
    await sync.join(city!.id)
    expect(useTerminalStore().state).toEqual({ kind: 'branch', branchId: city!.id, region: { code: 'BJ', name: '滨江分行' } })
    expect(useTerminalStore().branch?.name).toBe('城东支行')
  })

  it('giving up forgets the hub, so another first-run door starts clean', async () => {
    await saveHubSettings(HUB)
    const sync = openTab()
    await sync.load()
    await sync.abandonJoin()
    expect(sync.saved).toBeNull()
    expect(await readHubSettings()).toBeNull()
  })
})
