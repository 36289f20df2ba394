import { describe, expect, it } from 'vitest'
import type { VisitEvent } from '@/domain/model/records'
import { DEFAULT_LOBBY_RULES } from '@/domain/lobby/purposes'
import { orderQueue, waitingIn } from '@/domain/lobby/callingOrder'
import { canMarkNoShow, canUndo, deriveVisit, parseVisitEvent, VISIT_EVENT_KINDS, visitEventBody } from '@/domain/lobby/visitState'
import { arrivalData, at, event, visit } from './events'

const ctx = { nowMs: at(60), rules: DEFAULT_LOBBY_RULES, history: [] }

describe('a visit is derived from its events', () => {
  it('from arrival the client waits in the triaged zone, queued by arrival time', () => {
    const state = visit('v1').arrive(3, { zone: 'low_counter', purpose: 'card' }).state()
    expect(state).toMatchObject({ status: 'waiting', zone: 'low_counter', purpose: 'card', arrivedAt: at(3), queueKey: at(3), placement: 'arrival', calledAt: null, recalls: 0 })
    expect(state.conflicts).toEqual([])
  })

  it('call, recall twice, start, finish: done with the services delivered and every time recorded', () => {
    const state = visit('v1').arrive(0).call(10, 'hc1').recall(11, 'hc1').recall(12, 'hc1').start(13, 'hc1').finish(20, 'hc1', ['cash_deposit']).state()
    expect(state).toMatchObject({ status: 'done', calledAt: at(10), recalls: 2, startedAt: at(13), finishedAt: at(20), endedAt: at(20), servicePointId: 'hc1', staffId: 'hc1-staff', services: ['cash_deposit'] })
    expect(state.history.map((h) => h.kind)).toEqual(['arrived', 'called', 'recalled', 'recalled', 'started', 'finished'])
  })

  it('does not depend on the order the events arrive in: they are sorted by hlc, then id', () => {
    const script = visit('v1').arrive(0).call(10, 'hc1').recall(11, 'hc1').start(13, 'hc1').finish(20, 'hc1')
    const forward = deriveVisit(script.events)
    expect(deriveVisit([...script.events].reverse())).toEqual(forward)
    expect(deriveVisit([script.events[3]!, script.events[0]!, script.events[4]!, script.events[2]!, script.events[1]!])).toEqual(forward)
  })

  it('counts an event received twice (same id) once', () => {
    const script = visit('v1').arrive(0).call(10, 'hc1').recall(11, 'hc1')
    const twice = [...script.events, ...script.events.map((e) => ({ ...e }))]
    expect(deriveVisit(twice)).toEqual(deriveVisit(script.events))
    expect(deriveVisit(twice)?.recalls).toBe(1)
  })

  it('reads the stored VisitEvent records as they are, skipping soft-deleted ones', () => {
    const stored = (e: ReturnType<typeof event>, deleted: 0 | 1 = 0): VisitEvent => ({
      ...e, branchId: 'b1', businessDate: '2026-11-25', createdAt: e.at, updatedAt: e.at, deviceId: 'tab-1', deleted,
    })
    const records = [stored(event('v1', 'arrived', arrivalData(), { at: at(0) })), stored(event('v1', 'walked_away', {}, { at: at(5) }), 1)]
    expect(deriveVisit(records)?.status).toBe('waiting')
  })

  it('has no state without an arrival', () => {
    expect(deriveVisit(visit('v1').call(1, 'hc1').events)).toBeNull()
    expect(deriveVisit([])).toBeNull()
  })
})

