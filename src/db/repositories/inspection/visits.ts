/**
 * An inspection visit from start to acknowledgement. A draft is saved as the inspector works (it
 * resumes exactly where it stopped); photos and signatures are attachments written with it.
 * Submitting checks what blocks it, keeps the visit's figures as scored with its template version,
 * stores the inspector's signature and raises the corrective actions, all in one transaction; a
 * submitted visit is locked. A correction is an amendment: a new visit naming the original, with a
 * reason, audited beside it; the original stays as it was.
 */
import type { Attachment, Inspection, InspectionKind } from '@/domain/model/records'
import type { ItemAnswer } from '@/domain/inspection/scoring'
import type { VetoFinding } from '@/domain/inspection/vetoes'
import { canSubmit, submissionBlockers, visitSummary, type SubmissionBlockers } from '@/domain/inspection/submission'
import { confirmedVisitVetoes } from '@/domain/inspection/vetoes'
import { raiseActions, type CorrectiveAction as CorrectiveActionRaised } from '@/domain/inspection/corrective'
import { halfMonthOf } from '@/domain/inspection/plans'
import type { BusinessDate } from '@/domain/time'
import { database } from '../../connection'
import { now, writeRecords, type RecordWriter } from '../../write'
import { loadInspectionRules } from './rules'

export interface NewInspection {
  templateId: string
  branchId: string
  inspectorId: string
  date: BusinessDate
  kind: InspectionKind
  observedWindows: string[]
  observedStaffNos: string[]
  context: Inspection['context']
}

/** A picture taken for the visit (a photo, resized) or a signature drawn on screen. */
export interface CapturedImage {
  blob: Blob
  mimeType: string
  width: number
  height: number
}

/** The visit can no longer change that way (submitted, or already acknowledged). */
export class InspectionLockedError extends Error {
  constructor(readonly inspectionId: string, readonly status: Inspection['status']) {
    super(`Inspection ${inspectionId} is ${status}`)
    this.name = 'InspectionLockedError'
  }
}

/** What still stands in the way of submitting; nothing was written. */
export class SubmissionBlockedError extends Error {
  constructor(readonly blockers: SubmissionBlockers) {
    super('The inspection cannot be submitted yet')
    this.name = 'SubmissionBlockedError'
  }
}

const VISIT_TABLES = ['inspections', 'inspectionTemplates', 'attachments', 'correctiveActions', 'staff'] as const

async function visit(id: string): Promise<Inspection> {
  const found = await database().records('inspections').get(id)
  if (!found || found.deleted !== 0) throw new Error(`No inspection ${id}`)
  return found
}

async function draft(id: string): Promise<Inspection> {
  const found = await visit(id)
  if (found.status !== 'draft') throw new InspectionLockedError(id, found.status)
  return found
}

/** Starts a draft visit scored with the template version given (kept even if the template changes later). */
export async function startInspection(input: NewInspection): Promise<Inspection> {
  return writeRecords(['inspections', 'inspectionTemplates'], async (w) => {
    const template = await database().records('inspectionTemplates').get(input.templateId)
    if (!template) throw new Error(`No inspection template ${input.templateId}`)
    const fields = { templateVersion: template.version, status: 'draft' as const, details: {}, halfMonth: halfMonthOf(input.date), answers: {}, vetoes: [], startedAt: now() }
    const open = { submittedAt: null, summary: null, inspectorSignature: null, acknowledgement: null, amends: null, amendReason: '' }
    return w.insert('inspections', { ...input, ...fields, ...open }, { action: 'inspection.start' })
  })
}

/** Saves the draft's answers and vetoes as they stand (no audit entry: a draft changes with every tap). */
export async function saveDraft(id: string, answers: Record<string, ItemAnswer>, vetoes: VetoFinding[]): Promise<Inspection> {
  return writeRecords(['inspections'], async (w) => {
    await draft(id)
    return w.update('inspections', id, { answers, vetoes })
  })
}

/** A picture of the visit, stored with it (not yet exported). */
function storeImage(w: RecordWriter, inspectionId: string, image: CapturedImage): Promise<Attachment> {
  return w.insert('attachments', { ownerTable: 'inspections', ownerId: inspectionId, ...image, exportedAt: null })
}

