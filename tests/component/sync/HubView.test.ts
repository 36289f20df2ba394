import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import { readHubSettings, saveHubSettings, type HubSettings } from '@/db/sync/hubSettings'
import type { HubCheck } from '@/db/sync/hubCheck'
import HubView from '@/views/admin/HubView.vue'
import InspectionHubView from '@/views/inspection/settings/HubView.vue'
import { branchTerminal, inspectorTerminal } from '../admin/fixtures'
import { byTestId, click, fieldTestId, getByTestId, typeInto } from '../admin/dom'

const fake = vi.hoisted(() => ({ checkHub: vi.fn() }))

// The network is played by the connection test; the replicator must not be reached at all (nothing
// boots in these tests), so its mock has no exports and any use of it fails.
vi.mock('@/db/sync/hubCheck', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/db/sync/hubCheck')>()), checkHub: fake.checkHub }))
vi.mock('@/db/sync/replicator', () => ({}))

const HUB: HubSettings = { url: 'https://hub.bj001.example:6984', database: 'branch-bj001', regionDatabase: '', username: 'terminal-01', password: 'secret' }
const FOUND: HubCheck = { ok: true, server: 'CouchDB', version: '3.4.2', documents: 1234, regionDocuments: null }

async function openPage(): Promise<void> {
  const { admin } = await branchTerminal()
  await mountWithApp(HubView, { staff: admin, route: '/admin/hub' })
  await flushPromises()
}

async function fill(settings: Partial<HubSettings>): Promise<void> {
  for (const [field, value] of Object.entries(settings)) await typeInto(fieldTestId('hub', field), value)
}

function inputOf(id: string): HTMLInputElement {
  const element = getByTestId(id)
  return element instanceof HTMLInputElement ? element : element.querySelector('input')!
}

/** The field messages element-plus shows next to the fields, once there are `count` of them. */
async function fieldMessages(count = 1): Promise<string[]> {
  await vi.waitFor(() => expect(document.querySelectorAll('.el-form-item__error').length).toBeGreaterThanOrEqual(count))
  return [...document.querySelectorAll('.el-form-item__error')].map((e) => e.textContent!.trim())
}

describe('Administration › 网点服务器', () => {
  beforeEach(async () => {
    await freshDatabase()
    fake.checkHub.mockReset().mockResolvedValue(FOUND)
  })

  it('says which fields are missing before testing anything', async () => {
    await openPage()
    await click('hub-test')
    expect(await fieldMessages(2)).toEqual(['请填写服务器地址', '请填写网点数据库'])
    expect(fake.checkHub).not.toHaveBeenCalled()
  })

  it('refuses plain http to another machine and a database name CouchDB would not take, in words', async () => {
    await openPage()
    await fill({ url: 'http://192.168.1.20:5984', database: 'Branch 1' })
    await click('hub-test')
    const messages = await fieldMessages(2)
    expect(messages.some((m) => m.startsWith('为保护数据，连接其他机器必须使用 https'))).toBe(true)
    expect(messages.some((m) => m.startsWith('数据库名称只能用小写字母'))).toBe(true)
    expect(fake.checkHub).not.toHaveBeenCalled()
  })

  it('asks for the password when a user name is given', async () => {
    await openPage()
    await fill({ url: HUB.url, database: HUB.database, username: HUB.username })
    await click('hub-test')
    expect(await fieldMessages()).toContain('请填写本终端用户的密码')
  })

  it('shows what the test found', async () => {
    await openPage()
    await fill(HUB)
    await click('hub-test')
    await vi.waitFor(() => expect(byTestId('hub-check-result')).not.toBeNull())
    expect(fake.checkHub).toHaveBeenCalledWith(HUB)
    expect(getByTestId('hub-check-result').dataset.ok).toBe('true')
    expect(getByTestId('hub-check-result').textContent).toContain('连接正常：CouchDB 3.4.2。网点数据库中有 1,234 条数据。')
    expect(await readHubSettings()).toBeNull()
  })

  it('takes the region’s database too, and says what each database holds', async () => {
    fake.checkHub.mockResolvedValue({ ...FOUND, regionDocuments: 56 })
    await openPage()
    await fill({ ...HUB, regionDatabase: 'region-bj' })
    await click('hub-test')
    await vi.waitFor(() => expect(byTestId('hub-check-result')).not.toBeNull())
    expect(fake.checkHub).toHaveBeenCalledWith({ ...HUB, regionDatabase: 'region-bj' })
    expect(getByTestId('hub-check-result').textContent).toContain('网点数据库中有 1,234 条数据。区域数据库中有 56 条数据。')
  })

  it('lets a branch without a hub of its own share with the region alone', async () => {
    fake.checkHub.mockResolvedValue({ ...FOUND, documents: null, regionDocuments: 56 })
    await openPage()
    await fill({ ...HUB, database: '', regionDatabase: 'region-bj' })
    await click('hub-test')
    await vi.waitFor(() => expect(byTestId('hub-check-result')).not.toBeNull())
    expect(fake.checkHub).toHaveBeenCalledWith({ ...HUB, database: '', regionDatabase: 'region-bj' })
    expect(getByTestId('hub-check-result').textContent).toContain('区域数据库中有 56 条数据。')
  })

  it('names the region database when that is the one missing', async () => {
    fake.checkHub.mockResolvedValue({ ok: false, problem: 'no_database', reason: 'no_db_file', database: { kind: 'region', name: 'region-bj' } })
    await openPage()
    await fill({ ...HUB, regionDatabase: 'region-bj' })
    await click('hub-test')
    await vi.waitFor(() => expect(byTestId('hub-check-result')).not.toBeNull())
    expect(getByTestId('hub-check-result').textContent).toContain('服务器上没有区域数据库「region-bj」')
  })

  it.each<[Extract<HubCheck, { ok: false }>, string]>([
    [{ ok: false, problem: 'unreachable', reason: 'fetch failed', database: null }, 'https://hub.bj001.example:6984 没有应答：请检查地址和端口是否正确'],
    [{ ok: false, problem: 'not_couchdb', reason: '', database: null }, '有应答，但不是网点服务器（CouchDB）'],
    [{ ok: false, problem: 'unauthorized', reason: '', database: null }, '用户名或密码错误'],
    [{ ok: false, problem: 'no_database', reason: 'no_db_file', database: null }, '服务器上没有网点数据库「branch-bj001」：请管理员先运行网点服务器初始化脚本'],
    [{ ok: false, problem: 'forbidden', reason: '', database: null }, '用户「terminal-01」没有使用网点数据库「branch-bj001」的权限'],
    [{ ok: false, problem: 'server', reason: 'disk full', database: null }, '网点服务器出现故障（disk full）'],
  ])('says what is wrong and what to do: %o', async (check, words) => {
    fake.checkHub.mockResolvedValue(check)
    await openPage()
    await fill(HUB)
    await click('hub-test')
    await vi.waitFor(() => expect(byTestId('hub-check-result')).not.toBeNull())
    expect(getByTestId('hub-check-result').dataset.ok).toBe('false')
    expect(getByTestId('hub-check-result').textContent).toContain(words)
  })

  it('saves only after a passing test; a failing one saves nothing and says so', async () => {
    fake.checkHub.mockResolvedValue({ ok: false, problem: 'unauthorized', reason: '', database: null })
    await openPage()
    await fill(HUB)
    await click('hub-save')
    await vi.waitFor(() => expect(byTestId('hub-failure')?.textContent).toBe('连接测试没有通过，设置没有保存。'))
    expect(await readHubSettings()).toBeNull()

    fake.checkHub.mockResolvedValue(FOUND)
    await click('hub-save')
    await vi.waitFor(async () => expect(await readHubSettings()).toEqual(HUB))
    await vi.waitFor(() => expect(document.body.textContent).toContain('已保存，正在连接网点服务器'))
    // The password leaves the form once saved; the field says one is kept.
    expect(inputOf('hub-password').value).toBe('')
    expect(inputOf('hub-password').placeholder).toBe('已保存，留空则不变')
  })

  it('never shows a saved password, and keeps it when the field is left empty', async () => {
    await saveHubSettings(HUB)
    await openPage()
    expect(inputOf('hub-url').value).toBe(HUB.url)
    expect(inputOf('hub-username').value).toBe(HUB.username)
    expect(inputOf('hub-password').value).toBe('')
    expect(document.body.innerHTML).not.toContain(HUB.password)
    await click('hub-test')
    await vi.waitFor(() => expect(fake.checkHub).toHaveBeenCalledWith(HUB))
  })

  it('disconnects after a confirmation that says the data stays', async () => {
    await saveHubSettings(HUB)
    await openPage()
    await click('hub-disconnect')
    await flushPromises()
    expect(getByTestId('confirm-dialog').textContent).toContain('本机数据全部保留')
    await click('hub-disconnect-confirm')
    await vi.waitFor(async () => expect(await readHubSettings()).toBeNull())
    await vi.waitFor(() => expect(byTestId('hub-disconnect')).toBeNull())
    expect(getByTestId('hub-status').textContent).toContain('本机数据（未连接网点服务器）')
  })
})

describe('Inspection › 区域服务器 on an inspector’s tablet', () => {
  beforeEach(async () => {
    await freshDatabase()
    fake.checkHub.mockReset().mockResolvedValue({ ...FOUND, documents: null, regionDocuments: 56 })
  })

  async function openInspectorPage(): Promise<void> {
    const inspector = await inspectorTerminal()
    await mountWithApp(InspectionHubView, { staff: inspector, route: '/inspection/hub' })
    await flushPromises()
  }

  it('asks for the region database only: the tablet has no branch', async () => {
    await openInspectorPage()
    expect(byTestId('hub-database')).toBeNull()
    await click('hub-test')
    expect(await fieldMessages(2)).toEqual(['请填写服务器地址', '请填写区域数据库'])
  })

  it('saves the region database with no branch database', async () => {
    await openInspectorPage()
    await fill({ url: HUB.url, regionDatabase: 'region-bj', username: 'inspector-tablet-01', password: 'secret' })
    await click('hub-save')
    await vi.waitFor(async () => expect(await readHubSettings()).toEqual({ url: HUB.url, database: '', regionDatabase: 'region-bj', username: 'inspector-tablet-01', password: 'secret' }))
  })
})
