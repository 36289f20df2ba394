/**
 * Storage failures turned into something a person can act on. The views show them through i18n
 * keys `storage.error.<kind>`; nothing already saved is lost in any of these cases.
 */
export type StorageErrorKind = 'full' | 'blocked' | 'open_failed' | 'write_failed' | 'upgrade_elsewhere'

export class StorageError extends Error {
  constructor(readonly kind: StorageErrorKind, override readonly cause?: unknown) {
    super(`Storage problem: ${kind}`)
    this.name = 'StorageError'
  }
}

function errorName(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'name' in err ? String((err as { name: unknown }).name) : undefined
}

/** Whether this error (or one it wraps, as Dexie's AbortError does) means the disk or quota is full. */
export function isQuotaError(err: unknown): boolean {
  let current: unknown = err
  for (let depth = 0; current && depth < 5; depth++) {
    const name = errorName(current)
    if (name === 'QuotaExceededError' || name === 'QuotaExceeded') return true
    const message = current instanceof Error ? current.message : ''
    if (/quota/i.test(message)) return true
    current = (current as { inner?: unknown; cause?: unknown }).inner ?? (current as { cause?: unknown }).cause
  }
  return false
}

/** Any failure of a write as a StorageError. */
export function asWriteError(err: unknown): StorageError {
  if (err instanceof StorageError) return err
  return new StorageError(isQuotaError(err) ? 'full' : 'write_failed', err)
}
