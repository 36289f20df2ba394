/**
 * Terminals' hub users from the admin area (issue 9): the branch's list, and revoking a lost
 * tablet's user as `npm run hub:setup -- --revoke` does (its `_users` document deleted, so its next
 * request is refused), by the same rule for which users may go. The hub's server admin credentials
 * come with each call and are used for its requests only: never stored, never in the hub settings.
 */
import { branchTerminalAccounts, isLobbyDeskTerminal, type TerminalAccount } from '@/domain/sync/hubAccounts'
import { readTerminal } from '../terminal'
import { writeRecords } from '../write'
import { CouchClient, HubError, type CouchDoc, type HubErrorKind } from './couch'
import { addressProblem } from './hubCheck'

/** A server admin of the hub (CouchDB's `[admins]`), as typed by the administrator. */
export interface HubAdmin {
  username: string
  password: string
}

/** What stands in the way, one kind per thing the administrator can do something about. */
export type HubAccountProblem =
  | 'invalid_address' // the saved hub address is not an http(s) address
  | 'insecure' // plain http to another machine: the admin password would cross the network readable
  | 'unreachable' // the hub does not answer
  | 'unauthorized' // wrong admin user name or password
  | 'not_admin' // the credentials are a user's, not a server admin's
  | 'gone' // the hub has no such user (already revoked)
  | 'not_lobbydesk' // the user is not a LobbyDesk terminal's: never revoked from here
  | 'hub_failed' // the hub answered with a failure of its own

export class HubAccountError extends Error {
  constructor(
    readonly problem: HubAccountProblem,
    /** CouchDB's or the network's own words, for the administrator. */
    readonly reason = '',
  ) {
    super(`Hub account ${problem}${reason ? `: ${reason}` : ''}`)
    this.name = 'HubAccountError'
  }
}

interface UserDoc extends CouchDoc {
  name: string
  roles: string[]
}

const USER_PREFIX = 'org.couchdb.user:'
/** As long as the connection test waits: a slow branch line, but not a hung screen. */
const REQUEST_TIMEOUT_MS = 10_000

/** A failure the hub's answer names; any other is the hub's own. */
const PROBLEM_OF_KIND: Partial<Record<HubErrorKind, HubAccountProblem>> = {
  unreachable: 'unreachable',
  unauthorized: 'unauthorized',
  // Credentials the hub knows, refused the users' database: not a server admin.
  forbidden: 'not_admin',
}

/** This branch's terminal users on the hub, this terminal's own (`thisTerminalUser`) first. */
export async function listTerminalAccounts(url: string, admin: HubAdmin, branchCode: string, thisTerminalUser: string | null = null): Promise<TerminalAccount[]> {
  return asAccountProblem(async () => {
    const users = await usersAsServerAdmin(url, admin)
    const docs = await users.docsWithPrefix<UserDoc>(USER_PREFIX)
    const hubUsers = docs.map((doc) => ({ name: typeof doc.name === 'string' ? doc.name : doc._id.slice(USER_PREFIX.length), roles: Array.isArray(doc.roles) ? doc.roles : [] }))
    return branchTerminalAccounts(hubUsers, branchCode, thisTerminalUser)
  })
}

/** Deletes a LobbyDesk terminal's hub user (its next request is refused) and logs who did it here. */
export async function revokeTerminalAccount(url: string, admin: HubAdmin, name: string): Promise<void> {
  const revoked = await asAccountProblem(async () => {
    const users = await usersAsServerAdmin(url, admin)
    const stored = await users.getDoc<UserDoc>(USER_PREFIX + name)
    if (!stored) throw new HubAccountError('gone')
    if (!isLobbyDeskTerminal(Array.isArray(stored.roles) ? stored.roles : [])) throw new HubAccountError('not_lobbydesk')
    await users.putDoc({ _id: stored._id, _rev: stored._rev, _deleted: true })
    return stored
  })
  const { branchId } = await readTerminal()
  await writeRecords([], (w) => w.audit('hub.revoke_terminal', 'branches', branchId, null, { hubUser: name, hubRoles: revoked.roles.join(', '), hubAddress: url }))
}

/** The hub's `_users` database as its server admin, once the address is safe for the password and the hub says these credentials are an admin's. */
async function usersAsServerAdmin(url: string, admin: HubAdmin): Promise<CouchClient> {
  const problem = addressProblem(url)
  if (problem) throw new HubAccountError(problem)
  const users = new CouchClient({ url: url.trim(), database: '_users', credentials: admin, requestTimeoutMs: REQUEST_TIMEOUT_MS })
  const session = await users.session()
  if (!session.roles.includes('_admin')) throw new HubAccountError('not_admin')
  return users
}

/** Runs the hub requests, saying any failure as a HubAccountError. */
async function asAccountProblem<T>(requests: () => Promise<T>): Promise<T> {
  try {
    return await requests()
  } catch (err) {
    if (!(err instanceof HubError)) throw err
    throw new HubAccountError(PROBLEM_OF_KIND[err.kind] ?? 'hub_failed', err.reason)
  }
}
