import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { today } from '../../support/counterSeed'
import { allPassed, picture, seedInspectionBranch, type InspectionBranch } from '../../support/inspectionSeed'
import { database } from '@/db/connection'
import { ensureDefaultTemplate, saveTemplateEdits, templateVersions } from '@/db/repositories/inspection/templates'
import { changeCorrectiveAction } from '@/db/repositories/inspection/actions'
import { acknowledgeInspection, amendInspection, attachAmendmentPhoto, attachPhoto, InspectionLockedError, saveDraft, startInspection, SubmissionBlockedError, submitInspection, unacknowledged } from '@/db/repositories/inspection/visits'
import type { ItemAnswer } from '@/domain/inspection/scoring'

let b: InspectionBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedInspectionBranch()
})

const image = picture
const signed = () => ({ image: picture('signature'), name: '蒋平', staffId: b.inspector.id })

/** Every item passed, except A1 (photo evidence required) with one occurrence naming 9005 and carrying a photo. */
function answersWith(photoId: string): Record<string, ItemAnswer> {
  return { ...allPassed(b.template), A1: { kind: 'deduct', occurrences: [{ staffNo: '9005', note: '营业时间牌破损', photoIds: [photoId] }], fixedOnSpot: false, note: '' } }
}

async function started() {
  return startInspection({ templateId: b.template.id, branchId: b.branchId, inspectorId: b.inspector.id, date: today, kind: 'unannounced', observedWindows: ['1号窗口'], observedStaffNos: ['9005'], context: { traffic: 'normal', openCounters: 4, team: ['蒋平'], accompaniedBy: '赵建华' } })
}

describe('templates', () => {
  it('the default score sheet is installed once', async () => {
    expect((await ensureDefaultTemplate()).id).toBe(b.template.id)
    expect(await templateVersions(b.template.code)).toHaveLength(1)
  })

  it('an unused version is edited in place; one an inspection used gets a successor and retires', async () => {
    const renamed = await saveTemplateEdits(b.template.id, { ...b.template, name: '窗口服务检查计分表（试行）' })
    expect(renamed).toMatchObject({ ok: true, newVersion: false })
    await started()
    const again = await saveTemplateEdits(b.template.id, { ...b.template, name: '窗口服务检查计分表（2027 版）' })
    expect(again).toMatchObject({ ok: true, newVersion: true, template: { version: 2, active: 1 } })
    expect((await database().records('inspectionTemplates').get(b.template.id))?.active).toBe(0)
  })
})

