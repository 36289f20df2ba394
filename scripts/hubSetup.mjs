/**
 * `npm run hub:setup -- <hub-url> --config <file.json> [--revoke <user>] [--rotate <user>]` (issue 9):
 * prepares a CouchDB hub for a region and its branches, idempotently. It creates the region's and
 * each branch's database, a CouchDB user per terminal and inspector's tablet (a strong password
 * printed once, when the user is made or rotated), each database's `_security` members and the
 * design document whose validation keeps a branch from rewriting what it may not. A second run with
 * the same config changes nothing and says so. The hub's admin comes from HUB_ADMIN_USER and
 * HUB_ADMIN_PASSWORD, never from the app.
 */
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { designDocument, DESIGN_DOC_ID } from './hubDesign.mjs'
import { BRANCH_ROLE, branchRole, INSPECTOR_ROLE, isLobbyDeskTerminal } from './hubRoles.mjs'

/** A problem the person running the script can fix; the CLI prints its message alone. */
export class HubSetupError extends Error {
  name = 'HubSetupError'
}

const branchDatabase = (code) => `branch-${code.toLowerCase()}`
const userDocId = (name) => `org.couchdb.user:${name}`

/**
 * The config, checked field by field: the first problem is thrown with the field's path.
 * @returns {import('./hubSetup.d.mts').HubSetupConfig}
 */
export function checkConfig(config) {
  const fail = (field, problem) => {
    throw new HubSetupError(`Bad config: ${field} ${problem}`)
  }
  const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value)
  if (!isObject(config)) fail('(the whole file)', 'must be a JSON object')
  if (!isObject(config.region)) fail('region', 'must be an object with code and database')
  if (typeof config.region.code !== 'string' || !/^[A-Za-z0-9]+$/.test(config.region.code)) fail('region.code', 'must be letters and digits, e.g. "BJ"')
  if (typeof config.region.database !== 'string' || !/^[a-z][a-z0-9_$()+/-]*$/.test(config.region.database)) {
    fail('region.database', 'must be a CouchDB database name: lower-case letters, digits and _$()+/- , starting with a letter')
  }
  // The hub's validation tells a branch's own database from the region's by this prefix.
  if (config.region.database.startsWith('branch-')) fail('region.database', 'must not start with "branch-": that names a branch\'s own database')
  if (!Array.isArray(config.branches)) fail('branches', 'must be a list')
  const users = new Map()
  const checkUser = (name, field) => {
    if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) fail(field, 'must be a user name of letters, digits, ".", "_" and "-"')
    if (users.has(name)) fail(field, `repeats "${name}" (already at ${users.get(name)})`)
    users.set(name, field)
  }
  const codes = new Set()
  config.branches.forEach((branch, i) => {
    const at = `branches[${i}]`
    if (!isObject(branch)) fail(at, 'must be an object with code and terminals')
    if (typeof branch.code !== 'string' || !/^[A-Za-z0-9]+$/.test(branch.code)) fail(`${at}.code`, 'must be letters and digits, e.g. "BJ001"')
    if (codes.has(branch.code.toLowerCase())) fail(`${at}.code`, `repeats "${branch.code}"`)
    codes.add(branch.code.toLowerCase())
    if (!Array.isArray(branch.terminals)) fail(`${at}.terminals`, 'must be a list of user names')
    branch.terminals.forEach((name, j) => checkUser(name, `${at}.terminals[${j}]`))
  })
  if (!Array.isArray(config.inspectors ?? [])) fail('inspectors', 'must be a list of user names')
  ;(config.inspectors ?? []).forEach((name, i) => checkUser(name, `inspectors[${i}]`))
  return config
}

/** What the config asks the hub to hold: databases with their members, users with their roles. */
function plan(config) {
  const branchRoles = config.branches.map((branch) => branchRole(branch.code))
  const databases = [
    { name: config.region.database, memberRoles: [...branchRoles, INSPECTOR_ROLE] },
    ...config.branches.map((branch) => ({ name: branchDatabase(branch.code), memberRoles: [branchRole(branch.code)] })),
  ]
  const users = [
    ...config.branches.flatMap((branch) => branch.terminals.map((name) => ({ name, roles: [BRANCH_ROLE, branchRole(branch.code)] }))),
    ...(config.inspectors ?? []).map((name) => ({ name, roles: [INSPECTOR_ROLE] })),
  ]
  return { databases, users }
}

