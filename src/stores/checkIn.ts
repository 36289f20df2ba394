import { defineStore } from 'pinia'
import { database } from '@/db/connection'
import { now, writeRecords } from '@/db/write'
import { maskName } from '@/domain/clients/mask'
import { callHistory, peopleAhead, waitingIn } from '@/domain/lobby/callingOrder'
import { ENDED_AT_DOOR_ANTI_FRAUD } from '@/domain/lobby/antiFraud'
import type { VisitEventBody, VisitState } from '@/domain/lobby/visitState'
import type { Zone } from '@/domain/lobby/terms'
import { useLobbyStore, type ArrivalFacts } from './lobby'
import { useTerminalStore } from './terminal'
import { useSessionStore } from './session'

type AntiFraudData = Extract<VisitEventBody, { kind: 'anti_fraud_checked' }>['data']

/** What the ticket screen and the printed slip show. */
export interface TicketView {
  visitId: string
  code: string
  zone: Zone
  /** 王** (public display); '' for an anonymous walk-in. */
  maskedName: string
  priority: VisitState['priorityClass']
  /** null when the client is no longer waiting (called, served, gone). */
  peopleAhead: number | null
  /** The wait quoted when the ticket was issued; null when no service point was open. */
  estimateMinutes: number | null
  issuedAt: number
}

/**
 * The check-in at the door, on top of the lobby store: the ticket as its screen shows it, and an
 * arrival the anti-fraud check stopped (dissuaded or reported): recorded with the visit, no ticket.
 */
export const useCheckInStore = defineStore('checkIn', () => {
  const lobby = useLobbyStore()
  const terminal = useTerminalStore()
  const session = useSessionStore()

  /**
   * Records an arrival that ends at the door because the anti-fraud check stopped it: the visit, its
   * arrival (as triaged), the check and its outcome, and its end (the client left without a ticket),
   * in one transaction. The visit's details say why (`endedAtDoor: 'anti_fraud'`), so the lobby's
   * numbers can tell it from a walk-away in the queue.
   */
  async function turnAway(facts: ArrivalFacts, antiFraud: AntiFraudData): Promise<string> {
    const triaged = lobby.triageFor(facts)
    const staffId = session.staff?.id ?? null
    const branchId = terminal.state.branchId ?? ''
    const businessDate = terminal.today
    return writeRecords(['visits', 'visitEvents'], async (w) => {
      const at = now()
      const visit = await w.insert('visits', {
        branchId,
        businessDate,
        clientId: facts.client?.id ?? null,
        purpose: facts.purpose,
        zone: triaged.zone,
        arrivedAt: at,
        createdBy: staffId,
        appointmentId: null,
        details: { amountFen: facts.amountFen, endedAtDoor: ENDED_AT_DOOR_ANTI_FRAUD },
      })
      const bodies: VisitEventBody[] = [
        {
          kind: 'arrived',
          data: {
            purpose: facts.purpose,
            zone: triaged.zone,
            priorityClass: triaged.priorityClass,
            isVip: triaged.reasons.some((r) => r.startsWith('vip')),
            reasons: triaged.reasons,
            appointmentId: null,
            appointmentAt: null,
            antiFraudTriggers: lobby.antiFraudFor(facts),
          },
        },
        { kind: 'anti_fraud_checked', data: antiFraud },
        { kind: 'walked_away', data: {} },
      ]
      for (const body of bodies) {
        await w.insert('visitEvents', { visitId: visit.id, branchId, businessDate, at, kind: body.kind, data: body.data as Record<string, unknown>, servicePointId: null, staffId })
      }
      return visit.id
    })
  }

  /** The ticket of a visit as issued today, with the people now ahead of it; null when not found. */
  async function ticketView(visitId: string): Promise<TicketView | null> {
    const visit = await database().records('visits').get(visitId)
    if (!visit || visit.deleted !== 0) return null
    const picture = await lobby.picture(visit.businessDate)
    const state = picture.states.get(visitId)
    if (!state?.ticket) return null
    const client = visit.clientId ? await lobby.client(visit.clientId) : undefined
    const ahead = peopleAhead(visitId, waitingIn(picture.states.values(), state.zone), { nowMs: Date.now(), rules: lobby.rules, history: callHistory(picture.states.values(), state.zone) })
    const quoted = visit.details.quotedMinutes
    return {
      visitId,
      code: state.ticket.code,
      zone: state.zone,
      maskedName: client ? maskName(client) : '',
      priority: state.priorityClass,
      peopleAhead: ahead,
      estimateMinutes: typeof quoted === 'number' ? quoted : null,
      issuedAt: visit.arrivedAt,
    }
  }

  return { turnAway, ticketView }
})