describe('a visit from draft to amendment', () => {
  it('resumes as saved; submit is refused while items are unanswered, writing nothing', async () => {
    const visit = await started()
    await expect(attachAmendmentPhoto(visit.id, image('too early'))).rejects.toBeInstanceOf(InspectionLockedError)
    expect(visit).toMatchObject({ status: 'draft', templateVersion: 1, halfMonth: expect.stringMatching(/^\d{4}-\d{2}-H[12]$/) })
    const photo = await attachPhoto(visit.id, image('photo'))
    const partial = { A1: answersWith(photo.id).A1! }
    await saveDraft(visit.id, partial, [])
    expect((await database().records('inspections').get(visit.id))?.answers).toEqual(partial)
    const attempt = submitInspection(visit.id, signed(), today)
    await expect(attempt).rejects.toBeInstanceOf(SubmissionBlockedError)
    await expect(attempt).rejects.toMatchObject({ blockers: { unanswered: expect.arrayContaining(['A2']) } })
    expect(await database().records('correctiveActions').count()).toBe(0)
  })

  it('submitted, it keeps its score and grade, raises the corrective action for the named person and is locked; the branch acknowledges; an amendment keeps the original', async () => {
    const visit = await started()
    const photo = await attachPhoto(visit.id, image('photo'))
    await saveDraft(visit.id, answersWith(photo.id), [])
    const submitted = await submitInspection(visit.id, signed(), today)
    expect(submitted.status).toBe('submitted')
    expect(submitted.summary).toMatchObject({ earned: 99, normalised: 99, grade: 'excellent', confirmedVetoes: 0 })
    expect(submitted.inspectorSignature?.name).toBe('蒋平')
    const actions = await database().records('correctiveActions').where('inspectionId').equals(visit.id).toArray()
    expect(actions.map((a) => [a.code, a.owner, a.status])).toEqual([['A1', '9005', 'open']])
    await expect(saveDraft(visit.id, {}, [])).rejects.toBeInstanceOf(InspectionLockedError)
    expect((await unacknowledged(b.branchId)).map((i) => i.id)).toEqual([visit.id])

    await acknowledgeInspection(visit.id, { image: image('head'), name: '赵建华', staffId: b.head.id, role: 'branch_head' })
    expect(await unacknowledged(b.branchId)).toEqual([])

    const corrected = { ...answersWith(photo.id), A2: { kind: 'deduct' as const, occurrences: [{ staffNo: null, note: '门前堆放杂物', photoIds: [photo.id] }], fixedOnSpot: true, note: '' } }
    const amended = await amendInspection(visit.id, { answers: corrected, vetoes: [], reason: '漏记门前杂物一处' }, signed(), today)
    expect(amended).toMatchObject({ amends: visit.id, amendReason: '漏记门前杂物一处', status: 'submitted', summary: { earned: 98 } })
    expect((await database().records('inspections').get(visit.id))).toMatchObject({ status: 'acknowledged', summary: { earned: 99 } })
    const audit = await database().records('auditLog').where('[entity+entityId]').equals(['inspections', visit.id]).toArray()
    expect(audit.find((e) => e.action === 'inspection.amend')).toMatchObject({ before: { id: visit.id }, after: { id: amended.id } })
    await expect(amendInspection(visit.id, { answers: corrected, vetoes: [], reason: ' ' }, signed(), today)).rejects.toThrow()
  })

  it('an amendment takes over the corrected visit’s actions: the same item’s continues as the branch left it, one no longer deducted is withdrawn, a new deduction raises its own', async () => {
    const visit = await started()
    const photo = await attachPhoto(visit.id, image('photo'))
    const withC1 = { ...answersWith(photo.id), C1: { kind: 'deduct' as const, occurrences: [{ staffNo: '9005', note: '未佩戴工号牌', photoIds: [] }], fixedOnSpot: false, note: '' } }
    await saveDraft(visit.id, withC1, [])
    await submitInspection(visit.id, signed(), today)
    const raised = await database().records('correctiveActions').where('inspectionId').equals(visit.id).toArray()
    const a1 = raised.find((a) => a.code === 'A1')!
    await changeCorrectiveAction(a1.id, { to: 'fixed', on: today, by: '9005', byInspector: false, via: 'manual', note: '已更换营业时间牌', photoIds: [] })

    // The correction: C1 was wrongly deducted, D2 was missed (with a photo taken for the correction).
    const taken = await attachAmendmentPhoto(visit.id, image('D2'))
    const corrected = { ...answersWith(photo.id), D2: { kind: 'deduct' as const, occurrences: [{ staffNo: null, note: '叫号后未举手示意', photoIds: [taken.id] }], fixedOnSpot: false, note: '' } }
    const amended = await amendInspection(visit.id, { answers: corrected, vetoes: [], reason: 'C1 误扣，D2 漏记' }, signed(), today)
    expect((await database().records('attachments').get(taken.id))?.ownerId).toBe(amended.id)
    expect((await database().records('attachments').get(photo.id))?.ownerId).toBe(visit.id)

    const live = (await database().records('correctiveActions').toArray()).filter((a) => a.deleted === 0)
    expect(live.map((a) => [a.inspectionId === amended.id, a.code, a.status]).sort()).toEqual([
      [true, 'A1', 'fixed'],
      [true, 'D2', 'open'],
    ])
    expect((await database().records('correctiveActions').toArray()).find((a) => a.code === 'C1')?.deleted).toBe(1)
    const withdrawn = (await database().records('auditLog').toArray()).filter((e) => e.action === 'correctiveAction.withdraw')
    expect(withdrawn).toHaveLength(1)
  })
})
