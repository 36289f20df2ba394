import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { DEMO_SEED, generateDemoBranch } from '@/db/demo/generate'
import { generateLobbyHistory, HISTORY_BUSINESS_DAYS, LOBBY_TABLES } from '@/db/demo/lobbyHistory'
import { deriveVisits, parseVisitEvent, type VisitEventInput } from '@/domain/lobby/visitState'
import { RECORD_SCHEMAS } from '@/domain/model/records'
import { businessDate, startOfBusinessDate } from '@/domain/time'

const TODAY = '2026-11-25' // a Wednesday
const ZONE = 'Asia/Shanghai'
const NOW = startOfBusinessDate(TODAY, ZONE) + (10 * 60 + 40) * 60_000 // 10:40 in the branch
const demo = generateDemoBranch(TODAY, ZONE)
const input = {
  branchId: demo.ownBranchId,
  today: TODAY,
  zone: ZONE,
  nowMs: NOW,
  clients: demo.records.clients,
  staff: demo.records.staff,
  servicePoints: demo.records.servicePoints,
  seed: DEMO_SEED,
}
const history = generateLobbyHistory(input)

/** The hybrid-logical clock of a bulk insert: it follows the array order. */
const hlcFor = (i: number) => `${String(NOW + Math.floor(i / 0x10000)).padStart(13, '0')}-${(i % 0x10000).toString(16).padStart(4, '0')}-device`
const events: VisitEventInput[] = history.visitEvents.map((e, i) => ({ ...e, hlc: hlcFor(i) }))
const states = deriveVisits(events)
const todays = [...states.values()].filter((s) => businessDate(s.arrivedAt, ZONE) === TODAY || history.visits.find((vis) => vis.id === s.visitId)?.businessDate === TODAY)

