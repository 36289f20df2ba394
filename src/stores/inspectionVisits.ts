import { computed } from 'vue'
import { defineStore } from 'pinia'
import { acknowledgeInspection, amendInspection, attachAmendmentPhoto, attachPhoto, inspectorVisits, saveDraft, startInspection, submitInspection, unacknowledged, type CapturedImage } from '@/db/repositories/inspection/visits'
import { actionsOfVisit, amendmentsOf, attachmentsByIds, branchSubmitted, getInspection, inspectorDrafts, inspectorSubmitted } from '@/db/repositories/inspection/visitQueries'
import { getTemplate } from '@/db/repositories/inspection/templates'
import { plansOf } from '@/db/repositories/inspection/ranking'
import { listServicePoints } from '@/db/repositories/servicePoints'
import type { Attachment, CorrectiveAction, Inspection, InspectionTemplate } from '@/domain/model/records'
import type { ItemAnswer } from '@/domain/inspection/scoring'
import type { VetoFinding } from '@/domain/inspection/vetoes'
import { useInspectionStore } from './inspection'
import { useSessionStore } from './session'
import { useTerminalStore } from './terminal'

export { InspectionLockedError, SubmissionBlockedError } from '@/db/repositories/inspection/visits'
export type { CapturedImage }

/** Where the inspector was on the sheet: the section shown and the item last touched. */
export interface ScoringPosition {
  section: string
  item: string | null
}

/** How a visit starts: the outlet, the kind and what the inspector observed. */
export type VisitStart = Pick<Inspection, 'branchId' | 'kind' | 'observedWindows' | 'observedStaffNos' | 'context'>

/** A visit with what its page shows: the sheet version it was scored with, its actions and corrections. */
export interface VisitFile {
  visit: Inspection
  template: InspectionTemplate
  actions: CorrectiveAction[]
  /** The visits correcting this one. */
  amendedBy: Inspection[]
  /** The visit this one corrects. */
  amends: Inspection | null
}

export type AcknowledgerRole = NonNullable<Inspection['acknowledgement']>['role']

/** Terminal-local: a position is of this tablet's inspector, it never travels with the visit. */
const POSITIONS_KEY = 'lobbydesk.inspection.positions'

function readPositions(): Record<string, ScoringPosition> {
  try {
    return JSON.parse(localStorage.getItem(POSITIONS_KEY) ?? '{}') as Record<string, ScoringPosition>
  } catch {
    return {}
  }
}

