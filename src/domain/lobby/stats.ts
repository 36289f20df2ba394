/**
 * The lobby's numbers for one business day, from derived visit states: arrivals by hour, waiting
 * time per zone (average and 90th percentile), share served within the target time, no-shows,
 * walk-aways and unserved clients, clients the anti-fraud check turned away at the door, VIP
 * arrivals and how fast they were seated; per staff member and service point, clients served,
 * average walk-up (called → started) and service time.
 *
 * A wait is counted per zone stint: from arrival (or the transfer in) to the first call there.
 * Idle time and pauses come from duty sessions (`dutyFigures`), anti-fraud outcomes from the visits'
 * checks (`antiFraudFigures`), complaints open and overdue from complaint rows (`complaintFigures`).
 */
import { timeOfDay } from '../time'
import { PAUSE_REASONS, type Complaint, type DutySession, type PauseReason } from '../model/records'
import { ANTI_FRAUD_OUTCOMES, type AntiFraudOutcome } from './antiFraud'
import type { LobbyRules } from './purposes'
import { ZONES, type Zone } from './terms'
import type { VisitState, ZoneStint } from './visitState'

const MINUTE_MS = 60_000

/**
 * Nearest-rank percentile: the smallest value with at least p % of the values at or below it
 * (rank ⌈p/100 × n⌉ in ascending order), always one of the values. Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`Percentile must be in (0, 100]: ${p}`)
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.max(1, rank) - 1]!
}

/** Arithmetic mean, or null for no values. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, x) => sum + x, 0) / values.length
}

export interface ZoneDayStats {
  zone: Zone
  /** Clients who queued here: arrivals and transfers in. */
  arrivals: number
  /** Waits that ended in a call, and their average and 90th percentile in minutes. */
  waited: number
  averageWaitMinutes: number | null
  p90WaitMinutes: number | null
  /**
   * Called within the target time, out of every wait that is over: called, or left uncalled
   * (walked away, unserved at close). Clients still waiting, and those moved on uncalled by a
   * transfer, are not counted either way.
   */
  withinTarget: number
  waitsOver: number
  withinTargetShare: number | null
  noShows: number
  walkAways: number
  unserved: number
}

/** One staff member's or service point's figures. */
export interface ServerStats {
  id: string
  /** Clients whose service started and ended (finished, or transferred on after starting). */
  served: number
  averageWalkUpMinutes: number | null
  averageServiceMinutes: number | null
  totalServiceMinutes: number
}

export interface LobbyDayStats {
  arrivals: number
  /** Arrivals per hour of the branch's day, index 0–23. */
  arrivalsByHour: number[]
  zones: Record<Zone, ZoneDayStats>
  noShows: number
  /** Clients who left the queue (walked away); not those the anti-fraud check stopped at the door. */
  walkAways: number
  unserved: number
  /** Dissuaded or reported at the door by the anti-fraud check: they never queued, and got no ticket. */
  antiFraudTurnedAway: number
  vip: {
    arrivals: number
    /** VIPs whose service started, and minutes from arrival to the first start. */
    seated: number
    averageMinutesToSeat: number | null
    /** Nearest-rank median (the lower middle value for an even count). */
    medianMinutesToSeat: number | null
    p90MinutesToSeat: number | null
  }
  byStaff: ServerStats[]
  byServicePoint: ServerStats[]
}

const minutes = (from: number, to: number): number => (to - from) / MINUTE_MS

/** The minutes a stint's client waited before the first call, or null when never called there. */
export function stintWaitMinutes(stint: ZoneStint): number | null {
  const first = stint.calls[0]
  return first ? minutes(stint.enteredAt, first.at) : null
}

