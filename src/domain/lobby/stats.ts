/**
 * The lobby's numbers for one business day, from derived visit states: arrivals by hour, waiting
 * time per zone (average and 90th percentile), share served within the target time, no-shows,
 * walk-aways and unserved clients, VIP arrivals and how fast they were seated; per staff member and
 * service point, clients served, average walk-up (called → started) and service time.
 *
 * A wait is counted per zone stint: from arrival (or the transfer in) to the first call there.
 * Idle time and pauses need duty sessions, which visit events do not hold.
 */
import { timeOfDay } from '../time'
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
  walkAways: number
  unserved: number
  vip: {
    arrivals: number
    /** VIPs whose service started, and minutes from arrival to the first start. */
    seated: number
    averageMinutesToSeat: number | null
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

/** The day's figures for a set of visits (one branch, one business date), hours in `timeZone`. */
export function lobbyDayStats(visits: readonly VisitState[], timeZone: string, rules: Pick<LobbyRules, 'targetWaitMinutes'>): LobbyDayStats {
  const arrivalsByHour = Array.from({ length: 24 }, () => 0)
  for (const visit of visits) {
    const hour = Number(timeOfDay(visit.arrivedAt, timeZone).slice(0, 2))
    arrivalsByHour[hour] = (arrivalsByHour[hour] ?? 0) + 1
  }
  const stints = visits.flatMap((visit) => visit.stints)
  const zones = Object.fromEntries(ZONES.map((zone) => [zone, zoneStats(zone, stints, rules.targetWaitMinutes)])) as Record<Zone, ZoneDayStats>
  const vips = visits.filter((visit) => visit.isVip)
  const toSeat = vips.flatMap((visit) => {
    const started = visit.stints.find((stint) => stint.startedAt !== null)?.startedAt
    return started === undefined || started === null ? [] : [minutes(visit.arrivedAt, started)]
  })
  const countStatus = (status: VisitState['status']) => visits.filter((visit) => visit.status === status).length
  return {
    arrivals: visits.length,
    arrivalsByHour,
    zones,
    noShows: countStatus('no_show'),
    walkAways: countStatus('walked_away'),
    unserved: countStatus('unserved'),
    vip: { arrivals: vips.length, seated: toSeat.length, averageMinutesToSeat: mean(toSeat), p90MinutesToSeat: percentile(toSeat, 90) },
    byStaff: serverStats(stints, (stint) => stint.staffId),
    byServicePoint: serverStats(stints, (stint) => stint.servicePointId),
  }
}
