/** Who is on which post: duty sessions (with their pauses) and the close of the business day. */
import type { DayClosure, DutySession, PauseReason } from '@/domain/model/records'
import type { VisitEventBody } from '@/domain/lobby/visitState'
import { database } from '../../connection'
import { now, writeRecords } from '../../write'

/** The duty sessions of a business day (open and closed). */
export async function dutySessions(branchId: string, businessDate: string): Promise<DutySession[]> {
  const rows = await database().records('dutySessions').where('[branchId+businessDate]').equals([branchId, businessDate]).toArray()
  return rows.filter((s) => s.deleted === 0)
}

/** Signs a person on at a service point; any session still open there is closed first. */
export async function openDuty(branchId: string, businessDate: string, servicePointId: string, staffId: string): Promise<DutySession> {
  const open = (await dutySessions(branchId, businessDate)).filter((s) => s.endedAt === null && (s.servicePointId === servicePointId || s.staffId === staffId))
  return writeRecords(['dutySessions'], async (w) => {
    const at = now()
    for (const session of open) await w.update('dutySessions', session.id, { endedAt: at, pauses: closePauses(session, at) }, { action: 'duty.close' })
    return w.insert('dutySessions', { branchId, businessDate, servicePointId, staffId, startedAt: at, endedAt: null, pauses: [] }, { action: 'duty.open' })
  })
}

function closePauses(session: DutySession, at: number): DutySession['pauses'] {
  return session.pauses.map((p) => (p.to === null ? { ...p, to: at } : p))
}

/** Signs the person off at the end of their shift. */
export async function closeDuty(sessionId: string): Promise<DutySession> {
  return writeRecords(['dutySessions'], async (w) => {
    const session = await database().records('dutySessions').get(sessionId)
    if (!session) throw new Error(`No duty session ${sessionId}`)
    const at = now()
    return w.update('dutySessions', sessionId, { endedAt: at, pauses: closePauses(session, at) }, { action: 'duty.close' })
  })
}

/** Pauses a service point with a reason (break, back-office work, meeting). */
export async function pauseDuty(sessionId: string, reason: PauseReason): Promise<DutySession> {
  return writeRecords(['dutySessions'], async (w) => {
    const session = await database().records('dutySessions').get(sessionId)
    if (!session) throw new Error(`No duty session ${sessionId}`)
    return w.update('dutySessions', sessionId, { pauses: [...closePauses(session, now()), { reason, from: now(), to: null }] }, { action: 'duty.pause' })
  })
}

/** Ends the current pause. */
export async function resumeDuty(sessionId: string): Promise<DutySession> {
  return writeRecords(['dutySessions'], async (w) => {
    const session = await database().records('dutySessions').get(sessionId)
    if (!session) throw new Error(`No duty session ${sessionId}`)
    return w.update('dutySessions', sessionId, { pauses: closePauses(session, now()) }, { action: 'duty.resume' })
  })
}

export async function dayClosure(branchId: string, businessDate: string): Promise<DayClosure | undefined> {
  const rows = await database().records('dayClosures').where('[branchId+businessDate]').equals([branchId, businessDate]).toArray()
  return rows.find((r) => r.deleted === 0)
}

/**
 * Business dates from `from` to `to` (inclusive) that had visits and have not been closed: the days
 * the automatic close still owes. Read from the indexes alone (no visit is loaded).
 */
export async function unclosedDaysWithVisits(branchId: string, from: string, to: string): Promise<string[]> {
  const db = database()
  const [visitKeys, closures] = await Promise.all([
    db.records('visits').where('[branchId+businessDate]').between([branchId, from], [branchId, to], true, true).uniqueKeys(),
    db.records('dayClosures').where('[branchId+businessDate]').between([branchId, from], [branchId, to], true, true).toArray(),
  ])
  const closed = new Set(closures.filter((c) => c.deleted === 0).map((c) => c.businessDate))
  const dates = visitKeys.map((key) => (key as unknown as [string, string])[1])
  return [...new Set(dates)].filter((date) => !closed.has(date)).sort()
}

export interface DayCloseResult {
  closure: DayClosure
  /** The day had been closed already (by another tab, terminal or person): nothing was written. */
  alreadyClosed: boolean
}

/**
 * Closes the business day: the visits still waiting get their `unserved_at_close` event (nobody is
 * deleted), open duty sessions end, and the closure is recorded; numbering restarts with the next
 * date. `closedBy` is null when the day closed by itself at the set time. A day is closed once: when
 * a closure is already there (checked inside the transaction, so two tabs closing at the same
 * moment write one), nothing is written and that closure is returned.
 */
export async function closeBusinessDay(branchId: string, businessDate: string, unserved: { visitId: string; body: VisitEventBody }[], closedBy: string | null): Promise<DayCloseResult> {
  return writeRecords(['visits', 'visitEvents', 'dutySessions', 'dayClosures'], async (w) => {
    const existing = await dayClosure(branchId, businessDate)
    if (existing) return { closure: existing, alreadyClosed: true }
    const at = now()
    for (const { visitId, body } of unserved) {
      await w.insert('visitEvents', { visitId, branchId, businessDate, at, kind: body.kind, data: body.data as Record<string, unknown>, servicePointId: null, staffId: closedBy })
    }
    const open = (await dutySessions(branchId, businessDate)).filter((s) => s.endedAt === null)
    for (const session of open) await w.update('dutySessions', session.id, { endedAt: at, pauses: closePauses(session, at) })
    const closure = await w.insert('dayClosures', { branchId, businessDate, closedAt: at, closedBy, unservedCount: unserved.length }, { action: closedBy === null ? 'lobby.auto_close_day' : 'lobby.close_day' })
    return { closure, alreadyClosed: false }
  })
}
