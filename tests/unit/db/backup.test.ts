// @vitest-environment node
// Node rather than jsdom: jsdom's Blob does not survive fake-indexeddb's structuredClone (it comes
// back as a plain {}), while Node's Blob does, as a browser's does in real IndexedDB.
import { UNCARED_FOR } from '@/domain/clients/care'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../support/db'
import { CURRENT_SCHEMA_VERSION, type LobbyDeskDatabase } from '@/db/schema'
import { deviceId, getLocal, LOCAL_KEYS, setLocal } from '@/db/local'
import { setActor, setClock, writeRecords } from '@/db/write'
import {
  BackupError,
  checksumOf,
  createBackup,
  databaseChecksum,
  decryptPayload,
  encryptPayload,
  inspectBackup,
  restoreBackup,
  setKdfIterationsForTests,
  snapshotRecords,
  tableCounts,
  type BackupErrorKind,
} from '@/db/backup'
import { DEFAULT_KDF_ITERATIONS } from '@/db/backup/crypto'
import { isSecureContextAvailable, requestPersistentStorage, storageEstimate } from '@/db/storage'
import { RECORD_TABLES } from '@/domain/model/records'
import { compareHlc } from '@/domain/hlc'

const PASSPHRASE = '厅堂通-每日备份-2025'
const HEAD = { actorRoles: ['branch_head'] as const }
/** 2025-05-06 14:30 in Shanghai, the default branch time zone. */
const NOW = Date.UTC(2025, 4, 6, 6, 30)
const PHOTO = Uint8Array.from({ length: 256 }, (_, i) => i)

let db: LobbyDeskDatabase

beforeAll(() => setKdfIterationsForTests(1_000))
afterAll(() => {
  setKdfIterationsForTests(null)
  setClock(() => Date.now())
  setActor(null)
})
beforeEach(async () => {
  db = await freshDatabase()
  setClock(() => NOW)
})
afterEach(() => {
  vi.unstubAllGlobals()
})

interface Seeded {
  branchId: string
  clientIds: string[]
  attachmentId: string
}

async function seed(): Promise<Seeded> {
  return writeRecords(['branches', 'servicePoints', 'staff', 'clients', 'attachments', 'settings'], async (w) => {
    const branch = await w.insert('branches', { code: 'B001', name: '城南支行', group: 'flagship', regionCode: 'R01', regionName: '南区', address: '人民路 1 号', phone: '021-12345678' })
    await w.insert('servicePoints', { branchId: branch.id, kind: 'low_counter', number: 3, name: '3 号窗口', active: 1 })
    const head = await w.insert('staff', { branchId: branch.id, staffNo: '1001', surname: '李', givenName: '明', roles: ['branch_head'], pin: null, failedPinAttempts: 0, lockedUntil: null, active: 1 })
    setActor(head.id)
    const clients = []
    for (const [surname, givenName, savingsFen] of [['欧阳', '娜娜', 1_234_567], ['王', '强', 0], ['张', '伟', 99_000_000_00]] as const) {
      clients.push(
        await w.insert('clients', {
          branchId: branch.id, surname, givenName, addressAs: null, gender: 'F', phone: '13800138000', idType: null, idNumber: null,
          cardTails: ['1234'], birthday: '1980-02-29', birthdayMonthDay: '02-29', segment: 'mid', occupation: '教师', savingsFen,
          totalAssetsFen: savingsFen * 2, vipTier: null, vipDesignation: null, riskRating: 'C3', riskRatedOn: '2024-01-01', tags: ['家庭'],
          marketingConsent: 1, clientSince: '2020-01-01', searchKeys: ['oyn', '8000'], ...UNCARED_FOR,
        }, { action: 'clients.create' }),
      )
    }
    const first = clients[0]!
    await w.remove('clients', clients[1]!.id, { action: 'clients.delete' })
    const photo = await w.insert('attachments', { ownerTable: 'clients', ownerId: first.id, mimeType: 'image/png', blob: new Blob([PHOTO], { type: 'image/png' }), width: 16, height: 16, exportedAt: null })
    await w.insert('settings', { key: 'timeZone', value: 'Asia/Shanghai' })
    await setLocal(LOCAL_KEYS.branchId, branch.id)
    return { branchId: branch.id, clientIds: clients.map((c) => c.id), attachmentId: photo.id }
  })
}

async function wipe(): Promise<void> {
  await db.transaction('rw', RECORD_TABLES, async () => {
    for (const table of RECORD_TABLES) await db.table(table).clear()
  })
}