/** Stores a photo for a draft visit; its id goes into an occurrence or a veto's evidence. */
export async function attachPhoto(inspectionId: string, image: CapturedImage): Promise<Attachment> {
  return writeRecords(['inspections', 'attachments'], async (w) => {
    await draft(inspectionId)
    return storeImage(w, inspectionId, image)
  })
}

/**
 * Stores a photo for a correction being prepared of a submitted visit. It belongs to that visit
 * until the amendment is submitted, when the amendment takes it over.
 */
export async function attachAmendmentPhoto(originalId: string, image: CapturedImage): Promise<Attachment> {
  return writeRecords(['inspections', 'attachments'], async (w) => {
    const original = await visit(originalId)
    if (original.status === 'draft') throw new InspectionLockedError(originalId, original.status)
    return storeImage(w, originalId, image)
  })
}

/** Photo ids a visit's answers and vetoes refer to. */
function photoIdsOf(answers: Record<string, ItemAnswer>, vetoes: readonly VetoFinding[]): Set<string> {
  const fromAnswers = Object.values(answers).flatMap((a) => ('occurrences' in a ? a.occurrences.flatMap((o) => o.photoIds) : []))
  return new Set([...fromAnswers, ...vetoes.flatMap((v) => v.photoIds)])
}

/** The inspector's staff number and the branch head's (who owns deductions naming nobody). */
async function people(inspection: Inspection): Promise<{ inspectorNo: string; headNo: string }> {
  const staff = await database().records('staff').toArray()
  const inspectorNo = staff.find((s) => s.id === inspection.inspectorId)?.staffNo ?? ''
  const head = staff.find((s) => s.branchId === inspection.branchId && s.active === 1 && s.deleted === 0 && s.roles.includes('branch_head'))
  return { inspectorNo, headNo: head?.staffNo ?? '' }
}

/**
 * Stores the actions a visit raises. An amendment takes over the actions of the visit it corrects:
 * one for the same item or veto continues (its status and timeline kept, so work already done on it
 * stands), one the correction no longer deducts is withdrawn, and only new deductions raise new ones.
 */
async function recordActions(w: RecordWriter, inspection: Inspection, raised: readonly CorrectiveActionRaised[]): Promise<void> {
  const previous = inspection.amends ? (await database().records('correctiveActions').where('inspectionId').equals(inspection.amends).toArray()).filter((a) => a.deleted === 0) : []
  const key = (a: Pick<CorrectiveActionRaised, 'source' | 'code'>) => `${a.source}:${a.code}`
  const carried = new Map(previous.map((a) => [key(a), a]))
  for (const action of raised) {
    const earlier = carried.get(key(action))
    if (earlier) {
      carried.delete(key(action))
      await w.update('correctiveActions', earlier.id, { inspectionId: inspection.id }, { action: 'correctiveAction.carry' })
    } else {
      await w.insert('correctiveActions', action)
    }
  }
  for (const withdrawn of carried.values()) await w.remove('correctiveActions', withdrawn.id, { action: 'correctiveAction.withdraw' })
}

async function finalise(w: RecordWriter, inspection: Inspection, signed: { image: CapturedImage; name: string; staffId: string | null }, dueDays: number, today: BusinessDate): Promise<Inspection> {
  const template = await database().records('inspectionTemplates').get(inspection.templateId)
  if (!template) throw new Error(`No inspection template ${inspection.templateId}`)
  const blockers = submissionBlockers(template, inspection.answers, inspection.vetoes)
  if (!canSubmit(blockers)) throw new SubmissionBlockedError(blockers)
  const at = now()
  const attachmentId = (await storeImage(w, inspection.id, signed.image)).id
  const { inspectorNo, headNo } = await people(inspection)
  const actions = raiseActions({
    inspectionId: inspection.id,
    branchId: inspection.branchId,
    visitDate: today,
    inspector: inspectorNo,
    defaultOwner: headNo,
    dueDays,
    template,
    answers: inspection.answers,
    confirmedVetoes: confirmedVisitVetoes(inspection.vetoes, template),
  })
  await recordActions(w, inspection, actions)
  return w.update('inspections', inspection.id, { status: 'submitted', submittedAt: at, summary: visitSummary(template, inspection.answers, inspection.vetoes), inspectorSignature: { attachmentId, name: signed.name, staffId: signed.staffId, signedAt: at } }, { action: 'inspection.submit' })
}

