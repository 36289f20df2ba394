/**
 * A visit's current state, derived from its append-only events (VisitEvent records: what, when,
 * where, by whom). Terminals merge their events as a union ordered by hybrid-logical-clock stamp
 * then id, so the derivation:
 * - sorts by (hlc, id) itself, whatever order it is given the events in;
 * - ignores a repeated event id (the same event received twice);
 * - applies each event as a step of a state machine; a step that does not fit the state reached
 *   so far (a second call from another terminal, a finish after the client walked away, …) is not
 *   applied and is reported in `conflicts`: the step earlier by hlc wins, every time, everywhere.
 *
 * Service points only act on their own client: a step from another point is a conflict, except
 * `started` (service actually began where the client went: that is accepted and reported). Steps
 * without a service point come from the lobby manager's tablet and may act on any visit.
 */
import * as v from 'valibot'
import { compareHlc } from '../hlc'
import { ANTI_FRAUD_OUTCOMES, ANTI_FRAUD_TRIGGERS, type AntiFraudOutcome, type AntiFraudTrigger } from './antiFraud'
import { PRIORITY_CLASSES, QUEUE_LANES, TRANSFER_PLACEMENTS, ZONES, type CallLane, type PriorityClass, type QueuePlacement, type Zone } from './terms'
import type { TriageOverride } from './triage'

const Ms = v.pipe(v.number(), v.integer(), v.minValue(0))
const NonEmpty = v.pipe(v.string(), v.minLength(1))
const ZoneSchema = v.picklist(ZONES)
const PriorityClassSchema = v.picklist(PRIORITY_CLASSES)
const Services = v.array(NonEmpty)
const Placement = v.object({ zone: ZoneSchema, priorityClass: PriorityClassSchema })

function kind<const K extends string, const E extends v.ObjectEntries>(name: K, data: E) {
  return v.object({ kind: v.literal(name), data: v.object(data) })
}