/** Members: the config's roles; admins: the server's admins only (CouchDB 3's default). */
function securityObject(memberRoles) {
  return { admins: { names: [], roles: ['_admin'] }, members: { names: [], roles: [...memberRoles].sort() } }
}

function sameSecurity(stored, wanted) {
  const part = (security, key) => ({ names: [...(security?.[key]?.names ?? [])].sort(), roles: [...(security?.[key]?.roles ?? [])].sort() })
  return JSON.stringify([part(stored, 'admins'), part(stored, 'members')]) === JSON.stringify([part(wanted, 'admins'), part(wanted, 'members')])
}

function newPassword() {
  return randomBytes(18).toString('base64url')
}

/** Plain http sends the admin's password readable by anyone on the way: only to this machine itself. */
function checkAddress(url) {
  let parsed
  try {
    parsed = new URL(url)
  } catch {
    throw new HubSetupError(`"${url}" is not a hub address: give one like https://hub.example:6984`)
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)
  if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && local)) return parsed.href.replace(/\/+$/, '')
  throw new HubSetupError(`${url}: use https:// (plain http only for localhost); the admin password must not travel readable`)
}

/**
 * Requests to the hub as its admin; each answers its status and JSON body, or throws a HubSetupError
 * when the hub cannot be reached, refuses the admin, or answers a status the caller does not expect.
 */
