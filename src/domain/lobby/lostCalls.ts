/**
 * Calls that lost: two service points called the same ticket (one of them offline, or both within
 * the same moment), and once their events met, the earlier call by the hybrid logical clock kept
 * the client (visitState.ts). The other point's call is not applied; the point must be told that
 * the client went to another window, and must not go on treating the visit as its own.
 */
import type { VisitState } from './visitState'

const CALL_KINDS: ReadonlySet<string> = new Set(['called', 'called_out_of_order'])

export interface LostCall {
  /** The call event that was not applied. */
  eventId: string
  visitId: string
  /** The ticket as the client holds it now. */
  ticketCode: string | null
  /** The service point whose call lost. */
  lostAt: string
  /** The service point that holds the client now, or null when the visit is no longer at any (ended, back waiting). */
  heldBy: string | null
}

/**
 * The calls among these visits that lost to another point's call (or came after the visit had
 * moved on), made from a known service point that does not hold the client now. `isOurs` picks the
 * call events a terminal made itself, so each terminal hears only about its own calls.
 */
export function lostCalls(states: Iterable<VisitState>, isOurs: (eventId: string) => boolean, pointOf: (eventId: string) => string | null): LostCall[] {
  const lost: LostCall[] = []
  for (const state of states) {
    for (const conflict of state.conflicts) {
      if (!CALL_KINDS.has(conflict.kind) || conflict.resolution !== 'ignored' || !isOurs(conflict.eventId)) continue
      if (conflict.reason !== 'already_called' && conflict.reason !== 'invalid_transition') continue
      const lostAt = pointOf(conflict.eventId)
      if (!lostAt || state.servicePointId === lostAt) continue
      lost.push({ eventId: conflict.eventId, visitId: state.visitId, ticketCode: state.ticket?.code ?? null, lostAt, heldBy: state.servicePointId })
    }
  }
  return lost
}
