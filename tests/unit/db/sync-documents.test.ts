// @vitest-environment node
// Node rather than jsdom: the pictures are real Blobs, read back byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { seedCounterBranch } from '../../support/counterSeed'
import { picture, seedInspectionBranch } from '../../support/inspectionSeed'
import { attachPhoto, startInspection } from '@/db/repositories/inspection/visits'
import { fromHubDoc, hubDocId, toHubDoc, type HubDoc } from '@/db/sync/documents'
import { CouchClient } from '@/db/sync/couch'
import { startHub } from '../../support/hub'

let hub: Awaited<ReturnType<typeof startHub>>
beforeAll(async () => {
  hub = await startHub()
})
afterAll(async () => {
  await hub.stop()
})

describe('records as hub documents', () => {
  it('a client travels as a document named by its table and id, and comes back equal', async () => {
    await freshDatabase()
    const { mortgageClient: client } = await seedCounterBranch()
    const doc = await toHubDoc('clients', client)
    expect(doc._id).toBe(hubDocId('clients', client.id))
    expect(fromHubDoc(doc)).toEqual({ ok: true, table: 'clients', record: client })
  })

  it('a photo travels as the document’s inline attachment and comes back byte for byte', async () => {
    await freshDatabase()
    const b = await seedInspectionBranch()
    const visit = await startInspection({ templateId: b.template.id, branchId: b.branchId, inspectorId: b.inspector.id, date: '2026-12-02', kind: 'on_site', observedWindows: [], observedStaffNos: [], context: { traffic: null, openCounters: null, team: [], accompaniedBy: '' } })
    const photo = await attachPhoto(visit.id, picture('门楣照片'))
    const doc = await toHubDoc('attachments', photo)
    expect(doc.record).not.toHaveProperty('blob')
    const back = fromHubDoc(JSON.parse(JSON.stringify(doc)))
    if (!back.ok) throw new Error(back.reason)
    const blob = (back.record as typeof photo).blob
    expect(blob.type).toBe('image/jpeg')
    expect(await blob.text()).toBe('门楣照片')
  })

  it('a document that does not fit its table’s schema, names an unknown table or carries another id is refused with the reason', () => {
    expect(fromHubDoc({ _id: 'clients:x', table: 'clients', record: { id: 'x' } })).toMatchObject({ ok: false, id: 'clients:x' })
    expect(fromHubDoc({ _id: 'spaceships:1', record: {} } as never)).toMatchObject({ ok: false, reason: 'unknown table undefined' })
  })

  it('survives the hub: written with _bulk_docs, read back with _changes, still the same record', async () => {
    await freshDatabase()
    const { zhou: staff } = await seedCounterBranch()
    const hubDb = new CouchClient({ url: hub.url, database: 'branch-documents' })
    await hubDb.ensureDatabase()
    const [written] = await hubDb.bulkDocs([await toHubDoc('staff', staff)])
    expect(written?.ok).toBe(true)
    const { results } = await hubDb.changes<HubDoc>({ since: 0 })
    const arrived = fromHubDoc(results[0]!.doc!)
    expect(arrived).toEqual({ ok: true, table: 'staff', record: staff })
  })
})
