/**
 * Reads for the inspection's settings screens: how many visits each score-sheet version scored,
 * the visits a tablet can hand over in a file, the photos and signatures still only on this
 * tablet, and one submitted visit with what its printed scorecard shows.
 */
import Dexie from 'dexie'
import type { Attachment, Inspection, InspectionTemplate } from '@/domain/model/records'
import type { BusinessDate } from '@/domain/time'
import { database } from '../../connection'

/** Visits (drafts included) scored with each template version, by template id; a version nobody used is absent. */
export async function visitCountsByTemplate(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  await database()
    .records('inspections')
    .each((inspection) => {
      if (inspection.deleted === 0) counts[inspection.templateId] = (counts[inspection.templateId] ?? 0) + 1
    })
  return counts
}

async function inspectionAttachments(): Promise<Attachment[]> {
  const rows = await database().records('attachments').where('[ownerTable+ownerId]').between(['inspections', Dexie.minKey], ['inspections', Dexie.maxKey]).toArray()
  return rows.filter((a) => a.deleted === 0)
}

/** Photos and signatures of visits that exist only on this tablet: never exported in a file nor synchronised. */
export async function unexportedPhotoCount(): Promise<number> {
  return (await inspectionAttachments()).filter((a) => a.exportedAt === null).length
}

export interface ExportFilter {
  from: BusinessDate
  to: BusinessDate
  /** One outlet, or every outlet when null. */
  branchId: string | null
}

/** A visit that can go into an exchange file, with how many of its pictures have never left this tablet. */
export interface ExportableVisit {
  inspection: Inspection
  unexportedPictures: number
}

/** Submitted and acknowledged visits between two days (inclusive), newest first; drafts never leave the tablet. */
export async function exportableVisits(filter: ExportFilter): Promise<ExportableVisit[]> {
  const inRange = await database()
    .records('inspections')
    .where('date')
    .between(filter.from, filter.to, true, true)
    .filter((i) => i.deleted === 0 && i.status !== 'draft' && (filter.branchId === null || i.branchId === filter.branchId))
    .toArray()
  const unexported = new Map<string, number>()
  for (const a of await inspectionAttachments()) if (a.exportedAt === null) unexported.set(a.ownerId, (unexported.get(a.ownerId) ?? 0) + 1)
  return inRange
    .sort((a, b) => b.date.localeCompare(a.date) || (b.submittedAt ?? 0) - (a.submittedAt ?? 0))
    .map((inspection) => ({ inspection, unexportedPictures: unexported.get(inspection.id) ?? 0 }))
}

/** One submitted visit as its printed scorecard shows it. */
export interface ScorecardRecord {
  inspection: Inspection
  /** The version the visit was scored with (never a later one). */
  template: InspectionTemplate
  inspectorSignature: Blob | null
  outletSignature: Blob | null
  /** The visit this one corrects, when it is an amendment. */
  amended: Inspection | null
}

/** A submitted or acknowledged visit with its template version and signatures; null for a draft or an unknown id. */
export async function scorecardRecord(id: string): Promise<ScorecardRecord | null> {
  const db = database()
  const inspection = await db.records('inspections').get(id)
  if (!inspection || inspection.deleted !== 0 || inspection.status === 'draft') return null
  const template = await db.records('inspectionTemplates').get(inspection.templateId)
  if (!template) return null
  const signature = async (attachmentId: string | undefined) => (attachmentId ? ((await db.records('attachments').get(attachmentId))?.blob ?? null) : null)
  return {
    inspection,
    template,
    inspectorSignature: await signature(inspection.inspectorSignature?.attachmentId),
    outletSignature: await signature(inspection.acknowledgement?.attachmentId),
    amended: inspection.amends ? ((await db.records('inspections').get(inspection.amends)) ?? null) : null,
  }
}
