import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import { useSyncStore, type SyncStatus } from '@/stores/sync'
import { useTerminalStore } from '@/stores/terminal'
import SyncIndicator from '@/components/sync/SyncIndicator.vue'
import { branchTerminal, inspectorTerminal } from '../admin/fixtures'
import { byTestId, click, getByTestId } from '../admin/dom'

// The indicator only shows what the store holds: nothing of the replicator may run.
vi.mock('@/db/sync/replicator', () => ({}))

const NOW = Date.parse('2026-12-02T10:30:00+08:00')
const HUB = { url: 'https://hub.bj001.example:6984', database: 'branch-bj001', regionDatabase: '', username: 'terminal-01', hasPassword: true }

function syncStatus(overrides: Partial<SyncStatus>): SyncStatus {
  return { phase: 'current', pending: 0, offlineSince: null, problem: null, problemDatabase: null, lastSyncedAt: null, download: null, refusedDocs: 0, refusedChanges: 0, ...overrides }
}

/** The indicator for a signed-in administrator (or another role), with the store in a given state. */
async function indicator(state: { saved?: typeof HUB | null; status?: SyncStatus | null }, roles: ('administrator' | 'lobby_manager' | 'inspector')[] = ['administrator']) {
  if (roles.includes('inspector')) await inspectorTerminal()
  else await branchTerminal()
  await mountWithApp(SyncIndicator, { roles })
  useTerminalStore().nowMs = NOW
  const sync = useSyncStore()
  sync.saved = state.saved === undefined ? HUB : state.saved
  sync.status = state.status ?? null
  await flushPromises()
  return sync
}

const bar = () => getByTestId('sync-status')

async function openPanel(): Promise<HTMLElement> {
  await click('sync-status')
  await flushPromises()
  return getByTestId('sync-details')
}

