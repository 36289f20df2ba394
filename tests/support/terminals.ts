/**
 * Several terminals in one test process: each its own database on its own fake IndexedDB. Only one
 * is the open database at a time (the app has one per tab), so a test plays them in turn with `as`.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { LobbyDeskDatabase } from '@/db/schema'
import { closeDatabase, useDatabase } from '@/db/connection'

export interface Terminal {
  name: string
  db: LobbyDeskDatabase
  /** Runs `work` with this terminal's database as the open one. */
  as<T>(work: () => Promise<T>): Promise<T>
}

export function terminal(name: string): Terminal {
  const db = new LobbyDeskDatabase(`lobbydesk-${name}`, { indexedDB: new IDBFactory(), IDBKeyRange })
  return {
    name,
    db,
    async as(work) {
      closeDatabase()
      await useDatabase(db)
      return work()
    },
  }
}
