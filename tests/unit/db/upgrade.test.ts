/**
 * The pattern every schema version follows: build a database exactly as an older version of the
 * app left it (its store definitions frozen here, its rows as that version wrote them), then open
 * it with the current LobbyDeskDatabase and check that every row is still there and upgraded.
 * Each new version adds its case with the real rows the version before it wrote.
 */
import { describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import * as v from 'valibot'
import { CURRENT_SCHEMA_VERSION, LobbyDeskDatabase } from '@/db/schema'
import { closeDatabase, useDatabase } from '@/db/connection'
import { publishOutletStandings } from '@/db/repositories/counter/outletStandings'
import { RECORD_SCHEMAS } from '@/domain/model/records'

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

/** Store definitions of schema v2 as shipped (the lobby's tables added). */
const SHIPPED_V2 = {
  appointments: 'id, [branchId+businessDate], clientId, visitId',
  dutySessions: 'id, [branchId+businessDate], servicePointId, staffId',
  dayClosures: 'id, [branchId+businessDate]',
  complaints: 'id, [branchId+status], visitId, clientId, dueAt',
}

/** Store definitions of schema v3 as shipped (VIP care and the wealth room). */
const SHIPPED_V3 = {
  clients: 'id, branchId, *searchKeys, phone, idNumber, birthdayMonthDay, vipTier, segment, maintainerId, [maintainerId+nextCareOn], productMaintainerId',
  appointments: 'id, [branchId+businessDate], clientId, visitId, staffId',
  contacts: 'id, clientId, staffId, at, [staffId+at], [branchId+businessDate]',
  vipAssignments: 'id, clientId, primaryStaffId, productStaffId',
  tierChanges: 'id, clientId, at, [branchId+businessDate]',
  balanceSnapshots: 'id, [clientId+asOf]',
  holdings: 'id, clientId, maturesOn',
  roomSessions: 'id, [branchId+businessDate], servicePointId, staffId, clientId, visitId',
  wealthAlerts: 'id, [branchId+status], clientId, key',
  staffPages: 'id, [staffId+read], visitId',
  accessGrants: 'id, granteeId',
}

/** Store definitions of schema v4 as shipped (the low counter). */
const SHIPPED_V4 = {
  offers: 'id, clientId, staffId, [branchId+businessDate], at, groupId, [followUpStaffId+followUpOn], saleStatus, referralId',
  referrals: 'id, [branchId+status], referrerId, toStaffId, clientId, [branchId+businessDate]',
  pointEntries: 'id, [staffId+quarter], quarter, saleId, [branchId+quarter]',
  quarterClosures: 'id, [branchId+quarter]',
  pointTotals: '[staffId+quarter], quarter',
}

/** Store definitions of schema v5 as shipped (inspection). */
const SHIPPED_V5 = {
  inspections: 'id, branchId, inspectorId, date, status, [inspectorId+halfMonth], [branchId+date], amends',
  inspectionPlans: 'id, [inspectorId+halfMonth], halfMonth',
  correctiveActions: 'id, inspectionId, [branchId+status], dueDate',
  periodVetoes: 'id, [branchId+quarter], quarter',
  inspectionAwards: 'id, quarter, branchId',
  attachments: 'id, [ownerTable+ownerId], exportedAt',
}

/** Store definitions of schema v6 as shipped (synchronisation). */
const SHIPPED_V6 = {
  syncRevisions: 'doc',
  syncBases: 'doc',
}

const base = { createdAt: 1_764_000_000_000, updatedAt: 1_764_000_000_000, deviceId: 'old-device', hlc: '1764000000000-0000-old-device', deleted: 0 }

/** The schema as each version shipped it, in order. */
const SHIPPED = [SHIPPED_V1, SHIPPED_V2, SHIPPED_V3, SHIPPED_V4, SHIPPED_V5, SHIPPED_V6]

/** A database declared as the app shipped it up to a version (not yet opened). */
function shippedDatabase(name: string, indexedDB: IDBFactory, upTo: number): Dexie {
  const old = new Dexie(name, { indexedDB, IDBKeyRange })
  SHIPPED.slice(0, upTo).forEach((stores, i) => old.version(i + 1).stores(stores))
  return old
}

describe('opening data that an older version wrote', () => {
  it('schema v1 data opens under the current schema with every row and index intact, upgraded to v2', async () => {
    const indexedDB = new IDBFactory()
    const old = shippedDatabase('upgrade-test', indexedDB, 1)
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

  it('schema v2 data (a lobby day) opens under v3 and on: clients gain care fields, bookings a manager-less room-less half hour', async () => {
    const indexedDB = new IDBFactory()
    const old = shippedDatabase('upgrade-v2', indexedDB, 2)
    await old.open()
    const branchId = '5a9d3e1c-2b4f-4c6d-8e7f-9a0b1c2d3e4f'
    const clientId = '6f1c2a56-8a8f-4b43-9c55-1b2a3c4d5e6f'
    await old.table('clients').add({ ...base, id: clientId, branchId, surname: '王', givenName: '建国', addressAs: '王总', gender: 'M', phone: '13800001234', idType: null, idNumber: null, cardTails: [], birthday: '1970-03-01', birthdayMonthDay: '03-01', segment: 'high', occupation: '', savingsFen: 50_000_000, totalAssetsFen: 80_000_000, vipTier: 'platinum', vipDesignation: null, riskRating: 'C3', riskRatedOn: '2026-01-10', tags: [], marketingConsent: 1, clientSince: '2015-06-01', searchKeys: ['wjg', '1234'] })
    await old.table('appointments').add({ ...base, id: '0f8fad5b-d9cb-469f-a165-70867728950e', branchId, businessDate: '2026-11-20', at: base.createdAt, clientId, name: '', phone: null, purpose: 'cash', zone: 'high_counter', note: '大额取现 20 万元', status: 'booked', visitId: null, createdBy: null })
    await old.table('contacts').add({ ...base, id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427', branchId, clientId, staffId: '3c9d6b2e-1f4a-4b5c-8d7e-6f5a4b3c2d1e', at: Date.UTC(2026, 10, 20, 2), channel: 'telephone', note: '回访', details: {} })
    old.close()

    const current = new LobbyDeskDatabase('upgrade-v2', { indexedDB, IDBKeyRange })
    await current.open()
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION)
    const client = await current.records('clients').get(clientId)
    expect(client).toMatchObject({ surname: '王', vipTier: 'platinum', channelPrefs: [], maintainerId: null, productMaintainerId: null, tierPending: null, nextCareOn: null, lastContactAt: null, careDone: [] })
    expect(v.safeParse(RECORD_SCHEMAS.clients, client).success).toBe(true)
    const booking = await current.records('appointments').get('0f8fad5b-d9cb-469f-a165-70867728950e')
    expect(booking).toMatchObject({ staffId: null, servicePointId: null, durationMinutes: 30, note: '大额取现 20 万元' })
    expect(v.safeParse(RECORD_SCHEMAS.appointments, booking).success).toBe(true)
    const contact = await current.records('contacts').get('1b4e28ba-2fa1-41d2-883f-0016d3cca427')
    expect(contact).toMatchObject({ channel: 'phone', service: 'basic', occasion: null, nextStep: '', businessDate: '2026-11-20', note: '回访' })
    expect(v.safeParse(RECORD_SCHEMAS.contacts, contact).success).toBe(true)
    // The new indexes answer at once, and the new tables are there, empty.
    expect(await current.records('clients').orderBy('[maintainerId+nextCareOn]').count()).toBe(0)
    expect(await current.records('roomSessions').count()).toBe(0)
    current.close()
  })

  it('schema v3 data (offers as v1 wrote them) opens under v4: each offer is its own hand-picked conversation, an accepted one a settled sale worth no points', async () => {
    const indexedDB = new IDBFactory()
    const old = shippedDatabase('upgrade-v3', indexedDB, 3)
    await old.open()
    const branchId = '5a9d3e1c-2b4f-4c6d-8e7f-9a0b1c2d3e4f'
    const staffId = '3c9d6b2e-1f4a-4b5c-8d7e-6f5a4b3c2d1e'
    const offer = { ...base, branchId, clientId: '6f1c2a56-8a8f-4b43-9c55-1b2a3c4d5e6f', staffId, businessDate: '2026-10-12', at: Date.UTC(2026, 9, 12, 3), anchorCode: 'LOAN_MORTGAGE', details: { note: '客户表示考虑' } }
    await old.table('offers').add({ ...offer, id: '7d444840-9dc0-11d1-b245-5ffdce74fad2', productCode: 'EB_SMS', outcome: 'accepted' })
    await old.table('offers').add({ ...offer, id: '8d444840-9dc0-11d1-b245-5ffdce74fad2', productCode: 'FUND_BOND', outcome: 'interested' })
    old.close()

    const current = new LobbyDeskDatabase('upgrade-v3', { indexedDB, IDBKeyRange })
    await current.open()
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION)
    const accepted = await current.records('offers').get('7d444840-9dc0-11d1-b245-5ffdce74fad2')
    expect(accepted).toMatchObject({ groupId: '7d444840-9dc0-11d1-b245-5ffdce74fad2', reason: 'manual', points: 0, saleStatus: 'fulfilled', saleSettledOn: '2026-10-12', followUpOn: null, referralId: null, suitability: null, details: { note: '客户表示考虑' } })
    expect(v.safeParse(RECORD_SCHEMAS.offers, accepted).success).toBe(true)
    const interested = await current.records('offers').get('8d444840-9dc0-11d1-b245-5ffdce74fad2')
    expect(interested).toMatchObject({ saleStatus: null, saleSettledOn: null, recordingRef: null, riskDisclosureAckAt: null })
    expect(v.safeParse(RECORD_SCHEMAS.offers, interested).success).toBe(true)
    // The new indexes answer, and the ledger, referrals, closures and local totals are there, empty.
    expect(await current.records('offers').where('saleStatus').equals('fulfilled').count()).toBe(1)
    expect(await current.records('offers').orderBy('[followUpStaffId+followUpOn]').count()).toBe(0)
    expect(await current.records('pointEntries').where('[staffId+quarter]').equals([staffId, '2026Q4']).count()).toBe(0)
    expect(await current.records('referrals').count()).toBe(0)
    expect(await current.records('quarterClosures').count()).toBe(0)
    expect(await current.pointTotals.where('quarter').equals('2026Q4').count()).toBe(0)
    current.close()
  })

  it('schema v4 data (a visit and a photo as v1 wrote them) opens under v5: the visit is an on-site visit of its half month with no answers, the photo not yet exported', async () => {
    const indexedDB = new IDBFactory()
    const old = shippedDatabase('upgrade-v4', indexedDB, 4)
    await old.open()
    const visit = { ...base, id: '9a444840-9dc0-11d1-b245-5ffdce74fad2', templateId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427', templateVersion: 1, branchId: '5a9d3e1c-2b4f-4c6d-8e7f-9a0b1c2d3e4f', inspectorId: '3c9d6b2e-1f4a-4b5c-8d7e-6f5a4b3c2d1e', date: '2026-11-16', status: 'submitted', details: { score: 92 } }
    await old.table('inspections').add(visit)
    await old.table('inspections').add({ ...visit, id: 'aa444840-9dc0-11d1-b245-5ffdce74fad2', date: '2026-11-15', status: 'draft' })
    await old.table('attachments').add({ ...base, id: 'ba444840-9dc0-11d1-b245-5ffdce74fad2', ownerTable: 'inspections', ownerId: visit.id, mimeType: 'image/jpeg', blob: new Blob(['photo'], { type: 'image/jpeg' }), width: 1600, height: 1200 })
    old.close()

    const current = new LobbyDeskDatabase('upgrade-v4', { indexedDB, IDBKeyRange })
    await current.open()
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION)
    const submitted = await current.records('inspections').get(visit.id)
    expect(submitted).toMatchObject({ kind: 'on_site', halfMonth: '2026-11-H2', answers: {}, vetoes: [], submittedAt: base.updatedAt, summary: null, amends: null, amendReason: '', details: { score: 92 } })
    expect(v.safeParse(RECORD_SCHEMAS.inspections, submitted).success).toBe(true)
    const draft = await current.records('inspections').get('aa444840-9dc0-11d1-b245-5ffdce74fad2')
    expect(draft).toMatchObject({ halfMonth: '2026-11-H1', submittedAt: null, startedAt: base.createdAt })
    expect(v.safeParse(RECORD_SCHEMAS.inspections, draft).success).toBe(true)
    const photo = await current.records('attachments').get('ba444840-9dc0-11d1-b245-5ffdce74fad2')
    expect(photo?.exportedAt).toBeNull()
    // The new indexes answer, and the new tables are there, empty.
    expect(await current.records('inspections').where('[inspectorId+halfMonth]').equals([visit.inspectorId, '2026-11-H2']).count()).toBe(1)
    expect(await current.records('correctiveActions').count()).toBe(0)
    expect(await current.records('inspectionPlans').count()).toBe(0)
    expect(await current.records('periodVetoes').count()).toBe(0)
    expect(await current.records('inspectionAwards').count()).toBe(0)
    current.close()
  })

  it('schema v5 data (a branch with changes never synchronised) opens under v6: every record and every outbox entry stays, so the first synchronisation pushes them all', async () => {
    const indexedDB = new IDBFactory()
    const old = shippedDatabase('upgrade-v5', indexedDB, 5)
    await old.open()
    const branch = { ...base, id: '5a9d3e1c-2b4f-4c6d-8e7f-9a0b1c2d3e4f', code: 'BJ001', name: '城东支行', group: 'backbone', regionCode: 'BJ', regionName: '滨江分行', address: '', phone: '' }
    await old.table('branches').add(branch)
    await old.table('outbox').add({ table: 'branches', recordId: branch.id, op: 'put', hlc: base.hlc, at: base.createdAt })
    await old.table('local').add({ key: 'deviceId', value: 'old-device' })
    old.close()

    const current = new LobbyDeskDatabase('upgrade-v5', { indexedDB, IDBKeyRange })
    await current.open()
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION)
    expect(await current.records('branches').get(branch.id)).toEqual(branch)
    expect(await current.outbox.toArray()).toEqual([{ seq: 1, table: 'branches', recordId: branch.id, op: 'put', hlc: base.hlc, at: base.createdAt }])
    // Nothing has met a hub yet: no revisions, no merge bases.
    expect(await current.syncRevisions.count()).toBe(0)
    expect(await current.syncBases.count()).toBe(0)
    current.close()
  })
  it('schema v6 data (a quarter closed on a synchronised terminal) opens under v7: its records, hub revisions and kept totals stay, and the outlet has published nothing yet', async () => {
    const indexedDB = new IDBFactory()
    const old = shippedDatabase('upgrade-v6', indexedDB, 6)
    await old.open()
    const branchId = '5a9d3e1c-2b4f-4c6d-8e7f-9a0b1c2d3e4f'
    const staffId = '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5'
    const entry = { ...base, id: '1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b', branchId, staffId, kind: 'provisional', points: 15, businessDate: '2026-09-30', quarter: '2026Q3', saleId: '2f3a4b5c-6d7e-4f8a-9b0c-1d2e3f4a5b6c', share: 'seller', productCode: 'CARD_CREDIT', reason: '', at: base.createdAt, byStaffId: staffId }
    const closure = {
      ...base,
      id: '3a4b5c6d-7e8f-4a9b-8c0d-2e3f4a5b6c7d',
      branchId,
      quarter: '2026Q3',
      verifiedAt: base.createdAt,
      verifiedBy: staffId,
      closedAt: base.createdAt,
      closedBy: staffId,
      standings: [{ staffId, staffNo: '9005', name: '周婷', branchId, role: 'low_counter', finalPoints: 0, provisionalPoints: 15, acceptedProducts: 1, rank: 1, rewarded: 1, bottomFive: 0, exitWarning: 0, band: 'piece_rate' }],
    }
    await old.table('pointEntries').add(entry)
    await old.table('quarterClosures').add(closure)
    await old.table('pointTotals').add({ staffId, quarter: '2026Q3', branchId, provisional: 15, final: 0, accepted: 1, lastSaleAt: base.createdAt })
    await old.table('syncRevisions').add({ doc: `quarterClosures:${closure.id}`, rev: '2-abc' })
    old.close()

    const current = new LobbyDeskDatabase('upgrade-v6', { indexedDB, IDBKeyRange })
    await current.open()
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION)
    expect(await current.records('pointEntries').get(entry.id)).toEqual(entry)
    expect(await current.records('quarterClosures').get(closure.id)).toEqual(closure)
    expect(v.safeParse(RECORD_SCHEMAS.quarterClosures, closure).success).toBe(true)
    expect(await current.pointTotals.count()).toBe(1)
    expect(await current.syncRevisions.get(`quarterClosures:${closure.id}`)).toEqual({ doc: `quarterClosures:${closure.id}`, rev: '2-abc' })
    // Nothing published yet; the first sync round publishes the closed quarter as the closure kept it.
    expect(await current.records('outletStandings').count()).toBe(0)
    await useDatabase(current)
    expect(await publishOutletStandings(branchId, '2026-11-25')).toBe(2)
    const published = await current.records('outletStandings').where('[branchId+quarter]').equals([branchId, '2026Q3']).first()
    expect(published).toMatchObject({ closedAt: closure.closedAt, people: [{ staffId, staffNo: '9005', roles: ['low_counter'], provisionalPoints: 15, acceptedProducts: 1, lastSaleAt: base.createdAt }] })
    closeDatabase()
  })
})
