// @vitest-environment node
// Node rather than jsdom: jsdom's Blob does not survive fake-indexeddb's structuredClone (see backup.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { today } from '../../support/counterSeed'
import { allPassed, picture, seedInspectionBranch } from '../../support/inspectionSeed'
import { database } from '@/db/connection'
import { writeRecords } from '@/db/write'
import { BackupError, setKdfIterationsForTests } from '@/db/backup'
import { exportInspections, importInspections } from '@/db/backup/exchange'
import { attachPhoto, saveDraft, startInspection, submitInspection } from '@/db/repositories/inspection/visits'

beforeAll(() => setKdfIterationsForTests(1_000))
afterAll(() => setKdfIterationsForTests(null))

const PASSPHRASE = 'hangzhou-2026'

/** On an inspector's tablet: one submitted visit with a photo on A1 and its corrective action. */
async function inspectorTablet() {
  await freshDatabase('inspector-tablet')
  const { branchId, inspector, template } = await seedInspectionBranch()
  const visit = await startInspection({ templateId: template.id, branchId, inspectorId: inspector.id, date: today, kind: 'on_site', observedWindows: [], observedStaffNos: [], context: { traffic: null, openCounters: null, team: [], accompaniedBy: '' } })
  const photo = await attachPhoto(visit.id, picture('photo'))
  const answers = allPassed(template)
  answers.A1 = { kind: 'deduct', occurrences: [{ staffNo: null, note: '营业时间牌破损', photoIds: [photo.id] }], fixedOnSpot: false, note: '' }
  await saveDraft(visit.id, answers, [])
  await submitInspection(visit.id, { image: picture('signature'), name: '蒋平', staffId: inspector.id }, today)
  return visit.id
}

describe('inspections exchanged as files', () => {
  it('exports a visit with its template, photos and actions; imported on another terminal it arrives once, again it changes nothing, a local difference is reported', async () => {
    const visitId = await inspectorTablet()
    const file = await exportInspections([visitId], PASSPHRASE)
    expect(file.counts).toEqual({ branches: 2, inspectionPlans: 0, periodVetoes: 0, inspectionAwards: 0, inspectionTemplates: 1, inspections: 1, correctiveActions: 1, attachments: 2 })
    expect((await database().records('attachments').toArray()).every((a) => a.exportedAt !== null)).toBe(true)
    // Its own file read back changes nothing: when a picture left is this tablet's bookkeeping, not a difference.
    expect(await importInspections(file.blob, PASSPHRASE)).toMatchObject({ conflicts: [], unchanged: 7 })

    // A terminal that holds nothing yet (a new inspector's tablet) receives the region's outlets with the visit.
    await freshDatabase('head-terminal')
    const first = await importInspections(file.blob, PASSPHRASE)
    expect(first.added).toEqual({ branches: 2, inspectionPlans: 0, periodVetoes: 0, inspectionAwards: 0, inspectionTemplates: 1, inspections: 1, correctiveActions: 1, attachments: 2 })
    expect((await database().records('inspections').get(visitId))?.summary?.earned).toBe(99)
    // Pictures that came in a file exist elsewhere too: they are not counted as only on this terminal.
    expect((await database().records('attachments').toArray()).every((a) => a.exportedAt !== null)).toBe(true)

    const again = await importInspections(file.blob, PASSPHRASE)
    expect(again).toMatchObject({ added: { inspections: 0, attachments: 0 }, unchanged: 7, conflicts: [] })
    expect(await database().records('inspections').count()).toBe(1)

    await writeRecords(['inspections'], (w) => w.update('inspections', visitId, { amendReason: '本地改动' }))
    const third = await importInspections(file.blob, PASSPHRASE)
    expect(third.conflicts).toEqual([{ table: 'inspections', id: visitId, newerIn: 'here' }])
    expect((await database().records('inspections').get(visitId))?.amendReason).toBe('本地改动')
  })

  it('a damaged file or a wrong passphrase changes nothing', async () => {
    const visitId = await inspectorTablet()
    const file = await exportInspections([visitId], PASSPHRASE)
    await freshDatabase('head-terminal-2')
    const bytes = new Uint8Array(await file.blob.arrayBuffer())
    bytes[bytes.length - 10] = bytes[bytes.length - 10] === 65 ? 66 : 65
    await expect(importInspections(new Blob([bytes]), PASSPHRASE)).rejects.toBeInstanceOf(BackupError)
    await expect(importInspections(file.blob, 'wrong-passphrase')).rejects.toBeInstanceOf(BackupError)
    expect(await database().records('inspections').count()).toBe(0)
  })
})