describe('the demo lobby history', () => {
  it('is deterministic for the same seed, ids and load time', () => {
    expect(generateLobbyHistory(input)).toEqual(history)
    expect(generateLobbyHistory({ ...input, seed: 7 }).visits[0]).not.toEqual(history.visits[0])
  })

  it('makes records that validate against their table schemas once stamped, all demo, unique ids', () => {
    const stamp = { createdAt: 0, updatedAt: 0, deviceId: 'test-device', hlc: '0000000000000-0000-test-device', deleted: 0 }
    const ids = new Set<string>()
    let total = 0
    for (const table of LOBBY_TABLES) {
      for (const record of history[table]) {
        const result = v.safeParse(RECORD_SCHEMAS[table], { ...record, ...stamp })
        expect(result.success, `${table} ${record.id}: ${JSON.stringify(result.issues?.[0])}`).toBe(true)
        expect(record.demo).toBe(1)
        ids.add(record.id)
        total += 1
      }
    }
    expect(ids.size).toBe(total)
  })

  it('covers 20 business days at 150–250 visits a day, busier at 9–11 and 14–16 than at lunch, Mondays busiest', () => {
    const byDate = new Map<string, number>()
    for (const visit of history.visits) byDate.set(visit.businessDate, (byDate.get(visit.businessDate) ?? 0) + 1)
    const past = [...byDate].filter(([date]) => date < TODAY)
    expect(past).toHaveLength(HISTORY_BUSINESS_DAYS)
    for (const [date, count] of past) {
      expect(count, date).toBeGreaterThanOrEqual(150)
      expect(count, date).toBeLessThanOrEqual(250)
    }
    const hourOf = (ms: number) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', hourCycle: 'h23' }).format(ms))
    const perHour = new Map<number, number>()
    for (const visit of history.visits.filter((vis) => vis.businessDate < TODAY)) perHour.set(hourOf(visit.arrivedAt), (perHour.get(hourOf(visit.arrivedAt)) ?? 0) + 1)
    expect(perHour.get(10)!).toBeGreaterThan(perHour.get(12)!)
    expect(perHour.get(14)!).toBeGreaterThan(perHour.get(12)!)
    const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay()
    const mean = (days: [string, number][]) => days.reduce((s, [, n]) => s + n, 0) / days.length
    expect(mean(past.filter(([d]) => weekday(d) === 1))).toBeGreaterThan(mean(past.filter(([d]) => weekday(d) === 3)))
  })

  it('has every event parse and every visit derive without a single conflict', () => {
    for (const event of events) expect(parseVisitEvent(event), `${event.kind} ${JSON.stringify(event.data)}`).not.toBeNull()
    expect(states.size).toBe(history.visits.length)
    const conflicts = [...states.values()].flatMap((s) => s.conflicts.map((c) => ({ visit: s.visitId, ...c })))
    expect(conflicts).toEqual([])
  })

  it('ends every past visit (served, no-show, walked away) and has the rarer steps too', () => {
    const pastStates = [...states.values()].filter((s) => !todays.includes(s))
    const statuses = new Map<string, number>()
    for (const s of pastStates) statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1)
    expect([...statuses.keys()].sort()).toEqual(['done', 'no_show', 'walked_away'])
    expect(statuses.get('done')! / pastStates.length).toBeGreaterThan(0.85)
    const kinds = new Set(history.visitEvents.map((e) => e.kind))
    for (const kind of ['arrived', 'ticket_issued', 'called', 'recalled', 'started', 'finished', 'transferred', 'no_show', 'walked_away', 'undone', 'anti_fraud_checked', 'overridden']) expect(kinds, kind).toContain(kind)
    expect(pastStates.some((s) => s.antiFraudTriggers.includes('elderly_transfer') && s.antiFraudChecks.length > 0)).toBe(true)
    expect(pastStates.filter((s) => s.antiFraudPending)).toEqual([])
    expect(pastStates.some((s) => s.callLane === 'appointment')).toBe(true)
  })

  it('calls and serves from real service points with the teller on duty there', () => {
    const points = new Map(demo.records.servicePoints.map((p) => [p.id, p]))
    for (const s of states.values()) {
      if (s.status !== 'done') continue
      const point = points.get(s.servicePointId!)
      expect(point?.kind).toBe(s.zone)
      const session = history.dutySessions.find((d) => d.servicePointId === s.servicePointId && d.staffId === s.staffId && d.businessDate === history.visits.find((vis) => vis.id === s.visitId)!.businessDate)
      expect(session, s.visitId).toBeDefined()
    }
    expect(history.dutySessions.some((d) => d.pauses.length > 0)).toBe(true)
  })

  it('leaves today with clients waiting across zones, some at the windows, tellers on duty', () => {
    const waiting = todays.filter((s) => s.status === 'waiting')
    expect(waiting.length).toBeGreaterThanOrEqual(10)
    expect(waiting.length).toBeLessThanOrEqual(22)
    expect(new Set(waiting.map((s) => s.zone)).size).toBeGreaterThanOrEqual(2)
    expect(todays.some((s) => s.status === 'done')).toBe(true)
    expect(todays.every((s) => s.arrivedAt <= NOW)).toBe(true)
    expect(history.visitEvents.every((e) => e.at <= NOW)).toBe(true)
    const onDuty = history.dutySessions.filter((d) => d.businessDate === TODAY && d.endedAt === null)
    expect(onDuty.length).toBeGreaterThanOrEqual(5)
    expect(history.appointments.some((a) => a.businessDate === TODAY && a.status === 'booked' && a.at > NOW)).toBe(true)
    expect(history.dayClosures.map((c) => c.businessDate)).not.toContain(TODAY)
    expect(history.dayClosures).toHaveLength(HISTORY_BUSINESS_DAYS)
  })

  it('numbers tickets per day and prefix from 1 without gaps or repeats, matching the events', () => {
    const scopes = new Map<string, number[]>()
    for (const t of history.tickets) scopes.set(`${t.businessDate}|${t.prefix}`, [...(scopes.get(`${t.businessDate}|${t.prefix}`) ?? []), t.seq])
    for (const [scope, seqs] of scopes) expect(seqs, scope).toEqual(seqs.map((_, i) => i + 1))
    const codes = history.tickets.map((t) => `${t.businessDate}|${t.code}`)
    expect(new Set(codes).size).toBe(codes.length)
    const issued = history.visitEvents.filter((e) => e.kind === 'ticket_issued')
    expect(issued).toHaveLength(history.tickets.length)
    const byId = new Map(history.tickets.map((t) => [t.id, t]))
    for (const e of issued) expect(byId.get(e.data.ticketId as string)?.code).toBe(e.data.code)
  })

  it('links appointments and complaints to their visits', () => {
    const visitIds = new Set(history.visits.map((vis) => vis.id))
    for (const a of history.appointments.filter((a) => a.status === 'arrived')) {
      expect(visitIds.has(a.visitId!)).toBe(true)
      expect(states.get(a.visitId!)?.appointmentId).toBe(a.id)
    }
    expect(history.complaints.length).toBeGreaterThan(3)
    for (const c of history.complaints) expect(visitIds.has(c.visitId!)).toBe(true)
    expect(new Set(history.complaints.map((c) => c.status)).size).toBeGreaterThanOrEqual(2)
  })
})

