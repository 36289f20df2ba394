/** Half-filled forms, kept on this terminal for their author only. */
import { database } from '../connection'
import type { Draft } from '../schema'

const draftId = (staffId: string, formKey: string) => `${staffId}:${formKey}`

export async function loadDraft(staffId: string, formKey: string): Promise<Draft | undefined> {
  return database().drafts.get(draftId(staffId, formKey))
}

export async function saveDraft(staffId: string, formKey: string, route: string, data: unknown, savedAt: number): Promise<void> {
  await database().drafts.put({ id: draftId(staffId, formKey), staffId, formKey, route, data, savedAt })
}

export async function discardDraft(staffId: string, formKey: string): Promise<void> {
  await database().drafts.delete(draftId(staffId, formKey))
}

export async function listDrafts(staffId: string): Promise<Draft[]> {
  return database().drafts.where('staffId').equals(staffId).toArray()
}
