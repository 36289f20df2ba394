import { describe, expect, it } from 'vitest'
import { announcementText, speechLang, spellTicket } from '@/domain/lobby/announce'

describe('the spoken announcement of a call', () => {
  it('reads the ticket letter by letter and digit by digit, and the window as a number', () => {
    expect(announcementText({ ticketCode: 'A012', pointNumber: 3, pointKind: 'high_counter' })).toBe('请 A 零 一 二 号 到 3 号窗口')
  })

  it('never reads a ticket number as a whole number (A100 is not "一百")', () => {
    expect(spellTicket('A100')).toEqual(['A', '一', '零', '零'])
    expect(spellTicket('B1000')).toEqual(['B', '一', '零', '零', '零'])
  })

  it('spells two-letter prefixes and ignores stray spaces or lower case', () => {
    expect(spellTicket(' va007 ')).toEqual(['V', 'A', '零', '零', '七'])
  })

  it('sends the client to the right kind of place', () => {
    expect(announcementText({ ticketCode: 'V003', pointNumber: 2, pointKind: 'wealth_room' })).toBe('请 V 零 零 三 号 到 2 号理财室')
    expect(announcementText({ ticketCode: 'B021', pointNumber: 5, pointKind: 'low_counter' })).toBe('请 B 零 二 一 号 到 5 号窗口')
  })

  it('has an English variant with the digits in words', () => {
    expect(announcementText({ ticketCode: 'A012', pointNumber: 3, pointKind: 'high_counter' }, 'en')).toBe('Ticket A zero one two, please go to counter 3')
    expect(speechLang('en')).toBe('en-US')
    expect(speechLang('zh-CN')).toBe('zh-CN')
  })
})
