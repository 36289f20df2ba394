// @vitest-environment node
import { parse } from 'acorn'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CouchClient, type CouchDoc } from '@/db/sync/couch'
import { designDocument } from '../../../scripts/hubDesign.mjs'
import { setUpHub } from '../../../scripts/hubSetup.mjs'
import { startHub } from '../../support/hub'
import { SHIPPED_TEMPLATE_ID } from '@/domain/inspection/defaultTemplate'

/**
 * The hub's validation (scripts/hubDesign.mjs) as the test hub runs it: documents written through
 * the app's own client by a branch terminal's user and inspectors' users, as set up by the script,
 * in the regional database unless a test says the branch's own.
 */
let hub: Awaited<ReturnType<typeof startHub>>
const ADMIN = { username: 'hubadmin', password: 'admin-secret' }
let branch: CouchClient
let inspector: CouchClient
let otherInspector: CouchClient
/** The branch terminal in its branch's own database. */
let branchOwn: CouchClient

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

/** What every new record carries: a new id, when it was made, the maker's stamps, not deleted. */
function newRecord(deviceId: string) {
  return { id: crypto.randomUUID(), createdAt: 1_796_000_000_000, ...stamps(deviceId), deleted: 0 }
}

function inspection(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...newRecord('inspector-tablet'),
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
  const config = { region: { code: 'BJ', database: 'region-bj' }, branches: [{ code: 'BJ001', terminals: ['bj001-head'] }], inspectors: ['bj-inspector-01', 'bj-inspector-02'] }
  const { passwords } = await setUpHub({ url: hub.url, admin: ADMIN, config, log: () => {} })
  const client = (username: string, database = 'region-bj') => new CouchClient({ url: hub.url, database, credentials: { username, password: passwords[username]! } })
  branch = client('bj001-head')
  inspector = client('bj-inspector-01')
  otherInspector = client('bj-inspector-02')
  branchOwn = client('bj001-head', 'branch-bj001')
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
  it('lets a draft inspection change freely on the inspectors’ tablets', async () => {
    const draft = await stored(inspector, 'inspections', inspection({ status: 'draft', summary: null }))
    const { rev } = await inspector.putDoc(edited(draft, { answers: {} }, 'inspector-tablet'))
    await expect(otherInspector.putDoc(edited({ ...draft, _rev: rev }, { date: '2026-12-04' }, 'inspector-tablet-2'))).resolves.toMatchObject({ rev: expect.stringMatching(/^3-/) })
  })

  it('refuses any change to a ledger entry, and takes a new one', async () => {
    const entry = await stored(branch, 'pointEntries', { ...newRecord('branch-counter'), staffId: crypto.randomUUID(), quarter: '2026Q4', points: 12, kind: 'provisional' })
    await expect(branch.putDoc(edited(entry, { points: 120 }))).rejects.toMatchObject({ kind: 'forbidden', reason: 'a pointEntries record is written once and never changed: record a correction instead' })
    await expect(branch.putDoc(edited(entry, { deleted: 1 }))).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(branch.putDoc(edited(entry, {}))).resolves.toMatchObject({ rev: expect.stringMatching(/^2-/) })
  })

  it('closes an open quarter but never reopens or rewrites a closed one', async () => {
    const quarter = await stored(branch, 'quarterClosures', { ...newRecord('branch-head'), quarter: '2026Q3', verifiedAt: 1_796_000_000_000, closedAt: null, closedBy: null, standings: [] })
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

/** A corrective action as an inspection's submission raises it. */
function correctiveAction(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...newRecord('inspector-tablet'),
    inspectionId: crypto.randomUUID(),
    branchId: crypto.randomUUID(),
    source: 'item',
    code: 'A-2',
    owner: '9011',
    raisedOn: '2026-12-02',
    dueDate: '2026-12-09',
    status: 'open',
    fixedOnSpot: false,
    timeline: [{ on: '2026-12-02', by: '9014', status: 'open', via: 'visit', note: '未起身迎候', photoIds: [] }],
    ...fields,
  }
}

const FIXED_STEP = { on: '2026-12-04', by: '9001', status: 'fixed', via: 'manual', note: '已组织晨会培训', photoIds: [] }

describe('what the inspectors keep in the regional database', () => {
  it('takes half-month plans, period vetoes and awards from inspectors’ tablets only', async () => {
    const plan = { ...newRecord('inspector-tablet'), halfMonth: '2026-12-H1', inspectorId: crypto.randomUUID(), branchIds: [crypto.randomUUID()] }
    const veto = { ...newRecord('inspector-tablet'), vetoCode: 'V-1', finding: '客户投诉属实', photoIds: [], witnesses: [], branchId: crypto.randomUUID(), quarter: '2026Q4', enteredBy: crypto.randomUUID() }
    const award = { ...newRecord('inspector-tablet'), quarter: '2026Q3', branchId: crypto.randomUUID(), group: 'backbone', outcome: 'red_flag', subsidyFen: 500_000, penaltyPoints: 0, penaltyReasons: [], awardedAt: 1_796_000_000_000, awardedBy: null }
    for (const [table, record] of [['inspectionPlans', plan], ['periodVetoes', veto], ['inspectionAwards', award]] as const) {
      await expect(branch.putDoc(docOf(table, record))).rejects.toMatchObject({ kind: 'forbidden', reason: "half-month plans, period vetoes and awards are written on an inspector's tablet only" })
    }
    const savedPlan = await stored(inspector, 'inspectionPlans', plan)
    await stored(inspector, 'periodVetoes', veto)
    await stored(inspector, 'inspectionAwards', award)
    await expect(branch.putDoc(edited(savedPlan, { branchIds: [] }))).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(otherInspector.putDoc(edited(savedPlan, { branchIds: [] }, 'inspector-tablet-2'))).resolves.toMatchObject({ rev: expect.stringMatching(/^2-/) })
  })

  it('takes score sheets from inspectors’ tablets; a branch terminal only installs the shipped sheet where none has arrived', async () => {
    const sheet = (version: number) => ({ ...newRecord('branch-head'), code: 'WINDOW', version, name: '窗口服务检查计分表', sections: [], vetoes: [], gradeBands: [], active: 1 })
    // A version 1 of the branch's own making is not the shipped sheet.
    await expect(branch.putDoc(docOf('inspectionTemplates', sheet(1)))).rejects.toMatchObject({ kind: 'forbidden' })
    const installed = await stored(branch, 'inspectionTemplates', { ...sheet(1), id: SHIPPED_TEMPLATE_ID })
    await expect(branch.putDoc(docOf('inspectionTemplates', sheet(2)))).rejects.toMatchObject({ kind: 'forbidden', reason: expect.stringContaining("score sheets are edited on an inspector's tablet only") })
    await expect(branch.putDoc(edited(installed, { active: 0 }))).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(branch.putDoc(edited(installed, {}))).resolves.toMatchObject({ rev: expect.stringMatching(/^2-/) })
    await expect(inspector.putDoc(docOf('inspectionTemplates', sheet(2)))).resolves.toMatchObject({ rev: expect.stringMatching(/^1-/) })
  })

  it('takes a new inspection from an inspector’s tablet only, and leaves one in progress to the inspectors', async () => {
    await expect(branch.putDoc(docOf('inspections', inspection({ status: 'draft', summary: null })))).rejects.toMatchObject({ kind: 'forbidden', reason: "an inspection is recorded on an inspector's tablet only" })
    // Not even one that arrives already signed off: a branch cannot put a visit of its own on record.
    await expect(branch.putDoc(docOf('inspections', inspection({ status: 'acknowledged', acknowledgement: ACKNOWLEDGEMENT })))).rejects.toMatchObject({ kind: 'forbidden' })
    const draft = await stored(inspector, 'inspections', inspection({ status: 'draft', summary: null }))
    await expect(branch.putDoc(edited(draft, { answers: {} }))).rejects.toMatchObject({ kind: 'forbidden', reason: "an inspection in progress is changed on the inspector's tablet only" })
  })

  it('lets a branch mark a corrective action fixed with its step, and nothing more', async () => {
    await expect(branch.putDoc(docOf('correctiveActions', correctiveAction()))).rejects.toMatchObject({ kind: 'forbidden', reason: expect.stringContaining('may only mark a corrective action fixed') })
    const action = await stored(inspector, 'correctiveActions', correctiveAction())
    const open = action.record.timeline as unknown[]
    await expect(branch.putDoc(edited(action, { status: 'verified', timeline: [...open, { ...FIXED_STEP, status: 'verified' }] }))).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(branch.putDoc(edited(action, { status: 'fixed', timeline: [{ ...FIXED_STEP }] }))).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(branch.putDoc(edited(action, { status: 'fixed', timeline: [...open, FIXED_STEP], dueDate: '2026-12-31' }))).rejects.toMatchObject({ kind: 'forbidden' })
    const { rev } = await branch.putDoc(edited(action, { status: 'fixed', timeline: [...open, FIXED_STEP] }))
    const fixed = edited({ ...action, _rev: rev, record: { ...action.record, status: 'fixed', timeline: [...open, FIXED_STEP] } }, {})
    // The re-check is the inspector's.
    await expect(branch.putDoc(edited(fixed, { status: 'verified', timeline: [...open, FIXED_STEP, { ...FIXED_STEP, status: 'verified' }] }))).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(inspector.putDoc(edited(fixed, { status: 'verified', timeline: [...open, FIXED_STEP, { ...FIXED_STEP, by: '9014', status: 'verified' }] }, 'inspector-tablet'))).resolves.toMatchObject({ rev: expect.stringMatching(/^3-/) })
  })

  it('leaves a branch’s own database, where a branch without a region keeps its inspections, to the branch’s terminals', async () => {
    const draft = await stored(branchOwn, 'inspections', inspection({ status: 'draft', summary: null }))
    await expect(branchOwn.putDoc(edited(draft, { answers: {} }))).resolves.toMatchObject({ rev: expect.stringMatching(/^2-/) })
    await expect(branchOwn.putDoc(docOf('inspectionPlans', { ...newRecord('branch-head'), halfMonth: '2026-12-H1', inspectorId: crypto.randomUUID(), branchIds: [] }))).resolves.toMatchObject({ rev: expect.stringMatching(/^1-/) })
    await expect(branchOwn.putDoc(docOf('correctiveActions', correctiveAction()))).resolves.toMatchObject({ rev: expect.stringMatching(/^1-/) })
  })
})

describe('an outlet’s published quarter standings', () => {
  const standings = (fields: Record<string, unknown> = {}) => ({
    ...newRecord('branch-counter'),
    branchId: crypto.randomUUID(),
    quarter: '2026Q3',
    closedAt: null,
    people: [{ staffId: crypto.randomUUID(), staffNo: '9005', name: '周婷', roles: ['low_counter'], finalPoints: 2_400, provisionalPoints: 15, acceptedProducts: 40, lastSaleAt: 1_796_000_000_000 }],
    ...fields,
  })

  it('change as often as the open quarter moves, and never once published closed', async () => {
    const open = await stored(branch, 'outletStandings', standings())
    const { rev } = await branch.putDoc(edited(open, { people: [] }, 'branch-counter-2'))
    const closing = edited({ ...open, _rev: rev }, { closedAt: 1_796_000_200_000 })
    const closed = { ...closing, _rev: (await branch.putDoc(closing)).rev }
    await expect(branch.putDoc(edited(closed, { closedAt: null }))).rejects.toMatchObject({ kind: 'forbidden', reason: expect.stringContaining('a closed quarter cannot be reopened') })
    await expect(branch.putDoc(edited(closed, { people: [] }))).rejects.toMatchObject({ kind: 'forbidden' })
    // The same closed standings from another terminal of the outlet are no change.
    await expect(branch.putDoc(edited(closed, {}, 'branch-counter-2'))).resolves.toMatchObject({ rev: expect.stringMatching(/^4-/) })
  })
})
