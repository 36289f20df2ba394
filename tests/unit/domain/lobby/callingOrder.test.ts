import { describe, expect, it } from 'vitest'
import {
  callHistory,
  isAppointmentDue,
  isPriorityTurn,
  nextToCall,
  orderQueue,
  orderWithLanes,
  peopleAhead,
  positionOf,
  waitingIn,
  type CallingContext,
  type QueueEntry,
} from '@/domain/lobby/callingOrder'
import { DEFAULT_LOBBY_RULES } from '@/domain/lobby/purposes'
import type { CallLane, PriorityClass } from '@/domain/lobby/terms'
import { at, visit } from './events'

function entry(visitId: string, minute: number, priorityClass: PriorityClass = 'none', extra: Partial<QueueEntry> = {}): QueueEntry {
  return { visitId, priorityClass, queueKey: at(minute), placement: 'arrival', appointmentAt: null, ...extra }
}

function context(history: CallLane[] = [], nowMinute = 120, rules = DEFAULT_LOBBY_RULES): CallingContext {
  return { nowMs: at(nowMinute), rules, history }
}

const ids = (entries: QueueEntry[]) => entries.map((e) => e.visitId)
const lanes = (calls: { lane: CallLane }[]) => calls.map((c) => (c.lane === 'priority' ? 'P' : c.lane === 'normal' ? 'N' : c.lane)).join('')

describe('priority classes are served fairly, two normal to one priority by default', () => {
  it('over a long sequence the calls go N, N, P, N, N, P… while both lanes wait', () => {
    const normals = Array.from({ length: 12 }, (_, i) => entry(`n${i + 1}`, i))
    const priorities = Array.from({ length: 6 }, (_, i) => entry(`p${i + 1}`, 20 + i, 'elderly'))
    const order = orderWithLanes([...priorities, ...normals], context())
    expect(lanes(order)).toBe('NNPNNPNNPNNPNNPNNP')
    expect(ids(order.map((c) => c.entry))).toEqual(['n1', 'n2', 'p1', 'n3', 'n4', 'p2', 'n5', 'n6', 'p3', 'n7', 'n8', 'p4', 'n9', 'n10', 'p5', 'n11', 'n12', 'p6'])
  })

  it('the ratio is kept across calls through the zone history', () => {
    const queue = [entry('n1', 0), entry('p1', 10, 'vip')]
    expect(nextToCall(queue, context(['normal', 'normal']))?.entry.visitId).toBe('p1')
    expect(nextToCall(queue, context(['normal']))?.entry.visitId).toBe('n1')
    expect(nextToCall(queue, context(['normal', 'normal', 'priority']))?.entry.visitId).toBe('n1')
  })

  it('priority never starves: a priority client behind twenty normals is called third', () => {
    const queue = [...Array.from({ length: 20 }, (_, i) => entry(`n${i + 1}`, i)), entry('p1', 30, 'disabled')]
    expect(positionOf('p1', queue, context())).toBe(3)
    expect(peopleAhead('p1', queue, context())).toBe(2)
  })

  it('priority never starves while normals keep arriving: called within three calls of arriving', () => {
    // Two normals arrive every minute, one call is made every minute; a priority client arrives at minute 5.
    let waiting: QueueEntry[] = []
    const history: CallLane[] = []
    const called: string[] = []
    for (let minute = 0; minute < 12; minute++) {
      waiting.push(entry(`n${minute}a`, minute), entry(`n${minute}b`, minute))
      if (minute === 5) waiting.push(entry('p1', minute, 'elderly'))
      const next = nextToCall(waiting, context(history, minute))!
      called.push(next.entry.visitId)
      history.push(next.lane)
      waiting = waiting.filter((e) => e !== next.entry)
    }
    // Normals had the last five calls in a row, so the priority client is called on arrival,
    // ahead of the ten normals who came before them; then normals get their two calls again.
    expect(called.indexOf('p1')).toBe(5)
    expect(lanes(history.map((lane) => ({ lane })))).toBe('NNNNNPNNNNNN')
  })

  it('priority never jumps everyone: normals keep two of every three calls', () => {
    const queue = [...Array.from({ length: 5 }, (_, i) => entry(`n${i + 1}`, i)), ...Array.from({ length: 5 }, (_, i) => entry(`p${i + 1}`, 10 + i, 'pregnant'))]
    expect(lanes(orderWithLanes(queue, context()))).toBe('NNPNNPNPPP')
  })

  it('priority never sinks below arrival order: a priority client who came first is called first, even on the normal turn', () => {
    const queue = [entry('n1', 5), entry('p1', 1, 'elderly'), entry('n2', 6)]
    expect(ids(orderQueue(queue, context()))).toEqual(['p1', 'n1', 'n2'])
  })

  it('when one lane is empty the other is called', () => {
    expect(ids(orderQueue([entry('p1', 0, 'vip'), entry('p2', 1, 'elderly'), entry('p3', 2, 'vip')], context()))).toEqual(['p1', 'p2', 'p3'])
    expect(ids(orderQueue([entry('n1', 0), entry('n2', 1)], context(['normal', 'normal'])))).toEqual(['n1', 'n2'])
  })

  it('the ratio is the branch’s: three to one, or one to two', () => {
    const queue = [...Array.from({ length: 6 }, (_, i) => entry(`n${i + 1}`, i)), ...Array.from({ length: 4 }, (_, i) => entry(`p${i + 1}`, 10 + i, 'vip'))]
    expect(lanes(orderWithLanes(queue, context([], 120, { ...DEFAULT_LOBBY_RULES, priorityRatio: { normal: 3, priority: 1 } })))).toBe('NNNPNNNPPP')
    expect(lanes(orderWithLanes(queue, context([], 120, { ...DEFAULT_LOBBY_RULES, priorityRatio: { normal: 1, priority: 2 } })))).toBe('NPPNPPNNNN')
  })

  it('whose turn it is follows the trailing run of normal and priority calls, ignoring other lanes', () => {
    const ratio = { normal: 2, priority: 1 }
    expect(isPriorityTurn([], ratio)).toBe(false)
    expect(isPriorityTurn(['normal', 'normal'], ratio)).toBe(true)
    expect(isPriorityTurn(['normal', 'normal', 'out_of_order', 'appointment', 'front'], ratio)).toBe(true)
    expect(isPriorityTurn(['priority', 'normal'], ratio)).toBe(false)
  })
})

