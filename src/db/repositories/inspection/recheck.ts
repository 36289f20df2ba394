/**
 * Putting a deduction right and checking it again. Evidence photos are stored with the status
 * change they prove, and a re-check's answers change every action they concern, each in one
 * transaction: a refused or failed change leaves no photo behind and no action half re-checked.
 */
import type { Attachment, CorrectiveAction } from '@/domain/model/records'
import { applyRecheck, changeAction, recheckScore, type ActionChange } from '@/domain/inspection/corrective'
import type { Answers, VisitScore } from '@/domain/inspection/scoring'
import type { BusinessDate } from '@/domain/time'
import { database } from '../../connection'
import { writeRecords, type RecordWriter } from '../../write'
import { ActionChangeRefusedError } from './actions'
import type { CapturedImage } from './visits'

function storeEvidence(w: RecordWriter, actionId: string, image: CapturedImage): Promise<Attachment> {
  return w.insert('attachments', { ownerTable: 'correctiveActions', ownerId: actionId, ...image, exportedAt: null })
}

/**
 * Changes an action's status with its evidence: the photos are stored as the action's attachments
 * and named in the timeline, in the same transaction as the change (audited `correctiveAction.<to>`).
 * Throws ActionChangeRefusedError with the domain's reason, writing nothing.
 */
export async function changeActionWithEvidence(actionId: string, change: ActionChange, images: readonly CapturedImage[]): Promise<CorrectiveAction> {
  return writeRecords(['correctiveActions', 'attachments'], async (w) => {
    const action = await database().records('correctiveActions').get(actionId)
    if (!action || action.deleted !== 0) throw new Error(`No corrective action ${actionId}`)
    const photoIds = [...change.photoIds]
    for (const image of images) photoIds.push((await storeEvidence(w, actionId, image)).id)
    const outcome = changeAction(action, { ...change, photoIds })
    if (!outcome.ok) throw new ActionChangeRefusedError(outcome.reason)
    return w.update('correctiveActions', actionId, { status: outcome.action.status, timeline: outcome.action.timeline }, { action: `correctiveAction.${change.to}` })
  })
}

export interface RecheckOutcome {
  /** The actions the re-check changed (verified, back to open, or still open with the re-check in their timeline). */
  changed: CorrectiveAction[]
  /** The visit re-rated: its answers with the re-checked items answered anew. */
  score: VisitScore
}

/**
 * An inspector's re-check (复查) of a visit's items whose actions are not verified: an item that
 * loses nothing now verifies its action, one still deducted sends it back to open. Photos taken
 * for an item (by item code) are stored as its action's attachments and named in its answer.
 * Each changed action and the re-check itself (its answers and re-rated score, on the visit) are
 * audited `correctiveAction.recheck`; all in one transaction.
 */
export async function recheckVisit(
  inspectionId: string,
  recheckAnswers: Answers,
  on: BusinessDate,
  inspectorNo: string,
  photos: Partial<Record<string, readonly CapturedImage[]>> = {},
): Promise<RecheckOutcome> {
  return writeRecords(['inspections', 'inspectionTemplates', 'correctiveActions', 'attachments'], async (w) => {
    const visit = await database().records('inspections').get(inspectionId)
    if (!visit || visit.deleted !== 0 || visit.status === 'draft') throw new Error(`No submitted inspection ${inspectionId}`)
    const template = await database().records('inspectionTemplates').get(visit.templateId)
    if (!template) throw new Error(`No inspection template ${visit.templateId}`)
    const actions = (await database().records('correctiveActions').where('inspectionId').equals(inspectionId).toArray()).filter((a) => a.deleted === 0)

    const answers: Answers = { ...recheckAnswers }
    for (const [code, images] of Object.entries(photos)) {
      const answer = answers[code]
      const action = actions.find((a) => a.source === 'item' && a.code === code)
      if (!images?.length || !action || !answer || !('occurrences' in answer)) continue
      const ids: string[] = []
      for (const image of images) ids.push((await storeEvidence(w, action.id, image)).id)
      const [first, ...rest] = answer.occurrences
      answers[code] = { ...answer, occurrences: [{ staffNo: first?.staffNo ?? null, note: first?.note ?? answer.note, photoIds: [...(first?.photoIds ?? []), ...ids] }, ...rest] }
    }

    const score = recheckScore(template, visit.answers, actions, answers)
    const after = applyRecheck(template, actions, answers, on, inspectorNo)
    const changed: CorrectiveAction[] = []
    for (const [index, before] of actions.entries()) {
      const action = after[index]
      if (!action || action === before) continue
      changed.push(await w.update('correctiveActions', before.id, { status: action.status, timeline: action.timeline }, { action: 'correctiveAction.recheck' }))
    }
    await w.audit('correctiveAction.recheck', 'inspections', inspectionId, null, { on, by: inspectorNo, answers, normalised: score.normalised })
    return { changed, score }
  })
}
