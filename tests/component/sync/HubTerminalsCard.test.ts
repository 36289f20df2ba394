import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { getActivePinia } from 'pinia'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import { HubAccountError } from '@/db/sync/hubAccounts'
import { i18n } from '@/i18n'
import type { TerminalAccount } from '@/domain/sync/hubAccounts'
import { useSyncStore } from '@/stores/sync'
import { useHubAccountsStore } from '@/stores/hubAccounts'
import HubTerminalsCard from '@/components/sync/HubTerminalsCard.vue'
import { branchTerminal } from '../admin/fixtures'
import { byTestId, click, getByTestId, typeInto } from '../admin/dom'

const fake = vi.hoisted(() => ({ listTerminalAccounts: vi.fn(), revokeTerminalAccount: vi.fn(), syncNow: vi.fn() }))

// The hub is played by the accounts' requests (tested against the in-memory hub in
// tests/unit/db/sync-hubAccounts.test.ts); the replicator only by the round asked for after revoking.
vi.mock('@/db/sync/hubAccounts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/db/sync/hubAccounts')>()),
  listTerminalAccounts: fake.listTerminalAccounts,
  revokeTerminalAccount: fake.revokeTerminalAccount,
}))
vi.mock('@/db/sync/replicator', () => ({ syncNow: fake.syncNow }))

const HUB_URL = 'https://hub.cd01.example:6984'
const ADMIN = { username: 'hubadmin', password: 'admin-secret' }
const ROLES = ['lobbydesk-branch', 'lobbydesk-branch-CD01']
const ACCOUNTS: TerminalAccount[] = [
  { name: 'cd01-lobby', roles: ROLES, thisTerminal: true },
  { name: 'cd01-counter-1', roles: ROLES, thisTerminal: false },
]

/** The card on a branch terminal (code CD01) connected to the hub as `cd01-lobby`, or to none. */
async function openCard({ connected = true } = {}): Promise<{ unmount: () => void }> {
  const { admin } = await branchTerminal()
  const { wrapper } = await mountWithApp(HubTerminalsCard, { staff: admin, route: '/admin/hub' })
  if (connected) useSyncStore().$patch({ saved: { url: HUB_URL, database: 'branch-cd01', username: 'cd01-lobby', hasPassword: true } })
  await flushPromises()
  return { unmount: () => wrapper.unmount() }
}

async function listAs(admin = ADMIN): Promise<void> {
  await typeInto('hub-terminals-admin-username', admin.username)
  await typeInto('hub-terminals-admin-password', admin.password)
  await click('hub-terminals-list')
  await flushPromises()
}

/** Taps the account's revoke button and, once the confirmation is open, confirms. */
async function revokeConfirmed(name: string): Promise<void> {
  await click(`hub-terminal-revoke-${name}`)
  await flushPromises()
  await click('hub-terminal-revoke-confirm')
  await flushPromises()
}

const text = (id: string) => getByTestId(id).textContent!.replace(/\s+/g, ' ').trim()

