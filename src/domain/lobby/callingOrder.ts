/**
 * The calling order (叫号顺序) of one zone's queue: who the next "call next" brings up, the order
 * the queue board shows, and how many people are ahead of a ticket.
 *
 * Lanes, in order:
 * 1. Appointments that are due: `appointmentAt` within the check-in window around now (from
 *    `beforeMinutes` before to `afterMinutes` after), earliest appointment first. Before the window
 *    an appointment client queues like everyone else; after it, too (a late appointment is a walk-in).
 * 2. Transfers placed at the front of this queue, in the order they were transferred.
 * 3. Everyone else, mixing the priority lane (VIP, elderly, disabled, pregnant) and the normal lane
 *    by the branch's ratio, say 2 normal : 1 priority, each lane by its queue key (arrival, or the
 *    placement time of a transfer to the end, or original arrival for an 'original' placement):
 *    - the zone's earlier calls from these two lanes (the history) say whose turn it is: after
 *      `ratio.normal` normal calls in a row, priority's turn; after `ratio.priority` priority
 *      calls in a row, normal's turn; the day starts with normal's turn;
 *    - the lane whose turn it is calls its earliest client; if that lane is empty, the other does;
 *    - but the earliest priority client is called whenever nobody waiting ahead of them would be
 *      passed: priority never waits longer than plain arrival order would make them.
 *    So priority neither jumps everyone (normals still get their calls between priority ones) nor
 *    sinks (a priority client is called within `ratio.normal` calls, or sooner).
 * Calls out of order (the person already standing at the point) and calls from the first two
 * lanes do not count towards the ratio, so taking someone out of order changes nobody else's turn.
 */
import type { LobbyRules } from './purposes'
import { isPriority, type CallLane, type PriorityClass, type QueueLane, type QueuePlacement, type Zone } from './terms'
import type { VisitState } from './visitState'

/** One waiting client as the calling order sees them. */
export interface QueueEntry {
  visitId: string
  priorityClass: PriorityClass
  queueKey: number
  placement: QueuePlacement
  /** When the client's appointment is for, or null for a walk-in. */
  appointmentAt: number | null
}

export interface CallingContext {
  nowMs: number
  rules: Pick<LobbyRules, 'priorityRatio' | 'appointmentWindow'>
  /** Lanes of the zone's earlier calls today, oldest first (see callHistory). */
  history: readonly CallLane[]
}

export interface NextCall {
  entry: QueueEntry
  lane: QueueLane
}

const MINUTE_MS = 60_000

/** Whether an appointment is within its check-in window at `nowMs` (both ends inclusive). */
export function isAppointmentDue(appointmentAt: number | null, nowMs: number, window: LobbyRules['appointmentWindow']): boolean {
  if (appointmentAt === null) return false
  return nowMs >= appointmentAt - window.beforeMinutes * MINUTE_MS && nowMs <= appointmentAt + window.afterMinutes * MINUTE_MS
}

/** The lane an entry is called from at `nowMs`. */
export function laneOf(entry: QueueEntry, ctx: Pick<CallingContext, 'nowMs' | 'rules'>): QueueLane {
  if (isAppointmentDue(entry.appointmentAt, ctx.nowMs, ctx.rules.appointmentWindow)) return 'appointment'
  if (entry.placement === 'front') return 'front'
  return isPriority(entry.priorityClass) ? 'priority' : 'normal'
}

/** Whether the ratio gives the next call to the priority lane, from the lanes of earlier calls. */
export function isPriorityTurn(history: readonly CallLane[], ratio: LobbyRules['priorityRatio']): boolean {
  let runLane: 'normal' | 'priority' | null = null
  let run = 0
  for (let i = history.length - 1; i >= 0; i--) {
    const lane = history[i]
    if (lane !== 'normal' && lane !== 'priority') continue
    if (runLane === null) runLane = lane
    if (lane !== runLane) break
    run += 1
  }
  if (runLane === null) return false
  return runLane === 'normal' ? run >= ratio.normal : run < ratio.priority
}

