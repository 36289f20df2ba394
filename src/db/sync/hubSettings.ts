/**
 * Where this terminal synchronises: the hub's address, the branch database and this terminal's own
 * credentials. Kept only on this terminal (never replicated, never in a backup); without them the
 * terminal works alone, exactly as before synchronisation existed.
 */
import { getLocal, LOCAL_KEYS, setLocal } from '../local'
import { database } from '../connection'
import type { HubConnection } from './couch'

export interface HubSettings {
  /** e.g. `https://hub.bj001.example:6984`, or `http://127.0.0.1:5984` on the terminal itself. */
  url: string
  database: string
  username: string
  password: string
}

export async function readHubSettings(): Promise<HubSettings | null> {
  return (await getLocal<HubSettings>(LOCAL_KEYS.hub)) ?? null
}

/** Points the terminal at a hub (null: at none). A different hub or database starts its feed afresh. */
export async function saveHubSettings(settings: HubSettings | null): Promise<void> {
  const before = await readHubSettings()
  await database().transaction('rw', database().local, async () => {
    if (settings) await setLocal(LOCAL_KEYS.hub, settings)
    else await database().local.delete(LOCAL_KEYS.hub)
    if (!settings || before?.url !== settings.url || before.database !== settings.database) await database().local.bulkDelete([LOCAL_KEYS.hubCheckpoint, LOCAL_KEYS.hubLastSyncedAt])
  })
}

/** The connection these settings describe; without a user name it sends no credentials (a hub without users). */
export function hubConnectionOf(settings: HubSettings, requestTimeoutMs?: number): HubConnection {
  const connection: HubConnection = { url: settings.url, database: settings.database }
  if (settings.username) connection.credentials = { username: settings.username, password: settings.password }
  if (requestTimeoutMs !== undefined) connection.requestTimeoutMs = requestTimeoutMs
  return connection
}
