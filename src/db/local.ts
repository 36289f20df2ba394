/** Terminal-local values: never replicated, never in the outbox. */
import { database } from './connection'

export const LOCAL_KEYS = {
  deviceId: 'deviceId',
  hlc: 'hlc',
  /** This terminal's branch id; null on an inspector's tablet. */
  branchId: 'branchId',
  terminalKind: 'terminalKind',
  locale: 'locale',
  persistGranted: 'persistGranted',
  region: 'region',
  /** Where this terminal synchronises (address, database, its own credentials); absent without a hub. */
  hub: 'hub',
  /** The hub's changes feed position this terminal has taken in up to. */
  hubCheckpoint: 'hubCheckpoint',
  /** When this terminal last finished a round with the hub. */
  hubLastSyncedAt: 'hubLastSyncedAt',
  /** The same two for the region's database, when the terminal synchronises with one too. */
  regionCheckpoint: 'regionCheckpoint',
  regionLastSyncedAt: 'regionLastSyncedAt',
} as const

export async function getLocal<T>(key: string): Promise<T | undefined> {
  return (await database().local.get(key))?.value as T | undefined
}

export async function setLocal(key: string, value: unknown): Promise<void> {
  await database().local.put({ key, value })
}

/** This device's id, made once and kept: every record it writes carries it. */
export async function deviceId(): Promise<string> {
  const db = database()
  return db.transaction('rw', db.local, async () => {
    const existing = await db.local.get(LOCAL_KEYS.deviceId)
    if (typeof existing?.value === 'string') return existing.value
    const id = crypto.randomUUID()
    await db.local.put({ key: LOCAL_KEYS.deviceId, value: id })
    return id
  })
}
