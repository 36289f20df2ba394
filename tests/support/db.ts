/** A fresh database on its own fake IndexedDB, for each test that touches storage. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { LobbyDeskDatabase } from '@/db/schema'
import { closeDatabase, useDatabase } from '@/db/connection'

export async function freshDatabase(name = 'lobbydesk-test'): Promise<LobbyDeskDatabase> {
  closeDatabase()
  return useDatabase(new LobbyDeskDatabase(name, { indexedDB: new IDBFactory(), IDBKeyRange }))
}
