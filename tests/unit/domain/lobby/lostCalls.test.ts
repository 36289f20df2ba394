import { describe, expect, it } from 'vitest'
import { lostCalls } from '@/domain/lobby/lostCalls'
import { at, visit, type VisitScript } from './events'

/** The lost calls of the visits, with every call counted as ours unless `ours` is given. */
function lostIn(scripts: VisitScript[], ours: (eventId: string) => boolean = () => true) {
  const pointOf = new Map(scripts.flatMap((s) => s.events.map((e) => [e.id, e.servicePointId] as const)))
  return lostCalls(
    scripts.map((s) => s.state()),
    ours,
    (id) => pointOf.get(id) ?? null,
  )
}

/** A ticketed visit called at counter 2 (the earlier call) and at counter 5 a moment later. */
function calledTwice(): VisitScript {
  return visit('v1')
    .arrive(0)
    .add('ticket_issued', { ticketId: null, code: 'A012', prefix: 'A', seq: 12 }, { at: at(0) })
    .add('called', { lane: 'normal' }, { at: at(10), point: 'hc2', id: 'call-hc2', device: 'tablet-2' })
    .add('called', { lane: 'normal' }, { at: at(10), point: 'hc5', id: 'call-hc5', device: 'tablet-5', counter: 1 })
}

describe('calls that lost', () => {
  it('the later of two calls of one ticket lost to the earlier one: the client is at the other window', () => {
    expect(lostIn([calledTwice()])).toEqual([{ eventId: 'call-hc5', visitId: 'v1', ticketCode: 'A012', lostAt: 'hc5', heldBy: 'hc2' }])
  })

  it('each terminal hears only about its own calls', () => {
    expect(lostIn([calledTwice()], (id) => id === 'call-hc2')).toEqual([])
  })

  it('a call that came after the visit had moved on lost too (the client was already being served)', () => {
    const script = visit('v1').arrive(0).call(10, 'hc2').start(11, 'hc2')
    script.add('called_out_of_order', { reason: '' }, { at: at(12), point: 'hc5', id: 'late-call' })
    expect(lostIn([script])).toMatchObject([{ eventId: 'late-call', lostAt: 'hc5', heldBy: 'hc2' }])
  })

  it('not when service began at the point whose call lost: the client went there after all', () => {
    expect(lostIn([calledTwice().start(11, 'hc5')])).toEqual([])
  })

  it('none when every call was answered in turn', () => {
    expect(lostIn([visit('v1').arrive(0).call(10, 'hc2').noShow(12, 'hc2'), visit('v2').arrive(1).call(10, 'hc5')])).toEqual([])
  })
})
