import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { seedCounterBranch, today, type CounterBranch } from '../../support/counterSeed'
import { database } from '@/db/connection'
import { writeRecords } from '@/db/write'
import { ensureDefaultTemplate } from '@/db/repositories/inspection/templates'
import { saveDraft, startInspection, submitInspection, type CapturedImage } from '@/db/repositories/inspection/visits'
import { ActionChangeRefusedError, changeCorrectiveAction, openActions, overdue } from '@/db/repositories/inspection/actions'
import { awardQuarter, enterPeriodVeto, plansOf, progressOf, quarterRanking, savePlan } from '@/db/repositories/inspection/ranking'
import { saveInspectionRules, loadInspectionRules } from '@/db/repositories/inspection/rules'
import { templateItems, type ItemAnswer } from '@/domain/inspection/scoring'
import { halfMonthOf } from '@/domain/inspection/plans'
import { quarterOf } from '@/domain/counter/ledger'
import { addDays } from '@/domain/time'
import type { InspectionTemplate, Staff } from '@/domain/model/records'

let b: CounterBranch
let inspector: Staff
let template: InspectionTemplate
beforeEach(async () => {
  await freshDatabase()
  b = await seedCounterBranch()
  inspector = await writeRecords(['staff'], (w) => w.insert('staff', { branchId: null, staffNo: '9014', surname: '蒋', givenName: '平', roles: ['inspector'], pin: null, failedPinAttempts: 0, lockedUntil: null, active: 1 }))
  template = await ensureDefaultTemplate()
  // One visit is enough to be ranked in these tests.
  await saveInspectionRules({ ...(await loadInspectionRules()), minVisitsToRank: 1 })
})

const image: CapturedImage = { blob: new Blob(['x'], { type: 'image/jpeg' }), mimeType: 'image/jpeg', width: 10, height: 10 }

/** A submitted visit to a branch losing `lost` points on C4 (1 per occurrence, no photo needed), naming 9005 when asked. */
async function visitBranch(branchId: string, lost: number, staffNo: string | null = null) {
  const visit = await startInspection({ templateId: template.id, branchId, inspectorId: inspector.id, date: today, kind: 'on_site', observedWindows: [], observedStaffNos: [], context: { traffic: null, openCounters: null, team: [], accompaniedBy: '' } })
  const answers: Record<string, ItemAnswer> = {}
  for (const { item } of templateItems(template)) answers[item.code] = item.rule === 'GRADE' ? { kind: 'level', levelIndex: 0, occurrences: [], fixedOnSpot: false, note: '' } : { kind: 'pass', note: '' }
  if (lost > 0) answers.C4 = { kind: 'deduct', occurrences: Array.from({ length: lost }, () => ({ staffNo, note: '玩手机', photoIds: [] })), fixedOnSpot: false, note: '' }
  await saveDraft(visit.id, answers, [])
  return submitInspection(visit.id, { image, name: '蒋平', staffId: inspector.id }, today)
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
    const plan = await savePlan(inspector.id, key, [b.branchId, b.otherBranchId])
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
    await enterPeriodVeto({ vetoCode: 'V6', finding: '客户投诉经核实并被媒体报道', photoIds: [], witnesses: ['督导专班 沈洁'], branchId: b.otherBranchId, quarter, enteredBy: inspector.id })
    const standings = await quarterRanking(quarter)
    expect(standings.find((s) => s.code === 'BJ002')?.redFlag).toBe(false)
    const awards = await awardQuarter(quarter, inspector.id)
    expect(awards.every((a) => a.quarter === quarter)).toBe(true)
    await expect(awardQuarter(quarter, inspector.id)).rejects.toThrow()
  })
})