/** The visits: start from the plan or ad hoc, score a draft, submit it signed, acknowledge, amend. */
export const useInspectionVisitsStore = defineStore('inspectionVisits', () => {
  const terminal = useTerminalStore()
  const session = useSessionStore()
  const inspection = useInspectionStore()
  const myId = computed(() => session.staff?.id ?? '')
  /** A branch head's outlet; null for an inspector, who belongs to none. */
  const ownBranchId = computed(() => session.staff?.branchId ?? null)

  /** The signed-in inspector's drafts, the one touched last first (for a live query). */
  function myDrafts(): Promise<Inspection[]> {
    return inspectorDrafts(myId.value)
  }

  /** The signed-in inspector's latest submitted visits (for a live query). */
  function myRecent(limit: number): Promise<Inspection[]> {
    return inspectorSubmitted(myId.value, limit)
  }

  /** Outlets of the signed-in inspector's plan this half month with no visit yet (a draft counts as begun), in plan order; null without a plan. */
  async function plannedNotBegun(): Promise<string[] | null> {
    const [plans, visits] = await Promise.all([plansOf(inspection.halfMonth), inspectorVisits(myId.value, inspection.halfMonth)])
    const plan = plans.find((p) => p.inspectorId === myId.value)
    const begun = new Set(visits.map((v) => v.branchId))
    return plan ? plan.branchIds.filter((id) => !begun.has(id)) : null
  }

  /** Visits waiting for the outlet's signature: the head's outlet's, or those the signed-in inspector submitted. */
  async function awaitingAcknowledgement(): Promise<Inspection[]> {
    if (inspection.isInspector) return (await unacknowledged(null)).filter((v) => v.inspectorId === myId.value)
    return ownBranchId.value ? unacknowledged(ownBranchId.value) : []
  }

  /** The head's outlet's visits, newest first (for a live query). */
  function outletVisits(limit: number): Promise<Inspection[]> {
    return ownBranchId.value ? branchSubmitted(ownBranchId.value, limit) : Promise.resolve([])
  }

  /** One visit with its sheet version, actions and amendment chain; null when the terminal does not hold it. */
  async function visitFile(id: string): Promise<VisitFile | null> {
    const visit = await getInspection(id)
    if (!visit) return null
    const [template, actions, amendedBy, amends] = await Promise.all([getTemplate(visit.templateId), actionsOfVisit(id), amendmentsOf(id), visit.amends ? getInspection(visit.amends) : undefined])
    if (!template) return null
    return { visit, template, actions, amendedBy, amends: amends ?? null }
  }

  /** The outlet's windows and desks by name (its active service points), as the terminal holds them. */
  async function outletWindows(branchId: string): Promise<string[]> {
    return (await listServicePoints(branchId)).filter((p) => p.active === 1).map((p) => p.name)
  }

  /** Starts a draft on the active score sheet, dated today, by the signed-in inspector. */
  async function start(input: VisitStart): Promise<Inspection> {
    if (!inspection.template) throw new Error('No active inspection template')
    return startInspection({ ...input, templateId: inspection.template.id, inspectorId: myId.value, date: terminal.today })
  }

  /** Saves a draft's answers and vetoes as they stand. */
  function saveAnswers(id: string, answers: Record<string, ItemAnswer>, vetoes: VetoFinding[]): Promise<Inspection> {
    return saveDraft(id, answers, vetoes)
  }

  /** Stores a photo for a draft and gives its id for the occurrence or veto it documents. */
  async function attach(id: string, photo: CapturedImage): Promise<string> {
    return (await attachPhoto(id, photo)).id
  }

  /** Stores a photo taken for a correction of a submitted visit; the amendment takes it over when submitted. */
  async function attachForAmendment(originalId: string, photo: CapturedImage): Promise<string> {
    return (await attachAmendmentPhoto(originalId, photo)).id
  }

  /** Pictures (photos, signatures) by id. */
  function pictures(ids: readonly string[]): Promise<Attachment[]> {
    return attachmentsByIds(ids)
  }

  const signer = () => ({ name: session.displayName, staffId: myId.value })

  /** Submits a draft signed by the signed-in inspector. */
  function submit(id: string, image: CapturedImage): Promise<Inspection> {
    return submitInspection(id, { image, ...signer() }, terminal.today)
  }

  /** The outlet signs for a visit; the signer is on record as a person when it is the signed-in one of that outlet. */
  function acknowledge(visit: Inspection, signed: { image: CapturedImage; name: string; role: AcknowledgerRole }): Promise<Inspection> {
    const own = session.staff !== null && session.staff.branchId === visit.branchId && signed.name.trim() === session.displayName
    return acknowledgeInspection(visit.id, { ...signed, name: signed.name.trim(), staffId: own ? myId.value : null })
  }

  /** Corrects a submitted visit as a new one, signed by the signed-in inspector. */
  function amend(id: string, correction: { answers: Record<string, ItemAnswer>; vetoes: VetoFinding[]; reason: string }, image: CapturedImage): Promise<Inspection> {
    return amendInspection(id, correction, { image, ...signer() }, terminal.today)
  }

  /** Where scoring of a draft stopped on this tablet. */
  function positionOf(id: string): ScoringPosition | null {
    return readPositions()[id] ?? null
  }

  /** Remembers where scoring of a draft stands (forgotten once it is submitted). */
  function rememberPosition(id: string, position: ScoringPosition | null): void {
    const { [id]: _old, ...others } = readPositions()
    localStorage.setItem(POSITIONS_KEY, JSON.stringify(position ? { ...others, [id]: position } : others))
  }

  return { ownBranchId, myDrafts, myRecent, plannedNotBegun, awaitingAcknowledgement, outletVisits, visitFile, outletWindows, start, saveAnswers, attach, attachForAmendment, pictures, submit, acknowledge, amend, positionOf, rememberPosition }
})