function zoneStats(zone: Zone, stints: readonly ZoneStint[], targetMinutes: number): ZoneDayStats {
  const inZone = stints.filter((stint) => stint.zone === zone)
  const waits = inZone.map(stintWaitMinutes).filter((w): w is number => w !== null)
  const leftUncalled = inZone.filter((s) => s.calls.length === 0 && (s.status === 'walked_away' || s.status === 'unserved')).length
  const withinTarget = waits.filter((w) => w <= targetMinutes).length
  const waitsOver = waits.length + leftUncalled
  const count = (status: ZoneStint['status']) => inZone.filter((s) => s.status === status).length
  return {
    zone,
    arrivals: inZone.length,
    waited: waits.length,
    averageWaitMinutes: mean(waits),
    p90WaitMinutes: percentile(waits, 90),
    withinTarget,
    waitsOver,
    withinTargetShare: waitsOver === 0 ? null : withinTarget / waitsOver,
    noShows: count('no_show'),
    walkAways: count('walked_away'),
    unserved: count('unserved'),
  }
}

function serverStats(stints: readonly ZoneStint[], key: (stint: ZoneStint) => string | null): ServerStats[] {
  const groups = new Map<string, ZoneStint[]>()
  for (const stint of stints) {
    const id = key(stint)
    const served = stint.startedAt !== null && stint.endedAt !== null && (stint.status === 'done' || stint.status === 'transferred')
    if (id !== null && served) groups.set(id, [...(groups.get(id) ?? []), stint])
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, served]) => {
      const walkUps = served.flatMap((s) => (s.call ? [minutes(s.call.at, s.startedAt!)] : []))
      const services = served.map((s) => minutes(s.startedAt!, s.endedAt!))
      return { id, served: served.length, averageWalkUpMinutes: mean(walkUps), averageServiceMinutes: mean(services), totalServiceMinutes: services.reduce((a, b) => a + b, 0) }
    })
}

/**
 * The day's figures for a set of visits (one branch, one business date), hours in `timeZone`.
 * `turnedAway` holds the visits the anti-fraud check ended at the door (the visit's details say so):
 * they count as arrivals and as turned away, never as walk-aways or in a zone's queue.
 */
export function lobbyDayStats(visits: readonly VisitState[], timeZone: string, rules: Pick<LobbyRules, 'targetWaitMinutes'>, turnedAway: ReadonlySet<string> = new Set()): LobbyDayStats {
  const arrivalsByHour = Array.from({ length: 24 }, () => 0)
  for (const visit of visits) {
    const hour = Number(timeOfDay(visit.arrivedAt, timeZone).slice(0, 2))
    arrivalsByHour[hour] = (arrivalsByHour[hour] ?? 0) + 1
  }
  const queued = visits.filter((visit) => !turnedAway.has(visit.visitId))
  const stints = queued.flatMap((visit) => visit.stints)
  const zones = Object.fromEntries(ZONES.map((zone) => [zone, zoneStats(zone, stints, rules.targetWaitMinutes)])) as Record<Zone, ZoneDayStats>
  const vips = visits.filter((visit) => visit.isVip)
  const toSeat = vips.flatMap((visit) => {
    const started = visit.stints.find((stint) => stint.startedAt !== null)?.startedAt
    return started === undefined || started === null ? [] : [minutes(visit.arrivedAt, started)]
  })
  const countStatus = (status: VisitState['status']) => queued.filter((visit) => visit.status === status).length
  return {
    arrivals: visits.length,
    arrivalsByHour,
    zones,
    noShows: countStatus('no_show'),
    walkAways: countStatus('walked_away'),
    unserved: countStatus('unserved'),
    antiFraudTurnedAway: visits.length - queued.length,
    vip: { arrivals: vips.length, seated: toSeat.length, averageMinutesToSeat: mean(toSeat), medianMinutesToSeat: percentile(toSeat, 50), p90MinutesToSeat: percentile(toSeat, 90) },
    byStaff: serverStats(stints, (stint) => stint.staffId),
    byServicePoint: serverStats(stints, (stint) => stint.servicePointId),
  }
}

/** On-duty time of one staff member or service point, from their duty sessions. */
export interface DutyFigures {
  id: string
  /** Minutes signed on (open sessions counted up to `untilMs`). */
  onDutyMinutes: number
  /** Minutes paused, in total and by reason, with how many pauses. */
  pausedMinutes: number
  pauses: Record<PauseReason, { count: number; minutes: number }>
  /** Minutes serving (from the visit figures). */
  servingMinutes: number
  /** On duty minus serving minus paused, never below zero. */
  idleMinutes: number
}

