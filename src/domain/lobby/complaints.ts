/**
 * Complaints raised at the door: the deadline by severity (in working days), when one is overdue
 * and must go up to the branch head, how the list is filtered and counted, what closing and handing
 * a complaint to someone else need. Pure: every rule takes `nowMs` and the branch's time zone as
 * parameters.
 */
import { isWorkday } from 'chinese-days'
import type { Complaint } from '@/domain/model/records'
import { COMPLAINT_SEVERITIES } from '@/domain/model/records'
import { addDays, businessDate, startOfBusinessDate, type BusinessDate } from '@/domain/time'

export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number]
export { COMPLAINT_SEVERITIES }

/** Working days to resolve a complaint, by severity. */
export const COMPLAINT_DEADLINE_DAYS: Readonly<Record<ComplaintSeverity, number>> = { high: 1, medium: 3, low: 5 }
/** The longest deadline the form accepts, in working days. */
export const MAX_DEADLINE_DAYS = 30

/**
 * Whether a date is a working day in mainland China: Monday to Friday, except the State Council's
 * public holidays, plus the weekend days it makes working days (调休上班). The calendar is the
 * chinese-days dataset (offline); for a year it has no data for, Monday to Friday.
 */
export function isWorkingDay(date: BusinessDate): boolean {
  // A local-noon Date: the calendar reads it with local getters, so it is the same day in any device zone.
  const [year, month, day] = date.split('-').map(Number)
  return isWorkday(new Date(year!, month! - 1, day!, 12))
}

/** The date `days` working days after `date` (weekends and public holidays skipped, make-up days counted). */
export function addWorkingDays(date: BusinessDate, days: number): BusinessDate {
  let d = date
  let left = Math.max(0, Math.trunc(days))
  while (left > 0) {
    d = addDays(d, 1)
    if (isWorkingDay(d)) left -= 1
  }
  return d
}

/**
 * When a complaint raised at `raisedAtMs` is due: the same time of day, `days` working days later
 * (by default the severity's deadline), in the branch's time zone.
 */
export function complaintDueAt(raisedAtMs: number, severity: ComplaintSeverity, zone: string, days: number = COMPLAINT_DEADLINE_DAYS[severity]): number {
  const raisedOn = businessDate(raisedAtMs, zone)
  const intoDay = raisedAtMs - startOfBusinessDate(raisedOn, zone)
  return startOfBusinessDate(addWorkingDays(raisedOn, days), zone) + intoDay
}

/** Past its deadline and not closed. Exactly at the deadline is still on time. */
export function isOverdue(complaint: Pick<Complaint, 'status' | 'dueAt'>, nowMs: number): boolean {
  return complaint.status !== 'closed' && nowMs > complaint.dueAt
}

/** The open complaints that are overdue and not yet escalated: these go up to the branch head now. */
export function complaintsToEscalate<T extends Pick<Complaint, 'status' | 'dueAt'>>(complaints: readonly T[], nowMs: number): T[] {
  return complaints.filter((c) => c.status === 'open' && isOverdue(c, nowMs))
}

export const COMPLAINT_FILTERS = ['open', 'escalated', 'overdue', 'closed'] as const
export type ComplaintFilter = (typeof COMPLAINT_FILTERS)[number]

/** open = not closed yet (escalated ones included); escalated; overdue; closed. */
export function matchesFilter(complaint: Pick<Complaint, 'status' | 'dueAt'>, filter: ComplaintFilter, nowMs: number): boolean {
  switch (filter) {
    case 'open':
      return complaint.status !== 'closed'
    case 'escalated':
      return complaint.status === 'escalated'
    case 'overdue':
      return isOverdue(complaint, nowMs)
    case 'closed':
      return complaint.status === 'closed'
  }
}

/** Complaints matching any of the chosen filters (all of them when none is chosen). */
export function filterComplaints<T extends Pick<Complaint, 'status' | 'dueAt'>>(complaints: readonly T[], filters: readonly ComplaintFilter[], nowMs: number): T[] {
  if (filters.length === 0) return [...complaints]
  return complaints.filter((c) => filters.some((f) => matchesFilter(c, f, nowMs)))
}

export type ComplaintCounts = Record<ComplaintFilter, number>

export function countComplaints(complaints: readonly Pick<Complaint, 'status' | 'dueAt'>[], nowMs: number): ComplaintCounts {
  const counts: ComplaintCounts = { open: 0, escalated: 0, overdue: 0, closed: 0 }
  for (const c of complaints) for (const f of COMPLAINT_FILTERS) if (matchesFilter(c, f, nowMs)) counts[f] += 1
  return counts
}

/** Overdue first, then escalated, then by deadline; closed ones last, latest closed first. */
export function sortComplaints<T extends Pick<Complaint, 'status' | 'dueAt' | 'closedAt'>>(complaints: readonly T[], nowMs: number): T[] {
  const rank = (c: T) => (c.status === 'closed' ? 3 : isOverdue(c, nowMs) ? 0 : c.status === 'escalated' ? 1 : 2)
  return [...complaints].sort((a, b) => rank(a) - rank(b) || (a.status === 'closed' ? (b.closedAt ?? 0) - (a.closedAt ?? 0) : a.dueAt - b.dueAt))
}

export type ComplaintProblem = 'what_required' | 'assignee_required' | 'days_out_of_range'

/** What a new complaint needs: what happened, who handles it, a deadline in range. */
export function checkNewComplaint(input: { what: string; assigneeId: string | null; days: number }): ComplaintProblem[] {
  const problems: ComplaintProblem[] = []
  if (input.what.trim() === '') problems.push('what_required')
  if (!input.assigneeId) problems.push('assignee_required')
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_DEADLINE_DAYS) problems.push('days_out_of_range')
  return problems
}

export type ClosingProblem = 'resolution_required' | 'acceptance_required' | 'already_closed'

export type ClosingCheck = { ok: true; resolution: string; clientAccepted: 0 | 1 } | { ok: false; problems: ClosingProblem[] }

/** Closing needs the resolution in words and whether the client accepted it. */
export function checkClosing(complaint: Pick<Complaint, 'status'>, input: { resolution: string; clientAccepted: boolean | null }): ClosingCheck {
  const problems: ClosingProblem[] = []
  if (complaint.status === 'closed') problems.push('already_closed')
  const resolution = input.resolution.trim()
  if (resolution === '') problems.push('resolution_required')
  if (input.clientAccepted === null) problems.push('acceptance_required')
  if (problems.length > 0 || input.clientAccepted === null) return { ok: false, problems }
  return { ok: true, resolution, clientAccepted: input.clientAccepted ? 1 : 0 }
}

export type ReassignProblem = 'assignee_required' | 'same_assignee' | 'already_closed'

/** Handing a complaint to someone else needs a new person, and a complaint still open. */
export function checkReassignment(complaint: Pick<Complaint, 'status' | 'assigneeId'>, assigneeId: string | null): ReassignProblem[] {
  if (complaint.status === 'closed') return ['already_closed']
  if (!assigneeId) return ['assignee_required']
  return assigneeId === complaint.assigneeId ? ['same_assignee'] : []
}