/** What a failed restore must leave exactly as it was. */
async function databaseState() {
  return { checksum: await databaseChecksum(), counts: await tableCounts(), outbox: await db.outbox.count(), branchId: await getLocal(LOCAL_KEYS.branchId) }
}

async function rejection(promise: Promise<unknown>, kind: BackupErrorKind): Promise<BackupError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(BackupError)
  expect((err as BackupError).kind).toBe(kind)
  return err as BackupError
}

interface RawPayload {
  app: string
  schemaVersion: number
  counts: Record<string, number>
  tables: Record<string, Record<string, unknown>[]>
}

/** A backup whose payload was changed and sealed again with the right passphrase. */
async function tampered(file: Blob, change: (payload: RawPayload) => void): Promise<Blob> {
  const payload = JSON.parse(await decryptPayload(file, PASSPHRASE)) as RawPayload
  change(payload)
  return encryptPayload(JSON.stringify(payload), PASSPHRASE)
}

/** The database's checksum leaving out the restore's own audit entry, the one row a restore adds. */
async function checksumWithoutRestoreEntry(): Promise<string> {
  const rows = await snapshotRecords()
  return checksumOf({ ...rows, auditLog: rows.auditLog.filter((entry) => entry.action !== 'backup.restore') })
}

describe('backup and restore', () => {
  it('at first run, an empty terminal can be restored without anyone signed in, and becomes that branch’s terminal', async () => {
    await seed()
    await setLocal(LOCAL_KEYS.region, { code: 'R01', name: '南区' })
    const backup = await createBackup(PASSPHRASE, HEAD)
    await wipe()
    await db.local.clear()

    const summary = await restoreBackup(backup.blob, PASSPHRASE, { firstRun: true })
    expect(await getLocal(LOCAL_KEYS.terminalKind)).toBe('branch')
    expect(await getLocal(LOCAL_KEYS.branchId)).toBe(summary.branchId)
    expect(await getLocal(LOCAL_KEYS.region)).toEqual({ code: 'R01', name: '南区' })
  })

  it('a terminal already in use cannot be overwritten through the first-run door', async () => {
    await seed()
    const backup = await createBackup(PASSPHRASE, HEAD)
    await setLocal(LOCAL_KEYS.terminalKind, 'branch')
    const before = await databaseState()
    await rejection(restoreBackup(backup.blob, PASSPHRASE, { firstRun: true }), 'not_allowed')
    expect(await databaseState()).toEqual(before)
  })

  it('gives back every table after a wipe: same counts and checksum, the blob byte for byte', async () => {
    const { attachmentId } = await seed()
    const before = { checksum: await databaseChecksum(), counts: await tableCounts() }

    const backup = await createBackup(PASSPHRASE, HEAD)
    expect(backup).toMatchObject(before)
    expect(backup.fileName).toBe('lobbydesk-B001-20250506-1430.ldbackup')
    expect(backup.blob.type).toBe('application/json')

    await wipe()
    const summary = await restoreBackup(backup.blob, PASSPHRASE, HEAD)

    expect(summary).toEqual({ createdAt: NOW, schemaVersion: CURRENT_SCHEMA_VERSION, branchId: expect.any(String), region: null, counts: before.counts, checksum: before.checksum })
    expect(await checksumWithoutRestoreEntry()).toBe(before.checksum)
    expect(await tableCounts()).toEqual({ ...before.counts, auditLog: before.counts.auditLog + 1 })

    const attachment = await db.records('attachments').get(attachmentId)
    expect(attachment?.blob).toBeInstanceOf(Blob)
    expect(attachment?.blob.type).toBe('image/png')
    expect(new Uint8Array(await attachment!.blob.arrayBuffer())).toEqual(PHOTO)
  })

  it('audits the backup after its snapshot and the restore inside its transaction, with counts and no client data', async () => {
    await seed()
    const backup = await createBackup(PASSPHRASE, HEAD)
    const created = await db.records('auditLog').filter((e) => e.action === 'backup.create').toArray()
    expect(created).toHaveLength(1)
    expect(created[0]!.after).toEqual({ fileName: backup.fileName, schemaVersion: CURRENT_SCHEMA_VERSION, counts: backup.counts, checksum: backup.checksum })
    expect((await tableCounts()).auditLog).toBe(backup.counts.auditLog + 1)

    await restoreBackup(backup.blob, PASSPHRASE, HEAD)
    const actions = (await db.records('auditLog').toArray()).map((e) => e.action)
    expect(actions).toContain('backup.restore')
    // The backup's own entry came after its snapshot: the restored data does not hold it.
    expect(actions).not.toContain('backup.create')
    const entry = (await db.records('auditLog').filter((e) => e.action === 'backup.restore').first())!
    expect(JSON.stringify(entry)).not.toContain('欧阳')
  })

  it('restores onto another terminal: keeps its device id, takes the branch, moves its clock past the data', async () => {
    const { branchId } = await seed()
    const backup = await createBackup(PASSPHRASE, HEAD)
    const newestRestored = (await snapshotRecords()).clients.map((c) => c.hlc).sort(compareHlc).at(-1)!

    db = await freshDatabase('replacement-tablet')
    setClock(() => NOW - 86_400_000) // this tablet's clock is a day behind
    const ownDevice = await deviceId()
    await db.drafts.put({ id: 's:f', staffId: 's', formKey: 'f', route: '/', data: {}, savedAt: 0 })
    await restoreBackup(backup.blob, PASSPHRASE, HEAD)

    expect(await deviceId()).toBe(ownDevice)
    expect(await getLocal(LOCAL_KEYS.branchId)).toBe(branchId)
    expect(await db.drafts.count()).toBe(0)
    expect(await db.outbox.count()).toBe(1) // the restore's audit entry, to be pushed later
    const next = await writeRecords(['settings'], (w) => w.insert('settings', { key: 'idleLockMinutes', value: 5 }))
    expect(compareHlc(next.hlc, newestRestored)).toBeGreaterThan(0)
  })

  it('inspects a file without writing anything', async () => {
    await seed()
    const backup = await createBackup(PASSPHRASE, HEAD)
    await wipe()
    const empty = await databaseState()
    const summary = await inspectBackup(backup.blob, PASSPHRASE)
    expect(summary.counts.clients).toBe(3)
    expect(summary.checksum).toBe(backup.checksum)
    expect(await databaseState()).toEqual(empty)
  })
})

