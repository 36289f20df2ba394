import { describe, expect, it } from 'vitest'
import { careAfterContact, careFromContacts, channelsFor, checkContact, groupByDay, serviceLevelOf } from '@/domain/wealth/diary'
import { startOfBusinessDate } from '@/domain/time'

const ZONE = 'Asia/Shanghai'
const at = (date: string, hh: number) => startOfBusinessDate(date, ZONE) + hh * 3_600_000

describe('logging a contact', () => {
  it('needs the channel; note and next step are optional but bounded', () => {
    const ok = { channel: 'phone' as const, service: 'basic' as const, occasion: null, note: '', nextStep: '' }
    expect(checkContact(ok)).toEqual([])
    expect(checkContact({ ...ok, channel: null })).toEqual(['channel_required'])
    expect(checkContact({ ...ok, note: 'x'.repeat(501), nextStep: 'y'.repeat(501) })).toEqual(['note_too_long', 'next_step_too_long'])
  })

  it('visits, home visits, events and wealth diagnoses are value-added; calls and greetings basic', () => {
    expect(serviceLevelOf('home_visit')).toBe('value_added')
    expect(serviceLevelOf('wealth_diagnosis')).toBe('value_added')
    expect(serviceLevelOf('phone')).toBe('basic')
    expect(serviceLevelOf('birthday_wishes')).toBe('basic')
  })

  it('offers the occasion’s channel first, then the client’s preferred ones in order, then the rest', () => {
    expect(channelsFor(['visit', 'wechat'], 'birthday_wishes').slice(0, 3)).toEqual(['birthday_wishes', 'visit', 'sms'])
    expect(channelsFor(['visit'])[0]).toBe('visit')
    expect(channelsFor(['wechat'])[0]).toBe('sms')
    expect(new Set(channelsFor([])).size).toBe(10)
  })
})

describe('the care state the contact log gives', () => {
  it('a contact settles its occasion and moves the last contact on', () => {
    const after = careAfterContact({ lastContactAt: at('2026-10-01', 10), careDone: [] }, { at: at('2026-11-25', 10), occasion: 'birthday:2026' })
    expect(after).toEqual({ lastContactAt: at('2026-11-25', 10), careDone: ['birthday:2026'] })
  })

  it('a regular contact is never kept as done: any contact restarts the cadence', () => {
    expect(careAfterContact({ lastContactAt: null, careDone: [] }, { at: 1, occasion: 'regular' }).careDone).toEqual([])
  })

  it('a contact logged late does not move the last contact back', () => {
    expect(careAfterContact({ lastContactAt: at('2026-11-25', 10), careDone: [] }, { at: at('2026-11-20', 10), occasion: null }).lastContactAt).toBe(at('2026-11-25', 10))
  })

  it('rebuilt from the log in any order, the same state', () => {
    const log = [
      { at: at('2026-11-25', 9), occasion: 'holiday:mid_autumn:2026' },
      { at: at('2026-03-01', 9), occasion: 'birthday:2026' },
      { at: at('2026-11-01', 9), occasion: null },
    ]
    const forward = careFromContacts(log)
    const backward = careFromContacts([...log].reverse())
    expect(forward.lastContactAt).toBe(at('2026-11-25', 9))
    expect(backward.lastContactAt).toBe(forward.lastContactAt)
    expect([...backward.careDone].sort()).toEqual([...forward.careDone].sort())
    expect(careFromContacts([])).toEqual({ lastContactAt: null, careDone: [] })
  })
})

describe('the diary by day', () => {
  it('groups newest-first contacts by the branch’s business date', () => {
    const days = groupByDay([{ at: at('2026-11-25', 15) }, { at: at('2026-11-25', 9) }, { at: at('2026-11-24', 23) + 30 * 60_000 }], ZONE)
    expect(days.map((d) => [d.date, d.contacts.length])).toEqual([
      ['2026-11-25', 2],
      ['2026-11-24', 1],
    ])
  })
})
