// @vitest-environment node
// Node rather than jsdom: jsdom's Blob does not survive fake-indexeddb's structuredClone (see backup.test.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { today } from '../../support/counterSeed'
import { allPassed, picture, seedInspectionBranch, type InspectionBranch } from '../../support/inspectionSeed'
import { setKdfIterationsForTests } from '@/db/backup'
import { exportInspections } from '@/db/backup/exchange'
import { saveTemplateEdits } from '@/db/repositories/inspection/templates'
import { acknowledgeInspection, amendInspection, attachPhoto, saveDraft, startInspection, submitInspection } from '@/db/repositories/inspection/visits'
import { exportableVisits, scorecardRecord, unexportedPhotoCount, visitCountsByTemplate } from '@/db/repositories/inspection/settingsQueries'
import { addDays } from '@/domain/time'

beforeAll(() => setKdfIterationsForTests(1_000))
afterAll(() => setKdfIterationsForTests(null))

let b: InspectionBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedInspectionBranch()
})

const signed = () => ({ image: picture('inspector signature'), name: '蒋平', staffId: b.inspector.id })

async function started(branchId: string, date = today) {
  return startInspection({ templateId: b.template.id, branchId, inspectorId: b.inspector.id, date, kind: 'on_site', observedWindows: [], observedStaffNos: [], context: { traffic: null, openCounters: null, team: [], accompaniedBy: '' } })
}

/** A visit submitted with one photo on A1 (so two pictures: the photo and the signature). */
async function submitted(branchId: string, date = today) {
  const visit = await started(branchId, date)
  const photo = await attachPhoto(visit.id, picture('photo'))
  await saveDraft(visit.id, { ...allPassed(b.template), A1: { kind: 'deduct', occurrences: [{ staffNo: '9005', note: '营业时间牌破损', photoIds: [photo.id] }], fixedOnSpot: false, note: '' } }, [])
  return submitInspection(visit.id, signed(), date)
}

describe('the inspection settings reads', () => {
  it('counts the visits each template version scored, a draft included', async () => {
    await started(b.branchId)
    await submitted(b.otherBranchId)
    const edited = await saveTemplateEdits(b.template.id, { ...b.template, name: '窗口服务检查计分表（2027 版）' })
    if (!edited.ok) throw new Error('the edit was refused')
    expect(await visitCountsByTemplate()).toEqual({ [b.template.id]: 2 })
  })

  it('counts the pictures of visits that never left this tablet, and none once they are exported', async () => {
    expect(await unexportedPhotoCount()).toBe(0)
    const draft = await started(b.branchId)
    await attachPhoto(draft.id, picture('draft photo'))
    const visit = await submitted(b.otherBranchId)
    expect(await unexportedPhotoCount()).toBe(3)
    await exportInspections([visit.id], 'hangzhou-2026')
    expect(await unexportedPhotoCount()).toBe(1)
  })

  it('offers submitted and acknowledged visits in the date range and outlet, newest first, never a draft', async () => {
    const older = await submitted(b.branchId, addDays(today, -20))
    const newer = await submitted(b.otherBranchId, addDays(today, -2))
    await acknowledgeInspection(newer.id, { image: picture('head'), name: '赵建华', staffId: b.head.id, role: 'branch_head' })
    await started(b.branchId)
    const all = await exportableVisits({ from: addDays(today, -30), to: today, branchId: null })
    expect(all.map((v) => [v.inspection.id, v.unexportedPictures])).toEqual([
      [newer.id, 3],
      [older.id, 2],
    ])
    expect((await exportableVisits({ from: addDays(today, -10), to: today, branchId: null })).map((v) => v.inspection.id)).toEqual([newer.id])
    expect((await exportableVisits({ from: addDays(today, -30), to: today, branchId: b.branchId })).map((v) => v.inspection.id)).toEqual([older.id])
  })

  it('reads a submitted visit with its template version, both signatures and the visit it amends; nothing for a draft', async () => {
    const visit = await submitted(b.branchId)
    expect(await scorecardRecord(visit.id)).toMatchObject({ inspection: { id: visit.id }, template: { id: b.template.id, version: 1 }, outletSignature: null, amended: null })
    await acknowledgeInspection(visit.id, { image: picture('head signature'), name: '赵建华', staffId: b.head.id, role: 'branch_head' })
    const amendment = await amendInspection(visit.id, { answers: allPassed(b.template), vetoes: [], reason: '误记营业时间牌' }, signed(), today)
    const card = await scorecardRecord(amendment.id)
    expect(card?.amended?.id).toBe(visit.id)
    expect(await card?.inspectorSignature?.text()).toBe('inspector signature')
    expect(await (await scorecardRecord(visit.id))?.outletSignature?.text()).toBe('head signature')
    expect(await scorecardRecord((await started(b.branchId)).id)).toBeNull()
  })
})
