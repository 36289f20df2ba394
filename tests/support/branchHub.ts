/**
 * The test hub of one test file (started before its tests, stopped after them) and fresh branch
 * databases on it, so that tests never see each other's documents. For `// @vitest-environment node`
 * files, which reach the hub with real fetch.
 */
import { afterAll, beforeAll } from 'vitest'
import { CouchClient, type HubConnection } from '@/db/sync/couch'
import { saveHubSettings } from '@/db/sync/hubSettings'
import type { HubFeed } from '@/db/sync/replicator'
import { BRANCH_ONLY } from '@/domain/sync/databases'
import { startHub } from './hub'

export interface BranchHub {
  /** The hub's address (once the file's tests run). */
  readonly url: string
  /** A new, empty branch database on the hub. */
  freshDatabase(): Promise<HubConnection>
}

export function hubForThisFile(): BranchHub {
  let server: Awaited<ReturnType<typeof startHub>> | undefined
  let databases = 0
  beforeAll(async () => {
    server = await startHub()
  })
  afterAll(async () => {
    await server?.stop()
  })
  const url = (): string => {
    if (!server) throw new Error('The hub starts before the tests of the file')
    return server.url
  }
  return {
    get url() {
      return url()
    },
    async freshDatabase() {
      const connection = { url: url(), database: `branch-${++databases}` }
      await new CouchClient(connection).ensureDatabase()
      return connection
    },
  }
}

/** Points the open database's terminal at this hub database, without credentials (reached at `url` when something stands in between). */
export function useHubDatabase(connection: HubConnection, url = connection.url): Promise<void> {
  return saveHubSettings({ url, database: connection.database, regionDatabase: '', username: '', password: '' })
}

/** A terminal with a branch database only (everything travels through it), as startSync and downloadHub take it. */
export function branchOnly(connection: HubConnection): HubFeed[] {
  return [{ placement: BRANCH_ONLY, connection }]
}
