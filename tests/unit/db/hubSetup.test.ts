// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { CouchClient, HubError, type CouchDoc } from '@/db/sync/couch'
import { checkConfig, HubSetupError, setUpHub, type HubSetupOptions } from '../../../scripts/hubSetup.mjs'
import { startHub } from '../../support/hub'

let hub: Awaited<ReturnType<typeof startHub>>
const ADMIN = { username: 'hubadmin', password: 'admin-secret' }
const CONFIG = {
  region: { code: 'BJ', database: 'region-bj' },
  branches: [{ code: 'BJ001', terminals: ['bj001-lobby', 'bj001-counter-1'] }],
  inspectors: ['bj-inspector-01'],
}

/** Runs the setup against the test hub, collecting what it prints. */
async function setUp(options: Partial<HubSetupOptions> = {}) {
  const printed: string[] = []
  const result = await setUpHub({ url: hub.url, admin: ADMIN, config: CONFIG, log: (line) => printed.push(line), ...options })
  return { ...result, printed }
}

function terminal(username: string, password: string, database = 'branch-bj001'): CouchClient {
  return new CouchClient({ url: hub.url, database, credentials: { username, password } })
}

async function userDoc(name: string): Promise<(CouchDoc & { roles: string[] }) | undefined> {
  return new CouchClient({ url: hub.url, database: '_users', credentials: ADMIN }).getDoc<CouchDoc & { roles: string[] }>(`org.couchdb.user:${name}`)
}

let firstRun: Awaited<ReturnType<typeof setUp>>

beforeAll(async () => {
  hub = await startHub()
  await fetch(`${hub.url}/_config/admins/${ADMIN.username}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN.password) })
  firstRun = await setUp()
})

afterAll(async () => {
  await hub.stop()
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('setting up a hub for a region and its branches', () => {
  it('creates the region and branch databases with their validation, and a user per terminal with its password printed once', async () => {
    expect(firstRun.changes).toEqual(
      expect.arrayContaining(['created database region-bj', 'created database branch-bj001', 'installed the validation of region-bj', 'installed the validation of branch-bj001']),
    )
    expect(Object.keys(firstRun.passwords).sort()).toEqual(['bj-inspector-01', 'bj001-counter-1', 'bj001-lobby'])
    for (const [name, password] of Object.entries(firstRun.passwords)) {
      expect(password.length).toBeGreaterThanOrEqual(24)
      expect(firstRun.printed.filter((line) => line.includes(password))).toEqual([expect.stringContaining(`created user ${name}`)])
    }
    expect((await userDoc('bj001-lobby'))?.roles).toEqual(['lobbydesk-branch', 'lobbydesk-branch-BJ001'])
    expect((await userDoc('bj-inspector-01'))?.roles).toEqual(['lobbydesk-inspector'])
    expect(await terminal('bj001-lobby', firstRun.passwords['bj001-lobby']!).databaseInfo()).toMatchObject({ docCount: 1 })
  })

  it('says in one line that the test hub cannot take database members, and goes on', () => {
    expect(firstRun.printed.filter((line) => line.includes('_security'))).toEqual([expect.stringMatching(/^warning: .*no _security endpoint/)])
  })

  it('changes nothing when run again with the same config, and says so', async () => {
    const again = await setUp()
    expect(again.changes).toEqual([])
    expect(again.passwords).toEqual({})
    expect(again.printed.at(-1)).toBe('nothing to change')
  })

  it('gives a rotated terminal a new password; the old one no longer opens the hub', async () => {
    const old = firstRun.passwords['bj001-counter-1']!
    const rotated = await setUp({ rotate: ['bj001-counter-1'] })
    const fresh = rotated.passwords['bj001-counter-1']!
    expect(rotated.printed).toContain(`new password for bj001-counter-1: ${fresh}`)
    await expect(terminal('bj001-counter-1', old).databaseInfo()).rejects.toMatchObject({ kind: 'unauthorized' })
    await expect(terminal('bj001-counter-1', fresh).databaseInfo()).resolves.toMatchObject({ docCount: 1 })
    expect((await userDoc('bj001-counter-1'))?.roles).toEqual(['lobbydesk-branch', 'lobbydesk-branch-BJ001'])
  })

  it("puts back a terminal's roles when they differ from the config, keeping its password", async () => {
    const users = new CouchClient({ url: hub.url, database: '_users', credentials: ADMIN })
    await users.putDoc({ ...(await userDoc('bj-inspector-01'))!, roles: ['lobbydesk-branch-BJ001'] })
    const repaired = await setUp()
    expect(repaired.changes).toEqual(['gave bj-inspector-01 the roles lobbydesk-inspector'])
    expect(repaired.passwords).toEqual({})
    await expect(terminal('bj-inspector-01', firstRun.passwords['bj-inspector-01']!, 'region-bj').databaseInfo()).resolves.toMatchObject({ docCount: 1 })
  })

  it('revokes a lost tablet at once: its next request is refused as unauthorized', async () => {
    const lost = terminal('bj001-lobby', firstRun.passwords['bj001-lobby']!)
    await lost.databaseInfo()
    const revoked = await setUp({ revoke: ['bj001-lobby'] })
    expect(revoked.changes).toEqual(['revoked bj001-lobby: it can no longer sign in to the hub'])
    expect(revoked.printed).toContain('take bj001-lobby out of the config, or the next run makes a new user for it')
    const refused = await lost.databaseInfo().catch((err: unknown) => err)
    expect(refused).toBeInstanceOf(HubError)
    expect(refused).toMatchObject({ kind: 'unauthorized' })
    expect(await userDoc('bj001-lobby')).toBeUndefined()
  })

  it('refuses to revoke a user the hub does not have, or one that is not a LobbyDesk terminal', async () => {
    await expect(setUp({ revoke: ['bj001-nobody'] })).rejects.toThrow('Nothing revoked: the hub has no user bj001-nobody')
    await fetch(`${hub.url}/_users/org.couchdb.user:someone-else`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Basic ${btoa(`${ADMIN.username}:${ADMIN.password}`)}` },
      body: JSON.stringify({ name: 'someone-else', password: 'x', roles: ['reporting'], type: 'user' }),
    })
    await expect(setUp({ revoke: ['someone-else'] })).rejects.toThrow('someone-else is not a LobbyDesk terminal')
  })
})