describe('older backups', () => {
  it('a backup made under schema v1 (before the lobby tables) restores, its visits upgraded as Dexie upgrades stored ones', async () => {
    await seed()
    const backup = await createBackup(PASSPHRASE, HEAD)
    const v1 = await tampered(backup.blob, (payload) => {
      payload.schemaVersion = 1
      for (const table of ['appointments', 'dutySessions', 'dayClosures', 'complaints']) {
        delete payload.tables[table]
        delete payload.counts[table]
      }
    })
    // A visit as v1 wrote it: no appointmentId. The file's checksum covers the rows as stored.
    const withVisit = await tampered(v1, (payload) => {
      const branchId = payload.tables.branches![0]!.id
      const visit = { id: '0f8fad5b-d9cb-469f-a165-70867728950e', createdAt: NOW, updatedAt: NOW, deviceId: 'old', hlc: '1746513000000-0000-old', deleted: 0, branchId, businessDate: '2025-05-06', clientId: null, purpose: 'cash', zone: 'high_counter', arrivedAt: NOW, createdBy: null, details: {} }
      payload.tables.visits = [visit]
      payload.counts.visits = 1
      // Left out so that the checksum below can be taken over plain JSON rows.
      payload.tables.attachments = []
      payload.counts.attachments = 0
    })
    const raw = JSON.parse(await decryptPayload(withVisit, PASSPHRASE)) as RawPayload & { checksum: string }
    raw.checksum = await checksumOf(raw.tables as never)
    const sealed = await encryptPayload(JSON.stringify(raw), PASSPHRASE)

    await wipe()
    await restoreBackup(sealed, PASSPHRASE, HEAD)
    const [visit] = await db.records('visits').toArray()
    expect(visit?.appointmentId).toBeNull()
    expect(await db.records('appointments').count()).toBe(0)
  })

  it('a backup made under schema v2 (before VIP care) restores with its clients given empty care fields', async () => {
    await seed()
    const backup = await createBackup(PASSPHRASE, HEAD)
    const v2 = await tampered(backup.blob, (payload) => {
      payload.schemaVersion = 2
      for (const table of ['tierChanges', 'balanceSnapshots', 'holdings', 'roomSessions', 'wealthAlerts', 'staffPages', 'accessGrants']) {
        delete payload.tables[table]
        delete payload.counts[table]
      }
      for (const client of payload.tables.clients!) {
        for (const field of ['channelPrefs', 'maintainerId', 'productMaintainerId', 'tierPending', 'nextCareOn', 'lastContactAt', 'careDone']) delete client[field]
      }
      payload.tables.attachments = []
      payload.counts.attachments = 0
    })
    const raw = JSON.parse(await decryptPayload(v2, PASSPHRASE)) as RawPayload & { checksum: string }
    raw.checksum = await checksumOf(raw.tables as never)
    const sealed = await encryptPayload(JSON.stringify(raw), PASSPHRASE)

    await wipe()
    await restoreBackup(sealed, PASSPHRASE, HEAD)
    const clients = await db.records('clients').toArray()
    expect(clients).toHaveLength(3)
    for (const client of clients) expect(client).toMatchObject({ ...UNCARED_FOR })
    expect(await db.records('roomSessions').count()).toBe(0)
  })
})

