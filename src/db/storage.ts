/**
 * What the browser promises about our storage. Without persistent storage the browser may evict
 * IndexedDB under disk pressure, which for an offline-first terminal means losing unsynced work.
 */
import { LOCAL_KEYS, setLocal } from './local'

/** Absent outside secure contexts, in some older browsers and in Node (tests). */
function storageManager(): StorageManager | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator.storage as StorageManager | undefined)
}

/** Asks not to be evicted; the answer (false when the API is missing) is kept in local 'persistGranted'. */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = storageManager()
  let granted = false
  if (typeof storage?.persist === 'function') {
    try {
      // Asking only when not yet granted spares Firefox users a second prompt.
      granted = (await storage.persisted()) || (await storage.persist())
    } catch {
      // Refused outright (a private window, a document not fully active): same as not granted.
      granted = false
    }
  }
  await setLocal(LOCAL_KEYS.persistGranted, granted)
  return granted
}

/** Bytes used and available to this origin, or null when the browser does not say. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  const storage = storageManager()
  if (typeof storage?.estimate !== 'function') return null
  try {
    const { usage, quota } = await storage.estimate()
    return usage === undefined || quota === undefined ? null : { usage, quota }
  } catch {
    return null
  }
}

/** The app needs a secure context (https or localhost) for WebCrypto (PINs, backups) and randomUUID (record ids). */
export function isSecureContextAvailable(): boolean {
  const cryptoApi = (globalThis as { crypto?: Partial<Crypto> }).crypto
  return globalThis.isSecureContext === true && typeof cryptoApi?.subtle === 'object' && typeof cryptoApi.randomUUID === 'function'
}
