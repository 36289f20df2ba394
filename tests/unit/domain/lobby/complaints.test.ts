import { describe, expect, it } from 'vitest'
import { addWorkingDays, checkClosing, checkNewComplaint, checkReassignment, complaintDueAt, complaintsToEscalate, countComplaints, filterComplaints, isOverdue, isWorkingDay, sortComplaints } from '@/domain/lobby/complaints'
import { startOfBusinessDate } from '@/domain/time'

const ZONE = 'Asia/Shanghai'
const MIN = 60_000
/** 2026-11-25 is a Wednesday; 10:30 in Shanghai. */
const wed1030 = startOfBusinessDate('2026-11-25', ZONE) + (10 * 60 + 30) * MIN
const fri1030 = startOfBusinessDate('2026-11-27', ZONE) + (10 * 60 + 30) * MIN
const at = (date: string, hh: number, mm: number) => startOfBusinessDate(date, ZONE) + (hh * 60 + mm) * MIN

describe('complaint deadlines by severity', () => {
  it('high is due one working day later, medium three, low five, at the same time of day', () => {
    expect(complaintDueAt(wed1030, 'high', ZONE)).toBe(at('2026-11-26', 10, 30))
    expect(complaintDueAt(wed1030, 'medium', ZONE)).toBe(at('2026-11-30', 10, 30)) // Thu, Fri, (weekend), Mon
    expect(complaintDueAt(wed1030, 'low', ZONE)).toBe(at('2026-12-02', 10, 30))
  })

  it('skips the weekend: high raised on a Friday is due on Monday', () => {
    expect(complaintDueAt(fri1030, 'high', ZONE)).toBe(at('2026-11-30', 10, 30))
    expect(addWorkingDays('2026-11-28', 1)).toBe('2026-11-30') // Saturday → Monday
  })

  it('takes a deadline the manager set instead of the default', () => {
    expect(complaintDueAt(wed1030, 'low', ZONE, 2)).toBe(at('2026-11-27', 10, 30))
  })

  it('works in the branch zone whatever the instant: 23:50 Shanghai is still that business date', () => {
    expect(complaintDueAt(at('2026-11-25', 23, 50), 'high', ZONE)).toBe(at('2026-11-26', 23, 50))
  })
})

describe('working days: weekends, China’s public holidays and their make-up working days', () => {
  it('National Day: raised on 30 September, two working days run past the holiday; the make-up Saturday counts', () => {
    expect(['2026-10-01', '2026-10-05', '2026-10-07'].map(isWorkingDay)).toEqual([false, false, false])
    expect(isWorkingDay('2026-10-10')).toBe(true) // a Saturday worked in lieu
    expect(isWorkingDay('2026-10-11')).toBe(false) // an ordinary Sunday
    expect(complaintDueAt(at('2026-09-30', 15, 0), 'low', ZONE, 2)).toBe(at('2026-10-09', 15, 0))
    expect(complaintDueAt(at('2026-09-30', 15, 0), 'medium', ZONE)).toBe(at('2026-10-10', 15, 0)) // three: Thu 8, Fri 9, Sat 10
  })

  it('a make-up Sunday before the holiday counts too: a high complaint raised on Friday 18 September is due on Sunday 20th', () => {
    expect(addWorkingDays('2026-09-18', 1)).toBe('2026-09-20')
  })

  it('Spring Festival: the long holiday is skipped, its make-up Saturdays are not', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14') // Saturday worked in lieu
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-24') // 15–23 February off
    expect(addWorkingDays('2026-02-27', 1)).toBe('2026-02-28') // Saturday worked in lieu
  })

  it('for a year the calendar has no holidays for, weekends only', () => {
    expect(addWorkingDays('2030-12-27', 1)).toBe('2030-12-30') // Friday → Monday
    expect(addWorkingDays('2030-12-31', 1)).toBe('2031-01-01') // no data: New Year's Day is a Wednesday like any other
  })

  it('reads the same day whatever zone the device is set to', () => {
    const before = process.env.TZ
    try {
      for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = zone
        expect([isWorkingDay('2026-10-10'), isWorkingDay('2026-10-09'), isWorkingDay('2026-10-07'), isWorkingDay('2026-10-11')], zone).toEqual([true, true, false, false])
      }
    } finally {
      if (before === undefined) delete process.env.TZ
      else process.env.TZ = before
    }
  })
})

