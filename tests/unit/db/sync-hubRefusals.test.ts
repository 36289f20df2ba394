// @vitest-environment node
/**
 * The hub's rules as terminals meet them through the replicator (issue 9), on the test hub prepared
 * by the setup script: an inspector's tablet and a branch terminal on the region's database, each
 * with its own user. A branch cannot rewrite a submitted inspection: the hub refuses the change, the
 * terminal says so, keeps the refused change in its audit log and takes the hub's version back; the
 * branch head's acknowledgement goes through. Wrong credentials and a revoked terminal are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHub } from '../../support/hub'
import { terminal, type Terminal } from '../../support/terminals'
import { allPassed, picture, seedInspectionBranch } from '../../support/inspectionSeed'
import { database } from '@/db/connection'
import { writeRecords } from '@/db/write'
import { CouchClient, HubError, type CouchDoc, type HubConnection } from '@/db/sync/couch'
import { syncOnce } from '@/db/sync/replicator'
import { acknowledgeInspection, saveDraft, startInspection, submitInspection } from '@/db/repositories/inspection/visits'
import type { Placement } from '@/domain/sync/databases'
import type { Inspection } from '@/domain/model/records'
import { setUpHub } from '../../../scripts/hubSetup.mjs'

const ADMIN = { username: 'hubadmin', password: 'admin-secret' }
const CONFIG = { region: { code: 'BJ', database: 'region-bj' }, branches: [{ code: 'BJ001', terminals: ['bj001-head', 'bj001-lobby'] }], inspectors: ['bj-inspector-01'] }
const REGION: Placement = { database: 'region', withRegion: true }
const TODAY = '2026-12-02'

let hub: Awaited<ReturnType<typeof startHub>>
let passwords: Record<string, string>
let inspectorTablet: Terminal
let branchTerminal: Terminal
let submitted: Inspection

function regionAs(username: string, password = passwords[username]!): HubConnection {
  return { url: hub.url, database: CONFIG.region.database, credentials: { username, password } }
}

beforeAll(async () => {
  hub = await startHub()
  await fetch(`${hub.url}/_config/admins/${ADMIN.username}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN.password) })
  ;({ passwords } = await setUpHub({ url: hub.url, admin: ADMIN, config: CONFIG, log: () => undefined }))

  inspectorTablet = terminal('inspector-tablet')
  submitted = await inspectorTablet.as(async () => {
    const b = await seedInspectionBranch()
    const draft = await startInspection({ templateId: b.template.id, branchId: b.branchId, inspectorId: b.inspector.id, date: TODAY, kind: 'unannounced', observedWindows: ['1号窗口'], observedStaffNos: ['9005'], context: { traffic: 'normal', openCounters: 4, team: ['蒋平'], accompaniedBy: '赵建华' } })
    await saveDraft(draft.id, allPassed(b.template), [])
    const visit = await submitInspection(draft.id, { image: picture('蒋平'), name: '蒋平', staffId: b.inspector.id }, TODAY)
    expect(await syncOnce(regionAs('bj-inspector-01'), {}, {}, REGION)).toMatchObject({ phase: 'current', pending: 0, refusedChanges: 0 })
    return visit
  })
  branchTerminal = terminal('bj001-head')
  await branchTerminal.as(() => syncOnce(regionAs('bj001-head'), {}, {}, REGION))
}, 60_000)
afterAll(() => hub.stop())

describe('a branch terminal and a submitted inspection', () => {
  it('has its rewrite of the answers refused: it says so, keeps what was refused on record, and holds the hub’s version again', async () => {
    const [item] = Object.keys(submitted.answers)
    await branchTerminal.as(async () => {
      // An item taken out of the scoring ("does not apply here"): the branch's own score would change.
      const answers = { ...submitted.answers, [item!]: { kind: 'not_applicable' as const, note: '本网点不适用' } }
      await writeRecords(['inspections'], (w) => w.update('inspections', submitted.id, { answers }))
      const status = await syncOnce(regionAs('bj001-head'), {}, {}, REGION)
      expect(status).toMatchObject({ phase: 'current', pending: 0, refusedChanges: 1 })
      const refusals = await database().records('auditLog').filter((e) => e.action === 'sync.push_refused' && e.entityId === submitted.id).toArray()
      expect(refusals).toHaveLength(1)
      expect(refusals[0]!.before).toMatchObject({ answers: { [item!]: { kind: 'not_applicable' } } })
      expect(refusals[0]!.after).toMatchObject({ error: 'forbidden' })
      expect((await database().records('inspections').get(submitted.id))?.answers).toEqual(submitted.answers)
    })
    const onHub = await new CouchClient(regionAs('bj-inspector-01')).getDoc<CouchDoc & { record: Inspection }>(`inspections:${submitted.id}`)
    expect(onHub?.record.answers).toEqual(submitted.answers)
  })

  it('has the branch head’s acknowledgement accepted, and the inspector’s tablet receives it', async () => {
    await branchTerminal.as(async () => {
      await acknowledgeInspection(submitted.id, { image: picture('赵建华'), name: '赵建华', staffId: null, role: 'branch_head' })
      expect(await syncOnce(regionAs('bj001-head'), {}, {}, REGION)).toMatchObject({ phase: 'current', pending: 0, refusedChanges: 0 })
    })
    await inspectorTablet.as(async () => {
      await syncOnce(regionAs('bj-inspector-01'), {}, {}, REGION)
      expect(await database().records('inspections').get(submitted.id)).toMatchObject({ status: 'acknowledged', acknowledgement: { name: '赵建华' } })
    })
  })
})

describe('who the hub lets in', () => {
  it('refuses a terminal with the wrong password as unauthorized', async () => {
    await branchTerminal.as(async () => {
      await expect(syncOnce(regionAs('bj001-head', 'not-the-password'), {}, {}, REGION)).rejects.toMatchObject({ kind: 'unauthorized' })
    })
  })

  it('refuses a revoked terminal from its next request on', async () => {
    const lobby = terminal('bj001-lobby')
    await lobby.as(() => syncOnce(regionAs('bj001-lobby'), {}, {}, REGION))
    await setUpHub({ url: hub.url, admin: ADMIN, config: { ...CONFIG, branches: [{ code: 'BJ001', terminals: ['bj001-head'] }] }, revoke: ['bj001-lobby'], log: () => undefined })
    const refused = await lobby.as(() => syncOnce(regionAs('bj001-lobby'), {}, {}, REGION).catch((err: unknown) => err))
    expect(refused).toBeInstanceOf(HubError)
    expect(refused).toMatchObject({ kind: 'unauthorized' })
  })
})
