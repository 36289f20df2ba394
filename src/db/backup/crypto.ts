/**
 * Passphrase encryption of backups, WebCrypto only. PBKDF2-SHA-256 stretches the passphrase into
 * an AES-GCM-256 key; AES-GCM both hides the payload and authenticates it, so a wrong passphrase
 * and a changed byte are both caught by the tag check (they cannot be told apart).
 */
import { BackupError } from './errors'

/** OWASP (2023) recommends 600,000 iterations for PBKDF2-HMAC-SHA-256; paid once per backup or restore. */
export const DEFAULT_KDF_ITERATIONS = 600_000
/** A file asking for more would freeze the tablet for minutes: it is refused as malformed. */
export const MAX_KDF_ITERATIONS = 10_000_000
export const MIN_PASSPHRASE_LENGTH = 8
export const SALT_BYTES = 16
export const IV_BYTES = 12
/** AES-GCM appends a 16-byte tag: anything shorter cannot be a whole ciphertext. */
const TAG_BYTES = 16

let kdfIterations = DEFAULT_KDF_ITERATIONS

/** Tests only: the production count costs about a second per call. `null` restores the default. */
export function setKdfIterationsForTests(iterations: number | null): void {
  kdfIterations = iterations ?? DEFAULT_KDF_ITERATIONS
}

/** What decryption needs besides the passphrase: stored in the file's envelope. */
export interface SealParams {
  iterations: number
  salt: Uint8Array<ArrayBuffer>
  iv: Uint8Array<ArrayBuffer>
}

/** A new random salt and IV for each file: never reuse an IV under the same key. */
export function freshSealParams(): SealParams {
  return {
    iterations: kdfIterations,
    salt: crypto.getRandomValues(new Uint8Array(SALT_BYTES)),
    iv: crypto.getRandomValues(new Uint8Array(IV_BYTES)),
  }
}

/** Counted in characters after NFC, so 8 Chinese characters pass and a decomposed é counts once. */
export function assertPassphraseLength(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    throw new BackupError({ kind: 'passphrase_too_short', minLength: MIN_PASSPHRASE_LENGTH })
  }
}

async function deriveKey(passphrase: string, params: SealParams): Promise<CryptoKey> {
  // NFC: the same passphrase typed through different input methods gives the same bytes.
  const secret = new TextEncoder().encode(passphrase.normalize('NFC'))
  const baseKey = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveKey'])
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: params.salt, iterations: params.iterations },
    baseKey,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

/** `associatedData` is authenticated but not encrypted: the envelope's header, so it cannot be edited. */
export async function encryptBytes(plain: Uint8Array<ArrayBuffer>, passphrase: string, params: SealParams, associatedData: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const key = await deriveKey(passphrase, params)
  return new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: params.iv, additionalData: associatedData }, key, plain))
}

export async function decryptBytes(ciphertext: Uint8Array<ArrayBuffer>, passphrase: string, params: SealParams, associatedData: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  if (ciphertext.byteLength < TAG_BYTES) throw new BackupError({ kind: 'truncated' })
  const key = await deriveKey(passphrase, params)
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: params.iv, additionalData: associatedData }, key, ciphertext))
  } catch (err) {
    // WebCrypto reports a failed tag check as OperationError, and only that.
    if ((err as { name?: unknown } | null)?.name === 'OperationError') throw new BackupError({ kind: 'wrong_passphrase' }, err)
    throw err
  }
}
