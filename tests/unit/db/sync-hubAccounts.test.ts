// @vitest-environment node
// Node rather than jsdom: real fetch to the in-memory hub, prepared by the setup script as a branch's hub is.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { setUpHub } from '../../../scripts/hubSetup.mjs'
import { startHub } from '../../support/hub'
import { freshDatabase } from '../../support/db'
import { database } from '@/db/connection'
import { setUpBranchTerminal } from '@/db/terminal'
import { CouchClient, type HubConnection } from '@/db/sync/couch'
import { HubAccountError, listTerminalAccounts, revokeTerminalAccount } from '@/db/sync/hubAccounts'
import { syncOnce } from '@/db/sync/replicator'
import { hashPin } from '@/domain/pin'
import zhSync from '@/i18n/locales/zh-CN/sync'
import enSync from '@/i18n/locales/en/sync'

let hub: Awaited<ReturnType<typeof startHub>>
const ADMIN = { username: 'hubadmin', password: 'admin-secret' }
const CONFIG = {
  region: { code: 'BJ', database: 'region-bj' },
  branches: [
    { code: 'BJ001', terminals: ['bj001-lobby', 'bj001-counter-1'] },
    { code: 'BJ002', terminals: ['bj002-lobby'] },
  ],
  inspectors: ['bj-inspector-01'],
}
/** Every terminal's current password: the setup prints one when it makes (or remakes) a user. */
const passwords: Record<string, string> = {}

/** The hub as the config wants it: a user revoked by an earlier test is made again, with a new password. */
async function prepareHub(): Promise<void> {
  Object.assign(passwords, (await setUpHub({ url: hub.url, admin: ADMIN, config: CONFIG, log: () => undefined })).passwords)
}

function terminalConnection(name: string): HubConnection {
  return { url: hub.url, database: 'branch-bj001', credentials: { username: name, password: passwords[name]! } }
}

async function putUser(name: string, roles: string[]): Promise<void> {
  await new CouchClient({ url: hub.url, database: '_users', credentials: ADMIN }).putDoc({ _id: `org.couchdb.user:${name}`, name, type: 'user', roles, password: 'x' })
}

const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (err: unknown) => err)

