/**
 * Corrective actions (整改项), inspection-template.md sections 1 and 6.
 *
 * - Every item a visit deducted raises one action, and so does every confirmed visit veto (its
 *   整改 is mandatory). It is due `correctiveDueDays` after the visit. Its owner is the staff member
 *   the deduction names when it names exactly one, otherwise the branch's default owner (the
 *   branch head).
 * - 待整改 open → 已整改 fixed needs evidence (a note or a photo); fixed → 已复核 verified, or
 *   back to open when the re-check fails, only by an inspector. An inspector who sees the fix
 *   with their own eyes may verify an open action directly: that is how an item fixed on the spot
 *   (当场整改) is closed at once — it is raised already verified — and how a re-check that finds an
 *   open item put right closes it. Verified is final.
 * - A re-check re-rates only the items whose action is not verified; the rest keep the visit's
 *   rating. It is a follow-up, not a visit: it does not enter the quarterly ranking.
 * - Overdue: still open after its due date (the due date itself is not late). A fixed action
 *   waiting for its re-check is not overdue: the branch has done its part.
 */
import { addDays, type BusinessDate } from '../time'
import { deductionFor, scoreVisit, templateItems, type Answers, type TemplateContent, type VisitScore } from './scoring'
import type { VetoFinding } from './vetoes'

export type ActionStatus = 'open' | 'fixed' | 'verified'

/** How a change came: with the visit that raised it, by hand, or from a re-check's answers. */
export type ActionVia = 'visit' | 'manual' | 'recheck'

export interface ActionEvent {
  on: BusinessDate
  /** Staff number of who made the change. */
  by: string
  status: ActionStatus
  via: ActionVia
  note: string
  photoIds: string[]
}

export interface CorrectiveAction {
  inspectionId: string
  branchId: string
  /** A deducted item or a confirmed veto, by its code. */
  source: 'item' | 'veto'
  code: string
  /** Staff number of who must put it right. */
  owner: string
  raisedOn: BusinessDate
  dueDate: BusinessDate
  status: ActionStatus
  fixedOnSpot: boolean
  /** Every change, oldest first; the first is the raising. */
  timeline: ActionEvent[]
}

export interface RaiseInput {
  inspectionId: string
  branchId: string
  visitDate: BusinessDate
  /** The inspector's staff number. */
  inspector: string
  /** Staff number of the owner when a deduction names nobody, or several (the branch head). */
  defaultOwner: string
  dueDays: number
  template: Pick<TemplateContent, 'sections'>
  answers: Answers
  confirmedVetoes: readonly VetoFinding[]
}

function raised(input: RaiseInput, source: CorrectiveAction['source'], code: string, owner: string, fixedOnSpot: boolean): CorrectiveAction {
  const event = (status: ActionStatus): ActionEvent => ({ on: input.visitDate, by: input.inspector, status, via: 'visit', note: '', photoIds: [] })
  return {
    inspectionId: input.inspectionId,
    branchId: input.branchId,
    source,
    code,
    owner,
    raisedOn: input.visitDate,
    dueDate: addDays(input.visitDate, input.dueDays),
    status: fixedOnSpot ? 'verified' : 'open',
    fixedOnSpot,
    timeline: fixedOnSpot ? [event('open'), event('verified')] : [event('open')],
  }
}

/** The actions a submitted visit raises: its deducted items in template order, then its vetoes. */
export function raiseActions(input: RaiseInput): CorrectiveAction[] {
  const fromItems = templateItems(input.template).flatMap(({ item }) => {
    const answer = input.answers[item.code]
    if (!answer || (answer.kind !== 'deduct' && answer.kind !== 'level') || deductionFor(item, answer) === 0) return []
    const named = [...new Set(answer.occurrences.map((o) => o.staffNo).filter((n): n is string => n !== null && n !== ''))]
    const owner = named.length === 1 && named[0] !== undefined ? named[0] : input.defaultOwner
    return [raised(input, 'item', item.code, owner, answer.fixedOnSpot)]
  })
  const fromVetoes = input.confirmedVetoes.map((veto) => raised(input, 'veto', veto.vetoCode, input.defaultOwner, false))
  return [...fromItems, ...fromVetoes]
}