function adminClient(base, admin) {
  const authorization = `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}`
  return async function call(method, path, body, expected) {
    let response
    try {
      response = await fetch(`${base}/${path}`, {
        method,
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: authorization },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    } catch (err) {
      throw new HubSetupError(`Cannot reach the hub at ${base}: ${err.cause?.message ?? err.message}`)
    }
    const answer = await response.json().catch(() => null)
    if (response.status === 401) throw new HubSetupError(`The hub refused the admin credentials (HUB_ADMIN_USER "${admin.username}"): ${answer?.reason ?? 'unauthorized'}`)
    if (!expected.includes(response.status)) throw new HubSetupError(`${method} /${path} answered ${response.status}: ${answer?.error ?? ''} ${answer?.reason ?? ''}`.trim())
    return { status: response.status, body: answer }
  }
}

/** A lost tablet's user is deleted: its next request is refused. Only LobbyDesk users, config or not. */
async function revokeUsers(call, names, { change }) {
  for (const name of names) {
    const path = `_users/${encodeURIComponent(userDocId(name))}`
    const stored = await call('GET', path, undefined, [200, 404])
    if (stored.status === 404) throw new HubSetupError(`Nothing revoked: the hub has no user ${name}`)
    if (!isLobbyDeskTerminal(stored.body.roles)) throw new HubSetupError(`Nothing revoked: ${name} is not a LobbyDesk terminal`)
    await call('DELETE', `${path}?rev=${encodeURIComponent(stored.body._rev)}`, undefined, [200, 202])
    change(`revoked ${name}: it can no longer sign in to the hub`)
  }
}

/** Each database, its members (where the hub has `_security`) and its validation. */
async function setUpDatabases(call, databases, { change, log }) {
  for (const database of ['_users', ...databases.map((d) => d.name)]) {
    if ((await call('PUT', encodeURIComponent(database), undefined, [201, 202, 412])).status !== 412) change(`created database ${database}`)
  }
  let securityEndpoint = true
  const design = designDocument()
  for (const database of databases) {
    const path = encodeURIComponent(database.name)
    if (securityEndpoint) {
      const wanted = securityObject(database.memberRoles)
      const stored = await call('GET', `${path}/_security`, undefined, [200, 404])
      if (stored.status === 404) {
        securityEndpoint = false
        log('warning: this hub has no _security endpoint (a development hub?): database members were not set')
      } else if (!sameSecurity(stored.body, wanted)) {
        await call('PUT', `${path}/_security`, wanted, [200])
        change(`set the members of ${database.name}: ${database.memberRoles.join(', ')}`)
      }
    }
    const stored = await call('GET', `${path}/${DESIGN_DOC_ID}`, undefined, [200, 404])
    if (stored.status === 404) {
      await call('PUT', `${path}/${DESIGN_DOC_ID}`, design, [201, 202])
      change(`installed the validation of ${database.name}`)
    } else if (stored.body.validate_doc_update !== design.validate_doc_update || stored.body.language !== design.language) {
      await call('PUT', `${path}/${DESIGN_DOC_ID}`, { ...design, _rev: stored.body._rev }, [201, 202])
      change(`updated the validation of ${database.name}`)
    }
  }
}

/** Each user with its roles; a new or rotated user's password is returned and printed, once. */
async function setUpUsers(call, users, rotate, { change }) {
  const passwords = {}
  for (const user of users) {
    const path = `_users/${encodeURIComponent(userDocId(user.name))}`
    const stored = await call('GET', path, undefined, [200, 404])
    if (stored.status === 404) {
      passwords[user.name] = newPassword()
      await call('PUT', path, { _id: userDocId(user.name), name: user.name, type: 'user', roles: user.roles, password: passwords[user.name] }, [201, 202])
      change(`created user ${user.name} (${user.roles.join(', ')}), password: ${passwords[user.name]}`)
      continue
    }
    const rolesDiffer = JSON.stringify([...stored.body.roles].sort()) !== JSON.stringify([...user.roles].sort())
    if (!rolesDiffer && !rotate.includes(user.name)) continue
    const updated = { ...stored.body, roles: user.roles }
    if (rotate.includes(user.name)) {
      passwords[user.name] = newPassword()
      // CouchDB hashes a `password` it is given and keeps only the hash.
      updated.password = passwords[user.name]
    }
    await call('PUT', path, updated, [201, 202])
    if (rolesDiffer) change(`gave ${user.name} the roles ${user.roles.join(', ')}`)
    if (rotate.includes(user.name)) change(`new password for ${user.name}: ${passwords[user.name]}`)
  }
  return passwords
}

/** @type {import('./hubSetup.d.mts').setUpHub} */
export async function setUpHub({ url, admin, config, revoke = [], rotate = [], log }) {
  const base = checkAddress(url)
  const { databases, users } = plan(checkConfig(config))
  const configured = new Set(users.map((user) => user.name))
  for (const name of rotate) if (!configured.has(name)) throw new HubSetupError(`--rotate ${name}: not a terminal or inspector in the config`)
  const call = adminClient(base, admin)
  const session = await call('GET', '_session', undefined, [200])
  if (!session.body?.userCtx?.roles?.includes('_admin')) throw new HubSetupError(`"${admin.username}" is not a server admin of the hub`)

  const changes = []
  const report = {
    change: (line) => {
      changes.push(line)
      log(line)
    },
    log,
  }
  // A lost tablet first, before anything else can fail.
  await revokeUsers(call, revoke, report)
  await setUpDatabases(call, databases, report)
  const passwords = await setUpUsers(call, users.filter((user) => !revoke.includes(user.name)), rotate, report)
  const revokedStillConfigured = revoke.filter((name) => configured.has(name))
  if (revokedStillConfigured.length) log(`take ${revokedStillConfigured.join(', ')} out of the config, or the next run makes a new user for it`)
  if (changes.length === 0) log('nothing to change')
  return { changes, passwords }
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { config: { type: 'string' }, revoke: { type: 'string', multiple: true }, rotate: { type: 'string', multiple: true } },
  })
  const usage = 'usage: npm run hub:setup -- <hub-url> --config <file.json> [--revoke <user>] [--rotate <user>]'
  if (positionals.length !== 1 || !values.config) throw new HubSetupError(usage)
  const { HUB_ADMIN_USER: username, HUB_ADMIN_PASSWORD: password } = process.env
  if (!username || !password) throw new HubSetupError('Set HUB_ADMIN_USER and HUB_ADMIN_PASSWORD to a server admin of the hub')
  let config
  try {
    config = JSON.parse(await readFile(values.config, 'utf8'))
  } catch (err) {
    throw new HubSetupError(`Cannot read the config ${values.config}: ${err.message}`)
  }
  await setUpHub({ url: positionals[0], admin: { username, password }, config, revoke: values.revoke, rotate: values.rotate, log: console.log })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(err instanceof HubSetupError || String(err.code).startsWith('ERR_PARSE_ARGS') ? err.message : err)
    process.exitCode = 1
  })
}
