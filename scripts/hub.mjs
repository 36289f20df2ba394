/**
 * `npm run hub`: a CouchDB-compatible hub for development on 127.0.0.1 (HUB_PORT, default 5984).
 * Its data lives in memory and is gone when it stops.
 */
import { startHubServer } from './hubServer.mjs'

const port = Number(process.env.HUB_PORT ?? 5984)
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`HUB_PORT must be a port number, not "${process.env.HUB_PORT}"`)
  process.exit(1)
}

const hub = await startHubServer({ port })
console.log(`Hub (CouchDB-compatible, in memory) at ${hub.url} — Ctrl-C stops it and forgets its data`)

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    hub.stop().then(
      () => console.log('Hub stopped'),
      (err) => {
        console.error('The hub did not stop cleanly:', err)
        process.exitCode = 1
      },
    )
  })
}