describe('overdue and escalation at the edge', () => {
  const open = { status: 'open' as const, dueAt: wed1030 }

  it('exactly at the deadline is not overdue; one minute past is', () => {
    expect(isOverdue(open, wed1030)).toBe(false)
    expect(isOverdue(open, wed1030 + MIN)).toBe(true)
  })

  it('escalates an open complaint one minute past due, not one exactly due', () => {
    expect(complaintsToEscalate([open], wed1030)).toEqual([])
    expect(complaintsToEscalate([open], wed1030 + MIN)).toEqual([open])
  })

  it('never escalates twice or a closed complaint', () => {
    const escalated = { status: 'escalated' as const, dueAt: wed1030 }
    const closed = { status: 'closed' as const, dueAt: wed1030 }
    expect(complaintsToEscalate([escalated, closed], wed1030 + 60 * MIN)).toEqual([])
    expect(isOverdue(closed, wed1030 + 60 * MIN)).toBe(false)
    expect(isOverdue(escalated, wed1030 + 60 * MIN)).toBe(true)
  })

  it('filters and counts: open includes escalated, overdue excludes closed', () => {
    const list = [
      { status: 'open' as const, dueAt: wed1030 + 60 * MIN, closedAt: null },
      { status: 'escalated' as const, dueAt: wed1030 - MIN, closedAt: null },
      { status: 'closed' as const, dueAt: wed1030 - MIN, closedAt: wed1030 },
    ]
    expect(countComplaints(list, wed1030)).toEqual({ open: 2, escalated: 1, overdue: 1, closed: 1 })
    expect(filterComplaints(list, [], wed1030)).toHaveLength(3)
    expect(filterComplaints(list, ['overdue', 'closed'], wed1030)).toHaveLength(2)
    expect(sortComplaints(list, wed1030).map((c) => c.status)).toEqual(['escalated', 'open', 'closed'])
  })
})

describe('recording and closing', () => {
  it('a new complaint needs what happened, an assignee and a deadline in range', () => {
    expect(checkNewComplaint({ what: '  ', assigneeId: null, days: 0 })).toEqual(['what_required', 'assignee_required', 'days_out_of_range'])
    expect(checkNewComplaint({ what: '等候过久', assigneeId: 'x', days: 1 })).toEqual([])
  })

  it('handing over needs another person, and an open complaint', () => {
    expect(checkReassignment({ status: 'open', assigneeId: 'a' }, 'b')).toEqual([])
    expect(checkReassignment({ status: 'escalated', assigneeId: 'a' }, 'b')).toEqual([])
    expect(checkReassignment({ status: 'open', assigneeId: 'a' }, null)).toEqual(['assignee_required'])
    expect(checkReassignment({ status: 'open', assigneeId: 'a' }, 'a')).toEqual(['same_assignee'])
    expect(checkReassignment({ status: 'closed', assigneeId: 'a' }, 'b')).toEqual(['already_closed'])
  })

  it('closing requires the resolution and whether the client accepted it', () => {
    expect(checkClosing({ status: 'escalated' }, { resolution: ' ', clientAccepted: null })).toEqual({ ok: false, problems: ['resolution_required', 'acceptance_required'] })
    expect(checkClosing({ status: 'open' }, { resolution: '已致歉并解释', clientAccepted: null })).toEqual({ ok: false, problems: ['acceptance_required'] })
    expect(checkClosing({ status: 'open' }, { resolution: ' 已致歉 ', clientAccepted: false })).toEqual({ ok: true, resolution: '已致歉', clientAccepted: 0 })
    expect(checkClosing({ status: 'closed' }, { resolution: '再次', clientAccepted: true })).toEqual({ ok: false, problems: ['already_closed'] })
  })
})
