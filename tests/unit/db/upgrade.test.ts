/**
 * The pattern every schema version follows: build a database exactly as an older version of the
 * app left it (its store definitions frozen here, its rows as that version wrote them), then open
 * it with the current LobbyDeskDatabase and check that every row is still there and upgraded.
 * Each new version adds its case with the real rows the version before it wrote.
 */
import { describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { CURRENT_SCHEMA_VERSION, LobbyDeskDatabase } from '@/db/schema'

/** Store definitions of schema v1 as shipped: never edit, it is what terminals in the field hold. */
const SHIPPED_V1 = {
  branches: 'id, code, group, regionCode',
  servicePoints: 'id, branchId, [branchId+kind]',
  staff: 'id, staffNo, branchId, *roles',
  clients: 'id, branchId, *searchKeys, phone, idNumber, birthdayMonthDay, vipTier, segment',
  visits: 'id, [branchId+businessDate], clientId, arrivedAt',
  visitEvents: 'id, visitId, [branchId+businessDate], at',
  tickets: 'id, [branchId+businessDate+prefix+seq], [branchId+businessDate], visitId',
  products: 'id, code, category',
  bundleRules: 'id, anchorCode',
  offers: 'id, clientId, staffId, [branchId+businessDate], at',
  vipAssignments: 'id, clientId, primaryStaffId, productStaffId',
  contacts: 'id, clientId, staffId, at',
  inspectionTemplates: 'id, [code+version]',
  inspections: 'id, branchId, inspectorId, date, status',
  attachments: 'id, [ownerTable+ownerId]',
  settings: 'id, key',
  auditLog: 'id, at, [entity+entityId], actorId',
  outbox: '++seq, [table+recordId]',
  drafts: 'id, staffId',
  local: 'key',
}

const base = { createdAt: 1_764_000_000_000, updatedAt: 1_764_000_000_000, deviceId: 'old-device', hlc: '1764000000000-0000-old-device', deleted: 0 }

describe('opening data that an older version wrote', () => {
  it('schema v1 data opens under the current schema with every row and index intact, upgraded to v2', async () => {
    const indexedDB = new IDBFactory()
    const old = new Dexie('upgrade-test', { indexedDB, IDBKeyRange })
    old.version(1).stores(SHIPPED_V1)
    await old.open()
    await old.table('clients').add({ ...base, id: '6f1c2a56-8a8f-4b43-9c55-1b2a3c4d5e6f', branchId: '5a9d3e1c-2b4f-4c6d-8e7f-9a0b1c2d3e4f', surname: '欧阳', givenName: '磊', searchKeys: ['oyl', '8888'], birthdayMonthDay: '11-25', vipTier: 'gold', phone: '13800008888', idNumber: null, segment: 'high' })
    await old.table('outbox').add({ table: 'clients', recordId: '6f1c2a56-8a8f-4b43-9c55-1b2a3c4d5e6f', op: 'put', hlc: base.hlc, at: base.createdAt })
    await old.table('local').put({ key: 'deviceId', value: 'old-device' })
    // A visit as v1 wrote it: v2 adds appointmentId.
    await old.table('visits').add({ ...base, id: '0f8fad5b-d9cb-469f-a165-70867728950e', branchId: '5a9d3e1c-2b4f-4c6d-8e7f-9a0b1c2d3e4f', businessDate: '2026-11-20', clientId: null, purpose: 'cash', zone: 'high_counter', arrivedAt: base.createdAt, createdBy: null, details: {} })
    old.close()

    const current = new LobbyDeskDatabase('upgrade-test', { indexedDB, IDBKeyRange })
    await current.open()
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION)
    const found = await current.records('clients').where('searchKeys').startsWith('oy').toArray()
    expect(found.map((c) => c.surname)).toEqual(['欧阳'])
    expect(await current.records('clients').where('birthdayMonthDay').equals('11-25').count()).toBe(1)
    expect(await current.outbox.count()).toBe(1)
    expect((await current.local.get('deviceId'))?.value).toBe('old-device')
    // v1 → v2: the visit honours no appointment, and the lobby's new tables are there, empty.
    const visit = await current.records('visits').get('0f8fad5b-d9cb-469f-a165-70867728950e')
    expect(visit?.appointmentId).toBeNull()
    expect(visit?.purpose).toBe('cash')
    expect(await current.records('appointments').count()).toBe(0)
    expect(await current.records('dutySessions').where('[branchId+businessDate]').equals(['5a9d3e1c-2b4f-4c6d-8e7f-9a0b1c2d3e4f', '2026-11-20']).count()).toBe(0)
    current.close()
  })
})
