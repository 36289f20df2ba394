import { describe, expect, it } from 'vitest'
import { duplicateTickets, formatTicketCode, issueTicket, nextSeq, ZONE_PREFIX, type IssuedTicketNumber } from '@/domain/lobby/tickets'

const SHANGHAI = 'Asia/Shanghai'

function issued(prefix: string, count: number, businessDate = '2026-11-25', branchId = 'b1'): IssuedTicketNumber[] {
  return Array.from({ length: count }, (_, i) => ({ branchId, businessDate, prefix, seq: i + 1, code: formatTicketCode(prefix, i + 1) }))
}

describe('ticket codes', () => {
  it('a prefix per zone: A high counter, B low counter, V wealth room, S self-service, M manager, C corporate', () => {
    expect(ZONE_PREFIX).toEqual({ high_counter: 'A', low_counter: 'B', wealth_room: 'V', self_service: 'S', manager_desk: 'M', corporate_desk: 'C' })
  })

  it('print the number with three digits, four from 1000', () => {
    expect(formatTicketCode('A', 12)).toBe('A012')
    expect(formatTicketCode('V', 1)).toBe('V001')
    expect(formatTicketCode('B', 999)).toBe('B999')
    expect(formatTicketCode('B', 1000)).toBe('B1000')
  })

  it('refuse a number or prefix no ticket can have', () => {
    expect(() => formatTicketCode('A', 0)).toThrow(RangeError)
    expect(() => formatTicketCode('A', 1.5)).toThrow(RangeError)
    expect(() => formatTicketCode('a', 1)).toThrow(RangeError)
  })
})

describe('ticket numbering', () => {
  it('counts on from the highest number issued, from 1', () => {
    expect(nextSeq([])).toBe(1)
    expect(nextSeq([1, 2, 5])).toBe(6)
  })

  it('restarts on the next business date in Asia/Shanghai even when UTC is still on the previous day', () => {
    const existing = issued('A', 57)
    const lateEvening = Date.UTC(2026, 10, 25, 15, 59) // 23:59 on the 25th in Shanghai
    const pastMidnight = Date.UTC(2026, 10, 25, 16, 30) // 00:30 on the 26th in Shanghai, 16:30 on the 25th in UTC
    const args = { branchId: 'b1', zone: 'high_counter' as const, timeZone: SHANGHAI, prefixes: ZONE_PREFIX, existing }
    expect(issueTicket({ ...args, nowMs: lateEvening })).toEqual({ branchId: 'b1', businessDate: '2026-11-25', prefix: 'A', seq: 58, code: 'A058' })
    expect(issueTicket({ ...args, nowMs: pastMidnight })).toEqual({ branchId: 'b1', businessDate: '2026-11-26', prefix: 'A', seq: 1, code: 'A001' })
  })

  it('is counted per prefix and per branch', () => {
    const existing = [...issued('A', 10), ...issued('B', 3), ...issued('B', 40, '2026-11-25', 'b2')]
    const now = Date.UTC(2026, 10, 25, 3, 0)
    expect(issueTicket({ branchId: 'b1', zone: 'low_counter', nowMs: now, timeZone: SHANGHAI, prefixes: ZONE_PREFIX, existing }).code).toBe('B004')
    expect(issueTicket({ branchId: 'b1', zone: 'wealth_room', nowMs: now, timeZone: SHANGHAI, prefixes: ZONE_PREFIX, existing }).code).toBe('V001')
  })

  it('uses the prefixes admin set', () => {
    const prefixes = { ...ZONE_PREFIX, high_counter: 'HA' }
    expect(issueTicket({ branchId: 'b1', zone: 'high_counter', nowMs: Date.UTC(2026, 10, 25, 3, 0), timeZone: SHANGHAI, prefixes, existing: issued('A', 5) }).code).toBe('HA001')
  })

  it('finds numbers issued twice in one scope (two terminals offline at once)', () => {
    const tickets = [...issued('A', 3), { ...issued('A', 2)[1]!, code: 'A002' }, ...issued('A', 3, '2026-11-26')]
    expect(duplicateTickets(tickets)).toEqual([[tickets[1], tickets[3]]])
  })
})