describe('the demo’s today follows the branch’s opening hours (09:00–17:00), whenever it is loaded', () => {
  const atTime = (hh: number, mm = 0) => startOfBusinessDate(TODAY, ZONE) + (hh * 60 + mm) * 60_000
  const OPENS = atTime(9)
  const CLOSES = atTime(17)
  const todayOf = (h: ReturnType<typeof generateLobbyHistory>) => ({
    visits: h.visits.filter((vis) => vis.businessDate === TODAY),
    events: h.visitEvents.filter((e) => e.businessDate === TODAY),
    appointments: h.appointments.filter((a) => a.businessDate === TODAY),
  })

  it.each([
    ['at night', atTime(22, 30)],
    ['just after closing', atTime(17, 20)],
    ['in the last opening hour', atTime(16, 40)],
    ['just after opening', atTime(9, 10)],
  ])('%s: today’s visits arrive only within opening hours and nothing is in the future', (_, nowMs) => {
    const h = generateLobbyHistory({ ...input, nowMs })
    const today = todayOf(h)
    expect(today.visits.length).toBeGreaterThan(0)
    for (const visit of today.visits) {
      expect(visit.arrivedAt).toBeGreaterThanOrEqual(OPENS)
      expect(visit.arrivedAt).toBeLessThan(CLOSES)
      expect(visit.arrivedAt).toBeLessThanOrEqual(nowMs)
    }
    expect(today.events.every((e) => e.at <= nowMs)).toBe(true)
    expect(h.dutySessions.filter((d) => d.businessDate === TODAY).every((d) => d.startedAt <= nowMs && (d.endedAt ?? 0) <= nowMs)).toBe(true)
    for (const a of today.appointments) expect(a.at >= OPENS && a.at < CLOSES, new Date(a.at).toISOString()).toBe(true)
    // Past days are the same whenever the demo is loaded.
    expect(h.visits.filter((vis) => vis.businessDate < TODAY)).toEqual(history.visits.filter((vis) => vis.businessDate < TODAY))
  })

  it('at night the whole day is over: every visit of today has ended, nobody is left waiting', () => {
    const nowMs = atTime(22, 30)
    const h = generateLobbyHistory({ ...input, nowMs })
    const states = deriveVisits(h.visitEvents.filter((e) => e.businessDate === TODAY).map((e, i) => ({ ...e, hlc: hlcFor(i) })))
    expect(states.size).toBeGreaterThan(150)
    expect([...states.values()].filter((s) => s.status === 'waiting' || s.status === 'called' || s.status === 'serving')).toEqual([])
    expect(todayOf(h).appointments.every((a) => a.status !== 'booked')).toBe(true)
  })

  it.each([
    ['before dawn', atTime(2, 30)],
    ['before opening', atTime(8, 30)],
  ])('%s: no visits today yet, only bookings still to come within opening hours', (_, nowMs) => {
    const h = generateLobbyHistory({ ...input, nowMs })
    const today = todayOf(h)
    expect(today.visits).toEqual([])
    expect(today.events).toEqual([])
    expect(h.tickets.filter((t) => t.businessDate === TODAY)).toEqual([])
    expect(today.appointments.length).toBeGreaterThan(0)
    for (const a of today.appointments) expect(a).toMatchObject({ status: 'booked', visitId: null })
    for (const a of today.appointments) expect(a.at >= OPENS && a.at < CLOSES).toBe(true)
    expect(h.dutySessions.filter((d) => d.businessDate === TODAY)).toEqual([])
  })

  it('is deterministic for a load at night too', () => {
    expect(generateLobbyHistory({ ...input, nowMs: atTime(23, 0) })).toEqual(generateLobbyHistory({ ...input, nowMs: atTime(23, 0) }))
  })
})