const emptyPauses = (): Record<PauseReason, { count: number; minutes: number }> =>
  Object.fromEntries(PAUSE_REASONS.map((reason) => [reason, { count: 0, minutes: 0 }])) as Record<PauseReason, { count: number; minutes: number }>

/**
 * Duty time per staff member or service point (`key`). A session still open ends at `untilMs`
 * (now, or the end of a past day); a pause still open ends with its session; pauses are clipped to
 * their session and a session or pause ending before it began counts zero. Serving minutes come
 * from the visit figures for the same key; idle = on duty − serving − paused, at least zero.
 */
export function dutyFigures(sessions: readonly DutySession[], serving: readonly ServerStats[], key: 'staffId' | 'servicePointId', untilMs: number): DutyFigures[] {
  const servingOf = new Map(serving.map((s) => [s.id, s.totalServiceMinutes]))
  const groups = new Map<string, DutyFigures>()
  const figuresFor = (id: string): DutyFigures => {
    const found = groups.get(id)
    if (found) return found
    const created: DutyFigures = { id, onDutyMinutes: 0, pausedMinutes: 0, pauses: emptyPauses(), servingMinutes: servingOf.get(id) ?? 0, idleMinutes: 0 }
    groups.set(id, created)
    return created
  }
  for (const session of sessions) {
    const figures = figuresFor(session[key])
    const end = Math.max(session.startedAt, session.endedAt ?? Math.max(untilMs, session.startedAt))
    figures.onDutyMinutes += minutes(session.startedAt, end)
    for (const pause of session.pauses) {
      const from = Math.min(Math.max(pause.from, session.startedAt), end)
      const to = Math.min(Math.max(pause.to ?? end, from), end)
      const reason = figures.pauses[pause.reason]
      reason.count += 1
      reason.minutes += minutes(from, to)
      figures.pausedMinutes += minutes(from, to)
    }
  }
  // Someone who served without a recorded session still shows, with no duty time.
  for (const id of servingOf.keys()) figuresFor(id)
  return [...groups.values()]
    .map((f) => ({ ...f, idleMinutes: Math.max(0, f.onDutyMinutes - f.servingMinutes - f.pausedMinutes) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export interface AntiFraudFigures {
  /** Visits where a trigger asked for the anti-fraud questions. */
  prompts: number
  /** Visits with a check recorded, by the outcome of their latest check. */
  checked: number
  outcomes: Record<AntiFraudOutcome, number>
  /** Prompted, and no check recorded yet. */
  pending: number
}

/**
 * Anti-fraud prompts and their outcomes: a visit counts once, by its latest check (a re-check
 * replaces the first answer). A check recorded without a trigger (asked by the manager's own
 * judgement) still counts as a prompt.
 */
export function antiFraudFigures(visits: readonly VisitState[]): AntiFraudFigures {
  const outcomes = Object.fromEntries(ANTI_FRAUD_OUTCOMES.map((o) => [o, 0])) as Record<AntiFraudOutcome, number>
  let prompts = 0
  let checked = 0
  let pending = 0
  for (const visit of visits) {
    const latest = [...visit.antiFraudChecks].sort((a, b) => a.at - b.at).at(-1)
    if (visit.antiFraudTriggers.length === 0 && !latest) continue
    prompts += 1
    if (latest) {
      checked += 1
      outcomes[latest.outcome] += 1
    } else pending += 1
  }
  return { prompts, checked, outcomes, pending }
}

export interface ComplaintFigures {
  /** Not closed (open or escalated). */
  open: number
  /** Of those, past their deadline: due strictly before `nowMs`. */
  overdue: number
  escalated: number
}

/** Complaints open and overdue now; a complaint due exactly now is not yet overdue. */
export function complaintFigures(complaints: readonly Pick<Complaint, 'status' | 'dueAt' | 'deleted'>[], nowMs: number): ComplaintFigures {
  const open = complaints.filter((c) => c.deleted === 0 && c.status !== 'closed')
  return { open: open.length, overdue: open.filter((c) => c.dueAt < nowMs).length, escalated: open.filter((c) => c.status === 'escalated').length }
}
