// @vitest-environment node
import { parse } from 'acorn'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CouchClient, type CouchDoc } from '@/db/sync/couch'
import { designDocument } from '../../../scripts/hubDesign.mjs'
import { setUpHub } from '../../../scripts/hubSetup.mjs'
import { startHub } from '../../support/hub'

/**
 * The hub's validation (scripts/hubDesign.mjs) as the test hub runs it: documents written through
 * the app's own client by a branch terminal's user and an inspector's user, as set up by the script.
 */
let hub: Awaited<ReturnType<typeof startHub>>
const ADMIN = { username: 'hubadmin', password: 'admin-secret' }
let branch: CouchClient
let inspector: CouchClient

interface RecordDoc extends CouchDoc {
  table: string
  record: Record<string, unknown>
}

let stampCount = 0
/** The write stamps a terminal gives each change. */
function stamps(deviceId: string) {
  stampCount += 1
  return { hlc: `${String(1_796_000_000_000 + stampCount).padStart(13, '0')}-0000-${deviceId}`, updatedAt: 1_796_000_000_000 + stampCount, deviceId }
}

function inspection(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: crypto.randomUUID(),
    createdAt: 1_796_000_000_000,
    ...stamps('inspector-tablet'),
    deleted: 0,
    branchId: crypto.randomUUID(),
    inspectorId: crypto.randomUUID(),
    date: '2026-12-02',
    status: 'submitted',
    answers: { 'A-1': { kind: 'pass', note: '' }, 'A-2': { kind: 'deduct', occurrences: [{ staffNo: '9011', note: '未起身迎候', photoIds: [] }], fixedOnSpot: false, note: '' } },
    summary: { earned: 98, applicableMax: 100, normalised: 98, grade: 'excellent' },
    acknowledgement: null,
    amends: null,
    amendReason: '',
    ...fields,
  }
}

const docOf = (table: string, record: Record<string, unknown>, rev?: string): RecordDoc => ({ _id: `${table}:${String(record.id)}`, ...(rev ? { _rev: rev } : {}), table, record })

/** Writes a record as a new document and returns it with its revision. */
async function stored(client: CouchClient, table: string, record: Record<string, unknown>): Promise<RecordDoc> {
  const doc = docOf(table, record)
  const { rev } = await client.putDoc(doc)
  return { ...doc, _rev: rev }
}

/** The stored document changed as a terminal would: new fields and its own stamps. */
function edited(doc: RecordDoc, changes: Record<string, unknown>, deviceId = 'branch-lobby'): RecordDoc {
  return { ...doc, record: { ...doc.record, ...changes, ...stamps(deviceId) } }
}

const ACKNOWLEDGEMENT = { attachmentId: crypto.randomUUID(), name: '赵建华', staffId: crypto.randomUUID(), signedAt: 1_796_000_100_000, role: 'branch_head' }