describe('Administration › 网点服务器 › 终端账号', () => {
  beforeEach(async () => {
    await freshDatabase()
    fake.listTerminalAccounts.mockReset().mockResolvedValue(ACCOUNTS)
    fake.revokeTerminalAccount.mockReset().mockResolvedValue(undefined)
    fake.syncNow.mockReset().mockResolvedValue(undefined)
  })

  it('asks to connect the terminal to the hub first', async () => {
    await openCard({ connected: false })
    expect(text('hub-terminals-blocked')).toBe('本终端尚未连接网点服务器：请先填写并保存本页的网点服务器设置。')
    expect(byTestId('hub-terminals-form')).toBeNull()
  })

  it("asks for the hub administrator's user name and password before sending anything", async () => {
    await openCard()
    await click('hub-terminals-list')
    await vi.waitFor(() => expect(document.querySelectorAll('.el-form-item__error').length).toBe(2))
    expect([...document.querySelectorAll('.el-form-item__error')].map((e) => e.textContent!.trim())).toEqual(['请填写服务器管理员用户名', '请填写服务器管理员密码'])
    expect(fake.listTerminalAccounts).not.toHaveBeenCalled()
  })

  it("lists the branch's terminal accounts with their roles, this terminal's marked", async () => {
    await openCard()
    await listAs()
    expect(fake.listTerminalAccounts).toHaveBeenCalledWith(HUB_URL, ADMIN, 'CD01', 'cd01-lobby')
    expect(text('hub-terminals-count')).toBe('本网点（CD01）在网点服务器上有 2 个终端账号')
    expect(text('hub-terminal-cd01-lobby')).toContain('本终端')
    expect(byTestId('hub-terminal-this-cd01-lobby')).not.toBeNull()
    expect(byTestId('hub-terminal-this-cd01-counter-1')).toBeNull()
    expect([...getByTestId('hub-terminal-roles-cd01-counter-1').children].map((role) => role.textContent)).toEqual(['网点终端', '网点 CD01'])
    expect(text('hub-terminals-list')).toBe('刷新列表')
  })

  it('counts in English too, one account in the singular', async () => {
    fake.listTerminalAccounts.mockResolvedValue([ACCOUNTS[0]])
    await openCard()
    i18n.global.locale.value = 'en'
    await listAs()
    expect(text('hub-terminals-count')).toBe('The hub has one terminal account for this branch (CD01)')
    expect(text('hub-terminal-cd01-lobby')).toContain('This terminal')
  })

  it('says what to do when the branch has no terminal accounts', async () => {
    fake.listTerminalAccounts.mockResolvedValue([])
    await openCard()
    await listAs()
    expect(text('hub-terminals-count')).toBe('网点服务器上没有本网点（CD01）的终端账号。为终端开设账号，请在服务器上运行 npm run hub:setup。')
  })

  it('says the admin credentials are wrong, and shows no list', async () => {
    await openCard()
    await listAs()
    fake.listTerminalAccounts.mockRejectedValue(new HubAccountError('unauthorized', 'Name or password is incorrect.'))
    await listAs({ username: 'hubadmin', password: 'guess' })
    expect(text('hub-terminals-failure')).toBe('服务器管理员用户名或密码错误：请核对后重新输入')
    expect(byTestId('hub-terminals-accounts')).toBeNull()
  })

  it("says a terminal's own credentials are not an administrator's, and that the hub does not answer", async () => {
    await openCard()
    fake.listTerminalAccounts.mockRejectedValue(new HubAccountError('not_admin'))
    await listAs({ username: 'cd01-lobby', password: 'x' })
    expect(text('hub-terminals-failure')).toBe('「cd01-lobby」不是网点服务器的管理员：请输入服务器管理员的用户名和密码')
    fake.listTerminalAccounts.mockRejectedValue(new HubAccountError('unreachable', 'fetch failed'))
    await listAs()
    expect(text('hub-terminals-failure')).toBe('网点服务器没有应答：请检查网络和服务器是否已开启，然后重试')
  })

  it('revokes another tablet after a confirmation that says what happens', async () => {
    await openCard()
    await listAs()
    await click('hub-terminal-revoke-cd01-counter-1')
    await flushPromises()
    const dialog = text('confirm-dialog')
    expect(dialog).toContain('注销终端账号「cd01-counter-1」？')
    expect(dialog).toContain('使用它的平板从下一次连接起就无法登录网点服务器')
    expect(dialog).toContain('它尚未上传的修改不会再到达网点服务器（仍保存在该平板上）')
    expect(dialog).toContain('npm run hub:setup')
    expect(dialog).not.toContain('本终端也会立即停止同步')
    await click('hub-terminal-revoke-confirm')
    await flushPromises()
    expect(fake.revokeTerminalAccount).toHaveBeenCalledWith(HUB_URL, ADMIN, 'cd01-counter-1')
    await vi.waitFor(() => expect(byTestId('hub-terminal-cd01-counter-1')).toBeNull())
    expect(byTestId('hub-terminal-cd01-lobby')).not.toBeNull()
    expect(document.body.textContent).toContain('已注销「cd01-counter-1」：它已无法再同步')
    expect(fake.syncNow).not.toHaveBeenCalled()
  })

  it("revokes this terminal's own account after saying it stops syncing too, and asks for a round that shows the refusal", async () => {
    await openCard()
    await listAs()
    await click('hub-terminal-revoke-cd01-lobby')
    await flushPromises()
    expect(text('confirm-dialog')).toContain('这是本终端自己的账号：本终端也会立即停止同步')
    await click('hub-terminal-revoke-confirm')
    await flushPromises()
    expect(fake.revokeTerminalAccount).toHaveBeenCalledWith(HUB_URL, ADMIN, 'cd01-lobby')
    await vi.waitFor(() => expect(fake.syncNow).toHaveBeenCalled())
  })

  it('says when the account is already gone, and stops offering it', async () => {
    fake.revokeTerminalAccount.mockRejectedValue(new HubAccountError('gone'))
    await openCard()
    await listAs()
    await revokeConfirmed('cd01-counter-1')
    expect(text('confirm-failure')).toBe('网点服务器上已经没有账号「cd01-counter-1」：它可能已被注销')
    await click('confirm-cancel')
    await vi.waitFor(() => expect(byTestId('hub-terminal-cd01-counter-1')).toBeNull())
  })

  it('refuses, in words, to revoke a user that is not a LobbyDesk terminal', async () => {
    fake.listTerminalAccounts.mockResolvedValue([{ name: 'cd01-reports', roles: ['lobbydesk-branch-CD01', 'reporting'], thisTerminal: false }])
    fake.revokeTerminalAccount.mockRejectedValue(new HubAccountError('not_lobbydesk'))
    await openCard()
    await listAs()
    await revokeConfirmed('cd01-reports')
    expect(text('confirm-failure')).toBe('「cd01-reports」不是厅堂通终端的账号，不能在这里注销')
  })

  it('keeps the admin password in no store, and forgets the list when left', async () => {
    const card = await openCard()
    await listAs()
    expect(JSON.stringify(getActivePinia()!.state.value)).not.toContain(ADMIN.password)
    card.unmount()
    expect(useHubAccountsStore().accounts).toBeNull()
    expect(document.body.innerHTML).not.toContain(ADMIN.password)
  })
})
