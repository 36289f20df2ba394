// @vitest-environment node
import { createServer, type Server } from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { checkHub, settingsProblem } from '@/db/sync/hubCheck'
import { hubConnectionOf } from '@/db/sync/hubSettings'
import type { HubSettings } from '@/db/sync/hubSettings'
import { startHub } from '../../support/hub'

let hub: Awaited<ReturnType<typeof startHub>>
/** An http server that answers every request with a web page: something that is not CouchDB. */
let webServer: Server
let webUrl: string

const ADMIN = { username: 'hubadmin', password: 'admin-secret' }
const TERMINAL = { username: 'terminal-01', password: 'terminal-secret' }

function settings(overrides: Partial<HubSettings> = {}): HubSettings {
  return { url: hub.url, database: 'branch-bj001', regionDatabase: '', ...TERMINAL, ...overrides }
}

async function asAdmin(method: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${hub.url}/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Basic ${btoa(`${ADMIN.username}:${ADMIN.password}`)}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
}

beforeAll(async () => {
  hub = await startHub()
  // The hub setup: an administrator (which ends the hub's "anyone may" mode), the branch database
  // with two documents, and the terminal's own user.
  await fetch(`${hub.url}/_config/admins/${ADMIN.username}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN.password) })
  await asAdmin('PUT', 'branch-bj001')
  await asAdmin('POST', 'branch-bj001/_bulk_docs', { docs: [{ _id: 'staff:1' }, { _id: 'staff:2' }] })
  await asAdmin('PUT', 'region-bj')
  await asAdmin('POST', 'region-bj/_bulk_docs', { docs: [{ _id: 'branches:1' }, { _id: 'branches:2' }, { _id: 'inspections:1' }] })
  await asAdmin('PUT', `_users/org.couchdb.user:${TERMINAL.username}`, { name: TERMINAL.username, password: TERMINAL.password, roles: [], type: 'user' })

  webServer = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' })
    response.end('<!doctype html><title>Router login</title>')
  })
  await new Promise<void>((resolve) => webServer.listen(0, '127.0.0.1', resolve))
  const address = webServer.address()
  if (address === null || typeof address === 'string') throw new Error('web server without a port')
  webUrl = `http://127.0.0.1:${address.port}`
})

afterAll(async () => {
  await hub.stop()
  await new Promise((resolve) => webServer.close(resolve))
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('checking the hub settings before connecting', () => {
  it('finds the server, its version and how many documents the branch database holds', async () => {
    const check = await checkHub(settings())
    expect(check).toEqual({ ok: true, server: expect.any(String), version: expect.any(String), documents: 2, regionDocuments: null })
  })

  it('refuses what is not an http(s) address without sending anything', async () => {
    expect(await checkHub(settings({ url: 'hub.branch.example' }))).toMatchObject({ ok: false, problem: 'invalid_address' })
    expect(await checkHub(settings({ url: 'ftp://hub.branch.example' }))).toMatchObject({ ok: false, problem: 'invalid_address' })
  })

  it('allows plain http only to this machine itself; any other host must use https', () => {
    expect(settingsProblem({ url: 'http://192.168.1.20:5984', database: 'branch-bj001', regionDatabase: '' })).toBe('insecure')
    expect(settingsProblem({ url: 'http://hub.branch.example', database: 'branch-bj001', regionDatabase: '' })).toBe('insecure')
    expect(settingsProblem({ url: 'https://hub.branch.example:6984', database: 'branch-bj001', regionDatabase: '' })).toBeNull()
    for (const local of ['http://localhost:5984', 'http://127.0.0.1:5984', 'http://[::1]:5984']) expect(settingsProblem({ url: local, database: 'branch-bj001', regionDatabase: '' })).toBeNull()
  })

  it('refuses a database name CouchDB would not accept', () => {
    expect(settingsProblem({ url: 'https://hub.example', database: 'Branch BJ001', regionDatabase: '' })).toBe('invalid_database')
    expect(settingsProblem({ url: 'https://hub.example', database: '_users', regionDatabase: '' })).toBe('invalid_database')
  })

  it('says the hub does not answer when nothing listens at the address', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as { port: number }
    await new Promise((resolve) => closed.close(resolve))
    expect(await checkHub(settings({ url: `http://127.0.0.1:${port}` }))).toMatchObject({ ok: false, problem: 'unreachable' })
  })

  it('says it is not CouchDB when something else answers', async () => {
    expect(await checkHub(settings({ url: webUrl }))).toMatchObject({ ok: false, problem: 'not_couchdb' })
  })

  it('says the user name or password is wrong', async () => {
    expect(await checkHub(settings({ password: 'not-the-password' }))).toMatchObject({ ok: false, problem: 'unauthorized' })
    expect(await checkHub(settings({ username: 'nobody' }))).toMatchObject({ ok: false, problem: 'unauthorized' })
  })

  it('says the branch database does not exist, and does not create it', async () => {
    expect(await checkHub(settings({ database: 'branch-bj999' }))).toMatchObject({ ok: false, problem: 'no_database' })
    expect(await checkHub(settings({ database: 'branch-bj999' }))).toMatchObject({ ok: false, problem: 'no_database' })
  })

  it('counts the documents of the branch database and of the region database', async () => {
    expect(await checkHub(settings({ regionDatabase: 'region-bj' }))).toMatchObject({ ok: true, documents: 2, regionDocuments: 3 })
  })

  it('an inspector’s tablet names the region database only', async () => {
    expect(await checkHub(settings({ database: '', regionDatabase: 'region-bj' }))).toMatchObject({ ok: true, documents: null, regionDocuments: 3 })
  })

  it('says which database is missing when it is the region’s', async () => {
    expect(await checkHub(settings({ regionDatabase: 'region-xx' }))).toMatchObject({ ok: false, problem: 'no_database', database: { kind: 'region', name: 'region-xx' } })
  })

  it('needs at least one database', () => {
    expect(settingsProblem({ url: 'https://hub.example', database: '', regionDatabase: '' })).toBe('invalid_database')
    expect(settingsProblem({ url: 'https://hub.example', database: 'branch-bj001', regionDatabase: 'Region BJ' })).toBe('invalid_database')
  })

  it('says the user may not use the database when the hub forbids it (403)', async () => {
    // The test hub does not enforce database members: CouchDB's answer is played by a stub.
    const realFetch = globalThis.fetch
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) =>
      input.endsWith('/branch-bj001') ? Promise.resolve(new Response(JSON.stringify({ error: 'forbidden', reason: 'You are not allowed to access this db.' }), { status: 403 })) : realFetch(input, init),
    )
    expect(await checkHub(settings())).toEqual({ ok: false, problem: 'forbidden', reason: 'You are not allowed to access this db.', database: { kind: 'branch', name: 'branch-bj001' } })
  })

  it('says the hub failed when it answers with a server error', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify({ error: 'internal', reason: 'disk full' }), { status: 500 })))
    expect(await checkHub(settings())).toEqual({ ok: false, problem: 'server', reason: 'disk full', database: null })
  })

  it('sends no credentials when no user name is given', () => {
    expect(hubConnectionOf(settings({ username: '', password: '' })).credentials).toBeUndefined()
    expect(hubConnectionOf(settings()).credentials).toEqual(TERMINAL)
  })
})