beforeAll(async () => {
  hub = await startHub()
  await fetch(`${hub.url}/_config/admins/${ADMIN.username}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN.password) })
  const config = { region: { code: 'BJ', database: 'region-bj' }, branches: [{ code: 'BJ001', terminals: ['bj001-head'] }], inspectors: ['bj-inspector-01'] }
  const { passwords } = await setUpHub({ url: hub.url, admin: ADMIN, config, log: () => {} })
  const client = (username: string) => new CouchClient({ url: hub.url, database: 'region-bj', credentials: { username, password: passwords[username]! } })
  branch = client('bj001-head')
  inspector = client('bj-inspector-01')
})

afterAll(async () => {
  await hub.stop()
})

describe('the validation function', () => {
  it('is ES5, the JavaScript CouchDB 3 runs', () => {
    // acorn (ESLint's own parser) knows each edition's syntax exactly.
    expect(() => parse(`(${designDocument().validate_doc_update})`, { ecmaVersion: 5 })).not.toThrow()
  })
})

describe('a submitted inspection on the hub', () => {
  it("refuses a branch terminal's change to its answers, one document or in bulk", async () => {
    const visit = await stored(inspector, 'inspections', inspection())
    const rescored = edited(visit, { answers: { 'A-1': { kind: 'pass', note: '' }, 'A-2': { kind: 'pass', note: '' } } })
    await expect(branch.putDoc(rescored)).rejects.toMatchObject({ kind: 'forbidden', reason: "a submitted inspection cannot be changed: amend it from the inspector's tablet" })
    expect(await branch.bulkDocs([rescored])).toEqual([{ ok: false, id: visit._id, error: 'forbidden', reason: "a submitted inspection cannot be changed: amend it from the inspector's tablet" }])
  })

  it("takes the branch's acknowledgement, and nothing after it", async () => {
    const visit = await stored(inspector, 'inspections', inspection())
    const acknowledged = edited(visit, { status: 'acknowledged', acknowledgement: ACKNOWLEDGEMENT })
    const { rev } = await branch.putDoc(acknowledged)
    await expect(branch.putDoc(edited({ ...acknowledged, _rev: rev }, { acknowledgement: { ...ACKNOWLEDGEMENT, name: '钱敏' } }))).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(branch.putDoc(edited({ ...acknowledged, _rev: rev }, { status: 'draft', acknowledgement: null }))).rejects.toMatchObject({ kind: 'forbidden' })
  })

  it('refuses an acknowledgement that also changes the score', async () => {
    const visit = await stored(inspector, 'inspections', inspection())
    await expect(branch.putDoc(edited(visit, { status: 'acknowledged', acknowledgement: ACKNOWLEDGEMENT, summary: { earned: 100, applicableMax: 100, normalised: 100, grade: 'excellent' } }))).rejects.toMatchObject({ kind: 'forbidden' })
  })

  it("is amended only by a new inspection from an inspector's tablet", async () => {
    const visit = await stored(inspector, 'inspections', inspection())
    const amendment = () => docOf('inspections', inspection({ amends: visit.record.id, amendReason: '复核录像后更正 A-2' }))
    await expect(branch.putDoc(amendment())).rejects.toMatchObject({ kind: 'forbidden', reason: "only an inspector's tablet may write an amendment to an inspection" })
    await expect(inspector.putDoc(amendment())).resolves.toMatchObject({ rev: expect.stringMatching(/^1-/) })
  })

  it('cannot be changed by the inspector either, nor deleted', async () => {
    const visit = await stored(inspector, 'inspections', inspection())
    await expect(inspector.putDoc(edited(visit, { date: '2026-12-03' }, 'inspector-tablet'))).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(branch.putDoc({ ...visit, _deleted: true })).rejects.toMatchObject({ kind: 'forbidden', reason: 'a record is never deleted on the hub: the app marks it deleted instead' })
  })
})

describe('records the hub keeps as written', () => {
  it('lets a draft inspection change freely, from any terminal', async () => {
    const draft = await stored(inspector, 'inspections', inspection({ status: 'draft', summary: null }))
    const { rev } = await inspector.putDoc(edited(draft, { answers: {} }, 'inspector-tablet'))
    await expect(branch.putDoc(edited({ ...draft, _rev: rev }, { date: '2026-12-04' }))).resolves.toMatchObject({ rev: expect.stringMatching(/^3-/) })
  })

  it('refuses any change to a ledger entry, and takes a new one', async () => {
    const entry = await stored(branch, 'pointEntries', { id: crypto.randomUUID(), createdAt: 1_796_000_000_000, ...stamps('branch-counter'), deleted: 0, staffId: crypto.randomUUID(), quarter: '2026Q4', points: 12, kind: 'provisional' })
    await expect(branch.putDoc(edited(entry, { points: 120 }))).rejects.toMatchObject({ kind: 'forbidden', reason: 'a pointEntries record is written once and never changed: record a correction instead' })
    await expect(branch.putDoc(edited(entry, { deleted: 1 }))).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(branch.putDoc(edited(entry, {}))).resolves.toMatchObject({ rev: expect.stringMatching(/^2-/) })
  })

  it('closes an open quarter but never reopens or rewrites a closed one', async () => {
    const quarter = await stored(branch, 'quarterClosures', { id: crypto.randomUUID(), createdAt: 1_796_000_000_000, ...stamps('branch-head'), deleted: 0, quarter: '2026Q3', verifiedAt: 1_796_000_000_000, closedAt: null, closedBy: null, standings: [] })
    const closing = edited(quarter, { closedAt: 1_796_000_200_000, closedBy: crypto.randomUUID(), standings: [{ staffId: 'a', points: 40, rank: 1 }] })
    const closed = { ...closing, _rev: (await branch.putDoc(closing)).rev }
    await expect(branch.putDoc(edited(closed, { closedAt: null, closedBy: null }))).rejects.toMatchObject({ kind: 'forbidden', reason: expect.stringContaining('a closed quarter cannot be reopened') })
    await expect(branch.putDoc(edited(closed, { standings: [{ staffId: 'a', points: 400, rank: 1 }] }))).rejects.toMatchObject({ kind: 'forbidden' })
  })

  it('refuses a document whose id does not name its table and record', async () => {
    const record = inspection({ status: 'draft' })
    await expect(branch.putDoc({ _id: `inspections:${crypto.randomUUID()}`, table: 'inspections', record })).rejects.toMatchObject({ kind: 'forbidden', reason: expect.stringContaining('<table>:<record id>') })
    await expect(branch.putDoc({ _id: `clients:${String(record.id)}`, table: 'inspections', record })).rejects.toMatchObject({ kind: 'forbidden' })
  })

  it('leaves ticket counters (local documents) to the terminals', async () => {
    await expect(branch.putDoc({ _id: '_local/ticket-counter-2026-12-02', next: 5 })).resolves.toMatchObject({ id: '_local/ticket-counter-2026-12-02' })
  })
})