beforeAll(async () => {
  hub = await startHub()
  await fetch(`${hub.url}/_config/admins/${ADMIN.username}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN.password) })
})

afterAll(async () => {
  await hub.stop()
})

beforeEach(async () => {
  await prepareHub()
  await freshDatabase()
  await setUpBranchTerminal(
    { name: '城东支行', code: 'BJ001', group: 'backbone', regionCode: 'BJ', regionName: '滨江分行', address: '建设路 88 号', phone: '010-12345678' },
    { staffNo: '9002', surname: '钱', givenName: '敏', pin: await hashPin('900201', 1_000) },
  )
})

describe("listing the branch's terminal accounts", () => {
  it("lists this branch's terminals with their roles, this terminal's own first; not another branch's, not an inspector's", async () => {
    expect(await listTerminalAccounts(hub.url, ADMIN, 'BJ001', 'bj001-lobby')).toEqual([
      { name: 'bj001-lobby', roles: ['lobbydesk-branch', 'lobbydesk-branch-BJ001'], thisTerminal: true },
      { name: 'bj001-counter-1', roles: ['lobbydesk-branch', 'lobbydesk-branch-BJ001'], thisTerminal: false },
    ])
  })

  it('refuses wrong admin credentials', async () => {
    const failure = await failureOf(listTerminalAccounts(hub.url, { ...ADMIN, password: 'not-the-password' }, 'BJ001'))
    expect(failure).toBeInstanceOf(HubAccountError)
    expect(failure).toMatchObject({ problem: 'unauthorized' })
  })

  it("refuses a terminal's own credentials: only a server admin may see the hub's users", async () => {
    await expect(listTerminalAccounts(hub.url, { username: 'bj001-lobby', password: passwords['bj001-lobby']! }, 'BJ001')).rejects.toMatchObject({ problem: 'not_admin' })
  })

  it('says the hub does not answer', async () => {
    await expect(listTerminalAccounts('http://127.0.0.1:9', ADMIN, 'BJ001')).rejects.toMatchObject({ problem: 'unreachable' })
  })

  it('never sends the admin password over plain http to another machine', async () => {
    await expect(listTerminalAccounts('http://hub.bj001.example:5984', ADMIN, 'BJ001')).rejects.toMatchObject({ problem: 'insecure' })
  })
})

describe("revoking a terminal's account", () => {
  it("deletes the user on the hub, so that the tablet's next request is refused", async () => {
    const lost = new CouchClient(terminalConnection('bj001-counter-1'))
    await lost.databaseInfo()
    await revokeTerminalAccount(hub.url, ADMIN, 'bj001-counter-1')
    await expect(lost.databaseInfo()).rejects.toMatchObject({ kind: 'unauthorized' })
    expect((await listTerminalAccounts(hub.url, ADMIN, 'BJ001')).map((account) => account.name)).toEqual(['bj001-lobby'])
  })

  it('logs who revoked which account here, and keeps the admin password nowhere on the terminal', async () => {
    await revokeTerminalAccount(hub.url, ADMIN, 'bj001-counter-1')
    const [entry] = await database().records('auditLog').filter((e) => e.action === 'hub.revoke_terminal').toArray()
    const branch = (await database().records('branches').toArray())[0]!
    expect(entry).toMatchObject({ entity: 'branches', entityId: branch.id, after: { hubUser: 'bj001-counter-1', hubRoles: 'lobbydesk-branch, lobbydesk-branch-BJ001', hubAddress: hub.url } })
    const everything = JSON.stringify([await database().records('auditLog').toArray(), await database().local.toArray(), await database().outbox.toArray()])
    expect(everything).not.toContain(ADMIN.password)
  })

  it('says when the user is already gone, and logs nothing', async () => {
    await revokeTerminalAccount(hub.url, ADMIN, 'bj001-counter-1')
    await expect(revokeTerminalAccount(hub.url, ADMIN, 'bj001-counter-1')).rejects.toMatchObject({ problem: 'gone' })
    await expect(revokeTerminalAccount(hub.url, ADMIN, 'bj001-nobody')).rejects.toMatchObject({ problem: 'gone' })
    expect(await database().records('auditLog').filter((e) => e.action === 'hub.revoke_terminal').count()).toBe(1)
  })

  it('refuses a user that is not a LobbyDesk terminal, and leaves it on the hub', async () => {
    await putUser('reports', ['reporting'])
    await expect(revokeTerminalAccount(hub.url, ADMIN, 'reports')).rejects.toMatchObject({ problem: 'not_lobbydesk' })
    expect(await new CouchClient({ url: hub.url, database: '_users', credentials: ADMIN }).getDoc('org.couchdb.user:reports')).toBeDefined()
  })

  it('refuses wrong admin credentials, and the user stays', async () => {
    await expect(revokeTerminalAccount(hub.url, { ...ADMIN, password: 'guess' }, 'bj001-lobby')).rejects.toMatchObject({ problem: 'unauthorized' })
    expect((await listTerminalAccounts(hub.url, ADMIN, 'BJ001')).map((account) => account.name)).toContain('bj001-lobby')
  })
})

describe('a revoked terminal stops synchronising at once', () => {
  it("its next round is refused as unauthorized, and the top bar's message for that says it may have been revoked and what to do", async () => {
    const connection = terminalConnection('bj001-lobby')
    expect((await syncOnce(connection)).phase).toBe('current')
    // This terminal revokes its own account: allowed, and it stops too.
    await revokeTerminalAccount(hub.url, ADMIN, 'bj001-lobby')
    await expect(syncOnce(connection)).rejects.toMatchObject({ kind: 'unauthorized' })
    expect(zhSync.problem.unauthorized).toContain('已被注销')
    expect(zhSync.problem.unauthorized).toContain('npm run hub:setup')
    expect(enSync.problem.unauthorized).toContain('revoked')
    expect(enSync.problem.unauthorized).toContain('npm run hub:setup')
  })

  it('what it wrote meanwhile stays on it, waiting to be pushed', async () => {
    const connection = terminalConnection('bj001-lobby')
    await syncOnce(connection)
    // The revocation's own audit entry is such a change: written after the last round.
    await revokeTerminalAccount(hub.url, ADMIN, 'bj001-lobby')
    const waiting = await database().outbox.toArray()
    expect(waiting.map((entry) => entry.table)).toEqual(['auditLog'])
    await expect(syncOnce(connection)).rejects.toMatchObject({ kind: 'unauthorized' })
    expect(await database().outbox.toArray()).toEqual(waiting)
  })
})