describe('a bad file changes nothing and says what is wrong', () => {
  let backup: Blob
  let before: Awaited<ReturnType<typeof databaseState>>
  let seeded: Seeded

  beforeEach(async () => {
    seeded = await seed()
    backup = (await createBackup(PASSPHRASE, HEAD)).blob
    await writeRecords(['clients'], (w) => w.update('clients', seeded.clientIds[0]!, { occupation: '医生' }))
    before = await databaseState()
  })
  afterEach(async () => {
    expect(await databaseState()).toEqual(before)
  })

  it('wrong passphrase', async () => {
    await rejection(restoreBackup(backup, 'not-the-passphrase', HEAD), 'wrong_passphrase')
  })

  it('an edited byte of the ciphertext or of the header reads as a wrong passphrase: the tag check fails', async () => {
    const text = await backup.text()
    const envelope = JSON.parse(text) as { payload: string; createdAt: number }
    const flipped = envelope.payload.startsWith('A') ? `B${envelope.payload.slice(1)}` : `A${envelope.payload.slice(1)}`
    await rejection(restoreBackup(new Blob([JSON.stringify({ ...envelope, payload: flipped })]), PASSPHRASE, HEAD), 'wrong_passphrase')
    await rejection(restoreBackup(new Blob([JSON.stringify({ ...envelope, createdAt: envelope.createdAt + 1 })]), PASSPHRASE, HEAD), 'wrong_passphrase')
  })

  it('a file cut in half is truncated; something else entirely is not a backup', async () => {
    await rejection(restoreBackup(backup.slice(0, Math.floor(backup.size / 2)), PASSPHRASE, HEAD), 'truncated')
    await rejection(restoreBackup(new Blob(['\x89PNG not a backup']), PASSPHRASE, HEAD), 'not_a_backup')
    await rejection(restoreBackup(new Blob(['{"format":"something-else"}']), PASSPHRASE, HEAD), 'not_a_backup')
  })

  it('one field of the wrong type names the table, the row and the field', async () => {
    const file = await tampered(backup, (payload) => {
      payload.tables.clients![1]!.savingsFen = '12.5'
    })
    const err = await rejection(restoreBackup(file, PASSPHRASE, HEAD), 'invalid_record')
    const row = (await snapshotRecords()).clients[1]!
    expect(err.details).toEqual({ kind: 'invalid_record', table: 'clients', index: 1, recordId: row.id, path: 'savingsFen', check: 'number', expected: 'number' })
    // The log message names the row, never its values.
    expect(err.message).not.toContain('12.5')
  })

  it('a nested field and a damaged blob are named by their path', async () => {
    const nested = await tampered(backup, (payload) => {
      payload.tables.clients![0]!.cardTails = ['1234', 'abc']
    })
    expect((await rejection(inspectBackup(nested, PASSPHRASE), 'invalid_record')).details).toMatchObject({ table: 'clients', index: 0, path: 'cardTails.1', check: 'regex' })
    const blob = await tampered(backup, (payload) => {
      payload.tables.attachments![0]!.blob = { $blob: 'not base64!', type: 'image/png' }
    })
    expect((await rejection(inspectBackup(blob, PASSPHRASE), 'invalid_record')).details).toMatchObject({ table: 'attachments', index: 0, path: 'blob', check: 'blob' })
  })

  it('a newer schema, another application or a newer file format is foreign', async () => {
    const newer = await tampered(backup, (payload) => {
      payload.schemaVersion = 99
    })
    expect((await rejection(restoreBackup(newer, PASSPHRASE, HEAD), 'foreign_schema')).details).toEqual({ kind: 'foreign_schema', reason: 'newer_schema', found: 99, supported: CURRENT_SCHEMA_VERSION })
    const other = await tampered(backup, (payload) => {
      payload.app = 'otherapp'
    })
    expect((await rejection(inspectBackup(other, PASSPHRASE), 'foreign_schema')).details).toMatchObject({ reason: 'other_app', found: 'otherapp' })
    const envelope = JSON.parse(await backup.text()) as Record<string, unknown>
    const newerFormat = new Blob([JSON.stringify({ ...envelope, formatVersion: 2 })])
    expect((await rejection(inspectBackup(newerFormat, PASSPHRASE), 'foreign_schema')).details).toMatchObject({ reason: 'newer_format', found: 2 })
  })

  it('counts and checksum must match the rows', async () => {
    const miscounted = await tampered(backup, (payload) => {
      payload.counts.clients = 4
    })
    expect((await rejection(restoreBackup(miscounted, PASSPHRASE, HEAD), 'count_mismatch')).details).toEqual({ kind: 'count_mismatch', table: 'clients', declared: 4, actual: 3 })
    const edited = await tampered(backup, (payload) => {
      payload.tables.clients![0]!.occupation = '律师'
    })
    await rejection(restoreBackup(edited, PASSPHRASE, HEAD), 'checksum_mismatch')
  })

  it('a missing table is malformed', async () => {
    const file = await tampered(backup, (payload) => {
      delete payload.tables.contacts
    })
    expect((await rejection(inspectBackup(file, PASSPHRASE), 'malformed')).details).toEqual({ kind: 'malformed', path: 'tables.contacts' })
  })

  it('only a branch head or an administrator may restore', async () => {
    const err = await rejection(restoreBackup(backup, PASSPHRASE, { actorRoles: ['wealth_manager', 'lobby_manager'] }), 'not_allowed')
    expect(err.details).toEqual({ kind: 'not_allowed', requiredRoles: ['branch_head', 'administrator'] })
  })
})

