import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { setActor, writeRecords } from '@/db/write'
import { database } from '@/db/connection'
import type { NewRecord } from '@/domain/model/base'
import type { Branch } from '@/domain/model/records'
import { RECORD_SCHEMAS } from '@/domain/model/records'
import { compareHlc } from '@/domain/hlc'
import * as v from 'valibot'

const branch: NewRecord<Branch> = { code: 'BJ001', name: '城东支行', group: 'backbone', regionCode: 'BJ', regionName: '滨江分行', address: '', phone: '' }

describe('every write goes through one transaction with its outbox entry', () => {
  beforeEach(async () => {
    await freshDatabase()
    setActor('staff-1')
  })

  it('a new record is stamped with id, times, device and clock, and is valid against its schema', async () => {
    const saved = await writeRecords(['branches'], (w) => w.insert('branches', branch))
    expect(saved.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(saved.deleted).toBe(0)
    expect(saved.createdAt).toBe(saved.updatedAt)
    expect(saved.hlc).toContain(saved.deviceId)
    expect(v.safeParse(RECORD_SCHEMAS.branches, saved).success).toBe(true)
  })

  it('each change appends what changed to the outbox', async () => {
    const saved = await writeRecords(['branches'], (w) => w.insert('branches', branch))
    await writeRecords(['branches'], (w) => w.update('branches', saved.id, { name: '城东支行营业部' }))
    await writeRecords(['branches'], (w) => w.remove('branches', saved.id))
    const outbox = await database().outbox.where('[table+recordId]').equals(['branches', saved.id]).toArray()
    expect(outbox.map((e) => e.op)).toEqual(['put', 'put', 'delete'])
    const stored = await database().records('branches').get(saved.id)
    expect(stored?.deleted).toBe(1) // soft deletion: the record stays so the deletion can replicate
    expect(outbox.at(-1)?.hlc).toBe(stored?.hlc)
  })

  it('clock stamps only ever increase, across transactions', async () => {
    const a = await writeRecords(['branches'], (w) => w.insert('branches', branch))
    const b = await writeRecords(['branches'], (w) => w.update('branches', a.id, { phone: '0571-1' }))
    const c = await writeRecords(['branches'], (w) => w.update('branches', a.id, { phone: '0571-2' }))
    expect(compareHlc(a.hlc, b.hlc)).toBeLessThan(0)
    expect(compareHlc(b.hlc, c.hlc)).toBeLessThan(0)
  })

  it('an audited change records who, what, and the record before and after', async () => {
    const saved = await writeRecords(['branches'], (w) => w.insert('branches', branch))
    await writeRecords(['branches'], (w) => w.update('branches', saved.id, { name: '城东支行营业部' }, { action: 'branch.update_profile' }))
    const [entry] = await database().records('auditLog').where('[entity+entityId]').equals(['branches', saved.id]).toArray()
    expect(entry?.action).toBe('branch.update_profile')
    expect(entry?.actorId).toBe('staff-1')
    expect((entry?.before as Branch).name).toBe('城东支行')
    expect((entry?.after as Branch).name).toBe('城东支行营业部')
    const auditOutbox = await database().outbox.where('[table+recordId]').equals(['auditLog', entry!.id]).count()
    expect(auditOutbox).toBe(1)
  })

  it('a failed write leaves nothing behind: no half record, no outbox entry', async () => {
    await expect(
      writeRecords(['branches'], async (w) => {
        await w.insert('branches', branch)
        throw new Error('a rule said no')
      }),
    ).rejects.toThrow('a rule said no')
    expect(await database().records('branches').count()).toBe(0)
    expect(await database().outbox.count()).toBe(0)
  })

  it('a storage failure surfaces as a StorageError the screens can explain', async () => {
    const saved = await writeRecords(['branches'], (w) => w.insert('branches', branch))
    // Adding the same id twice is a constraint error from IndexedDB itself.
    await expect(writeRecords(['branches'], (w) => w.insert('branches', { ...branch, id: saved.id }))).rejects.toMatchObject({ name: 'StorageError', kind: 'write_failed' })
    expect(await database().records('branches').count()).toBe(1)
  })
})
