/**
 * The one open database of this tab. Tests swap in a database on a fresh fake IndexedDB.
 */
import { LobbyDeskDatabase } from './schema'
import { StorageError } from './errors'

let current: LobbyDeskDatabase | null = null
let opening: Promise<LobbyDeskDatabase> | null = null

export interface OpenHandlers {
  /** Another tab holds an older version open and does not let go. */
  onBlocked?: () => void
  /** Another tab opened a newer version: save drafts and reload. */
  onVersionChange?: () => void
}

export function database(): LobbyDeskDatabase {
  if (!current) throw new Error('The database is not open yet: await openDatabase() first.')
  return current
}

export function isDatabaseOpen(): boolean {
  return current?.isOpen() ?? false
}

/** Opens (once) the terminal's database; failures become a StorageError a person can act on. */
export function openDatabase(handlers: OpenHandlers = {}, make: () => LobbyDeskDatabase = () => new LobbyDeskDatabase()): Promise<LobbyDeskDatabase> {
  if (current?.isOpen()) return Promise.resolve(current)
  if (opening) return opening
  const db = make()
  db.on('blocked', () => handlers.onBlocked?.())
  db.on('versionchange', () => {
    handlers.onVersionChange?.()
    db.close()
    return false
  })
  opening = db
    .open()
    .then(() => {
      current = db
      return db
    })
    .catch((err: unknown) => {
      opening = null
      const name = (err as { name?: string } | null)?.name
      throw new StorageError(name === 'VersionError' ? 'upgrade_elsewhere' : 'open_failed', err)
    })
  return opening
}

/** For tests: use this database instead (already constructed on a fake IndexedDB). */
export async function useDatabase(db: LobbyDeskDatabase): Promise<LobbyDeskDatabase> {
  current?.close()
  opening = null
  await db.open()
  current = db
  return db
}

export function closeDatabase(): void {
  current?.close()
  current = null
  opening = null
}
