/**
 * The connection test of the hub settings: before a terminal is pointed at a hub, say exactly what
 * is wrong (the address, the hub not answering, something that is not CouchDB, the credentials,
 * the database, the permission) or what was found there. It only reads: creating the branch
 * database is the hub setup's job, never a terminal's.
 */
import type { HubDatabaseKind } from '@/domain/sync/databases'
import { CouchClient, HubError } from './couch'
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
  | { ok: true; server: string; version: string; /** In the branch's database, then the region's (null: not used). */ documents: number | null; regionDocuments: number | null }
  | {
      ok: false
      problem: HubCheckProblem
      /** CouchDB's or the network's own words, for the administrator. */
      reason: string
      /** The database the problem is with, when it is with one. */
      database: { kind: HubDatabaseKind; name: string } | null
    }

/** How long the test waits for each answer: long enough for a slow branch line, short enough to wait for. */
const CHECK_TIMEOUT_MS = 10_000

/** Hosts a terminal may reach over plain http: the machine itself (a hub running on the terminal). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** CouchDB's rule for database names. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/

/** What is wrong with a hub address, before anything is sent: only https, or plain http to this machine itself. */
export function addressProblem(url: string): 'invalid_address' | 'insecure' | null {
  let address: URL
  try {
    address = new URL(url.trim())
  } catch {
    return 'invalid_address'
  }
  if (address.protocol !== 'https:' && address.protocol !== 'http:') return 'invalid_address'
  if (address.protocol === 'http:' && !LOOPBACK_HOSTS.has(address.hostname)) return 'insecure'
  return null
}

export function databaseProblem(name: string): 'invalid_database' | null {
  return DATABASE_NAME.test(name.trim()) ? null : 'invalid_database'
}

/** The first thing wrong with the address or the database names, before anything is sent; at least one database is needed. */
export function settingsProblem(settings: Pick<HubSettings, 'url' | 'database' | 'regionDatabase'>): 'invalid_address' | 'insecure' | 'invalid_database' | null {
  const names = [settings.database, settings.regionDatabase].filter((name) => name.trim() !== '')
  return addressProblem(settings.url) ?? (names.length === 0 ? 'invalid_database' : (names.map(databaseProblem).find((p) => p !== null) ?? null))
}

/** Tests the settings against the hub: the server, then each database with these credentials. */
export async function checkHub(settings: HubSettings): Promise<HubCheck> {
  const problem = settingsProblem(settings)
  if (problem) return { ok: false, problem, reason: '', database: null }
  /** The database being read, so that a refusal names it. */
  let reading: { kind: HubDatabaseKind; name: string } | null = null
  /** How many documents a database holds; null when the settings name none. */
  const documentsIn = async (kind: HubDatabaseKind, name: string): Promise<number | null> => {
    if (!name) return null
    reading = { kind, name }
    return (await new CouchClient(hubConnectionOf(settings, CHECK_TIMEOUT_MS, name)).databaseInfo()).docCount
  }
  try {
    const info = await new CouchClient(hubConnectionOf(settings, CHECK_TIMEOUT_MS)).serverInfo()
    const version = typeof info.version === 'string' ? info.version : undefined
    const server = info.couchdb !== undefined ? 'CouchDB' : info.vendor?.name
    if (!version || !server) return { ok: false, problem: 'not_couchdb', reason: 'the welcome names no server and version', database: null }
    return { ok: true, server, version, documents: await documentsIn('branch', settings.database), regionDocuments: await documentsIn('region', settings.regionDatabase) }
  } catch (err) {
    if (err instanceof HubError) return failedCheck(err, reading)
    throw err
  }
}

/** A HubError in the connection test's words (onboarding's download fails in the same ways). */
export function failedCheck(err: HubError, database: { kind: HubDatabaseKind; name: string } | null = null): Extract<HubCheck, { ok: false }> {
  return { ok: false, problem: checkProblemOf(err), reason: err.reason, database }
}

function checkProblemOf(err: HubError): HubCheckProblem {
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
