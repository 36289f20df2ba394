/**
 * What the visit screens read besides the lead's repositories: one visit, an inspector's drafts and
 * submitted visits, an outlet's visits newest first, the visits amending one, the actions a visit
 * raised, and its pictures by id (photos and signatures).
 */
import type { Attachment, CorrectiveAction, Inspection } from '@/domain/model/records'
import { database } from '../../connection'

const live = <T extends { deleted: number }>(rows: T[]) => rows.filter((r) => r.deleted === 0)
const newestFirst = (a: Inspection, b: Inspection) => b.date.localeCompare(a.date) || b.startedAt - a.startedAt

export async function getInspection(id: string): Promise<Inspection | undefined> {
  const found = await database().records('inspections').get(id)
  return found && found.deleted === 0 ? found : undefined
}

/** An inspector's visits in progress, the one touched last first. */
export async function inspectorDrafts(inspectorId: string): Promise<Inspection[]> {
  const rows = live(await database().records('inspections').where('inspectorId').equals(inspectorId).toArray())
  return rows.filter((i) => i.status === 'draft').sort((a, b) => b.updatedAt - a.updatedAt)
}

/** An inspector's submitted (and acknowledged) visits, newest first, at most `limit`. */
export async function inspectorSubmitted(inspectorId: string, limit: number): Promise<Inspection[]> {
  const rows = live(await database().records('inspections').where('inspectorId').equals(inspectorId).toArray())
  return rows.filter((i) => i.status !== 'draft').sort(newestFirst).slice(0, limit)
}

/** An outlet's submitted (and acknowledged) visits, newest first, at most `limit`. */
export async function branchSubmitted(branchId: string, limit: number): Promise<Inspection[]> {
  const rows = live(await database().records('inspections').where('[branchId+date]').between([branchId, ''], [branchId, '\uffff']).toArray())
  return rows.filter((i) => i.status !== 'draft').sort(newestFirst).slice(0, limit)
}

/** The visits that correct this one (normally one; a correction may itself be corrected). */
export async function amendmentsOf(inspectionId: string): Promise<Inspection[]> {
  return live(await database().records('inspections').where('amends').equals(inspectionId).toArray()).sort((a, b) => (a.submittedAt ?? 0) - (b.submittedAt ?? 0))
}

/** The corrective actions a visit raised, in the order of the score sheet's codes. */
export async function actionsOfVisit(inspectionId: string): Promise<CorrectiveAction[]> {
  return live(await database().records('correctiveActions').where('inspectionId').equals(inspectionId).toArray())
}

/** Pictures by id (those the terminal holds). */
export async function attachmentsByIds(ids: readonly string[]): Promise<Attachment[]> {
  const rows = await database().records('attachments').bulkGet([...ids])
  return rows.filter((a): a is Attachment => a !== undefined && a.deleted === 0)
}
