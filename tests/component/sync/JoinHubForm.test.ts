import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import { saveHubSettings } from '@/db/sync/hubSettings'
import { useSyncStore, type DownloadOutcome, type HubCheck, type JoinCandidate } from '@/stores/sync'
import JoinHubForm from '@/views/setup/JoinHubForm.vue'
import FirstRunView from '@/views/setup/FirstRunView.vue'
import { byTestId, click, fieldTestId, getByTestId, typeInto } from '../admin/dom'

// The store is replaced action by action below; nothing may reach the replicator or the network.
vi.mock('@/db/sync/replicator', () => ({}))

const HUB = { url: 'https://hub.bj001.example:6984', database: 'branch-bj001', regionDatabase: '', username: 'terminal-05', password: 'secret' }
const FOUND: HubCheck = { ok: true, server: 'CouchDB', version: '3.4.2', documents: 4000, regionDocuments: null }
const CANDIDATES: JoinCandidate[] = [
  { id: 'b-1', code: 'BJ001', name: '城东支行', staff: 15 },
  { id: 'b-2', code: 'BJ002', name: '滨湖支行', staff: 0 },
]

/** A promise the test settles itself, to look at the screen while a step runs. */
function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

/** The join form on a terminal not yet set up, with the store's actions replaced by fakes. */
async function openJoin() {
  const { wrapper } = await mountWithApp(JoinHubForm, { signedOut: true, route: '/setup' })
  const sync = useSyncStore()
  const store = {
    test: vi.fn(async (): Promise<HubCheck> => FOUND),
    downloadBranch: vi.fn(async (): Promise<DownloadOutcome> => ({ ok: true, received: 4000 })),
    joinCandidates: vi.fn(async (): Promise<{ candidates: JoinCandidate[]; suggested: string | null }> => ({ candidates: CANDIDATES, suggested: 'b-1' })),
    join: vi.fn(async () => undefined),
    abandonJoin: vi.fn(async () => undefined),
  }
  Object.assign(sync, store)
  return { wrapper, sync, store }
}

function inputOf(id: string): HTMLInputElement {
  const element = getByTestId(id)
  return element instanceof HTMLInputElement ? element : element.querySelector('input')!
}

async function fill(): Promise<void> {
  for (const [field, value] of Object.entries(HUB)) await typeInto(fieldTestId('join', field), value)
}

describe('joining a branch from its hub (first run)', () => {
  beforeEach(async () => {
    await freshDatabase()
  })

  it('tests, downloads with a progress bar, offers the suggested branch, and joins it', async () => {
    const { wrapper, sync, store } = await openJoin()
    const download = deferred<DownloadOutcome>()
    store.downloadBranch.mockImplementation(() => {
      sync.download = { received: 1500, total: 4000 }
      return download.promise
    })
    await fill()
    await click('join-download')
    await vi.waitFor(() => expect(byTestId('join-progress')).not.toBeNull())
    expect(store.test).toHaveBeenCalledWith(HUB)
    expect(store.downloadBranch).toHaveBeenCalledWith(HUB)
    expect(getByTestId('join-progress').textContent).toContain('正在下载网点数据：已接收 1,500 / 4,000 条')

    sync.download = null
    download.resolve({ ok: true, received: 4000 })
    await vi.waitFor(() => expect(byTestId('join-downloaded')).not.toBeNull())
    expect(getByTestId('join-downloaded').textContent).toContain('已下载 4,000 条网点数据。')
    expect(getByTestId('join-branch').textContent).toContain('城东支行 · BJ001 · 15 名员工')

    await click('join-finish')
    await flushPromises()
    expect(store.join).toHaveBeenCalledWith('b-1')
    expect(wrapper.emitted('done')).toHaveLength(1)
  })

  it('a failing test stops before any download, with what is wrong', async () => {
    const { store } = await openJoin()
    store.test.mockResolvedValue({ ok: false, problem: 'no_database', reason: 'no_db_file', database: null })
    await fill()
    await click('join-download')
    await vi.waitFor(() => expect(byTestId('join-check-result')).not.toBeNull())
    expect(getByTestId('join-check-result').textContent).toContain('服务器上没有网点数据库「branch-bj001」')
    expect(store.downloadBranch).not.toHaveBeenCalled()
  })

  it('a failed download says why, keeps the terminal at the first step, and offers to continue', async () => {
    const { wrapper, store } = await openJoin()
    store.downloadBranch.mockResolvedValue({ ok: false, problem: 'unreachable', reason: 'fetch failed', database: null })
    await fill()
    await click('join-download')
    await vi.waitFor(() => expect(byTestId('join-download-error')).not.toBeNull())
    expect(getByTestId('join-download-error').textContent).toContain('下载没有完成：https://hub.bj001.example:6984 没有应答')
    expect(getByTestId('join-download-error').textContent).toContain('再次下载会从中断处继续')
    expect(getByTestId('join-download').textContent).toContain('继续下载')
    expect(store.joinCandidates).not.toHaveBeenCalled()
    expect(wrapper.emitted('done')).toBeUndefined()

    store.downloadBranch.mockResolvedValue({ ok: true, received: 4000 })
    await click('join-download')
    await vi.waitFor(() => expect(byTestId('join-finish')).not.toBeNull())
    expect(byTestId('join-download-error')).toBeNull()
  })

  it('asks for a branch when none can be suggested', async () => {
    const { store } = await openJoin()
    store.joinCandidates.mockResolvedValue({ candidates: CANDIDATES, suggested: null })
    await fill()
    await click('join-download')
    await vi.waitFor(() => expect(byTestId('join-finish')).not.toBeNull())
    expect((getByTestId('join-finish') as HTMLButtonElement).disabled).toBe(true)
    expect(store.join).not.toHaveBeenCalled()
  })

  it('going back forgets the hub', async () => {
    const { wrapper, store } = await openJoin()
    await click('join-back')
    await flushPromises()
    expect(store.abandonJoin).toHaveBeenCalledTimes(1)
    expect(wrapper.emitted('cancel')).toHaveLength(1)
  })
})

describe('the first-run screen', () => {
  beforeEach(async () => {
    await freshDatabase()
  })

  it('offers the fourth door, which opens the join form', async () => {
    await mountWithApp(FirstRunView, { signedOut: true, route: '/setup' })
    for (const door of ['door-demo', 'door-branch', 'door-inspector', 'door-join']) expect(byTestId(door)).not.toBeNull()
    expect(getByTestId('door-join').textContent).toContain('加入网点（连接网点服务器）')
    await click('open-join')
    expect(byTestId('join-form')).not.toBeNull()
  })

  it('carries on with a join begun earlier: its address is filled in, the password stays saved', async () => {
    await saveHubSettings(HUB)
    await mountWithApp(FirstRunView, { signedOut: true, route: '/setup' })
    await vi.waitFor(() => expect(byTestId('join-form')).not.toBeNull())
    await vi.waitFor(() => expect(inputOf('join-url').value).toBe(HUB.url))
    expect(inputOf('join-password').value).toBe('')
    expect(inputOf('join-password').placeholder).toBe('已保存，留空则不变')
  })
})