/** The kinds of visit events and their payloads (the `data` of a VisitEvent record). */
export const VisitEventBody = v.variant('kind', [
  /** The lobby manager greeted and triaged the client; `at` is the arrival time. */
  kind('arrived', {
    purpose: NonEmpty,
    zone: ZoneSchema,
    priorityClass: PriorityClassSchema,
    isVip: v.optional(v.boolean(), false),
    /** TriageReason codes. */
    reasons: v.optional(v.array(v.string()), []),
    appointmentId: v.optional(v.nullable(v.string()), null),
    /** When the appointment is for; it is called first within the check-in window. */
    appointmentAt: v.optional(v.nullable(Ms), null),
    /** Set when triage found an anti-fraud trigger: the check is pending until recorded. */
    antiFraudTriggers: v.optional(v.array(v.picklist(ANTI_FRAUD_TRIGGERS)), []),
  }),
  kind('ticket_issued', { ticketId: v.optional(v.nullable(v.string()), null), code: NonEmpty, prefix: NonEmpty, seq: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  /** Called by a service point, from the lane the calling order chose. */
  kind('called', { lane: v.optional(v.picklist(QUEUE_LANES), 'normal') }),
  /** Called out of order: the person already standing at the point. */
  kind('called_out_of_order', { reason: v.optional(v.string(), '') }),
  /** The display repeats the call. */
  kind('recalled', {}),
  kind('started', {}),
  /** Service finished, with what was done. */
  kind('finished', { services: Services }),
  kind('transferred', {
    toZone: ZoneSchema,
    placement: v.picklist(TRANSFER_PLACEMENTS),
    /** A new priority class for the next queue; absent to keep the current one. */
    priorityClass: v.optional(v.nullable(PriorityClassSchema), null),
    reason: v.optional(v.string(), ''),
    /** Services delivered before the transfer. */
    services: v.optional(Services, []),
  }),
  kind('no_show', {}),
  kind('walked_away', {}),
  /** Undoes the no-show or walk-away that ended the visit: the client is back in their place. */
  kind('undone', { undoesEventId: NonEmpty, reason: v.optional(v.string(), '') }),
  /** Recorded by the day close for a client still waiting (or called) when the day ended. */
  kind('unserved_at_close', { statusAtClose: v.optional(v.picklist(['waiting', 'called']), 'waiting') }),
  kind('anti_fraud_checked', {
    outcome: v.picklist(ANTI_FRAUD_OUTCOMES),
    triggers: v.optional(v.array(v.picklist(ANTI_FRAUD_TRIGGERS)), []),
    /** Question codes the client's answers raised concern on. */
    flaggedQuestions: v.optional(v.array(v.string()), []),
    amountFen: v.optional(v.nullable(v.pipe(v.number(), v.safeInteger())), null),
    note: v.optional(v.string(), ''),
  }),
  /** The lobby manager overrode triage (zone and/or priority class) of a waiting client. */
  kind('overridden', { from: Placement, to: Placement, reason: NonEmpty }),
])
export type VisitEventBody = v.InferOutput<typeof VisitEventBody>
export type VisitEventKind = VisitEventBody['kind']
export type VisitEventData<K extends VisitEventKind> = Extract<VisitEventBody, { kind: K }>['data']

export const VISIT_EVENT_KINDS = VisitEventBody.options.map((option) => option.entries.kind.literal) as readonly VisitEventKind[]

/** A typed event body to write: `{ kind, data }` checked against the kind at compile time. */
export function visitEventBody<K extends VisitEventKind>(kindName: K, data: VisitEventData<K>): { kind: K; data: VisitEventData<K> } {
  return { kind: kindName, data }
}

/** What derivation reads from a stored VisitEvent (the record type satisfies it). */
export interface VisitEventInput {
  id: string
  visitId: string
  hlc: string
  /** Wall-clock time of the step on the terminal that took it. */
  at: number
  servicePointId: string | null
  staffId: string | null
  kind: string
  data: Record<string, unknown>
  /** Soft-deleted events (never written by the lobby, but possible in a restored backup) are skipped. */
  deleted?: 0 | 1
}

type EventMeta = Omit<VisitEventInput, 'kind' | 'data' | 'deleted'>
export type TypedVisitEvent = EventMeta & VisitEventBody

/** The event with its kind and payload checked, or null when they do not match any kind. */
export function parseVisitEvent(event: VisitEventInput): TypedVisitEvent | null {
  const body = v.safeParse(VisitEventBody, { kind: event.kind, data: event.data })
  if (!body.success) return null
  const { id, visitId, hlc, at, servicePointId, staffId } = event
  return { id, visitId, hlc, at, servicePointId, staffId, ...body.output }
}

/** Merge order: hybrid-logical-clock stamp, then id. */
export function compareEvents(a: Pick<VisitEventInput, 'hlc' | 'id'>, b: Pick<VisitEventInput, 'hlc' | 'id'>): number {
  return compareHlc(a.hlc, b.hlc) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** Events in merge order, each id once (the first in that order), soft-deleted ones left out. */
export function mergeOrder<T extends VisitEventInput>(events: readonly T[]): T[] {
  const seen = new Set<string>()
  const sorted = events.filter((event) => event.deleted !== 1).sort(compareEvents)
  return sorted.filter((event) => (seen.has(event.id) ? false : (seen.add(event.id), true)))
}

export const VISIT_STATUSES = ['waiting', 'called', 'serving', 'done', 'no_show', 'walked_away', 'unserved'] as const
export type VisitStatus = (typeof VISIT_STATUSES)[number]

/** Statuses a visit does not leave (except a no-show or walk-away, by undo). */
export const FINAL_STATUSES: readonly VisitStatus[] = ['done', 'no_show', 'walked_away', 'unserved']

export function isFinal(status: VisitStatus): boolean {
  return FINAL_STATUSES.includes(status)
}

export interface CallRecord {
  eventId: string
  at: number
  lane: CallLane
  servicePointId: string | null
  staffId: string | null
}

/** The visit's time in one zone's queue: from arrival or a transfer in, to a transfer out or the end. */
export interface ZoneStint {
  zone: Zone
  priorityClass: PriorityClass
  /** Arrival, or the transfer that brought the client here. */
  enteredAt: number
  /** Orders the client within the zone's queue (with `placement`). */
  queueKey: number
  placement: QueuePlacement
  /** Every accepted call in this zone, in order (recalls not included). */
  calls: CallRecord[]
  /** The call that holds the client now (cleared when a no-show is undone). */
  call: CallRecord | null
  recalls: number
  startedAt: number | null
  servicePointId: string | null
  staffId: string | null
  /** When the client left this zone: transferred out, served, or gone. */
  endedAt: number | null
  status: VisitStatus | 'transferred'
  services: string[]
}

export interface AntiFraudCheck {
  eventId: string
  at: number
  staffId: string | null
  outcome: AntiFraudOutcome
  triggers: AntiFraudTrigger[]
  flaggedQuestions: string[]
  amountFen: number | null
  note: string
}

export type ConflictReason =
  | 'malformed'
  | 'other_visit'
  | 'before_arrival'
  | 'duplicate_arrival'
  | 'already_called'
  | 'invalid_transition'
  | 'other_service_point'
  | 'started_at_other_point'
  | 'undo_target_not_current'

export interface VisitConflict {
  eventId: string
  kind: string
  reason: ConflictReason
  /** 'accepted' only for a start at another point than the one that called; otherwise not applied. */
  resolution: 'ignored' | 'accepted'
  /** The event that holds the state the step clashed with (the winning call, …), when there is one. */
  against: string | null
}

export interface HistoryEntry {
  eventId: string
  kind: VisitEventKind
  at: number
  hlc: string
  servicePointId: string | null
  staffId: string | null
  /** The ticket the client held once this step was applied (a transfer re-tickets a visit), null before any. */
  ticketCode: string | null
}

export interface VisitState {
  visitId: string
  status: VisitStatus
  purpose: string
  isVip: boolean
  triageReasons: string[]
  arrivedAt: number
  appointmentId: string | null
  appointmentAt: number | null
  /** The current zone and how the client is queued there. */
  zone: Zone
  priorityClass: PriorityClass
  queueKey: number
  placement: QueuePlacement
  ticket: { ticketId: string | null; code: string; prefix: string; seq: number } | null
  calledAt: number | null
  callLane: CallLane | null
  servicePointId: string | null
  staffId: string | null
  recalls: number
  startedAt: number | null
  finishedAt: number | null
  /** When the visit reached a final status, and the event that put it there (the undo target). */
  endedAt: number | null
  endedBy: string | null
  /** Services delivered, across all zones. */
  services: string[]
  stints: ZoneStint[]
  antiFraudTriggers: AntiFraudTrigger[]
  antiFraudChecks: AntiFraudCheck[]
  /** A trigger was found and no check has been recorded yet. */
  antiFraudPending: boolean
  overrides: (TriageOverride & { eventId: string; at: number; staffId: string | null })[]
  /** Applied steps, in merge order. */
  history: HistoryEntry[]
  conflicts: VisitConflict[]
}

type Arrival = Extract<TypedVisitEvent, { kind: 'arrived' }>

interface Draft {
  arrival: Arrival
  ticket: VisitState['ticket']
  stints: ZoneStint[]
  endedBy: string | null
  antiFraudChecks: AntiFraudCheck[]
  overrides: VisitState['overrides']
}

/** The state of one visit from its events, or null when no (well-formed) arrival is among them. */
export function deriveVisit(events: readonly VisitEventInput[]): VisitState | null {
  const ordered = mergeOrder(events)
  const parsed = ordered.map((event) => ({ event, typed: parseVisitEvent(event) }))
  const arrival = parsed.find((p): p is { event: VisitEventInput; typed: Arrival } => p.typed?.kind === 'arrived')?.typed
  if (!arrival) return null

  const draft: Draft = { arrival, ticket: null, stints: [openStint(arrival)], endedBy: null, antiFraudChecks: [], overrides: [] }
  const history: HistoryEntry[] = []
  const conflicts: VisitConflict[] = []
  let arrived = false

  for (const { event, typed } of parsed) {
    const conflict = (reason: ConflictReason, against: string | null = null): VisitConflict => ({ eventId: event.id, kind: event.kind, reason, resolution: 'ignored', against })
    if (typed === null) conflicts.push(conflict('malformed'))
    else if (typed.visitId !== arrival.visitId) conflicts.push(conflict('other_visit'))
    else if (!arrived && typed !== arrival) conflicts.push(conflict('before_arrival', arrival.id))
    else {
      const outcome = typed === arrival ? null : typed.kind === 'arrived' ? conflict('duplicate_arrival', arrival.id) : step(draft, typed)
      if (typed === arrival) arrived = true
      if (outcome) conflicts.push({ ...outcome, eventId: event.id, kind: event.kind })
      if (!outcome || outcome.resolution === 'accepted') history.push(historyEntry(typed, draft.ticket?.code ?? null))
    }
  }
  return summarise(draft, history, conflicts)
}

/** Every visit's state from a mixed list of events, by visit id. */
export function deriveVisits(events: readonly VisitEventInput[]): Map<string, VisitState> {
  const byVisit = new Map<string, VisitEventInput[]>()
  for (const event of events) byVisit.set(event.visitId, [...(byVisit.get(event.visitId) ?? []), event])
  const states = new Map<string, VisitState>()
  for (const [visitId, visitEvents] of byVisit) {
    const state = deriveVisit(visitEvents)
    if (state) states.set(visitId, state)
  }
  return states
}

function openStint(arrival: Arrival): ZoneStint {
  return {
    zone: arrival.data.zone,
    priorityClass: arrival.data.priorityClass,
    enteredAt: arrival.at,
    queueKey: arrival.at,
    placement: 'arrival',
    calls: [],
    call: null,
    recalls: 0,
    startedAt: null,
    servicePointId: null,
    staffId: null,
    endedAt: null,
    status: 'waiting',
    services: [],
  }
}

function historyEntry(event: TypedVisitEvent, ticketCode: string | null): HistoryEntry {
  return { eventId: event.id, kind: event.kind, at: event.at, hlc: event.hlc, servicePointId: event.servicePointId, staffId: event.staffId, ticketCode }
}

type StepConflict = Omit<VisitConflict, 'eventId' | 'kind'>

const ignored = (reason: ConflictReason, against: string | null = null): StepConflict => ({ reason, resolution: 'ignored', against })

/** Whether a step from this event's service point may act on the client held at the stint's point. */
function actsHere(event: TypedVisitEvent, stint: ZoneStint): boolean {
  return event.servicePointId === null || stint.servicePointId === null || event.servicePointId === stint.servicePointId
}

/** Applies one step to the draft; returns the conflict when the step does not fit. */
function step(draft: Draft, event: TypedVisitEvent): StepConflict | null {
  const stint = draft.stints[draft.stints.length - 1]!
  const status = stint.status as VisitStatus
  const holder = stint.call?.eventId ?? null
  const invalid = () => ignored('invalid_transition', draft.endedBy ?? holder)

  switch (event.kind) {
    case 'arrived':
      return ignored('duplicate_arrival', draft.arrival.id)
    case 'ticket_issued':
      if (isFinal(status)) return invalid()
      draft.ticket = { ticketId: event.data.ticketId, code: event.data.code, prefix: event.data.prefix, seq: event.data.seq }
      return null
    case 'called':
    case 'called_out_of_order': {
      if (status === 'called') return ignored('already_called', holder)
      if (status !== 'waiting') return invalid()
      const lane: CallLane = event.kind === 'called' ? event.data.lane : 'out_of_order'
      const call: CallRecord = { eventId: event.id, at: event.at, lane, servicePointId: event.servicePointId, staffId: event.staffId }
      patch(stint, { status: 'called', call, calls: [...stint.calls, call], recalls: 0, servicePointId: event.servicePointId, staffId: event.staffId })
      return null
    }
    case 'recalled':
      if (status !== 'called') return invalid()
      if (!actsHere(event, stint)) return ignored('other_service_point', holder)
      stint.recalls += 1
      return null
    case 'started': {
      if (status !== 'called') return invalid()
      const elsewhere = !actsHere(event, stint)
      patch(stint, { status: 'serving', startedAt: event.at, servicePointId: event.servicePointId ?? stint.servicePointId, staffId: event.staffId ?? stint.staffId })
      return elsewhere ? { reason: 'started_at_other_point', resolution: 'accepted', against: holder } : null
    }
    case 'finished':
      if (status !== 'serving') return invalid()
      if (!actsHere(event, stint)) return ignored('other_service_point', holder)
      patch(stint, { status: 'done', endedAt: event.at, services: [...stint.services, ...event.data.services] })
      draft.endedBy = event.id
      return null
    case 'transferred':
      if (status !== 'waiting' && status !== 'called' && status !== 'serving') return invalid()
      if (status !== 'waiting' && !actsHere(event, stint)) return ignored('other_service_point', holder)
      transfer(draft, stint, event)
      return null
    case 'no_show':
      if (status !== 'called') return invalid()
      if (!actsHere(event, stint)) return ignored('other_service_point', holder)
      return end(draft, stint, event, 'no_show')
    case 'walked_away':
      if (status !== 'waiting' && status !== 'called') return invalid()
      return end(draft, stint, event, 'walked_away')
    case 'unserved_at_close':
      if (status !== 'waiting' && status !== 'called') return invalid()
      return end(draft, stint, event, 'unserved')
    case 'undone':
      if ((status !== 'no_show' && status !== 'walked_away') || draft.endedBy !== event.data.undoesEventId) return ignored('undo_target_not_current', draft.endedBy)
      // Back in the same place: the queue key is untouched; the call that went unanswered is released.
      patch(stint, { status: 'waiting', call: null, recalls: 0, servicePointId: null, staffId: null, endedAt: null })
      draft.endedBy = null
      return null
    case 'anti_fraud_checked':
      draft.antiFraudChecks.push({ eventId: event.id, at: event.at, staffId: event.staffId, ...event.data })
      return null
    case 'overridden':
      if (status !== 'waiting') return invalid()
      // A corrected triage: the client keeps their place by arrival in the zone they should have gone to.
      patch(stint, { zone: event.data.to.zone, priorityClass: event.data.to.priorityClass })
      draft.overrides.push({ ...event.data, eventId: event.id, at: event.at, staffId: event.staffId })
      return null
  }
}

/** A typed partial update of the open stint. */
function patch(stint: ZoneStint, changes: Partial<ZoneStint>): void {
  Object.assign(stint, changes)
}

function end(draft: Draft, stint: ZoneStint, event: TypedVisitEvent, status: 'no_show' | 'walked_away' | 'unserved'): null {
  patch(stint, { status, endedAt: event.at })
  draft.endedBy = event.id
  return null
}

function transfer(draft: Draft, stint: ZoneStint, event: Extract<TypedVisitEvent, { kind: 'transferred' }>): void {
  patch(stint, { status: 'transferred', endedAt: event.at, services: [...stint.services, ...event.data.services] })
  const { placement } = event.data
  draft.stints.push({
    zone: event.data.toZone,
    priorityClass: event.data.priorityClass ?? stint.priorityClass,
    enteredAt: event.at,
    queueKey: placement === 'original' ? draft.arrival.at : event.at,
    placement,
    calls: [],
    call: null,
    recalls: 0,
    startedAt: null,
    servicePointId: null,
    staffId: null,
    endedAt: null,
    status: 'waiting',
    services: [],
  })
}

function summarise(draft: Draft, history: HistoryEntry[], conflicts: VisitConflict[]): VisitState {
  const stint = draft.stints[draft.stints.length - 1]!
  const status = stint.status as VisitStatus
  const { arrival } = draft
  const checked = draft.antiFraudChecks.length > 0
  return {
    visitId: arrival.visitId,
    status,
    purpose: arrival.data.purpose,
    isVip: arrival.data.isVip,
    triageReasons: arrival.data.reasons,
    arrivedAt: arrival.at,
    appointmentId: arrival.data.appointmentId,
    appointmentAt: arrival.data.appointmentAt,
    zone: stint.zone,
    priorityClass: stint.priorityClass,
    queueKey: stint.queueKey,
    placement: stint.placement,
    ticket: draft.ticket,
    calledAt: stint.call?.at ?? null,
    callLane: stint.call?.lane ?? null,
    servicePointId: stint.servicePointId,
    staffId: stint.staffId,
    recalls: stint.recalls,
    startedAt: stint.startedAt,
    finishedAt: status === 'done' ? stint.endedAt : null,
    endedAt: isFinal(status) ? stint.endedAt : null,
    endedBy: draft.endedBy,
    services: draft.stints.flatMap((s) => s.services),
    stints: draft.stints,
    antiFraudTriggers: arrival.data.antiFraudTriggers,
    antiFraudChecks: draft.antiFraudChecks,
    antiFraudPending: arrival.data.antiFraudTriggers.length > 0 && !checked,
    overrides: draft.overrides,
    history,
    conflicts,
  }
}

/** Whether the service point may mark the called client a no-show: after the configured recalls. */
export function canMarkNoShow(state: VisitState, recallsBeforeNoShow: number): boolean {
  return state.status === 'called' && state.recalls >= recallsBeforeNoShow
}

/** Whether a step can still be undone: the visit ended by a no-show or walk-away. */
export function canUndo(state: VisitState): boolean {
  return (state.status === 'no_show' || state.status === 'walked_away') && state.endedBy !== null
}
