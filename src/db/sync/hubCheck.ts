/**
 * The connection test of the hub settings: before a terminal is pointed at a hub, say exactly what
 * is wrong (the address, the hub not answering, something that is not CouchDB, the credentials,
 * the database, the permission) or what was found there. It only reads: creating the branch
 * database is the hub setup's job, never a terminal's.
 */
import { CouchClient, HubError, type HubConnection } from './couch'
import { hubConnectionOf, type HubSettings } from './hubSettings'

/** What stands in the way, one kind per thing the person at the terminal can do something about. */
export type HubCheckProblem =
  | 'invalid_address' // not an http(s) address
  | 'insecure' // plain http to another machine: credentials and branch data would cross the network in clear
  | 'invalid_database' // not a name CouchDB allows
  | 'unreachable' // nothing answers at the address (or not in time)
  | 'not_couchdb' // something answers, but not a CouchDB server
  | 'unauthorized' // wrong user name or password
  | 'forbidden' // the user may not use this database
  | 'no_database' // the branch database has not been created on the hub
  | 'server' // the hub answered with a failure of its own

export type HubCheck =
  | { ok: true; server: string; version: string; documents: number }
  | { ok: false; problem: HubCheckProblem; /** CouchDB's or the network's own words, for the administrator. */ reason: string }

/** How long the test waits for each answer: long enough for a slow branch line, short enough to wait for. */
const CHECK_TIMEOUT_MS = 10_000

/** Hosts a terminal may reach over plain http: the machine itself (a hub running on the terminal). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** CouchDB's rule for database names. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/

/** The first thing wrong with the address or database name, before anything is sent. */
export function settingsProblem(settings: Pick<HubSettings, 'url' | 'database'>): 'invalid_address' | 'insecure' | 'invalid_database' | null {
  let address: URL
  try {
    address = new URL(settings.url.trim())
  } catch {
    return 'invalid_address'
  }
  if (address.protocol !== 'https:' && address.protocol !== 'http:') return 'invalid_address'
  if (address.protocol === 'http:' && !LOOPBACK_HOSTS.has(address.hostname)) return 'insecure'
  if (!DATABASE_NAME.test(settings.database.trim())) return 'invalid_database'
  return null
}

/** The connection for these settings; without a user name the terminal sends no credentials (a hub nobody logs in to). */
export function connectionFor(settings: HubSettings, requestTimeoutMs?: number): HubConnection {
  const connection = hubConnectionOf(settings, requestTimeoutMs)
  if (!settings.username) delete connection.credentials
  return connection
}

/** Tests the settings against the hub: the server, then the database with these credentials. */
export async function checkHub(settings: HubSettings): Promise<HubCheck> {
  const problem = settingsProblem(settings)
  if (problem) return { ok: false, problem, reason: '' }
  const connection = connectionFor(settings, CHECK_TIMEOUT_MS)
  try {
    const info = await new CouchClient(connection).serverInfo()
    const version = typeof info.version === 'string' ? info.version : undefined
    const server = info.couchdb !== undefined ? 'CouchDB' : info.vendor?.name
    if (!version || !server) return { ok: false, problem: 'not_couchdb', reason: 'the welcome names no server and version' }
    const documents = await documentCount(connection)
    return { ok: true, server, version, documents }
  } catch (err) {
    if (err instanceof HubError) return { ok: false, problem: problemOf(err), reason: err.reason }
    throw err
  }
}

function problemOf(err: HubError): HubCheckProblem {
  switch (err.kind) {
    case 'unreachable':
      return 'unreachable'
    case 'unauthorized':
      return 'unauthorized'
    case 'forbidden':
      return 'forbidden'
    case 'not_found':
      return 'no_database'
    case 'server':
      return 'server'
    default:
      return 'not_couchdb'
  }
}

/**
 * GET /<db>: the database's document count, or the HubError its answer means. CouchClient has no
 * call for the database's info, and a check must not create the database as ensureDatabase would.
 */
async function documentCount(connection: HubConnection): Promise<number> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (connection.credentials) headers.Authorization = basicAuthorization(connection.credentials)
  let response: Response
  try {
    response = await fetch(`${connection.url.replace(/\/+$/, '')}/${encodeURIComponent(connection.database)}`, { headers, signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) })
  } catch (err) {
    throw new HubError('unreachable', err instanceof Error ? err.message : String(err), undefined, { cause: err })
  }
  const body: unknown = await response.json().catch(() => null)
  const reason = typeof body === 'object' && body !== null && 'reason' in body ? String(body.reason) : ''
  if (response.status === 401) throw new HubError('unauthorized', reason, 401)
  if (response.status === 403) throw new HubError('forbidden', reason, 403)
  if (response.status === 404) throw new HubError('not_found', reason, 404)
  if (response.status >= 500) throw new HubError('server', reason, response.status)
  if (!response.ok || typeof body !== 'object' || body === null || !('doc_count' in body) || typeof body.doc_count !== 'number') {
    throw new HubError('bad_response', `database info without doc_count (${response.status})`, response.status)
  }
  return body.doc_count
}

function basicAuthorization({ username, password }: { username: string; password: string }): string {
  // UTF-8 bytes through btoa, as CouchClient does: user names may be Chinese.
  const bytes = new TextEncoder().encode(`${username}:${password}`)
  return `Basic ${btoa(String.fromCharCode(...bytes))}`
}
