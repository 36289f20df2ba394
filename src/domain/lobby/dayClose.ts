/**
 * Closing the business day (日终). The lobby manager closes it, or it closes itself at a set time.
 * Clients still waiting (or called and not yet come up) are recorded as unserved with an
 * `unserved_at_close` event: nothing is deleted, and numbering restarts with the next business date.
 */
import { businessDate as businessDateAt, timeOfDay, type BusinessDate } from '../time'
import type { VisitEventData, VisitState } from './visitState'

/** An event the day close writes (the caller adds ids, stamps, branch and business date). */
export interface DayCloseEvent {
  visitId: string
  kind: 'unserved_at_close'
  at: number
  data: VisitEventData<'unserved_at_close'>
}

export interface DayClosePlan {
  /** One `unserved_at_close` per visit still waiting or called. */
  events: DayCloseEvent[]
  /** Visits being served right now: left alone, for the manager to see before closing. */
  stillServing: string[]
}

/** What closing the day at `nowMs` records: unserved events for waiting and called visits, nothing else. */
export function closeDay(states: Iterable<VisitState>, nowMs: number): DayClosePlan {
  const events: DayCloseEvent[] = []
  const stillServing: string[] = []
  for (const state of states) {
    if (state.status === 'waiting' || state.status === 'called') {
      events.push({ visitId: state.visitId, kind: 'unserved_at_close', at: nowMs, data: { statusAtClose: state.status } })
    } else if (state.status === 'serving') {
      stillServing.push(state.visitId)
    }
  }
  return { events, stillServing }
}

/** How many days back the automatic close looks for a business day nobody closed (a long holiday fits). */
export const AUTO_CLOSE_LOOKBACK_DAYS = 31

export interface AutoCloseInput {
  nowMs: number
  timeZone: string
  /** The rules' 'HH:mm', or null when the day is only closed by hand. */
  autoCloseAt: string | null
  /** The business date in question, and whether it has been closed already. */
  businessDate: BusinessDate
  closed: boolean
}

/**
 * Whether a business date must be closed automatically now. A date already over is always due
 * (nobody closed it, or the terminal was off at closing time); today is due once the closing time
 * has come, when the rules set one.
 */
export function autoCloseDue(input: AutoCloseInput): boolean {
  if (input.closed) return false
  const today = businessDateAt(input.nowMs, input.timeZone)
  if (input.businessDate < today) return true
  if (input.autoCloseAt === null || input.businessDate > today) return false
  return timeOfDay(input.nowMs, input.timeZone) >= input.autoCloseAt
}