describe('the sync indicator in the top bar', () => {
  beforeEach(async () => {
    await freshDatabase()
  })

  it('without a hub: the data is on this terminal only, and the panel says how to connect', async () => {
    await indicator({ saved: null })
    expect(bar().dataset.phase).toBe('alone')
    expect(bar().textContent).toContain('本机数据（未连接网点服务器）')
    const panel = await openPanel()
    expect(panel.textContent).toContain('请系统管理员在「管理 › 网点服务器」中连接网点服务器')
    expect(byTestId('sync-now')).toBeNull()
    expect(byTestId('sync-hub-link')).not.toBeNull()
  })

  it('connecting while the replicating tab has not reported yet', async () => {
    await indicator({ status: null })
    expect(bar().dataset.phase).toBe('connecting')
    expect(bar().textContent).toContain('正在连接网点服务器')
  })

  it('current: 已同步, with the time of the last sync in the panel', async () => {
    await indicator({ status: syncStatus({ phase: 'current', lastSyncedAt: Date.parse('2026-12-02T10:29:00+08:00') }) })
    expect(bar().dataset.phase).toBe('current')
    expect(bar().textContent).toContain('已同步')
    await openPanel()
    expect(getByTestId('sync-last-synced').textContent).toBe('10:29')
    expect(getByTestId('sync-server').textContent).toContain('https://hub.bj001.example:6984 · branch-bj001')
  })

  it('syncing: how many changes are on their way', async () => {
    await indicator({ status: syncStatus({ phase: 'syncing', pending: 12 }) })
    expect(bar().dataset.phase).toBe('syncing')
    expect(bar().textContent).toContain('正在同步 12 处修改')
    await openPanel()
    expect(getByTestId('sync-pending').textContent).toBe('12 处')
  })

  it('syncing while taking in a first download: how far it is', async () => {
    await indicator({ status: syncStatus({ phase: 'syncing', download: { received: 1500, total: 4000 } }) })
    expect(bar().textContent).toContain('正在接收网点数据')
    await openPanel()
    expect(getByTestId('sync-download').textContent).toContain('1,500 / 4,000 条')
  })

  it('offline: since when, and how many changes wait; an earlier day shows its date', async () => {
    await indicator({ status: syncStatus({ phase: 'offline', pending: 3, offlineSince: Date.parse('2026-12-02T09:05:00+08:00') }) })
    expect(bar().dataset.phase).toBe('offline')
    expect(bar().textContent).toContain('离线（自 09:05 起），3 处修改待上传')
    const sync = useSyncStore()
    sync.status = syncStatus({ phase: 'offline', pending: 0, offlineSince: Date.parse('2026-12-01T17:40:00+08:00') })
    await flushPromises()
    expect(bar().textContent).toContain('离线（自 2026-12-01 17:40 起）')
    const panel = await openPanel()
    expect(panel.textContent).toContain('离线时照常工作')
  })

  it('refused: what is wrong and what to do', async () => {
    await indicator({ status: syncStatus({ phase: 'refused', problem: 'unauthorized' }) })
    expect(bar().dataset.phase).toBe('refused')
    expect(bar().textContent).toContain('网点服务器拒绝连接')
    await openPanel()
    expect(getByTestId('sync-problem').textContent).toBe('网点服务器拒绝了本终端的账号（密码不对或已更改，或本终端已被注销）：请管理员在「网点服务器」页重新填写；已注销的终端须先用 npm run hub:setup 开设新账号')
    const sync = useSyncStore()
    sync.status = syncStatus({ phase: 'refused', problem: 'not_found' })
    await flushPromises()
    expect(getByTestId('sync-problem').textContent).toBe('网点数据库不存在：请管理员运行服务器初始化脚本')
  })

  it('documents this terminal could not take in are shown in the panel', async () => {
    await indicator({ status: syncStatus({ phase: 'current', refusedDocs: 2 }) })
    await openPanel()
    expect(getByTestId('sync-refused-docs').textContent).toContain('2 条来自服务器的数据本机无法接收')
  })

  it('changes the hub refused are shown in the panel, with where the refused content went', async () => {
    await indicator({ status: syncStatus({ phase: 'current', refusedChanges: 1 }) })
    await openPanel()
    expect(getByTestId('sync-refused-changes').textContent).toContain('服务器拒绝了本终端的 1 处修改')
    expect(getByTestId('sync-refused-changes').textContent).toContain('审计日志')
  })

  it('the panel synchronises now on request', async () => {
    const sync = await indicator({ status: syncStatus({ phase: 'current' }) })
    const syncNow = vi.fn(async () => undefined)
    sync.syncNow = syncNow
    await openPanel()
    await click('sync-now')
    expect(syncNow).toHaveBeenCalledTimes(1)
  })

  it('only administrators get the way to the hub page', async () => {
    await indicator({ status: syncStatus({ phase: 'refused', problem: 'unauthorized' }) }, ['lobby_manager'])
    await openPanel()
    expect(byTestId('sync-problem')).not.toBeNull()
    expect(byTestId('sync-hub-link')).toBeNull()
  })

  it('is a touch target with its state in words for screen readers', async () => {
    await indicator({ status: syncStatus({ phase: 'current' }) })
    expect(bar().tagName).toBe('BUTTON')
    expect(bar().getAttribute('aria-label')).toBe('数据同步状态：已同步，点按查看详情')
  })

  it('on an inspector’s tablet: it leads to the region hub in the inspection area, and names the region database', async () => {
    await indicator({ saved: null }, ['inspector'])
    expect((await openPanel()).textContent).toContain('请在「检查 › 区域服务器」中连接区域数据库')
    expect(getByTestId('sync-hub-link').textContent).toContain('区域服务器设置')
    useSyncStore().saved = { ...HUB, database: '', regionDatabase: 'region-bj' }
    await flushPromises()
    expect(getByTestId('sync-server').textContent).toBe('https://hub.bj001.example:6984 · region-bj')
  })
})