describe('appointments due within their check-in window are called first', () => {
  const window = DEFAULT_LOBBY_RULES.appointmentWindow // 15 minutes either side
  const tenOClock = at(60)
  const queue = [entry('n1', 0), entry('p1', 5, 'vip'), entry('appt', 30, 'none', { appointmentAt: tenOClock })]

  it('from 15 minutes before the appointment to 15 after, inclusive', () => {
    expect(isAppointmentDue(tenOClock, at(45), window)).toBe(true)
    expect(isAppointmentDue(tenOClock, at(75), window)).toBe(true)
    expect(isAppointmentDue(tenOClock, at(44), window)).toBe(false)
    expect(isAppointmentDue(tenOClock, at(76), window)).toBe(false)
  })

  it('a due appointment goes ahead of priority and arrival', () => {
    expect(ids(orderQueue(queue, context([], 45)))).toEqual(['appt', 'n1', 'p1'])
  })

  it('not before the window: early, the client queues by arrival like everyone else', () => {
    expect(ids(orderQueue(queue, context([], 44)))).toEqual(['n1', 'p1', 'appt'])
  })

  it('two due appointments go by appointment time', () => {
    const two = [entry('later-appt', 1, 'none', { appointmentAt: at(70) }), entry('earlier-appt', 20, 'none', { appointmentAt: at(60) })]
    expect(ids(orderQueue(two, context([], 58)))).toEqual(['earlier-appt', 'later-appt'])
  })
})

describe('calling a client out of order (the person already standing at the counter)', () => {
  it('removes that person only: everyone else keeps their order and turn', () => {
    const scripts = [
      visit('n1').arrive(0),
      visit('n2').arrive(1),
      visit('p1').arrive(2, { priorityClass: 'elderly' }),
      visit('n3').arrive(3),
      visit('n4').arrive(4),
      visit('p2').arrive(5, { priorityClass: 'vip' }),
    ]
    const before = orderQueue(waitingIn(scripts.map((s) => s.state()), 'high_counter'), context())
    expect(ids(before)).toEqual(['n1', 'n2', 'p1', 'n3', 'n4', 'p2'])

    scripts[3]!.callOutOfOrder(10, 'hc1')
    const states = scripts.map((s) => s.state())
    const history = callHistory(states, 'high_counter')
    expect(history).toEqual(['out_of_order'])
    const after = orderQueue(waitingIn(states, 'high_counter'), context(history))
    expect(ids(after)).toEqual(ids(before).filter((id) => id !== 'n3'))
  })
})

describe('a transferred client chooses their place in the new queue', () => {
  const waiting = [visit('a').arrive(10, { zone: 'low_counter' }), visit('b').arrive(20, { zone: 'low_counter' }), visit('c').arrive(30, { zone: 'low_counter' })]
  const transferred = (placement: 'front' | 'end' | 'original') =>
    visit('t').arrive(15).call(35, 'hc1').start(36, 'hc1').transfer(40, 'hc1', 'low_counter', placement)
  const order = (placement: 'front' | 'end' | 'original') =>
    ids(orderQueue(waitingIn([...waiting, transferred(placement)].map((s) => s.state()), 'low_counter'), context([], 41)))

  it('front: called next', () => {
    expect(order('front')).toEqual(['t', 'a', 'b', 'c'])
  })

  it('end: after everyone waiting when they were transferred', () => {
    expect(order('end')).toEqual(['a', 'b', 'c', 't'])
  })

  it('original: by their original arrival time', () => {
    expect(order('original')).toEqual(['a', 't', 'b', 'c'])
  })
})

describe('the zone history comes from the lanes recorded on each call', () => {
  it('in call order, across visits', () => {
    const states = [
      visit('v1').arrive(0).call(5, 'hc1', 'normal').state(),
      visit('v2').arrive(1, { priorityClass: 'vip' }).call(7, 'hc2', 'priority').state(),
      visit('v3').arrive(2).call(6, 'hc3', 'normal').state(),
      visit('v4').arrive(3, { zone: 'low_counter' }).call(4, 'lc1', 'normal').state(),
    ]
    expect(callHistory(states, 'high_counter')).toEqual(['normal', 'normal', 'priority'])
  })

  it('a visit no longer waiting has no place in the queue', () => {
    const states = [visit('v1').arrive(0).call(5, 'hc1').state(), visit('v2').arrive(1).state()]
    expect(positionOf('v1', waitingIn(states, 'high_counter'), context())).toBeNull()
    expect(positionOf('v2', waitingIn(states, 'high_counter'), context())).toBe(1)
  })
})
