/**
 * Estimated wait (预计等候时间), from the zone's recent real service times and the number of open
 * service points, not a constant; and the queue board's colour for how long someone has waited.
 */
import type { LobbyRules } from './purposes'
import type { Zone } from './terms'
import type { VisitState } from './visitState'

const MINUTE_MS = 60_000

/** How many recent service times the estimate looks at unless the rules say otherwise. */
export const DEFAULT_SERVICE_TIME_SAMPLE = 20

/** The middle value (mean of the two middle ones for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * Minutes one client typically takes: the median of the last `sampleSize` real service times
 * (oldest first in the list), so one very long case does not inflate every estimate; the
 * fallback until the zone has served anyone.
 */
export function typicalServiceMinutes(recentServiceMinutes: readonly number[], fallbackMinutes: number, sampleSize = DEFAULT_SERVICE_TIME_SAMPLE): number {
  return median(recentServiceMinutes.slice(-sampleSize)) ?? fallbackMinutes
}

export interface WaitEstimateInput {
  peopleAhead: number
  /** Service points of the zone open (staffed, not paused) now. */
  openPoints: number
  /** The zone's latest real service times in minutes, oldest first (see recentServiceMinutes). */
  recentServiceMinutes: readonly number[]
  fallbackMinutes: number
  sampleSize?: number
}

/**
 * Whole minutes until the client is called: the people ahead share the open points, each taking
 * the typical service time, rounded up. Null when no point of the zone is open ("no counter open").
 */
export function estimateWaitMinutes(input: WaitEstimateInput): number | null {
  if (input.openPoints <= 0) return null
  const perClient = typicalServiceMinutes(input.recentServiceMinutes, input.fallbackMinutes, input.sampleSize)
  return Math.ceil((input.peopleAhead * perClient) / input.openPoints)
}

/**
 * Service times in a zone, in minutes, ordered by when service ended, the latest `limit` of them:
 * from start to finish, or to a transfer out after service had started.
 */
export function recentServiceMinutes(states: Iterable<VisitState>, zone: Zone, limit = DEFAULT_SERVICE_TIME_SAMPLE): number[] {
  const served: { endedAt: number; minutes: number }[] = []
  for (const state of states) {
    for (const stint of state.stints) {
      if (stint.zone !== zone || stint.startedAt === null || stint.endedAt === null) continue
      if (stint.status !== 'done' && stint.status !== 'transferred') continue
      served.push({ endedAt: stint.endedAt, minutes: (stint.endedAt - stint.startedAt) / MINUTE_MS })
    }
  }
  return served.sort((a, b) => a.endedAt - b.endedAt).slice(-limit).map((s) => s.minutes)
}

export type WaitColour = 'green' | 'amber' | 'red'

/** The board colour: amber from the amber threshold (inclusive), red from the red one. */
export function waitColour(minutes: number, rules: Pick<LobbyRules, 'waitThresholds'>): WaitColour {
  if (minutes >= rules.waitThresholds.redMinutes) return 'red'
  if (minutes >= rules.waitThresholds.amberMinutes) return 'amber'
  return 'green'
}

/** Minutes a waiting client has been in their current zone's queue at `nowMs`. */
export function minutesWaited(state: VisitState, nowMs: number): number {
  const stint = state.stints[state.stints.length - 1]
  return Math.max(0, (nowMs - (stint?.enteredAt ?? state.arrivedAt)) / MINUTE_MS)
}
