/**
 * Corrective actions (整改): a status change follows the rules in the domain (evidence to mark one
 * fixed, an inspector to verify or reopen), appended to the action's timeline and audited; overdue
 * ones are listed for the branch head and the inspector.
 */
import type { CorrectiveAction } from '@/domain/model/records'
import { changeAction, overdueActions, type ActionChange, type ChangeRefusal } from '@/domain/inspection/corrective'
import type { BusinessDate } from '@/domain/time'
import { database } from '../../connection'
import { writeRecords } from '../../write'

export class ActionChangeRefusedError extends Error {
  constructor(readonly reason: ChangeRefusal) {
    super(`Corrective action change refused: ${reason}`)
    this.name = 'ActionChangeRefusedError'
  }
}

export async function changeCorrectiveAction(id: string, change: ActionChange): Promise<CorrectiveAction> {
  return writeRecords(['correctiveActions'], async (w) => {
    const action = await database().records('correctiveActions').get(id)
    if (!action || action.deleted !== 0) throw new Error(`No corrective action ${id}`)
    const outcome = changeAction(action, change)
    if (!outcome.ok) throw new ActionChangeRefusedError(outcome.reason)
    return w.update('correctiveActions', id, { status: outcome.action.status, timeline: outcome.action.timeline }, { action: `correctiveAction.${change.to}` })
  })
}

/** A branch's actions not yet verified, oldest due first. */
export async function openActions(branchId: string): Promise<CorrectiveAction[]> {
  const rows = await database().records('correctiveActions').where('[branchId+status]').anyOf([branchId, 'open'], [branchId, 'fixed']).toArray()
  return rows.filter((a) => a.deleted === 0).sort((a, b) => a.dueDate.localeCompare(b.dueDate))
}

/** Overdue actions of one branch, or of every branch the terminal holds (an inspector's view). */
export async function overdue(today: BusinessDate, branchId: string | null = null): Promise<CorrectiveAction[]> {
  const rows = branchId === null ? await database().records('correctiveActions').filter((a) => a.status === 'open').toArray() : await openActions(branchId)
  return overdueActions(rows.filter((a) => a.deleted === 0), today)
}
