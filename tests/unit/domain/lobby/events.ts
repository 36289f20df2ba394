/**
 * Builders for lobby tests: visit events as terminals write them, with readable ids and times on
 * one business morning in Shanghai (09:00 = 01:00 UTC).
 */
import { encodeHlc } from '@/domain/hlc'
import { deriveVisit, type VisitEventData, type VisitEventInput, type VisitEventKind, type VisitState } from '@/domain/lobby/visitState'

/** 2026-11-25 09:00 in Asia/Shanghai. */
export const NINE_AM = Date.UTC(2026, 10, 25, 1, 0)

/** 09:00 plus some minutes. */
export function at(minutes: number): number {
  return NINE_AM + minutes * 60_000
}

export interface EventOptions {
  at: number
  id?: string
  point?: string | null
  staff?: string | null
  /** Which terminal stamped it; also breaks hlc ties. */
  device?: string
  /** Logical counter of the stamp, for two steps in the same millisecond. */
  counter?: number
}

let serial = 0

/** One event of a visit, stamped with a hybrid-logical-clock value at its wall time. */
export function event<K extends VisitEventKind>(visitId: string, kind: K, data: VisitEventData<K>, options: EventOptions): VisitEventInput {
  serial += 1
  return {
    id: options.id ?? `${visitId}-${kind}-${serial}`,
    visitId,
    hlc: encodeHlc({ wallMs: options.at, counter: options.counter ?? 0 }, options.device ?? 'tab-1'),
    at: options.at,
    servicePointId: options.point ?? null,
    staffId: options.staff ?? null,
    kind,
    data: data as Record<string, unknown>,
  }
}

export function arrivalData(overrides: Partial<VisitEventData<'arrived'>> = {}): VisitEventData<'arrived'> {
  return { purpose: 'cash', zone: 'high_counter', priorityClass: 'none', isVip: false, reasons: ['purpose_zone'], appointmentId: null, appointmentAt: null, antiFraudTriggers: [], ...overrides }
}

/** A visit's events built step by step: `v.arrive(0).call(5, 'hc1').start(6, 'hc1')…`. */
export class VisitScript {
  readonly events: VisitEventInput[] = []

  constructor(readonly visitId: string) {}

  add<K extends VisitEventKind>(kind: K, data: VisitEventData<K>, options: EventOptions): this {
    this.events.push(event(this.visitId, kind, data, options))
    return this
  }

  arrive(minute: number, overrides: Partial<VisitEventData<'arrived'>> = {}): this {
    return this.add('arrived', arrivalData(overrides), { at: at(minute), point: null, staff: 'lobby-mgr' })
  }

  call(minute: number, point: string, lane: VisitEventData<'called'>['lane'] = 'normal', staff = `${point}-staff`): this {
    return this.add('called', { lane }, { at: at(minute), point, staff })
  }

  callOutOfOrder(minute: number, point: string): this {
    return this.add('called_out_of_order', { reason: 'standing at the counter' }, { at: at(minute), point, staff: `${point}-staff` })
  }

  recall(minute: number, point: string): this {
    return this.add('recalled', {}, { at: at(minute), point, staff: `${point}-staff` })
  }

  start(minute: number, point: string): this {
    return this.add('started', {}, { at: at(minute), point, staff: `${point}-staff` })
  }

  finish(minute: number, point: string, services: string[] = ['cash_withdrawal']): this {
    return this.add('finished', { services }, { at: at(minute), point, staff: `${point}-staff` })
  }

  noShow(minute: number, point: string, id?: string): this {
    return this.add('no_show', {}, { at: at(minute), point, staff: `${point}-staff`, id })
  }

  walkAway(minute: number, id?: string): this {
    return this.add('walked_away', {}, { at: at(minute), point: null, staff: 'lobby-mgr', id })
  }

  undo(minute: number, undoesEventId: string): this {
    return this.add('undone', { undoesEventId, reason: 'client came back' }, { at: at(minute), point: null, staff: 'lobby-mgr' })
  }

  transfer(minute: number, point: string | null, toZone: VisitEventData<'transferred'>['toZone'], placement: VisitEventData<'transferred'>['placement'], services: string[] = []): this {
    return this.add('transferred', { toZone, placement, priorityClass: null, reason: '', services }, { at: at(minute), point, staff: point ? `${point}-staff` : 'lobby-mgr' })
  }

  /** The derived state; fails the test when the events hold no arrival. */
  state(): VisitState {
    const state = deriveVisit(this.events)
    if (!state) throw new Error(`No arrival among the events of ${this.visitId}`)
    return state
  }
}

export function visit(visitId: string): VisitScript {
  return new VisitScript(visitId)
}