describe('making a backup', () => {
  it('is refused without the role, with a short passphrase, or over a row a restore would refuse', async () => {
    const { clientIds } = await seed()
    await rejection(createBackup(PASSPHRASE, { actorRoles: ['lobby_manager'] }), 'not_allowed')
    expect(await createBackup(PASSPHRASE, { actorRoles: ['administrator'] })).toHaveProperty('fileName')
    expect((await rejection(createBackup('1234567', HEAD), 'passphrase_too_short')).details).toEqual({ kind: 'passphrase_too_short', minLength: 8 })
    // Eight Chinese characters are long enough.
    expect(await createBackup('厅堂通每日备份口', HEAD)).toHaveProperty('checksum')

    // A row written around the write path (which does not validate) would make an unrestorable file.
    const client = (await db.records('clients').get(clientIds[0]!))!
    await db.records('clients').put({ ...client, savingsFen: 1.5 })
    const audits = await db.records('auditLog').count()
    expect((await rejection(createBackup(PASSPHRASE, HEAD), 'invalid_record')).details).toMatchObject({ table: 'clients', recordId: client.id, path: 'savingsFen', check: 'safe_integer' })
    expect(await db.records('auditLog').count()).toBe(audits)
  })

  it('stretches the passphrase with at least 210,000 PBKDF2 iterations outside tests', async () => {
    expect(DEFAULT_KDF_ITERATIONS).toBeGreaterThanOrEqual(210_000)
    await seed()
    setKdfIterationsForTests(null)
    try {
      const { blob } = await createBackup(PASSPHRASE, HEAD)
      const envelope = JSON.parse(await blob.text()) as { kdf: { iterations: number; salt: string }; cipher: { iv: string } }
      expect(envelope.kdf.iterations).toBe(DEFAULT_KDF_ITERATIONS)
      expect(atob(envelope.kdf.salt)).toHaveLength(16)
      expect(atob(envelope.cipher.iv)).toHaveLength(12)
    } finally {
      setKdfIterationsForTests(1_000)
    }
  })
})

describe('storage status', () => {
  it('tolerates a browser without the StorageManager API', async () => {
    await freshDatabase()
    vi.stubGlobal('navigator', undefined)
    expect(await requestPersistentStorage()).toBe(false)
    expect(await getLocal(LOCAL_KEYS.persistGranted)).toBe(false)
    expect(await storageEstimate()).toBeNull()
    expect(isSecureContextAvailable()).toBe(false)
  })

  it('asks for persistence once and records the answer', async () => {
    const persist = vi.fn(async () => true)
    vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist, estimate: async () => ({ usage: 1_000, quota: 50_000 }) } })
    vi.stubGlobal('isSecureContext', true)
    expect(await requestPersistentStorage()).toBe(true)
    expect(persist).toHaveBeenCalledOnce()
    expect(await getLocal(LOCAL_KEYS.persistGranted)).toBe(true)
    expect(await storageEstimate()).toEqual({ usage: 1_000, quota: 50_000 })
    expect(isSecureContextAvailable()).toBe(true)
  })
})