/** Submits a draft with the inspector's signature; refused with what blocks it, writing nothing. */
export async function submitInspection(id: string, signed: { image: CapturedImage; name: string; staffId: string }, today: BusinessDate): Promise<Inspection> {
  const rules = await loadInspectionRules()
  return writeRecords(VISIT_TABLES, async (w) => finalise(w, await draft(id), signed, rules.correctiveDueDays, today))
}

/** The branch head or duty manager signs for the visit, at the close-out or later on their own terminal. */
export async function acknowledgeInspection(id: string, signed: { image: CapturedImage; name: string; staffId: string | null; role: 'branch_head' | 'duty_manager' }): Promise<Inspection> {
  return writeRecords(['inspections', 'attachments'], async (w) => {
    const found = await visit(id)
    if (found.status !== 'submitted') throw new InspectionLockedError(id, found.status)
    const at = now()
    const attachmentId = (await storeImage(w, id, signed.image)).id
    return w.update('inspections', id, { status: 'acknowledged', acknowledgement: { attachmentId, name: signed.name, staffId: signed.staffId, signedAt: at, role: signed.role } }, { action: 'inspection.acknowledge' })
  })
}

/**
 * Corrects a submitted visit: a new submitted visit naming the original, with the corrected answers
 * and vetoes and the reason, its own signature and actions; the audit entry holds the original
 * beside the amendment. The original is never edited.
 */
export async function amendInspection(
  originalId: string,
  correction: { answers: Record<string, ItemAnswer>; vetoes: VetoFinding[]; reason: string },
  signed: { image: CapturedImage; name: string; staffId: string },
  today: BusinessDate,
): Promise<Inspection> {
  if (correction.reason.trim() === '') throw new Error('An amendment needs its reason')
  const rules = await loadInspectionRules()
  return writeRecords(VISIT_TABLES, async (w) => {
    const original = await visit(originalId)
    if (original.status === 'draft') throw new InspectionLockedError(originalId, original.status)
    const { id: _id, createdAt: _c, updatedAt: _u, deviceId: _d, hlc: _h, deleted: _del, demo: _demo, ...fields } = original
    const amended = await w.insert('inspections', { ...fields, answers: correction.answers, vetoes: correction.vetoes, status: 'draft', submittedAt: null, summary: null, inspectorSignature: null, acknowledgement: null, amends: original.id, amendReason: correction.reason.trim() })
    // Photos taken for the correction (not used by the original) now belong to the amendment.
    const originals = photoIdsOf(original.answers, original.vetoes)
    for (const id of photoIdsOf(correction.answers, correction.vetoes)) {
      const photo = await database().records('attachments').get(id)
      if (photo && photo.ownerId === original.id && !originals.has(id)) await w.update('attachments', id, { ownerId: amended.id })
    }
    const submitted = await finalise(w, amended, signed, rules.correctiveDueDays, today)
    await w.audit('inspection.amend', 'inspections', original.id, original, submitted)
    return submitted
  })
}

/** Visits submitted but not yet acknowledged by the branch (of one branch, or all the terminal holds). */
export async function unacknowledged(branchId: string | null = null): Promise<Inspection[]> {
  const rows = await database().records('inspections').where('status').equals('submitted').toArray()
  return rows.filter((i) => i.deleted === 0 && (branchId === null || i.branchId === branchId)).sort((a, b) => a.date.localeCompare(b.date))
}

/** An inspector's visits in a half month (drafts included), by the [inspectorId+halfMonth] index. */
export async function inspectorVisits(inspectorId: string, halfMonth: string): Promise<Inspection[]> {
  return (await database().records('inspections').where('[inspectorId+halfMonth]').equals([inspectorId, halfMonth]).toArray()).filter((i) => i.deleted === 0)
}