function byQueueKey(a: QueueEntry, b: QueueEntry): number {
  return a.queueKey - b.queueKey || (a.visitId < b.visitId ? -1 : a.visitId > b.visitId ? 1 : 0)
}

function byAppointment(a: QueueEntry, b: QueueEntry): number {
  return (a.appointmentAt ?? 0) - (b.appointmentAt ?? 0) || byQueueKey(a, b)
}

/** Who "call next" brings up, and from which lane; null when nobody is waiting. */
export function nextToCall(waiting: readonly QueueEntry[], ctx: CallingContext): NextCall | null {
  const lanes: Record<QueueLane, QueueEntry[]> = { appointment: [], front: [], priority: [], normal: [] }
  for (const entry of waiting) lanes[laneOf(entry, ctx)].push(entry)

  const appointment = lanes.appointment.sort(byAppointment)[0]
  if (appointment) return { entry: appointment, lane: 'appointment' }
  const front = lanes.front.sort(byQueueKey)[0]
  if (front) return { entry: front, lane: 'front' }

  const priority = lanes.priority.sort(byQueueKey)[0]
  const normal = lanes.normal.sort(byQueueKey)[0]
  if (!priority) return normal ? { entry: normal, lane: 'normal' } : null
  if (!normal) return { entry: priority, lane: 'priority' }
  const passesNobody = byQueueKey(priority, normal) < 0
  return isPriorityTurn(ctx.history, ctx.rules.priorityRatio) || passesNobody ? { entry: priority, lane: 'priority' } : { entry: normal, lane: 'normal' }
}

/**
 * The whole queue in calling order, as if "call next" were pressed until it is empty with nobody
 * else arriving (what the board shows and what "people ahead" counts).
 */
export function orderQueue(waiting: readonly QueueEntry[], ctx: CallingContext): QueueEntry[] {
  return orderWithLanes(waiting, ctx).map((call) => call.entry)
}

/** The calling order with the lane each client would be called from. */
export function orderWithLanes(waiting: readonly QueueEntry[], ctx: CallingContext): NextCall[] {
  const remaining = [...waiting]
  const history = [...ctx.history]
  const order: NextCall[] = []
  for (;;) {
    const next = nextToCall(remaining, { ...ctx, history })
    if (!next) return order
    order.push(next)
    history.push(next.lane)
    remaining.splice(remaining.indexOf(next.entry), 1)
  }
}

/** 1-based place of a visit in the calling order, or null when it is not waiting in this queue. */
export function positionOf(visitId: string, waiting: readonly QueueEntry[], ctx: CallingContext): number | null {
  const index = orderQueue(waiting, ctx).findIndex((entry) => entry.visitId === visitId)
  return index < 0 ? null : index + 1
}

/** How many people will be called before this visit (what the ticket prints). */
export function peopleAhead(visitId: string, waiting: readonly QueueEntry[], ctx: CallingContext): number | null {
  const position = positionOf(visitId, waiting, ctx)
  return position === null ? null : position - 1
}

/** The queue entry of a waiting visit, or null when the visit is not waiting. */
export function queueEntryOf(state: VisitState): QueueEntry | null {
  if (state.status !== 'waiting') return null
  return { visitId: state.visitId, priorityClass: state.priorityClass, queueKey: state.queueKey, placement: state.placement, appointmentAt: state.appointmentAt }
}

/** The visits waiting in a zone, as queue entries. */
export function waitingIn(states: Iterable<VisitState>, zone: Zone): QueueEntry[] {
  const entries: QueueEntry[] = []
  for (const state of states) {
    const entry = state.zone === zone ? queueEntryOf(state) : null
    if (entry) entries.push(entry)
  }
  return entries
}

/** Lanes of every accepted call made in a zone, oldest first: the history the ratio is kept over. */
export function callHistory(states: Iterable<VisitState>, zone: Zone): CallLane[] {
  const calls: { at: number; eventId: string; lane: CallLane }[] = []
  for (const state of states) for (const stint of state.stints) if (stint.zone === zone) calls.push(...stint.calls)
  return calls.sort((a, b) => a.at - b.at || (a.eventId < b.eventId ? -1 : 1)).map((call) => call.lane)
}
