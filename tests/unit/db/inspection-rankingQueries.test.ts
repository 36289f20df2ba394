// @vitest-environment node
// (the evidence photo is a Blob: fake-indexeddb stores it only under Node's structured clone)
import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { today } from '../../support/counterSeed'
import { allPassed, picture, seedInspectionBranch, type InspectionBranch } from '../../support/inspectionSeed'
import { database } from '@/db/connection'
import { saveDraft, startInspection, submitInspection } from '@/db/repositories/inspection/visits'
import { awardQuarter, quarterRanking } from '@/db/repositories/inspection/ranking'
import { loadInspectionRules, saveInspectionRules } from '@/db/repositories/inspection/rules'
import {
  awardHistory,
  enterPeriodVetoWithEvidence,
  halfMonthVisits,
  lastInspectedOn,
  PeriodVetoRefusedError,
  quarterAwards,
  quarterPeriodVetoes,
  type NewPeriodVeto,
} from '@/db/repositories/inspection/rankingQueries'
import { halfMonthOf, previousHalfMonth } from '@/domain/inspection/plans'
import { addDays } from '@/domain/time'
import { previousQuarter, quarterOf } from '@/domain/quarters'

let b: InspectionBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedInspectionBranch()
  await saveInspectionRules({ ...(await loadInspectionRules()), minVisitsToRank: 1 })
})

async function visitOn(branchId: string, date: string, submit = true) {
  const visit = await startInspection({ templateId: b.template.id, branchId, inspectorId: b.inspector.id, date, kind: 'on_site', observedWindows: [], observedStaffNos: [], context: { traffic: null, openCounters: null, team: [], accompaniedBy: '' } })
  await saveDraft(visit.id, allPassed(b.template), [])
  return submit ? submitInspection(visit.id, { image: picture('signature'), name: '蒋平', staffId: b.inspector.id }, date) : visit
}

const veto = (changes: Partial<NewPeriodVeto> = {}): NewPeriodVeto => ({
  vetoCode: 'V6',
  finding: '客户投诉经核实后被本地媒体报道',
  witnesses: [],
  branchId: b.otherBranchId,
  quarter: quarterOf(today),
  enteredBy: b.inspector.id,
  ...changes,
})

describe('half months and the last inspection', () => {
  it('a half month’s visits are its submitted ones, by anyone; a draft is not one', async () => {
    const done = await visitOn(b.branchId, today)
    await visitOn(b.otherBranchId, today, false)
    expect((await halfMonthVisits(halfMonthOf(today))).map((v) => v.id)).toEqual([done.id])
    expect(await halfMonthVisits(previousHalfMonth(halfMonthOf(today)))).toEqual([])
  })

  it('each outlet’s last inspection is its latest submitted visit; never inspected outlets are absent', async () => {
    await visitOn(b.branchId, addDays(today, -40))
    await visitOn(b.branchId, addDays(today, -3))
    await visitOn(b.otherBranchId, today, false)
    const last = await lastInspectedOn()
    expect(last.get(b.branchId)).toBe(addDays(today, -3))
    expect(last.has(b.otherBranchId)).toBe(false)
  })
})

describe('awards as recorded', () => {
  it('reads a quarter’s awards once awarded, and the whole history oldest quarter first', async () => {
    const quarter = quarterOf(today)
    const last = previousQuarter(quarter)
    await visitOn(b.branchId, today)
    expect(await quarterAwards(quarter)).toEqual([])
    await awardQuarter(quarter, b.inspector.id)
    await database().records('inspectionAwards').add({ ...(await quarterAwards(quarter))[0]!, id: crypto.randomUUID(), quarter: last })
    expect((await quarterAwards(quarter)).map((a) => [a.branchId, a.outcome])).toEqual([[b.branchId, 'red_flag']])
    expect((await awardHistory()).map((a) => a.quarter)).toEqual([last, quarter])
  })
})

describe('a period veto with its evidence', () => {
  it('stores the veto and its photo together, audited, and the outlet loses the red flag that quarter', async () => {
    await visitOn(b.otherBranchId, today)
    expect((await quarterRanking(quarterOf(today))).find((s) => s.branchId === b.otherBranchId)?.redFlag).toBe(true)
    const entered = await enterPeriodVetoWithEvidence(veto({ witnesses: [' 督导专班 沈洁 ', ' '] }), picture('media report'))
    expect(entered).toMatchObject({ vetoCode: 'V6', branchId: b.otherBranchId, witnesses: ['督导专班 沈洁'] })
    const photo = await database().records('attachments').get(entered.photoIds[0]!)
    expect(photo).toMatchObject({ id: entered.photoIds[0], ownerTable: 'periodVetoes', ownerId: entered.id, exportedAt: null })
    expect((await quarterPeriodVetoes(quarterOf(today))).map((v) => v.id)).toEqual([entered.id])
    expect(await database().records('auditLog').where('[entity+entityId]').equals(['periodVetoes', entered.id]).toArray()).toMatchObject([{ action: 'periodVeto.enter' }])
    const standing = (await quarterRanking(quarterOf(today))).find((s) => s.branchId === b.otherBranchId)
    expect(standing).toMatchObject({ vetoes: 1, redFlag: false })
  })

  it('refuses a visit-level code, an empty finding, or an awarded quarter, and writes nothing', async () => {
    await expect(enterPeriodVetoWithEvidence(veto({ vetoCode: 'V1', finding: '  ' }), picture('x'))).rejects.toMatchObject({ problems: ['wrong_level', 'finding_required'] })
    await expect(enterPeriodVetoWithEvidence(veto({ vetoCode: 'V9' }), picture('x'))).rejects.toMatchObject({ problems: ['unknown_veto'] })
    await visitOn(b.branchId, today)
    await awardQuarter(quarterOf(today), b.inspector.id)
    await expect(enterPeriodVetoWithEvidence(veto(), picture('x'))).rejects.toBeInstanceOf(PeriodVetoRefusedError)
    expect(await database().records('periodVetoes').count()).toBe(0)
    expect(await database().records('attachments').where('ownerTable').equals('periodVetoes').count()).toBe(0)
  })
})