export interface ActionChange {
  to: ActionStatus
  on: BusinessDate
  by: string
  byInspector: boolean
  via: Exclude<ActionVia, 'visit'>
  note: string
  photoIds: string[]
}

export type ChangeRefusal = 'not_allowed' | 'evidence_required' | 'inspector_only' | 'reason_required'

/** Why a change is refused, or null when it is allowed. */
export function changeRefusal(action: CorrectiveAction, change: ActionChange): ChangeRefusal | null {
  const from = action.status
  const hasNote = change.note.trim() !== ''
  if (from === 'open' && change.to === 'fixed') return hasNote || change.photoIds.length > 0 ? null : 'evidence_required'
  if ((from === 'open' || from === 'fixed') && change.to === 'verified') return change.byInspector ? null : 'inspector_only'
  if (from === 'fixed' && change.to === 'open') {
    if (!change.byInspector) return 'inspector_only'
    // A re-check's deduction is its own reason.
    return hasNote || change.via === 'recheck' ? null : 'reason_required'
  }
  return 'not_allowed'
}

export type ChangeOutcome = { ok: true; action: CorrectiveAction } | { ok: false; reason: ChangeRefusal }

export function changeAction(action: CorrectiveAction, change: ActionChange): ChangeOutcome {
  const reason = changeRefusal(action, change)
  if (reason) return { ok: false, reason }
  const event: ActionEvent = { on: change.on, by: change.by, status: change.to, via: change.via, note: change.note, photoIds: [...change.photoIds] }
  return { ok: true, action: { ...action, status: change.to, timeline: [...action.timeline, event] } }
}

/** The item codes a re-check looks at: those whose action is not verified, in template order. */
export function recheckItems(template: Pick<TemplateContent, 'sections'>, actions: readonly CorrectiveAction[]): string[] {
  const pending = new Set(actions.filter((a) => a.source === 'item' && a.status !== 'verified').map((a) => a.code))
  return templateItems(template)
    .map(({ item }) => item.code)
    .filter((code) => pending.has(code))
}

/** The re-rated score: the visit's answers, the re-checked items (only those) answered anew. */
export function recheckScore(template: Pick<TemplateContent, 'sections'>, visitAnswers: Answers, actions: readonly CorrectiveAction[], recheckAnswers: Answers): VisitScore {
  const answers = { ...visitAnswers }
  for (const code of recheckItems(template, actions)) if (recheckAnswers[code]) answers[code] = recheckAnswers[code]
  return scoreVisit(template, answers)
}

/**
 * The actions after a re-check by an inspector: a re-checked item that loses nothing now is
 * verified; one still deducted goes back to open, or stays open with the re-check in its timeline
 * (what the inspector found, with photos, is kept with the action). Items the re-check did not
 * answer, vetoes and verified actions are left as they were.
 */
export function applyRecheck(
  template: Pick<TemplateContent, 'sections'>,
  actions: readonly CorrectiveAction[],
  recheckAnswers: Answers,
  on: BusinessDate,
  inspector: string,
): CorrectiveAction[] {
  const rescored = scoreVisit(template, recheckAnswers).items
  const rechecked = new Set(recheckItems(template, actions))
  return actions.map((action) => {
    const item = rescored.find((i) => i.code === action.code)
    if (action.source !== 'item' || !rechecked.has(action.code) || !item?.answered) return action
    const to: ActionStatus = item.deducted === 0 ? 'verified' : 'open'
    const answer = recheckAnswers[action.code]
    const photoIds = answer && 'occurrences' in answer ? answer.occurrences.flatMap((o) => o.photoIds) : []
    const note = answer?.note ?? ''
    if (to === action.status) return { ...action, timeline: [...action.timeline, { on, by: inspector, status: to, via: 'recheck' as const, note, photoIds }] }
    const outcome = changeAction(action, { to, on, by: inspector, byInspector: true, via: 'recheck', note, photoIds })
    return outcome.ok ? outcome.action : action
  })
}

/** Open actions past their due date, the most overdue first. */
export function overdueActions<A extends CorrectiveAction>(actions: readonly A[], today: BusinessDate): A[] {
  return actions.filter((a) => a.status === 'open' && a.dueDate < today).sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))
}
