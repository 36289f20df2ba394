// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { today } from '../../support/counterSeed'
import { allPassed, picture, seedInspectionBranch, type InspectionBranch } from '../../support/inspectionSeed'
import { amendInspection, attachPhoto, saveDraft, startInspection, submitInspection } from '@/db/repositories/inspection/visits'
import { actionsOfVisit, amendmentsOf, attachmentsByIds, branchSubmitted, getInspection, inspectorDrafts, inspectorSubmitted } from '@/db/repositories/inspection/visitQueries'
import { addDays } from '@/domain/time'

let b: InspectionBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedInspectionBranch()
})

const signed = () => ({ image: picture('signature'), name: '蒋平', staffId: b.inspector.id })

async function started(branchId: string, date = today) {
  return startInspection({ templateId: b.template.id, branchId, inspectorId: b.inspector.id, date, kind: 'on_site', observedWindows: [], observedStaffNos: [], context: { traffic: null, openCounters: null, team: [], accompaniedBy: '' } })
}

async function submitted(branchId: string, date: string) {
  const visit = await started(branchId, date)
  await saveDraft(visit.id, { ...allPassed(b.template), C1: { kind: 'deduct', occurrences: [{ staffNo: '9005', note: '未佩戴工号牌', photoIds: [] }], fixedOnSpot: false, note: '' } }, [])
  return submitInspection(visit.id, signed(), date)
}

describe('the visit screens’ reads', () => {
  it('an inspector’s drafts apart from their submitted visits, newest first', async () => {
    const draft = await started(b.branchId)
    const older = await submitted(b.branchId, addDays(today, -20))
    const newer = await submitted(b.otherBranchId, addDays(today, -2))
    expect((await inspectorDrafts(b.inspector.id)).map((v) => v.id)).toEqual([draft.id])
    expect((await inspectorSubmitted(b.inspector.id, 10)).map((v) => v.id)).toEqual([newer.id, older.id])
    expect(await inspectorSubmitted(b.inspector.id, 1)).toHaveLength(1)
    expect(await inspectorDrafts(b.head.id)).toEqual([])
  })

  it('an outlet’s submitted visits only, newest first', async () => {
    await started(b.branchId)
    const first = await submitted(b.branchId, addDays(today, -30))
    const second = await submitted(b.branchId, addDays(today, -1))
    await submitted(b.otherBranchId, today)
    expect((await branchSubmitted(b.branchId, 10)).map((v) => v.id)).toEqual([second.id, first.id])
  })

  it('a visit with the actions it raised and the amendment naming it', async () => {
    const original = await submitted(b.branchId, today)
    expect(await actionsOfVisit(original.id)).toMatchObject([{ code: 'C1', owner: '9005', status: 'open' }])
    expect(await amendmentsOf(original.id)).toEqual([])
    const amended = await amendInspection(original.id, { answers: allPassed(b.template), vetoes: [], reason: '工号牌已核实佩戴' }, signed(), today)
    expect((await amendmentsOf(original.id)).map((v) => v.id)).toEqual([amended.id])
    expect(await getInspection(amended.id)).toMatchObject({ amends: original.id, amendReason: '工号牌已核实佩戴' })
    expect(await getInspection('nobody')).toBeUndefined()
  })

  it('pictures by id, leaving out ids the terminal does not hold', async () => {
    const visit = await started(b.branchId)
    const photo = await attachPhoto(visit.id, picture('photo'))
    const found = await attachmentsByIds([photo.id, 'missing'])
    expect(found.map((a) => a.id)).toEqual([photo.id])
    expect(found[0]!.blob).toBeInstanceOf(Blob)
  })
})
