import { computed } from 'vue'
import { defineStore } from 'pinia'
import { branchComplaints, closeComplaint, complaintHandovers, createComplaint, escalateComplaints, getComplaint, reassignComplaint, type ComplaintHandover } from '@/db/repositories/lobby/complaints'
import { listBranchStaff } from '@/db/repositories/staff'
import { database } from '@/db/connection'
import { fullName } from '@/domain/clients/names'
import { checkClosing, checkNewComplaint, checkReassignment, complaintDueAt, complaintsToEscalate, type ClosingProblem, type ComplaintProblem, type ComplaintSeverity, type ReassignProblem } from '@/domain/lobby/complaints'
import { businessDate } from '@/domain/time'
import type { Complaint, Staff } from '@/domain/model/records'
import { useTerminalStore } from './terminal'

export interface ComplaintInput {
  what: string
  concerns: string
  severity: ComplaintSeverity
  assigneeId: string | null
  /** Business days to resolve it (the severity's default unless changed). */
  days: number
  visitId: string | null
  clientId: string | null
}

/** Complaints raised at the door: recorded, assigned with a deadline, escalated when overdue, closed. */
export const useComplaintsStore = defineStore('complaints', () => {
  const terminal = useTerminalStore()
  const branchId = computed(() => terminal.state.branchId ?? '')
  const zone = () => terminal.settings.timeZone
  let escalating: Promise<unknown> | null = null

  /** Every complaint of the branch (for a live query). */
  function list(): Promise<Complaint[]> {
    return branchComplaints(branchId.value)
  }

  /** One complaint, or undefined. */
  function get(id: string): Promise<Complaint | undefined> {
    return getComplaint(id)
  }

  /** The branch's active people, who can be assigned a complaint or be concerned by one. */
  async function staff(): Promise<Staff[]> {
    return (await listBranchStaff(branchId.value)).filter((s) => s.active === 1)
  }

  /** The client of a visit (a complaint opened from a check-in carries them): id and full name, or null. */
  async function clientOfVisit(visitId: string): Promise<{ clientId: string | null; clientName: string }> {
    const visit = await database().records('visits').get(visitId)
    const client = visit?.clientId ? await database().records('clients').get(visit.clientId) : undefined
    return { clientId: visit?.clientId ?? null, clientName: client && client.deleted === 0 ? fullName(client) : '' }
  }

  /** When a complaint raised now with this severity and number of business days is due. */
  function dueAt(severity: ComplaintSeverity, days: number, nowMs = Date.now()): number {
    return complaintDueAt(nowMs, severity, zone(), days)
  }

  /** Records a complaint (audited); returns the problems instead when it is incomplete. */
  async function record(input: ComplaintInput): Promise<{ ok: true; complaint: Complaint } | { ok: false; problems: ComplaintProblem[] }> {
    const problems = checkNewComplaint(input)
    if (problems.length > 0) return { ok: false, problems }
    const nowMs = Date.now()
    const complaint = await createComplaint({
      branchId: branchId.value,
      visitId: input.visitId,
      clientId: input.clientId,
      businessDate: businessDate(nowMs, zone()),
      what: input.what.trim(),
      concerns: input.concerns.trim(),
      severity: input.severity,
      assigneeId: input.assigneeId,
      dueAt: complaintDueAt(nowMs, input.severity, zone(), input.days),
    })
    return { ok: true, complaint }
  }

  /** Hands a complaint to another person, its deadline unchanged (audited, so who had it stays on record); the problems when not possible. */
  async function reassign(complaint: Complaint, assigneeId: string | null): Promise<{ ok: true; complaint: Complaint } | { ok: false; problems: ReassignProblem[] }> {
    const problems = checkReassignment(complaint, assigneeId)
    if (problems.length > 0 || !assigneeId) return { ok: false, problems }
    return { ok: true, complaint: await reassignComplaint(complaint.id, assigneeId) }
  }

  /** Who a complaint was handed from and to, when and by whom, oldest first. */
  function handovers(id: string): Promise<ComplaintHandover[]> {
    return complaintHandovers(id)
  }

  /** Escalates to the branch head the open complaints found overdue at `nowMs` (audited); returns how many. */
  async function escalateOverdue(complaints: readonly Complaint[], nowMs = Date.now()): Promise<number> {
    const due = complaintsToEscalate(complaints, nowMs)
    if (due.length === 0) return 0
    // Two screens loading at once (list and tile) must not write the same escalation twice.
    while (escalating) await escalating
    const run = escalateComplaints(due.map((c) => c.id))
    escalating = run
    try {
      return (await run).length
    } finally {
      escalating = null
    }
  }

  /** Closes a complaint with its resolution and the client's acceptance (audited); the problems when incomplete. */
  async function close(complaint: Complaint, input: { resolution: string; clientAccepted: boolean | null }): Promise<{ ok: true; complaint: Complaint } | { ok: false; problems: ClosingProblem[] }> {
    const checked = checkClosing(complaint, input)
    if (!checked.ok) return checked
    return { ok: true, complaint: await closeComplaint(complaint.id, checked.resolution, checked.clientAccepted) }
  }

  return { list, get, staff, clientOfVisit, dueAt, record, reassign, handovers, escalateOverdue, close }
})
