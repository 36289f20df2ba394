import { computed } from 'vue'
import { defineStore } from 'pinia'
import { actionDetail, actionsAt, latestVisit as readLatestVisit, recheckContext, standingsOf, visitsBetween, type ActionDetail, type ActionEntry, type ActionStatus, type QuarterStanding, type RecheckContext, type ScoredVisit } from '@/db/repositories/inspection/actionQueries'
import { ActionChangeRefusedError, changeCorrectiveAction } from '@/db/repositories/inspection/actions'
import { changeActionWithEvidence, recheckVisit, type RecheckOutcome } from '@/db/repositories/inspection/recheck'
import type { CapturedImage } from '@/db/repositories/inspection/visits'
import { loadInspectionRules } from '@/db/repositories/inspection/rules'
import { overdueActions } from '@/domain/inspection/corrective'
import type { Answers } from '@/domain/inspection/scoring'
import type { Inspection } from '@/domain/model/records'
import { previousQuarter, type QuarterKey } from '@/domain/quarters'
import { useInspectionStore } from './inspection'
import { useSessionStore } from './session'
import { useTerminalStore } from './terminal'

export { ActionChangeRefusedError }
export type { ActionDetail, ActionEntry, QuarterStanding, RecheckContext, ScoredVisit }

/** How many quarters an outlet's trend looks back over, the current one included. */
export const TREND_QUARTERS = 6

/** A visit whose item actions are not all verified: what an inspector re-checks. */
export interface RecheckVisit {
  inspectionId: string
  branchId: string
  date: string
  pending: number
}

/**
 * Corrective actions (整改), re-checks (复查) and what the visits show. A branch head answers for
 * their outlet's actions; an inspector sees every outlet's and verifies, reopens and re-checks.
 */
export const useInspectionActionsStore = defineStore('inspectionActions', () => {
  const inspection = useInspectionStore()
  const session = useSessionStore()
  const terminal = useTerminalStore()
  /** The signed-in branch head's outlet; null for an inspector (who belongs to none). */
  const ownBranchId = computed(() => (inspection.isInspector ? null : (session.staff?.branchId ?? null)))
  const myNo = computed(() => session.staff?.staffNo ?? '')
  const outletsSeen = () => (ownBranchId.value ? [ownBranchId.value] : inspection.branches.map((b) => b.id))

  /** The actions of the statuses given at the outlets the signed-in person sees, oldest due first. */
  function actions(statuses: readonly ActionStatus[]): Promise<ActionEntry[]> {
    return actionsAt(outletsSeen(), statuses)
  }

  /** Of pending actions, those past their due date, the most overdue first. */
  function overdue(entries: readonly ActionEntry[]): ActionEntry[] {
    const late = new Set(overdueActions(entries.map((e) => e.action), terminal.today))
    return entries.filter((e) => late.has(e.action)).sort((a, b) => a.action.dueDate.localeCompare(b.action.dueDate))
  }

  /** The visits with item actions still to verify, oldest first (an inspector's re-checks). */
  function recheckVisits(entries: readonly ActionEntry[]): RecheckVisit[] {
    const byVisit = new Map<string, RecheckVisit>()
    for (const { action, visit } of entries) {
      if (action.source !== 'item' || action.status === 'verified') continue
      const held = byVisit.get(visit.id) ?? { inspectionId: visit.id, branchId: visit.branchId, date: visit.date, pending: 0 }
      held.pending += 1
      byVisit.set(visit.id, held)
    }
    return [...byVisit.values()].sort((a, b) => a.date.localeCompare(b.date))
  }

  /** One action with its visit and the deduction as scored. */
  function detail(actionId: string): Promise<ActionDetail | undefined> {
    return actionDetail(actionId)
  }

  /** The branch marks an action put right, with a note and/or photos (refused without either). */
  function markFixed(actionId: string, note: string, photos: readonly CapturedImage[]) {
    return changeActionWithEvidence(actionId, { to: 'fixed', on: terminal.today, by: myNo.value, byInspector: inspection.isInspector, via: 'manual', note: note.trim(), photoIds: [] }, photos)
  }

  /** The inspector accepts the fix (复核通过). */
  function verify(actionId: string, note: string) {
    return changeCorrectiveAction(actionId, { to: 'verified', on: terminal.today, by: myNo.value, byInspector: inspection.isInspector, via: 'manual', note: note.trim(), photoIds: [] })
  }

  /** The inspector sends a fix back (退回), with the reason. */
  function reopen(actionId: string, reason: string) {
    return changeCorrectiveAction(actionId, { to: 'open', on: terminal.today, by: myNo.value, byInspector: inspection.isInspector, via: 'manual', note: reason.trim(), photoIds: [] })
  }

  /** A visit, its template version, actions and the items a re-check looks at. */
  function recheck(inspectionId: string): Promise<RecheckContext | undefined> {
    return recheckContext(inspectionId)
  }

  /** Saves the inspector's re-check today: every action it concerns changes in one write. */
  function saveRecheck(inspectionId: string, answers: Answers, photos: Partial<Record<string, readonly CapturedImage[]>>): Promise<RecheckOutcome> {
    return recheckVisit(inspectionId, answers, terminal.today, myNo.value, photos)
  }

  /** The visits that count between two days: at every outlet (items across outlets), and those whose people the signed-in person may see (a branch head's own outlet). */
  async function analysis(from: string, to: string): Promise<{ own: ScoredVisit[]; all: ScoredVisit[] }> {
    const all = await visitsBetween(from, to)
    return { all, own: ownBranchId.value ? all.filter((v) => v.visit.branchId === ownBranchId.value) : all }
  }

  /** An outlet's standing in the last TREND_QUARTERS quarters, oldest first. */
  function trend(branchId: string): Promise<QuarterStanding[]> {
    const quarters: QuarterKey[] = [inspection.quarter]
    while (quarters.length < TREND_QUARTERS) quarters.unshift(previousQuarter(quarters[0]!))
    return standingsOf(branchId, quarters)
  }

  /** The own outlet's latest counted visit (the branch head's tile). */
  async function latestVisit(): Promise<Inspection | null> {
    return ownBranchId.value ? ((await readLatestVisit(ownBranchId.value)) ?? null) : null
  }

  /** The own outlet's standing this quarter, with the visits an outlet needs to be ranked. */
  async function standing(): Promise<(QuarterStanding & { minVisitsToRank: number }) | null> {
    if (!ownBranchId.value) return null
    const [[current], rules] = await Promise.all([standingsOf(ownBranchId.value, [inspection.quarter]), loadInspectionRules()])
    return current ? { ...current, minVisitsToRank: rules.minVisitsToRank } : null
  }

  return { ownBranchId, myNo, actions, overdue, recheckVisits, detail, markFixed, verify, reopen, recheck, saveRecheck, analysis, trend, latestVisit, standing }
})
