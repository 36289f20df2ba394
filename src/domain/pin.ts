/**
 * Staff PINs are stored only as salted PBKDF2-SHA256 hashes (WebCrypto). Hash before opening a
 * database transaction: awaiting WebCrypto inside one ends it early.
 */
import type { PinHash } from './model/records'

export const PIN_ITERATIONS = 120_000
export const PIN_LENGTH = { min: 4, max: 8 } as const
/** Five wrong PINs lock that staff number for five minutes. */
export const MAX_PIN_ATTEMPTS = 5
export const PIN_LOCK_MS = 5 * 60_000

export function isWellFormedPin(pin: string): boolean {
  return new RegExp(`^\\d{${PIN_LENGTH.min},${PIN_LENGTH.max}}$`).test(pin)
}

function toBase64(bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes) text += String.fromCharCode(byte)
  return btoa(text)
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text)
  const bytes = new Uint8Array(raw.length)
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i)
  return bytes
}

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256)
  return new Uint8Array(bits)
}

export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<PinHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const hash = await derive(pin, salt, iterations)
  return { algorithm: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), hash: toBase64(hash) }
}

/** Constant-time comparison of the derived bits, so timing does not leak how much matched. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const derived = await derive(pin, fromBase64(stored.salt), stored.iterations)
  const expected = fromBase64(stored.hash)
  if (derived.length !== expected.length) return false
  let diff = 0
  for (let i = 0; i < derived.length; i++) diff |= derived[i]! ^ expected[i]!
  return diff === 0
}

export interface LockoutState {
  failedPinAttempts: number
  lockedUntil: number | null
}

export function isLockedOut(state: LockoutState, nowMs: number): boolean {
  return state.lockedUntil !== null && state.lockedUntil > nowMs
}

/** The lockout state after one wrong PIN at `nowMs`. */
export function afterWrongPin(state: LockoutState, nowMs: number): LockoutState {
  const stillLocked = isLockedOut(state, nowMs)
  const attempts = (state.lockedUntil !== null && !stillLocked ? 0 : state.failedPinAttempts) + 1
  if (attempts >= MAX_PIN_ATTEMPTS) return { failedPinAttempts: attempts, lockedUntil: nowMs + PIN_LOCK_MS }
  return { failedPinAttempts: attempts, lockedUntil: null }
}

export const AFTER_RIGHT_PIN: LockoutState = { failedPinAttempts: 0, lockedUntil: null }
