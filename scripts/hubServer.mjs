/**
 * A CouchDB-compatible hub kept in memory: express-pouchdb in its full CouchDB mode on PouchDB's
 * memory adapter. Apache CouchDB cannot be installed on these machines, so development
 * (`npm run hub`) and the sync tests (`tests/support/hub.ts`) both start this one.
 */
import { randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import { devNull } from 'node:os'
import expressPouchDB from 'express-pouchdb'
import memoryAdapter from 'pouchdb-adapter-memory'
import PouchDB from 'pouchdb-core'
import mapReduce from 'pouchdb-mapreduce'
import replication from 'pouchdb-replication'

// The full CouchDB mode wraps every database's query and replicate methods: without these plugins
// it fails on the first database it opens ("Security methods already installed").
const MemoryPouchDB = PouchDB.plugin(memoryAdapter).plugin(mapReduce).plugin(replication)
// Each hub leaves four small listeners on the one event emitter of PouchDB's class for the rest of
// the process (express-pouchdb cannot stop its daemons: its stop ends at the first daemon without
// a stop step), so a test file starting three hubs would pass Node's warning limit of ten.
MemoryPouchDB.setMaxListeners(100)
// CouchDB tells a validation function which database it guards (`userCtx.db`); express-pouchdb
// does so from a database's `_db_name`, which PouchDB 9 no longer sets: its `name` is the same.
Object.defineProperty(MemoryPouchDB.prototype, '_db_name', { get() { return this.name } })

/**
 * CouchDB answers browsers from other origins once its `[cors]` section allows them (the README's
 * hub setup does); express-pouchdb has no CORS at all, so the hub of development and tests adds it
 * here, for any origin, as such a CouchDB does: preflights answered, credentials allowed.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {() => void} next
 */
function withCors(request, response, next) {
  const origin = request.headers.origin
  if (origin) {
    response.setHeader('Access-Control-Allow-Origin', origin)
    response.setHeader('Access-Control-Allow-Credentials', 'true')
    response.setHeader('Vary', 'Origin')
  }
  if (request.method === 'OPTIONS' && origin) {
    response.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, DELETE')
    response.setHeader('Access-Control-Allow-Headers', 'Accept, Authorization, Content-Type')
    response.setHeader('Access-Control-Max-Age', '600')
    response.statusCode = 204
    response.end()
    return
  }
  next()
}

/** @type {import('./hubServer.mjs').startHubServer} */
export async function startHubServer({ host = '127.0.0.1', port = 0 } = {}) {
  // memdown keeps the databases of the whole process in one store: a prefix of its own keeps each
  // hub's databases apart when one process starts several (test files sharing a worker).
  const HubPouchDB = MemoryPouchDB.defaults({ adapter: 'memory', prefix: `hub-${randomUUID()}/` })
  const app = expressPouchDB(HubPouchDB, {
    mode: 'fullCouchDB',
    // Config in memory and the log to nowhere: nothing is written next to the caller's files.
    inMemoryConfig: true,
    logPath: devNull,
    // Its `_security` part wraps `_changes` so that a cancelled long-poll never clears its heartbeat
    // timer: each long-poll the client aborts would leave a timer running for good. It does not
    // enforce members anyway, so leaving it out loses only the `_security` endpoint.
    overrideMode: { exclude: ['routes/security'] },
  })
  const server = createServer((request, response) => withCors(request, response, () => app(request, response)))
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve(undefined))
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('The hub is not listening on a TCP port')
  return {
    url: `http://${host}:${address.port}`,
    stop: () =>
      new Promise((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        // close() waits for open connections: a long-poll still waiting would hold it until a change.
        server.closeAllConnections()
      }),
  }
}
