// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { today } from '../../support/counterSeed'
import { allPassed, picture, seedInspectionBranch, type InspectionBranch } from '../../support/inspectionSeed'
import { actionDetail, actionsAt, latestVisit, recheckContext, standingsOf, visitsBetween } from '@/db/repositories/inspection/actionQueries'
import { amendInspection, saveDraft, startInspection, submitInspection } from '@/db/repositories/inspection/visits'
import { saveTemplateEdits } from '@/db/repositories/inspection/templates'
import { changeCorrectiveAction } from '@/db/repositories/inspection/actions'
import { loadInspectionRules, saveInspectionRules } from '@/db/repositories/inspection/rules'
import type { ItemAnswer } from '@/domain/inspection/scoring'
import { addDays } from '@/domain/time'
import { previousQuarter, quarterOf } from '@/domain/quarters'

let b: InspectionBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedInspectionBranch()
})

const signed = () => ({ image: picture('signature'), name: '蒋平', staffId: b.inspector.id })
const lostOnC4 = (n: number): ItemAnswer => ({ kind: 'deduct', occurrences: Array.from({ length: n }, () => ({ staffNo: '9005', note: '玩手机', photoIds: [] })), fixedOnSpot: false, note: '' })

async function visit(branchId: string, answers: Record<string, ItemAnswer>, date = today) {
  const started = await startInspection({ templateId: b.template.id, branchId, inspectorId: b.inspector.id, date, kind: 'on_site', observedWindows: [], observedStaffNos: [], context: { traffic: null, openCounters: null, team: [], accompaniedBy: '' } })
  await saveDraft(started.id, { ...allPassed(b.template), ...answers }, [])
  return submitInspection(started.id, signed(), date)
}

describe('actions with their visit', () => {
  it('words the item as the visit’s template version did, after the sheet was edited', async () => {
    const scored = await visit(b.branchId, { C4: lostOnC4(1) })
    const sections = b.template.sections.map((s) => ({ ...s, items: s.items.map((i) => (i.code === 'C4' ? { ...i, text: '营业时间不做与工作无关的事（新版）' } : i)) }))
    expect(await saveTemplateEdits(b.template.id, { ...b.template, sections })).toMatchObject({ ok: true, newVersion: true })

    const [entry] = await actionsAt([b.branchId], ['open', 'fixed'])
    expect(entry).toMatchObject({ action: { code: 'C4', owner: '9005' }, visit: { id: scored.id, date: today, branchId: b.branchId }, veto: null })
    expect(entry?.item?.text).toBe(b.template.sections.flatMap((s) => s.items).find((i) => i.code === 'C4')?.text)
    const detail = await actionDetail(entry!.action.id)
    expect(detail?.answers.C4).toMatchObject({ kind: 'deduct', occurrences: [{ staffNo: '9005', note: '玩手机' }] })
  })

  it('lists only the statuses asked for, at the outlets asked for, oldest due first', async () => {
    await visit(b.branchId, { C4: lostOnC4(1) }, addDays(today, -10))
    await visit(b.branchId, { D1: { kind: 'deduct', occurrences: [{ staffNo: null, note: '晚开门', photoIds: [] }], fixedOnSpot: false, note: '' } })
    await visit(b.otherBranchId, { C4: lostOnC4(2) })
    const mine = await actionsAt([b.branchId], ['open'])
    expect(mine.map((e) => e.action.code)).toEqual(['C4', 'D1'])
    await changeCorrectiveAction(mine[0]!.action.id, { to: 'fixed', on: today, by: '9001', byInspector: false, via: 'manual', note: '已学习', photoIds: [] })
    expect((await actionsAt([b.branchId], ['fixed'])).map((e) => e.action.code)).toEqual(['C4'])
    expect(await actionsAt([b.branchId, b.otherBranchId], ['open'])).toHaveLength(2)
    expect(await actionsAt([], ['open'])).toEqual([])
  })

  it('a re-check looks at the visit’s actions not yet verified', async () => {
    const scored = await visit(b.branchId, { C4: lostOnC4(1), C1: { kind: 'deduct', occurrences: [{ staffNo: null, note: '', photoIds: [] }], fixedOnSpot: true, note: '' } })
    expect((await recheckContext(scored.id))?.itemCodes).toEqual(['C4'])
    expect(await recheckContext('missing')).toBeUndefined()
  })
})

describe('visits that count', () => {
  it('between two days, an amended visit replaced by its amendment; the latest one of an outlet', async () => {
    const first = await visit(b.branchId, { C4: lostOnC4(1) }, addDays(today, -2))
    const amended = await amendInspection(first.id, { answers: { ...allPassed(b.template), C4: lostOnC4(2) }, vetoes: [], reason: '漏记一处' }, signed(), today)
    await visit(b.otherBranchId, {}, addDays(today, -1))
    const counted = await visitsBetween(addDays(today, -5), today)
    expect(counted.map((v) => v.visit.id).sort()).toEqual([amended.id, counted.find((v) => v.visit.branchId === b.otherBranchId)!.visit.id].sort())
    expect(counted[0]?.template.id).toBe(b.template.id)
    expect((await latestVisit(b.branchId))?.id).toBe(amended.id)
    expect(await latestVisit('no-such-outlet')).toBeUndefined()
  })

  it('an outlet’s standing per quarter with the ranked outlets of its group', async () => {
    await saveInspectionRules({ ...(await loadInspectionRules()), minVisitsToRank: 1 })
    await visit(b.branchId, { C4: lostOnC4(1) })
    const quarter = quarterOf(today)
    const [earlier, now] = await standingsOf(b.branchId, [previousQuarter(quarter), quarter])
    expect(earlier).toMatchObject({ quarter: previousQuarter(quarter), standing: { visits: 0, ranked: false }, rankedInGroup: 0 })
    expect(now).toMatchObject({ quarter, standing: { visits: 1, ranked: true, groupRank: 1, meanScore: 99 }, rankedInGroup: 1 })
  })
})
