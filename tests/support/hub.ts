import { startHubServer, type HubServer } from '../../scripts/hubServer.mjs'

/**
 * A fresh in-memory CouchDB-compatible hub on a free port of 127.0.0.1. Each test file starts its
 * own (in a `// @vitest-environment node` file) and stops it in `afterAll`, so vitest can exit.
 */
export function startHub(): Promise<HubServer> {
  return startHubServer({ port: 0 })
}