describe('conflicting steps from two terminals', () => {
  it('two calls of the same client: the earlier by hlc wins and the other is reported as a conflict', () => {
    const script = visit('v1').arrive(0)
    // Counter 2 and counter 5 call at the same wall-clock minute; tab-2's stamp carries a higher counter.
    script.add('called', { lane: 'normal' }, { at: at(10), point: 'hc5', staff: 's5', device: 'tab-2', counter: 1, id: 'call-hc5' })
    script.add('called', { lane: 'normal' }, { at: at(10), point: 'hc2', staff: 's2', device: 'tab-1', counter: 0, id: 'call-hc2' })
    const state = script.state()
    expect(state).toMatchObject({ status: 'called', servicePointId: 'hc2', staffId: 's2' })
    expect(state.conflicts).toEqual([{ eventId: 'call-hc5', kind: 'called', reason: 'already_called', resolution: 'ignored', against: 'call-hc2' }])
    expect(deriveVisit([...script.events].reverse())).toEqual(state)
  })

  it('service starting at the losing counter is accepted (the client is there) and reported', () => {
    const script = visit('v1').arrive(0)
    script.add('called', { lane: 'normal' }, { at: at(10), point: 'hc2', id: 'call-hc2' })
    script.add('called', { lane: 'normal' }, { at: at(10), point: 'hc5', counter: 1, id: 'call-hc5' })
    script.add('started', {}, { at: at(11), point: 'hc5', staff: 's5', id: 'start-hc5' })
    const state = script.state()
    expect(state).toMatchObject({ status: 'serving', servicePointId: 'hc5', staffId: 's5', startedAt: at(11) })
    expect(state.conflicts.map((c) => [c.eventId, c.reason, c.resolution])).toEqual([
      ['call-hc5', 'already_called', 'ignored'],
      ['start-hc5', 'started_at_other_point', 'accepted'],
    ])
  })

  it('a step that does not fit the state is reported and changes nothing: finishing a client who walked away', () => {
    const script = visit('v1').arrive(0).walkAway(5, 'gone')
    script.add('finished', { services: ['x'] }, { at: at(6), point: 'hc1', id: 'late-finish' })
    const state = script.state()
    expect(state.status).toBe('walked_away')
    expect(state.conflicts).toEqual([{ eventId: 'late-finish', kind: 'finished', reason: 'invalid_transition', resolution: 'ignored', against: 'gone' }])
  })

  it('a service point acts on its own client only: a recall from another counter is a conflict', () => {
    const state = visit('v1').arrive(0).call(10, 'hc1').recall(11, 'hc2').state()
    expect(state.recalls).toBe(0)
    expect(state.conflicts[0]?.reason).toBe('other_service_point')
  })

  it('an event whose payload does not match its kind is reported as malformed and skipped', () => {
    const script = visit('v1').arrive(0)
    script.events.push({ ...event('v1', 'finished', { services: [] }, { at: at(1) }), id: 'bad', kind: 'finished', data: { services: 'all of them' } })
    expect(script.state().conflicts).toEqual([{ eventId: 'bad', kind: 'finished', reason: 'malformed', resolution: 'ignored', against: null }])
  })
})

describe('no-show and walk-away, and their undo', () => {
  it('a no-show is offered only after the configured recalls', () => {
    const script = visit('v1').arrive(0).call(10, 'hc1').recall(11, 'hc1').recall(12, 'hc1')
    expect(canMarkNoShow(script.state(), 3)).toBe(false)
    expect(canMarkNoShow(script.recall(13, 'hc1').state(), 3)).toBe(true)
  })

  it('undo of a no-show puts the client back in their original place', () => {
    const early = visit('early').arrive(0).call(10, 'hc1').recall(11, 'hc1').recall(12, 'hc1').recall(13, 'hc1').noShow(14, 'hc1', 'ns')
    const later = [visit('later1').arrive(5), visit('later2').arrive(8)]
    expect(early.state().status).toBe('no_show')
    expect(canUndo(early.state())).toBe(true)

    const back = early.undo(20, 'ns').state()
    expect(back).toMatchObject({ status: 'waiting', queueKey: at(0), placement: 'arrival', calledAt: null, recalls: 0, servicePointId: null, endedAt: null })
    const queue = waitingIn([back, ...later.map((s) => s.state())], 'high_counter')
    expect(orderQueue(queue, ctx).map((e) => e.visitId)).toEqual(['early', 'later1', 'later2'])
  })

  it('undo of a walk-away likewise', () => {
    const state = visit('v1').arrive(2).walkAway(9, 'wa').undo(12, 'wa').state()
    expect(state).toMatchObject({ status: 'waiting', queueKey: at(2) })
  })

  it('an undo that does not target the step that ended the visit is a conflict, and so is a second undo', () => {
    const script = visit('v1').arrive(0).call(5, 'hc1').noShow(9, 'hc1', 'ns').undo(10, 'something-else')
    expect(script.state().status).toBe('no_show')
    expect(script.state().conflicts[0]?.reason).toBe('undo_target_not_current')
    script.undo(11, 'ns').undo(12, 'ns')
    expect(script.state().status).toBe('waiting')
    expect(script.state().conflicts.map((c) => c.reason)).toEqual(['undo_target_not_current', 'undo_target_not_current'])
  })

  it('a finished visit cannot be undone', () => {
    const state = visit('v1').arrive(0).call(5, 'hc1').start(6, 'hc1').finish(9, 'hc1').state()
    expect(canUndo(state)).toBe(false)
  })
})

