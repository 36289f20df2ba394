import { describe, expect, it } from 'vitest'
import { MERGE_RULES, mergeAppendOnly, mergeFields, mergeRecord, sameValue } from '@/domain/sync/merge'
import { RECORD_TABLES } from '@/domain/model/records'

interface ClientLike {
  id: string
  hlc: string
  updatedAt: number
  deviceId: string
  phone: string | null
  addressAs: string | null
  tags: string[]
}

const at = (ms: number, device: string) => `${String(ms).padStart(13, '0')}-0000-${device}`
const base: ClientLike = { id: 'c1', hlc: at(1_000, 'lobby'), updatedAt: 1_000, deviceId: 'lobby', phone: '13800000001', addressAs: '王先生', tags: [] }
const edit = (changes: Partial<ClientLike>, ms: number, device: string): ClientLike => ({ ...base, ...changes, hlc: at(ms, device), updatedAt: ms, deviceId: device })

describe('two terminals’ edits of an editable record', () => {
  it('keeps both when they changed different fields', () => {
    const lobby = edit({ phone: '13900000002' }, 2_000, 'lobby')
    const counter = edit({ addressAs: '王总' }, 1_500, 'counter')
    const { merged, overwritten } = mergeFields(base, lobby, counter)
    expect(merged).toMatchObject({ phone: '13900000002', addressAs: '王总' })
    expect(overwritten).toEqual([])
  })

  it('gives a field both changed to the newer edit by the clock, and reports the value it dropped', () => {
    const lobby = edit({ phone: '13900000002' }, 2_000, 'lobby')
    const counter = edit({ phone: '13700000003' }, 3_000, 'counter')
    const { merged, overwritten } = mergeFields(base, lobby, counter)
    expect(merged.phone).toBe('13700000003')
    expect(overwritten).toEqual([{ field: 'phone', lost: '13900000002', kept: '13700000003', lostStamp: lobby.hlc }])
  })

  it('breaks an exact tie of the clock by the device id, the same way on both terminals', () => {
    const a = edit({ phone: '1' }, 2_000, 'tablet-a')
    const b = edit({ phone: '2' }, 2_000, 'tablet-b')
    expect(mergeFields(base, a, b).merged.phone).toBe('2')
    expect(mergeFields(base, b, a).merged.phone).toBe('2')
  })

  it('ends the same whichever terminal merges (the result does not depend on which side is local)', () => {
    const lobby = edit({ phone: '13900000002', tags: ['老年客户'] }, 2_000, 'lobby')
    const counter = edit({ phone: '13700000003', addressAs: '王总' }, 3_000, 'counter')
    expect(mergeFields(base, lobby, counter).merged).toEqual(mergeFields(base, counter, lobby).merged)
  })

  it('carries the newer edit’s stamps', () => {
    const lobby = edit({ phone: '1' }, 2_000, 'lobby')
    const counter = edit({ addressAs: '王总' }, 3_000, 'counter')
    expect(mergeFields(base, lobby, counter).merged).toMatchObject({ hlc: counter.hlc, updatedAt: 3_000, deviceId: 'counter' })
  })

  it('without a base (both created it), a differing field goes to the newer edit', () => {
    const lobby = edit({ phone: '1' }, 2_000, 'lobby')
    const counter = edit({ phone: '2' }, 1_000, 'counter')
    const { merged, overwritten } = mergeFields(null, lobby, counter)
    expect(merged.phone).toBe('1')
    expect(overwritten.map((o) => o.field)).toEqual(['phone'])
  })
})

describe('fields that belong together', () => {
  const person = { id: 's1', hlc: at(1_000, 'admin'), updatedAt: 1_000, deviceId: 'admin', pin: 'old-hash', failedPinAttempts: 0, lockedUntil: null as number | null }
  it('a PIN reset newer than a lockout counted elsewhere brings its cleared lockout with the new PIN', () => {
    const lockedAtTheDoor = { ...person, failedPinAttempts: 5, lockedUntil: 9_000, hlc: at(2_000, 'lobby'), updatedAt: 2_000, deviceId: 'lobby' }
    const resetByAdmin = { ...person, pin: 'new-hash', hlc: at(3_000, 'admin'), updatedAt: 3_000 }
    const { merged, overwritten } = mergeRecord('staff', person, lockedAtTheDoor, resetByAdmin)
    expect(merged).toMatchObject({ pin: 'new-hash', failedPinAttempts: 0, lockedUntil: null })
    expect(overwritten.map((o) => [o.field, o.lost])).toEqual([['failedPinAttempts', 5], ['lockedUntil', 9_000]])
  })

  it('a lockout newer than the reset keeps its count beside the new PIN', () => {
    const resetByAdmin = { ...person, pin: 'new-hash', hlc: at(2_000, 'admin'), updatedAt: 2_000 }
    const lockedAfter = { ...person, failedPinAttempts: 5, lockedUntil: 9_000, hlc: at(3_000, 'lobby'), updatedAt: 3_000, deviceId: 'lobby' }
    expect(mergeRecord('staff', person, resetByAdmin, lockedAfter).merged).toMatchObject({ pin: 'old-hash', failedPinAttempts: 5, lockedUntil: 9_000 })
  })
})

describe('append-only records', () => {
  it('never conflict: two copies of one are the same record', () => {
    const event = edit({}, 2_000, 'lobby')
    expect(mergeAppendOnly(event, { ...event })).toEqual({ merged: event, overwritten: [] })
  })

  it('should two copies ever differ, the earlier write stands and the later is reported whole', () => {
    const first = edit({ phone: 'a' }, 2_000, 'lobby')
    const second = edit({ phone: 'b' }, 2_500, 'counter')
    const { merged, overwritten } = mergeAppendOnly(second, first)
    expect(merged).toBe(first)
    expect(overwritten).toEqual([{ field: '*', lost: second, kept: first, lostStamp: second.hlc }])
  })
})

describe('the rules per table', () => {
  it('every replicated table has a rule; the ledger, visit events, contacts and the audit log are append-only', () => {
    expect(Object.keys(MERGE_RULES).sort()).toEqual([...RECORD_TABLES].sort())
    for (const table of ['pointEntries', 'visitEvents', 'contacts', 'auditLog'] as const) expect(MERGE_RULES[table]).toBe('append_only')
    expect(MERGE_RULES.clients).toBe('fields')
  })

  it('a ledger entry replicated twice counts once', () => {
    const entry = edit({}, 2_000, 'counter')
    expect(mergeRecord('pointEntries', null, entry, { ...entry }).merged).toBe(entry)
  })

  it('compares stored values by content', () => {
    expect(sameValue({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true)
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true)
    expect(sameValue([1, 2], [2, 1])).toBe(false)
    expect(sameValue({ a: 1 }, [1])).toBe(false)
  })
})
