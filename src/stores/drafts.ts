import { defineStore } from 'pinia'
import { discardDraft, loadDraft, saveDraft } from '@/db/repositories/drafts'

type Flush = () => Promise<void>

/** Half-filled forms kept for their author across an idle lock, a reload or an update. */
export const useDraftsStore = defineStore('drafts', () => {
  const pending = new Set<Flush>()

  /** Reads this person's draft of a form, if any. */
  async function load<T>(staffId: string, formKey: string): Promise<T | undefined> {
    return (await loadDraft(staffId, formKey))?.data as T | undefined
  }

  /** Keeps the current state of a form. */
  async function save(staffId: string, formKey: string, route: string, data: unknown): Promise<void> {
    await saveDraft(staffId, formKey, route, data, Date.now())
  }

  /** Forgets a draft once its form is saved or cancelled. */
  async function discard(staffId: string, formKey: string): Promise<void> {
    await discardDraft(staffId, formKey)
  }

  /** A form with unsaved edits registers how to save them at once (before a lock or a reload). */
  function register(flush: Flush): () => void {
    pending.add(flush)
    return () => pending.delete(flush)
  }

  /** Saves every registered form's draft now. */
  async function flushAll(): Promise<void> {
    await Promise.all([...pending].map((flush) => flush()))
  }

  return { load, save, discard, register, flushAll }
})
