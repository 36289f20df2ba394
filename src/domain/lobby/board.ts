/**
 * The lobby's live picture, derived from one day's visit states and who is on duty: per zone, who
 * waits in calling order, for how long (coloured by the rules' thresholds), the wait quoted to
 * each client against the wait so far, the points open, and the estimate for the next arrival.
 */
import type { DutySession, ServicePoint } from '../model/records'
import type { CallToAnnounce } from './announce'
import type { LobbyRules } from './purposes'
import { ZONES, type PriorityClass, type Zone } from './terms'
import type { VisitState } from './visitState'
import { callHistory, orderQueue, waitingIn, type CallingContext } from './callingOrder'
import { estimateWaitMinutes, recentServiceMinutes, waitColour } from './waitEstimate'

const MINUTE_MS = 60_000

export interface BoardRow {
  visitId: string
  ticketCode: string | null
  priorityClass: PriorityClass
  isVip: boolean
  waitedMinutes: number
  colour: 'green' | 'amber' | 'red'
  /** The wait estimated when the ticket was issued (kept on the arrival), null if none was quoted. */
  quotedMinutes: number | null
  appointmentAt: number | null
  clientId: string | null
}

export interface ZoneBoard {
  zone: Zone
  waiting: BoardRow[]
  /** Called and not yet started, or being served, with where. */
  atPoints: { visitId: string; ticketCode: string | null; servicePointId: string | null; status: 'called' | 'serving' }[]
  openPoints: number
  /** What a new arrival in this zone would be told: null when no point is open. */
  estimateMinutes: number | null
  longestWaitMinutes: number
}

/** Service points staffed now and not paused. */
export function openPointIds(sessions: readonly DutySession[]): Set<string> {
  return new Set(sessions.filter((s) => s.endedAt === null && s.pauses.every((p) => p.to !== null)).map((s) => s.servicePointId))
}

/** How many of a zone's points are open now. */
export function openPointsIn(zone: Zone, points: readonly ServicePoint[], sessions: readonly DutySession[]): number {
  const open = openPointIds(sessions)
  return points.filter((p) => p.kind === zone && p.active === 1 && open.has(p.id)).length
}

export interface BoardInput {
  states: readonly VisitState[]
  clientOf: (visitId: string) => string | null
  quotedOf: (visitId: string) => number | null
  points: readonly ServicePoint[]
  sessions: readonly DutySession[]
  rules: LobbyRules
  nowMs: number
}

/** One zone's board. */
export function zoneBoard(zone: Zone, input: BoardInput): ZoneBoard {
  const ctx: CallingContext = { nowMs: input.nowMs, rules: input.rules, history: callHistory(input.states, zone) }
  const byId = new Map(input.states.map((s) => [s.visitId, s]))
  const ordered = orderQueue(waitingIn(input.states, zone), ctx)
  const waiting = ordered.map((entry): BoardRow => {
    const state = byId.get(entry.visitId)!
    const waitedMinutes = Math.max(0, Math.floor((input.nowMs - state.arrivedAt) / MINUTE_MS))
    return {
      visitId: state.visitId,
      ticketCode: state.ticket?.code ?? null,
      priorityClass: state.priorityClass,
      isVip: state.isVip,
      waitedMinutes,
      colour: waitColour(waitedMinutes, input.rules),
      quotedMinutes: input.quotedOf(state.visitId),
      appointmentAt: state.appointmentAt,
      clientId: input.clientOf(state.visitId),
    }
  })
  const atPoints = input.states
    .filter((s) => s.zone === zone && (s.status === 'called' || s.status === 'serving'))
    .map((s) => ({ visitId: s.visitId, ticketCode: s.ticket?.code ?? null, servicePointId: s.servicePointId, status: s.status as 'called' | 'serving' }))
  const openPoints = openPointsIn(zone, input.points, input.sessions)
  return {
    zone,
    waiting,
    atPoints,
    openPoints,
    estimateMinutes: estimateWaitMinutes({ peopleAhead: waiting.length, openPoints, recentServiceMinutes: recentServiceMinutes(input.states, zone, input.rules.serviceTimeSampleSize), fallbackMinutes: input.rules.fallbackServiceMinutes[zone] }),
    longestWaitMinutes: waiting.reduce((max, row) => Math.max(max, row.waitedMinutes), 0),
  }
}

/** Every zone's board. */
export function lobbyBoard(input: BoardInput): ZoneBoard[] {
  return ZONES.map((zone) => zoneBoard(zone, input))
}

/** A call (or recall) as the lobby display shows and says it. */
export interface BoardCall extends CallToAnnounce {
  /** The visit event that made the call; each is announced once. */
  eventId: string
  at: number
  kind: 'called' | 'called_out_of_order' | 'recalled'
}

const CALL_KINDS: ReadonlySet<string> = new Set(['called', 'called_out_of_order', 'recalled'])

/**
 * Every accepted call and recall of the day made at a known service point, newest first. Each
 * carries the ticket the client held at that moment: a visit transferred after a call is
 * re-ticketed, and its earlier call still reads (and was spoken) with the old number.
 */
export function dayCalls(states: Iterable<VisitState>, points: ReadonlyMap<string, Pick<ServicePoint, 'number' | 'kind'>>): BoardCall[] {
  const calls: BoardCall[] = []
  for (const state of states) {
    for (const entry of state.history) {
      if (!CALL_KINDS.has(entry.kind) || !entry.servicePointId || !entry.ticketCode) continue
      const point = points.get(entry.servicePointId)
      if (!point) continue
      calls.push({ eventId: entry.eventId, at: entry.at, kind: entry.kind as BoardCall['kind'], ticketCode: entry.ticketCode, pointNumber: point.number, pointKind: point.kind })
    }
  }
  return calls.sort((a, b) => b.at - a.at || (a.eventId < b.eventId ? 1 : -1))
}

/** The latest call of each ticket, newest first (the display's current call, then the recent ones). */
export function latestCallPerTicket(calls: readonly BoardCall[]): BoardCall[] {
  const seen = new Set<string>()
  return calls.filter((call) => (seen.has(call.ticketCode) ? false : (seen.add(call.ticketCode), true)))
}
