import { computed, shallowRef, ref } from 'vue'
import { defineStore } from 'pinia'
import { findStaffByNumber, getStaff, saveLockout } from '@/db/repositories/staff'
import { setActor } from '@/db/write'
import { afterWrongPin, AFTER_RIGHT_PIN, isLockedOut, MAX_PIN_ATTEMPTS, verifyPin } from '@/domain/pin'
import type { Staff } from '@/domain/model/records'
import type { Role } from '@/domain/roles'

export type SignInResult =
  | { ok: true; staff: Staff }
  | { ok: false; reason: 'unknown' | 'inactive' | 'no_pin' }
  | { ok: false; reason: 'wrong_pin'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; until: number }

/** Where each person was when the terminal locked, so they (and only they) return there. */
export type LockedPlaces = Record<string, string>

const SESSION_KEY = 'lobbydesk.session'

interface StoredSession {
  staffId: string
  lastActiveAt: number
  lockedPlaces: LockedPlaces
}

function readStored(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY)
    return raw ? (JSON.parse(raw) as StoredSession) : null
  } catch {
    return null
  }
}

function writeStored(value: StoredSession | null): void {
  try {
    if (value) sessionStorage.setItem(SESSION_KEY, JSON.stringify(value))
    else sessionStorage.removeItem(SESSION_KEY)
  } catch {
    // sessionStorage unavailable: a reload will ask for the PIN again, which is safe.
  }
}

/** Who is signed in on this tab, sign-in with PIN lockout, and the idle lock. */
export const useSessionStore = defineStore('session', () => {
  const staff = shallowRef<Staff | null>(null)
  const lockedPlaces = ref<LockedPlaces>(readStored()?.lockedPlaces ?? {})

  const roles = computed<readonly Role[]>(() => staff.value?.roles ?? [])
  const isSignedIn = computed(() => staff.value !== null)
  const displayName = computed(() => (staff.value ? `${staff.value.surname}${staff.value.givenName}` : ''))

  function remember(): void {
    writeStored({ staffId: staff.value?.id ?? '', lastActiveAt: Date.now(), lockedPlaces: lockedPlaces.value })
  }

  /** Checks a staff number and PIN; five wrong PINs lock that staff number for five minutes. */
  async function signIn(staffNo: string, pin: string, nowMs = Date.now()): Promise<SignInResult> {
    const person = await findStaffByNumber(staffNo)
    if (!person) return { ok: false, reason: 'unknown' }
    if (person.active !== 1) return { ok: false, reason: 'inactive' }
    if (!person.pin) return { ok: false, reason: 'no_pin' }
    if (isLockedOut(person, nowMs)) return { ok: false, reason: 'locked', until: person.lockedUntil! }
    if (!(await verifyPin(pin, person.pin))) {
      const next = afterWrongPin(person, nowMs)
      await saveLockout(person.id, next, next.lockedUntil ? 'signin.locked' : 'signin.wrong_pin')
      if (next.lockedUntil) return { ok: false, reason: 'locked', until: next.lockedUntil }
      return { ok: false, reason: 'wrong_pin', attemptsLeft: MAX_PIN_ATTEMPTS - next.failedPinAttempts }
    }
    await saveLockout(person.id, AFTER_RIGHT_PIN, 'signin.success')
    staff.value = (await getStaff(person.id)) ?? person
    setActor(person.id)
    remember()
    return { ok: true, staff: staff.value }
  }

  /** The place to return to after signing in: only the person who was there gets it back. */
  function takeLockedPlace(staffId: string): string | null {
    const route = lockedPlaces.value[staffId] ?? null
    const { [staffId]: _taken, ...others } = lockedPlaces.value
    lockedPlaces.value = others
    remember()
    return route
  }

  /** Locks the terminal (idle or the lock button), remembering where this person was. */
  function lock(route: string): void {
    if (staff.value) lockedPlaces.value = { ...lockedPlaces.value, [staff.value.id]: route }
    staff.value = null
    setActor(null)
    remember()
  }

  /** Ends the session without keeping a place to return to. */
  function signOut(): void {
    staff.value = null
    lockedPlaces.value = {}
    setActor(null)
    writeStored(null)
  }

  /** Brings back the session of this tab after a reload, unless it has been idle past the lock time. */
  async function resume(idleLimitMs: number, nowMs = Date.now()): Promise<void> {
    const stored = readStored()
    if (!stored?.staffId || nowMs - stored.lastActiveAt > idleLimitMs) return
    const person = await getStaff(stored.staffId)
    if (!person || person.active !== 1) return
    staff.value = person
    setActor(person.id)
  }

  /** Notes activity so that a reload within the idle time keeps the session. */
  function touch(): void {
    if (staff.value) remember()
  }

  /** Re-reads the signed-in person (after an admin changed their roles). */
  async function reload(): Promise<void> {
    if (staff.value) staff.value = (await getStaff(staff.value.id)) ?? null
  }

  return { staff, roles, isSignedIn, displayName, lockedPlaces, signIn, takeLockedPlace, lock, signOut, resume, touch, reload }
})