describe('transfers', () => {
  it("placement 'original' keeps the original arrival time as the queue key", () => {
    const state = visit('v1').arrive(0).call(10, 'hc1').start(11, 'hc1').transfer(15, 'hc1', 'wealth_room', 'original', ['balance_enquiry']).state()
    expect(state).toMatchObject({ status: 'waiting', zone: 'wealth_room', queueKey: at(0), placement: 'original', calledAt: null, startedAt: null })
    expect(state.stints.map((s) => [s.zone, s.status])).toEqual([['high_counter', 'transferred'], ['wealth_room', 'waiting']])
    expect(state.services).toEqual(['balance_enquiry'])
  })

  it("placement 'end' and 'front' queue by the time of the transfer", () => {
    expect(visit('v1').arrive(0).transfer(15, null, 'low_counter', 'end').state()).toMatchObject({ queueKey: at(15), placement: 'end' })
    expect(visit('v1').arrive(0).transfer(15, null, 'low_counter', 'front').state()).toMatchObject({ queueKey: at(15), placement: 'front' })
  })

  it('a client is served again after a transfer, at the new zone', () => {
    const state = visit('v1').arrive(0).call(10, 'hc1').start(11, 'hc1').transfer(15, 'hc1', 'low_counter', 'front').call(16, 'lc1').start(17, 'lc1').finish(30, 'lc1', ['debit_card']).state()
    expect(state).toMatchObject({ status: 'done', zone: 'low_counter', servicePointId: 'lc1', startedAt: at(17), finishedAt: at(30) })
  })
})

describe('annotations', () => {
  it('an override of a waiting client changes zone and class, keeps the place and records the reason', () => {
    const script = visit('v1').arrive(4)
    script.add('overridden', { from: { zone: 'high_counter', priorityClass: 'none' }, to: { zone: 'low_counter', priorityClass: 'elderly' }, reason: 'needs a seat' }, { at: at(6), staff: 'mgr' })
    const state = script.state()
    expect(state).toMatchObject({ zone: 'low_counter', priorityClass: 'elderly', queueKey: at(4) })
    expect(state.overrides).toEqual([expect.objectContaining({ reason: 'needs a seat', staffId: 'mgr', at: at(6) })])
  })

  it('an anti-fraud check found at triage stays pending until its outcome is recorded', () => {
    const script = visit('v1').arrive(0, { purpose: 'transfer', zone: 'self_service', antiFraudTriggers: ['elderly_transfer'] })
    expect(script.state().antiFraudPending).toBe(true)
    script.add('anti_fraud_checked', { outcome: 'dissuaded', triggers: ['elderly_transfer'], flaggedQuestions: ['safe_account'], amountFen: 3_000_000, note: '' }, { at: at(3), staff: 'mgr' })
    expect(script.state()).toMatchObject({ antiFraudPending: false, antiFraudChecks: [expect.objectContaining({ outcome: 'dissuaded', flaggedQuestions: ['safe_account'] })] })
  })

  it('a ticket issued to the visit is shown on its state', () => {
    const script = visit('v1').arrive(0).add('ticket_issued', { ticketId: null, code: 'A001', prefix: 'A', seq: 1 }, { at: at(0), counter: 1 })
    expect(script.state().ticket).toEqual({ ticketId: null, code: 'A001', prefix: 'A', seq: 1 })
  })
})

describe('event bodies', () => {
  it('every kind is listed and a typed body parses back', () => {
    expect(VISIT_EVENT_KINDS).toEqual([
      'arrived', 'ticket_issued', 'called', 'called_out_of_order', 'recalled', 'started', 'finished', 'transferred',
      'no_show', 'walked_away', 'undone', 'unserved_at_close', 'anti_fraud_checked', 'overridden',
    ])
    const body = visitEventBody('transferred', { toZone: 'wealth_room', placement: 'front', priorityClass: 'vip', reason: 'VIP', services: [] })
    expect(parseVisitEvent({ ...event('v1', body.kind, body.data, { at: at(0) }) })).toMatchObject(body)
  })
})
