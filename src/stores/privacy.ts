import { defineStore } from 'pinia'
import { writeRecords } from '@/db/write'
import { REVEAL_ROLES } from '@/domain/roles'
import { useSessionStore } from './session'

/** Masked personal data: who may reveal it, and the audit entry every reveal leaves. */
export const usePrivacyStore = defineStore('privacy', () => {
  const session = useSessionStore()

  function mayReveal(): boolean {
    return session.roles.some((r) => REVEAL_ROLES.includes(r))
  }

  /** Logs that the signed-in person revealed `field` of a record; refuses roles that may not. */
  async function logReveal(entity: string, entityId: string, field: string): Promise<boolean> {
    if (!mayReveal()) return false
    await writeRecords([], (w) => w.audit(`reveal.${field}`, entity, entityId, null, { field }))
    return true
  }

  return { mayReveal, logReveal }
})