describe("the databases' members, on a hub with a _security endpoint", () => {
  it('lets only the branch into its database and the region\'s branches and inspectors into the region\'s; admins are the server\'s', async () => {
    // The test hub has no _security endpoint: Apache CouchDB 3's is played here, starting from its default.
    const security = new Map<string, unknown>()
    const realFetch = globalThis.fetch
    vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
      const database = /\/([^/]+)\/_security$/.exec(input)?.[1]
      if (database === undefined) return realFetch(input, init)
      if (init.method === 'PUT') security.set(database, JSON.parse(String(init.body)))
      const stored = security.get(database) ?? { admins: { roles: ['_admin'] }, members: { roles: ['_admin'] } }
      return new Response(JSON.stringify(init.method === 'PUT' ? { ok: true } : stored), { status: 200 })
    })
    // (The terminal revoked above is made again too: the config still names it.)
    const first = await setUp()
    expect(first.changes.filter((line) => line.startsWith('set the members'))).toEqual([
      'set the members of region-bj: lobbydesk-branch-BJ001, lobbydesk-inspector',
      'set the members of branch-bj001: lobbydesk-branch-BJ001',
    ])
    expect(security.get('branch-bj001')).toEqual({ admins: { names: [], roles: ['_admin'] }, members: { names: [], roles: ['lobbydesk-branch-BJ001'] } })
    expect((await setUp()).printed).toEqual(['nothing to change'])
  })
})

describe('what the setup refuses, and why', () => {
  it('says the admin credentials are wrong', async () => {
    const failure = setUp({ admin: { username: ADMIN.username, password: 'not-the-password' } })
    await expect(failure).rejects.toBeInstanceOf(HubSetupError)
    await expect(failure).rejects.toThrow('The hub refused the admin credentials (HUB_ADMIN_USER "hubadmin")')
  })

  it('says the hub cannot be reached', async () => {
    await expect(setUp({ url: 'http://127.0.0.1:9' })).rejects.toThrow('Cannot reach the hub at http://127.0.0.1:9')
  })

  it('sends the admin password over plain http to this machine only', async () => {
    await expect(setUp({ url: 'http://hub.branch.example:5984' })).rejects.toThrow('use https://')
  })

  it('names the exact field of a bad config before sending anything', () => {
    const bad = (config: unknown) => () => checkConfig(config)
    expect(bad({ ...CONFIG, region: { code: 'BJ', database: 'Region BJ' } })).toThrow('Bad config: region.database must be a CouchDB database name')
    expect(bad({ ...CONFIG, region: { code: 'BJ', database: 'branch-region' } })).toThrow('Bad config: region.database must not start with "branch-"')
    expect(bad({ ...CONFIG, branches: [{ code: 'BJ 001', terminals: [] }] })).toThrow('Bad config: branches[0].code must be letters and digits')
    expect(bad({ ...CONFIG, branches: [{ code: 'BJ001', terminals: ['ok', 'lobby:1'] }] })).toThrow('Bad config: branches[0].terminals[1] must be a user name')
    expect(bad({ ...CONFIG, inspectors: ['bj001-lobby'] })).toThrow('Bad config: inspectors[0] repeats "bj001-lobby" (already at branches[0].terminals[0])')
    expect(bad({ region: CONFIG.region })).toThrow('Bad config: branches must be a list')
  })

  it('rotates only users the config names', async () => {
    await expect(setUp({ rotate: ['bj001-typo'] })).rejects.toThrow('--rotate bj001-typo: not a terminal or inspector in the config')
  })
})
