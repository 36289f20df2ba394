import { describe, expect, it } from 'vitest'
import { AFTER_RIGHT_PIN, afterWrongPin, hashPin, isLockedOut, isWellFormedPin, PIN_LOCK_MS, verifyPin } from '@/domain/pin'

describe('PINs are kept only as salted PBKDF2 hashes', () => {
  it('a PIN verifies against its own hash and no other PIN does', async () => {
    const stored = await hashPin('900101', 1_000)
    expect(stored.algorithm).toBe('PBKDF2-SHA256')
    expect(JSON.stringify(stored)).not.toContain('900101')
    expect(await verifyPin('900101', stored)).toBe(true)
    expect(await verifyPin('900102', stored)).toBe(false)
  })

  it('the same PIN hashes differently each time (random salt)', async () => {
    const a = await hashPin('1234', 1_000)
    const b = await hashPin('1234', 1_000)
    expect(a.salt).not.toBe(b.salt)
    expect(a.hash).not.toBe(b.hash)
  })

  it('a PIN is 4 to 8 digits', () => {
    expect(isWellFormedPin('1234')).toBe(true)
    expect(isWellFormedPin('12345678')).toBe(true)
    expect(isWellFormedPin('123')).toBe(false)
    expect(isWellFormedPin('12a4')).toBe(false)
  })
})

describe('five wrong PINs lock the staff number for five minutes', () => {
  const t0 = 1_000_000
  it('four wrong PINs do not lock; the fifth does', () => {
    let state = AFTER_RIGHT_PIN
    for (let i = 1; i <= 4; i++) {
      state = afterWrongPin(state, t0 + i)
      expect(isLockedOut(state, t0 + i)).toBe(false)
    }
    state = afterWrongPin(state, t0 + 5)
    expect(state.lockedUntil).toBe(t0 + 5 + PIN_LOCK_MS)
    expect(isLockedOut(state, t0 + 5 + PIN_LOCK_MS - 1)).toBe(true)
    expect(isLockedOut(state, t0 + 5 + PIN_LOCK_MS)).toBe(false)
  })

  it('after the lock runs out, counting starts again from one', () => {
    const locked = { failedPinAttempts: 5, lockedUntil: t0 }
    expect(afterWrongPin(locked, t0 + 1)).toEqual({ failedPinAttempts: 1, lockedUntil: null })
  })
})
