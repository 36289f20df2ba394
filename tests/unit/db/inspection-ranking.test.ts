import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { today } from '../../support/counterSeed'
import { allPassed, picture, seedInspectionBranch, type InspectionBranch } from '../../support/inspectionSeed'
import { database } from '@/db/connection'
import { saveDraft, startInspection, submitInspection } from '@/db/repositories/inspection/visits'
import { ActionChangeRefusedError, changeCorrectiveAction, openActions, overdue } from '@/db/repositories/inspection/actions'
import { awardQuarter, enterPeriodVeto, plansOf, progressOf, quarterRanking, savePlan } from '@/db/repositories/inspection/ranking'
import { saveInspectionRules, loadInspectionRules } from '@/db/repositories/inspection/rules'
import { halfMonthOf } from '@/domain/inspection/plans'
import { addDays } from '@/domain/time'
import { quarterOf } from '@/domain/quarters'

let b: InspectionBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedInspectionBranch()
  // One visit is enough to be ranked in these tests.
  await saveInspectionRules({ ...(await loadInspectionRules()), minVisitsToRank: 1 })
})

/** A submitted visit to a branch losing `lost` points on C4 (1 per occurrence, no photo needed), naming 9005 when asked. */
async function visitBranch(branchId: string, lost: number, staffNo: string | null = null) {
  const visit = await startInspection({ templateId: b.template.id, branchId, inspectorId: b.inspector.id, date: today, kind: 'on_site', observedWindows: [], observedStaffNos: [], context: { traffic: null, openCounters: null, team: [], accompaniedBy: '' } })
  const answers = allPassed(b.template)
  if (lost > 0) answers.C4 = { kind: 'deduct', occurrences: Array.from({ length: lost }, () => ({ staffNo, note: '玩手机', photoIds: [] })), fixedOnSpot: false, note: '' }
  await saveDraft(visit.id, answers, [])
  return submitInspection(visit.id, { image: picture('signature'), name: '蒋平', staffId: b.inspector.id }, today)
}

describe('corrective actions', () => {
  it('marked fixed with evidence by the branch, verified by the inspector only; overdue once past the due day', async () => {
    const visit = await visitBranch(b.branchId, 1, '9005')
    const [action] = await openActions(b.branchId)
    expect(action).toMatchObject({ inspectionId: visit.id, code: 'C4', owner: '9005', status: 'open' })
    expect(await overdue(addDays(action!.dueDate, 1), b.branchId)).toHaveLength(1)
    await expect(changeCorrectiveAction(action!.id, { to: 'fixed', on: today, by: '9005', byInspector: false, via: 'manual', note: '', photoIds: [] })).rejects.toBeInstanceOf(ActionChangeRefusedError)
    await changeCorrectiveAction(action!.id, { to: 'fixed', on: today, by: '9005', byInspector: false, via: 'manual', note: '已组织晨会学习', photoIds: [] })
    await expect(changeCorrectiveAction(action!.id, { to: 'verified', on: today, by: '9005', byInspector: false, via: 'manual', note: '', photoIds: [] })).rejects.toMatchObject({ reason: 'inspector_only' })
    await changeCorrectiveAction(action!.id, { to: 'verified', on: today, by: '9014', byInspector: true, via: 'manual', note: '复核通过', photoIds: [] })
    expect(await openActions(b.branchId)).toEqual([])
    expect((await database().records('correctiveActions').get(action!.id))?.timeline.map((e) => e.status)).toEqual(['open', 'fixed', 'verified'])
  })
})

describe('plans and the quarter', () => {
  it('an executive’s plan shows each branch done or due for the half month', async () => {
    const key = halfMonthOf(today)
    const plan = await savePlan(b.inspector.id, key, [b.branchId, b.otherBranchId])
    await visitBranch(b.branchId, 0)
    expect((await plansOf(key)).map((p) => p.id)).toEqual([plan.id])
    const progress = await progressOf(plan, today)
    expect(progress.branches.map((p) => p.progress)).toEqual(['done', 'due'])
  })

  it('ranks the branches by their visits, gives the red flag to the better and never to a branch with a period veto, and awards a quarter once', async () => {
    await visitBranch(b.branchId, 3)
    await visitBranch(b.otherBranchId, 1)
    const quarter = quarterOf(today)
    const before = await quarterRanking(quarter)
    expect(before.filter((s) => s.ranked).map((s) => [s.code, s.meanScore])).toEqual([
      ['BJ002', 99],
      ['BJ001', 97],
    ])
    await enterPeriodVeto({ vetoCode: 'V6', finding: '客户投诉经核实并被媒体报道', photoIds: [], witnesses: ['督导专班 沈洁'], branchId: b.otherBranchId, quarter, enteredBy: b.inspector.id })
    const standings = await quarterRanking(quarter)
    expect(standings.find((s) => s.code === 'BJ002')?.redFlag).toBe(false)
    const awards = await awardQuarter(quarter, b.inspector.id)
    expect(awards.every((a) => a.quarter === quarter)).toBe(true)
    await expect(awardQuarter(quarter, b.inspector.id)).rejects.toThrow()
  })
})
