/**
 * The demo branch's lobby history: the past 20 business days of visits (every step an event, as the
 * lobby writes them), their tickets, who was on duty where (with pauses), day closures, a few
 * appointments and complaints, and TODAY up to the load time, within the branch's opening hours
 * (09:00–17:00): loaded while the branch is open, some clients served, some at the windows, 10–20
 * still waiting, the tellers on duty; loaded before opening, no visits yet (bookings still to come);
 * loaded after closing, the whole day, served. Pure and deterministic: the same seed, ids and
 * `nowMs` give the same records; every record carries `demo: 1`.
 *
 * Each day is a small queue simulation per zone: arrivals drawn by hour (busier at 9–11 and 14–16,
 * Mondays busiest), triaged with the default lobby rules, called by a staffed service point in the
 * calling order's lanes (appointment, front, priority by the ratio, normal), started, finished with
 * services; a few recalls, no-shows (one undone now and then), walk-aways, transfers, anti-fraud
 * checks and overrides. Today's events after `nowMs` are cut off, which leaves the state at the load time.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import { Dice } from './dice'
import { isVip, type VipFacts } from '@/domain/clients/vip'
import { antiFraudTriggers, ENDED_AT_DOOR_ANTI_FRAUD, type AntiFraudOutcome } from '@/domain/lobby/antiFraud'
import { COUNTER_BOOKING } from '@/domain/lobby/appointments'
import { DEFAULT_LOBBY_RULES, purposeRule, type LobbyRules } from '@/domain/lobby/purposes'
import type { CallLane, PriorityClass, TransferPlacement, Zone } from '@/domain/lobby/terms'
import { addWorkingDays, COMPLAINT_DEADLINE_DAYS } from '@/domain/lobby/complaints'
import { formatTicketCode } from '@/domain/lobby/tickets'
import { applyOverride, clientTriageFacts, triage } from '@/domain/lobby/triage'
import type { VisitEventBody } from '@/domain/lobby/visitState'
import type { ServicePointKind } from '@/domain/model/records'
import type { HistoryInput, SeededRecord } from './generate'
import { addDays, businessDate as businessDateOf, startOfBusinessDate, type BusinessDate } from '@/domain/time'

/** The lobby tables the history fills, in the order they are written. */
export const LOBBY_TABLES = ['appointments', 'visits', 'tickets', 'visitEvents', 'dutySessions', 'dayClosures', 'complaints'] as const
export type LobbyTable = (typeof LOBBY_TABLES)[number]
export type LobbyRecord<K extends LobbyTable> = SeededRecord<K>
export type LobbyHistory = { [K in LobbyTable]: LobbyRecord<K>[] }

/** Past business days (Monday to Friday) the history covers, before today. */
export const HISTORY_BUSINESS_DAYS = 20

export interface HistoryClient extends VipFacts {
  id: string
  birthday: string | null
}
export interface HistoryStaff {
  id: string
  staffNo: string
}
export interface HistoryPoint {
  id: string
  kind: ServicePointKind
  number: number
}

export interface LobbyHistoryInput extends HistoryInput {
  clients: readonly HistoryClient[]
  staff: readonly HistoryStaff[]
  servicePoints: readonly HistoryPoint[]
  rules?: LobbyRules
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DEMO = 1 as const

// ---------------------------------------------------------------------------------------------
// The branch's day

/** Purposes walk-ins come for (weights per 1,000 arrivals). */
const PURPOSE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['cash', 400], ['account_opening', 50], ['card', 80], ['loan', 40], ['wealth_signing', 30], ['investment_consultation', 40],
  ['transfer', 100], ['query_printing', 140], ['corporate', 50], ['complaint', 6], ['other', 64],
]

/** Arrivals per hour from 9:00 (weights): busy 9–11 and 14–16, a lull at lunch. */
const HOUR_WEIGHTS = [1.4, 1.5, 1.1, 0.7, 0.8, 1.3, 1.3, 0.8] as const
/** The branch's opening hours (minutes of its day): doors open at 9:00 and close at 17:00. */
export const OPEN_MINUTE = 9 * 60
export const CLOSE_MINUTE = 17 * 60
const LAST_ARRIVAL_MINUTE = 16 * 60 + 45

/** Typical, shortest and longest service, in minutes. */
const SERVICE_MINUTES: Record<Zone, readonly [number, number, number]> = {
  high_counter: [4.5, 1.5, 14],
  low_counter: [11, 4, 30],
  wealth_room: [28, 12, 60],
  self_service: [3, 1, 9],
  manager_desk: [12, 5, 30],
  corporate_desk: [16, 6, 40],
}

/** Who staffs which point: [kind, number, staffNo]; 9008 takes his low-counter rota turn on some days. */
const POSTS: readonly (readonly [ServicePointKind, number, string])[] = [
  ['high_counter', 1, '9011'],
  ['high_counter', 2, '9012'],
  ['high_counter', 3, '9013'],
  ['low_counter', 5, '9005'],
  ['low_counter', 6, '9006'],
  ['wealth_room', 1, '9009'],
  ['wealth_room', 2, '9010'],
  ['self_service', 1, '9004'],
  ['manager_desk', 1, '9007'],
  ['corporate_desk', 1, '9008'],
]
/** The lobby manager at the door: check-ins, anti-fraud checks, overrides, walk-aways. */
const DOOR_STAFF_NO = '9003'
const BRANCH_HEAD_NO = '9001'
const ROTA_STAFF_NO = '9008'

/** Zones in the order they are simulated: a transfer only goes to a zone simulated later. */
const SIMULATION_ORDER: readonly Zone[] = ['high_counter', 'self_service', 'corporate_desk', 'manager_desk', 'low_counter', 'wealth_room']

const COMPLAINT_TOPICS: readonly (readonly [string, string])[] = [
  ['排队等候时间过长，高峰期只开了两个窗口', '高柜'],
  ['柜员办理业务时态度生硬', '低柜柜员'],
  ['ATM 吞卡后处理不及时', '自助服务区'],
  ['理财产品实际收益与宣传不符', '理财经理'],
  ['转账手续费收取有疑问', '高柜'],
  ['预约大额取现到网点后仍需等待', '大堂'],
  ['自助设备故障未及时报修', '自助服务区'],
]
const COMPLAINT_RESOLUTIONS: readonly string[] = [
  '已向客户道歉并说明原因，调整高峰期窗口排班',
  '已核实并退还多收费用，客户表示理解',
  '已约谈当事员工并做服务整改，回访客户',
  '已协调厂商维修设备，并为客户办理补卡',
  '已向客户详细解释产品条款，客户接受处理结果',
]

// ---------------------------------------------------------------------------------------------
// Working records of the simulation

interface Step {
  kind: VisitEventBody['kind']
  at: number
  servicePointId: string | null
  staffId: string | null
  data: Record<string, unknown>
  order: number
}

interface PlannedVisit {
  id: string
  date: BusinessDate
  clientId: string | null
  purpose: string
  zone: Zone
  priorityClass: PriorityClass
  arrivedAt: number
  appointmentId: string | null
  appointmentAt: number | null
  amountFen: number | null
  steps: Step[]
  /** ticket_issued steps waiting for their number: zone and time. */
  tickets: { step: Step; zone: Zone }[]
  /** The patience of the client: past this, they walk away if not called yet. */
  leavesAt: number | null
  noTicket: boolean
  quotedMinutes: number | null
}

interface Entry {
  visit: PlannedVisit
  zone: Zone
  enteredAt: number
  /** Queue position within a lane. */
  key: number
  front: boolean
  priorityClass: PriorityClass
}

interface Server {
  pointId: string
  staffId: string
  freeAt: number
  pauses: { from: number; to: number }[]
}

interface Session {
  pointId: string
  staffId: string
  zone: Zone
  startedAt: number
  endedAt: number
  pauses: { reason: 'break' | 'back_office' | 'meeting' | 'other'; from: number; to: number }[]
}

// ---------------------------------------------------------------------------------------------

/** Monday-to-Friday dates before `today`, oldest first. */
function pastBusinessDays(today: BusinessDate, count: number): BusinessDate[] {
  const days: BusinessDate[] = []
  for (let back = 1; days.length < count; back++) {
    const date = addDays(today, -back)
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
    if (weekday !== 0 && weekday !== 6) days.push(date)
  }
  return days.reverse()
}

function weekdayOf(date: BusinessDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay()
}

export function generateLobbyHistory(input: LobbyHistoryInput): LobbyHistory {
  const rules = input.rules ?? DEFAULT_LOBBY_RULES
  const base = xoroshiro128plus(input.seed ^ 0x5a17)
  const ids = new Dice(base.clone())
  base.jump()
  const streamFor = () => {
    const s = base.clone()
    base.jump()
    return new Dice(s)
  }

  const staffByNo = new Map(input.staff.map((s) => [s.staffNo, s.id]))
  const staffId = (no: string) => {
    const id = staffByNo.get(no)
    if (!id) throw new Error(`The demo branch has no staff ${no}`)
    return id
  }
  const pointOf = (kind: ServicePointKind, number: number) => {
    const point = input.servicePoints.find((p) => p.kind === kind && p.number === number)
    if (!point) throw new Error(`The demo branch has no ${kind} ${number}`)
    return point.id
  }
  const doorId = staffId(DOOR_STAFF_NO)
  const headId = staffId(BRANCH_HEAD_NO)

  const out: LobbyHistory = { appointments: [], visits: [], tickets: [], visitEvents: [], dutySessions: [], dayClosures: [], complaints: [] }
  const days = pastBusinessDays(input.today, HISTORY_BUSINESS_DAYS)
  // Today runs on the branch's own hours up to the load time: nothing happens after it.
  const todayStart = startOfBusinessDate(input.today, input.zone)
  const nowOfDay = input.nowMs - startOfBusinessDate(businessDateOf(input.nowMs, input.zone), input.zone)
  const cutoff = todayStart + nowOfDay

  let order = 0
  const step = (visit: PlannedVisit, kind: Step['kind'], at: number, servicePointId: string | null, who: string | null, data: Record<string, unknown> = {}): Step => {
    const s: Step = { kind, at: Math.round(at), servicePointId, staffId: who, data, order: order++ }
    visit.steps.push(s)
    return s
  }

  const simulateDay = (date: BusinessDate, dice: Dice, isToday: boolean): void => {
    const dayStart = startOfBusinessDate(date, input.zone)
    const at = (minuteOfDay: number) => dayStart + minuteOfDay * MINUTE
    const end = isToday ? cutoff : Number.POSITIVE_INFINITY
    const nowMinute = (cutoff - dayStart) / MINUTE
    const weekday = weekdayOf(date)
    const rotaDay = weekday === 3 // Wednesdays: 欧阳磊 takes his turn at window 6

    // Duty sessions and pauses.
    const sessions: Session[] = []
    POSTS.forEach(([kind, number, no], i) => {
      let who = no
      if (rotaDay && kind === 'low_counter' && number === 6) who = ROTA_STAFF_NO
      else if (rotaDay && kind === 'corporate_desk') who = '9006'
      const startedAt = at(8 * 60 + 50 + dice.int(0, 8))
      const lunch = i % 2 === 0 ? 11 * 60 + 45 : 12 * 60 + 30
      const pauses: Session['pauses'] = [{ reason: 'break', from: at(lunch + dice.int(0, 5)), to: at(lunch + 40 + dice.int(0, 10)) }]
      if (dice.chance(0.3)) {
        const from = 14 * 60 + dice.int(0, 120)
        pauses.push({ reason: dice.weightedByShare([['back_office', 6], ['meeting', 3], ['other', 1]]), from: at(from), to: at(from + dice.int(8, 20)) })
      }
      sessions.push({ pointId: pointOf(kind, number), staffId: staffId(who), zone: kind, startedAt, endedAt: at(17 * 60 + 15 + dice.int(0, 20)), pauses })
    })

    // Arrivals.
    const mondayBoost = weekday === 1 ? 1.22 : weekday === 5 ? 1.08 : 1
    const total = Math.round(dice.int(152, 172) * mondayBoost)
    const weightSum = HOUR_WEIGHTS.reduce((a, b) => a + b, 0)
    const arrivalMinutes: number[] = []
    HOUR_WEIGHTS.forEach((w, h) => {
      const n = Math.round((total * w) / weightSum)
      const from = OPEN_MINUTE + h * 60
      const to = Math.min(from + 60, LAST_ARRIVAL_MINUTE)
      for (let i = 0; i < n; i++) arrivalMinutes.push(dice.between(from, to))
    })
    arrivalMinutes.sort((a, b) => a - b)

    const visits: PlannedVisit[] = []
    const arrive = (arrivedAt: number, forced?: { clientId: string; purpose: string; amountFen: number | null; appointment: { id: string; at: number } }): PlannedVisit | null => {
      if (arrivedAt > end) return null
      const known = forced ? input.clients.find((c) => c.id === forced.clientId) ?? null : dice.chance(0.6) ? dice.pick(input.clients) : null
      const purpose = forced?.purpose ?? dice.weightedByShare(PURPOSE_WEIGHTS)
      const facts = known ? clientTriageFacts(known, date) : { isVip: false, age: dice.chance(0.15) ? dice.int(60, 85) : null }
      const disabled = dice.chance(0.01)
      const pregnant = !disabled && dice.chance(0.01)
      const triaged = triage({ purpose, isVip: facts.isVip, age: facts.age, disabled, pregnant }, rules)
      let amountFen = forced ? forced.amountFen : null
      if (!forced && (purpose === 'cash' || purpose === 'transfer') && dice.chance(0.5)) amountFen = dice.chance(0.02) ? dice.int(50_000, 200_000) * 100 : dice.int(2, 300) * 10_000
      const triggers = antiFraudTriggers({ purpose, age: facts.age, amountFen }, rules)

      // The manager overrides now and then: an elderly client who cannot use the self-service machines.
      let result = triaged
      let override = null
      if (triaged.zone === 'self_service' && facts.age !== null && facts.age >= 70 && dice.chance(0.5)) {
        const o = applyOverride(triaged, { zone: 'low_counter', reason: '老年客户不熟悉自助设备，转柜台办理' })
        if (o.ok) {
          result = o.result
          override = o.override
        }
      } else if (triaged.priorityClass === 'none' && dice.chance(0.006)) {
        const o = applyOverride(triaged, { priorityClass: 'disabled', reason: '客户腿脚不便，优先办理' })
        if (o.ok) {
          result = o.result
          override = o.override
        }
      }

      const visit: PlannedVisit = {
        id: ids.uuid(),
        date,
        clientId: known?.id ?? null,
        purpose,
        zone: result.zone,
        priorityClass: result.priorityClass,
        arrivedAt: Math.round(arrivedAt),
        appointmentId: forced?.appointment.id ?? null,
        appointmentAt: forced?.appointment.at ?? null,
        amountFen,
        steps: [],
        tickets: [],
        leavesAt: dice.chance(0.035) ? arrivedAt + dice.between(8, 35) * MINUTE : null,
        noTicket: false,
        quotedMinutes: null,
      }
      step(visit, 'arrived', visit.arrivedAt, null, doorId, {
        purpose,
        zone: result.zone,
        priorityClass: result.priorityClass,
        isVip: triaged.reasons.some((r) => r.startsWith('vip')),
        reasons: result.reasons,
        appointmentId: visit.appointmentId,
        appointmentAt: visit.appointmentAt,
        antiFraudTriggers: triggers,
      })
      if (triggers.length > 0) {
        const outcome: AntiFraudOutcome = forced ? 'proceeded' : dice.weightedByShare([['proceeded', 84], ['dissuaded', 13], ['reported_to_police', 3]])
        const questions = rules.antiFraud.questions
        const flagged = outcome === 'proceeded' ? [] : [dice.pick(questions)]
        const checkData = { outcome, triggers, flaggedQuestions: flagged, amountFen, note: outcome === 'proceeded' ? '' : dice.pick(['客户称有“公检法”来电要求转账', '对方自称客服，要求转入“安全账户”', '网友推荐高收益投资平台']) }
        if (outcome !== 'proceeded') {
          // Stopped at the door: the check and the end, no ticket (as the check-in records it).
          step(visit, 'anti_fraud_checked', visit.arrivedAt, null, doorId, checkData)
          step(visit, 'walked_away', visit.arrivedAt, null, doorId)
          visit.noTicket = true
          visits.push(visit)
          return visit
        }
        const ticket = step(visit, 'ticket_issued', visit.arrivedAt, null, doorId)
        visit.tickets.push({ step: ticket, zone: result.zone })
        step(visit, 'anti_fraud_checked', visit.arrivedAt, null, doorId, checkData)
      } else {
        const ticket = step(visit, 'ticket_issued', visit.arrivedAt, null, doorId)
        visit.tickets.push({ step: ticket, zone: result.zone })
      }
      if (override) step(visit, 'overridden', visit.arrivedAt, null, doorId, { ...override })
      visits.push(visit)
      return visit
    }

    // Appointments: large cash withdrawals and wealth-room meetings.
    const vips = input.clients.filter((c) => isVip(c, date))
    const appointmentCount = dice.int(2, 4) + (isToday ? 1 : 0)
    for (let i = 0; i < appointmentCount; i++) {
      const wealth = i % 2 === 1
      const client = wealth && vips.length > 0 ? dice.pick(vips) : dice.pick(input.clients)
      const slot = Math.round(dice.between(9 * 60 + 30, 16 * 60) / 15) * 15
      let appointmentAt = at(slot)
      // Today keeps two bookings still to come (while the branch is still to close), so the door has someone to expect.
      if (isToday && i >= appointmentCount - 2) appointmentAt = Math.max(appointmentAt, Math.min(cutoff + (30 + 45 * (appointmentCount - 1 - i)) * MINUTE, at(CLOSE_MINUTE - 30)))
      appointmentAt = Math.round(appointmentAt / (15 * MINUTE)) * 15 * MINUTE
      const purpose = wealth ? 'investment_consultation' : 'cash'
      const amountFen = wealth ? null : dice.int(6, 30) * 1_000_000
      const zone = triage({ purpose, ...clientTriageFacts(client, date), disabled: false, pregnant: false }, rules).zone
      const id = ids.uuid()
      const fate = appointmentAt > end ? 'booked' : dice.weightedByShare([['arrived', 80], ['missed', 12], ['cancelled', 8]] as const)
      const record: LobbyRecord<'appointments'> = {
        id,
        demo: DEMO,
        branchId: input.branchId,
        businessDate: date,
        at: appointmentAt,
        clientId: client.id,
        name: '',
        phone: null,
        purpose,
        zone,
        note: wealth ? dice.pick(['理财产品到期续作', '资产配置方案沟通', '基金定投调整']) : `大额取现 ${amountFen! / 100 / 10_000} 万元`,
        status: fate,
        visitId: null,
        ...COUNTER_BOOKING,
        createdBy: doorId,
      }
      out.appointments.push(record)
      if (fate === 'arrived') {
        const visit = arrive(appointmentAt + dice.between(-12, 8) * MINUTE, { clientId: client.id, purpose, amountFen, appointment: { id, at: appointmentAt } })
        if (visit) record.visitId = visit.id
        else record.status = 'booked'
      }
    }
    for (const minute of arrivalMinutes) arrive(at(minute))

    // The queues, zone by zone; transfers feed zones simulated later.
    const entries = new Map<Zone, Entry[]>(SIMULATION_ORDER.map((z) => [z, []]))
    for (const visit of visits) {
      if (visit.noTicket) continue
      entries.get(visit.zone)!.push({ visit, zone: visit.zone, enteredAt: visit.arrivedAt, key: visit.arrivedAt, front: false, priorityClass: visit.priorityClass })
    }
    const calledAt = new Map<string, number>()
    for (const zone of SIMULATION_ORDER) {
      const servers: Server[] = sessions.filter((s) => s.zone === zone).map((s) => ({ pointId: s.pointId, staffId: s.staffId, freeAt: s.startedAt, pauses: s.pauses }))
      runQueue(zone, entries.get(zone)!, servers, dice, end, (target, entry) => entries.get(target)!.push(entry), calledAt)
    }

    // Today, while the branch is open: clients keep coming; the queues hold 10–20 at the load time.
    if (isToday && nowMinute >= OPEN_MINUTE && nowMinute < CLOSE_MINUTE) {
      const waitingNow = visits.filter((v) => !v.noTicket && (calledAt.get(v.id) ?? Number.POSITIVE_INFINITY) > end && (v.leavesAt === null || v.leavesAt > end)).length
      const wanted = dice.int(12, 18)
      const earliest = Math.max(OPEN_MINUTE, nowMinute - 25)
      for (let i = waitingNow; i < wanted; i++) {
        const visit = arrive(at(dice.between(earliest, nowMinute)))
        if (visit) visit.leavesAt = null
      }
    }

    // What each client was told at the door: the people ahead on arrival, by the zone's pace.
    for (const visit of visits) {
      if (visit.noTicket) continue
      const open = Math.max(1, sessions.filter((s) => s.zone === visit.zone).length)
      const ahead = visits.filter((o) => o !== visit && o.zone === visit.zone && !o.noTicket && o.arrivedAt < visit.arrivedAt && (calledAt.get(o.id) ?? Number.POSITIVE_INFINITY) > visit.arrivedAt).length
      visit.quotedMinutes = Math.round(((ahead + 1) * SERVICE_MINUTES[visit.zone][0]) / open)
    }

    // Steps after the load time have not happened yet.
    for (const visit of visits) visit.steps = visit.steps.filter((s) => s.at <= end)

    // Walk-aways of clients still waiting past their patience (before the cut).
    for (const visit of visits) {
      if (visit.noTicket || visit.leavesAt === null || visit.leavesAt > end) continue
      const last = visit.steps[visit.steps.length - 1]!
      if (last.kind === 'arrived' || last.kind === 'ticket_issued' || last.kind === 'overridden' || last.kind === 'anti_fraud_checked') {
        step(visit, 'walked_away', Math.max(visit.leavesAt, last.at), null, doorId)
      }
    }

    // Ticket numbers: per prefix, in the order they were issued.
    const issued = visits.flatMap((visit) => visit.tickets.filter((t) => visit.steps.includes(t.step)).map((t) => ({ visit, ...t })))
    issued.sort((a, b) => a.step.at - b.step.at || a.step.order - b.step.order)
    const seqs = new Map<string, number>()
    for (const { visit, step: s, zone } of issued) {
      const prefix = rules.ticketPrefixes[zone]
      const seq = (seqs.get(prefix) ?? 0) + 1
      seqs.set(prefix, seq)
      const id = ids.uuid()
      const code = formatTicketCode(prefix, seq)
      s.data = { ticketId: id, code, prefix, seq }
      out.tickets.push({ id, demo: DEMO, branchId: input.branchId, businessDate: date, zone, prefix, seq, code, visitId: visit.id })
    }

    // Records.
    for (const visit of visits.sort((a, b) => a.arrivedAt - b.arrivedAt)) {
      out.visits.push({
        id: visit.id,
        demo: DEMO,
        branchId: input.branchId,
        businessDate: date,
        clientId: visit.clientId,
        purpose: visit.purpose,
        zone: visit.zone,
        arrivedAt: visit.arrivedAt,
        createdBy: doorId,
        appointmentId: visit.appointmentId,
        details: visit.noTicket ? { amountFen: visit.amountFen, endedAtDoor: ENDED_AT_DOOR_ANTI_FRAUD } : { quotedMinutes: visit.quotedMinutes, amountFen: visit.amountFen },
      })
      const ordered = [...visit.steps].sort((a, b) => a.at - b.at || a.order - b.order)
      for (const s of ordered) {
        out.visitEvents.push({ id: ids.uuid(), demo: DEMO, visitId: visit.id, branchId: input.branchId, businessDate: date, at: s.at, kind: s.kind, servicePointId: s.servicePointId, staffId: s.staffId, data: s.data })
      }
      if (visit.purpose === 'complaint' && visit.steps.some((s) => s.kind === 'finished')) complaintFor(visit, dice)
    }

    for (const s of sessions) {
      if (s.startedAt > end) continue
      const open = s.endedAt > end
      out.dutySessions.push({
        id: ids.uuid(),
        demo: DEMO,
        branchId: input.branchId,
        businessDate: date,
        servicePointId: s.pointId,
        staffId: s.staffId,
        startedAt: s.startedAt,
        endedAt: open ? null : s.endedAt,
        pauses: s.pauses.filter((p) => p.from <= end).map((p) => ({ reason: p.reason, from: p.from, to: p.to > end ? null : p.to })),
      })
    }
    if (!isToday) {
      const lastStep = Math.max(...visits.flatMap((v) => v.steps.map((s) => s.at)), at(17 * 60))
      out.dayClosures.push({ id: ids.uuid(), demo: DEMO, branchId: input.branchId, businessDate: date, closedAt: Math.max(lastStep + 5 * MINUTE, at(17 * 60 + 30)), closedBy: doorId, unservedCount: 0 })
    }
  }

  const complaintFor = (visit: PlannedVisit, dice: Dice): void => {
    const [what, concerns] = dice.pick(COMPLAINT_TOPICS)
    const severity = dice.weightedByShare([['low', 5], ['medium', 4], ['high', 1]] as const)
    const due = addWorkingDays(visit.date, COMPLAINT_DEADLINE_DAYS[severity])
    const dueAt = startOfBusinessDate(due, input.zone) + 18 * HOUR
    const overdue = dueAt < input.nowMs
    const settled = overdue ? dice.chance(0.85) : dice.chance(0.3)
    const closedAt = settled ? Math.min(input.nowMs, visit.arrivedAt + dice.between(2, 40) * HOUR) : null
    const escalated = !settled && overdue
    out.complaints.push({
      id: ids.uuid(),
      demo: DEMO,
      branchId: input.branchId,
      visitId: visit.id,
      clientId: visit.clientId,
      businessDate: visit.date,
      what,
      concerns,
      severity,
      assigneeId: severity === 'high' ? headId : doorId,
      dueAt,
      status: settled ? 'closed' : escalated ? 'escalated' : 'open',
      escalatedAt: escalated ? dueAt + HOUR : null,
      resolution: settled ? dice.pick(COMPLAINT_RESOLUTIONS) : '',
      clientAccepted: settled ? (dice.chance(0.85) ? 1 : 0) : null,
      closedAt: closedAt === null ? null : Math.round(closedAt),
    })
  }

  /** One zone's queue for a day: servers call, serve, transfer; steps are added to the visits. */
  const runQueue = (zone: Zone, queue: Entry[], servers: Server[], dice: Dice, end: number, transferTo: (zone: Zone, entry: Entry) => void, calledAt: Map<string, number>): void => {
    const pending = [...queue].sort((a, b) => a.enteredAt - b.enteredAt)
    let normalsInRow = 0
    const [typical, shortest, longest] = SERVICE_MINUTES[zone]
    const window = rules.appointmentWindow
    let guard = 0
    while (pending.length > 0 && servers.length > 0 && guard++ < 10_000) {
      const server = servers.reduce((a, b) => (b.freeAt < a.freeAt ? b : a))
      let t = server.freeAt
      for (const p of server.pauses) if (t >= p.from - 2 * MINUTE && t < p.to) t = p.to
      if (t > end) break
      // Clients out of patience leave before being called.
      for (let i = pending.length - 1; i >= 0; i--) {
        const e = pending[i]!
        if (e.visit.leavesAt !== null && e.visit.leavesAt < t && e.enteredAt === e.visit.arrivedAt) pending.splice(i, 1)
      }
      const present = pending.filter((e) => e.enteredAt <= t)
      if (present.length === 0) {
        const next = pending.reduce((m, e) => Math.min(m, e.enteredAt), Number.POSITIVE_INFINITY)
        server.freeAt = Math.max(t, next)
        if (!Number.isFinite(next)) break
        continue
      }
      const byKey = (a: Entry, b: Entry) => a.key - b.key
      const due = present.filter((e) => e.visit.appointmentAt !== null && t >= e.visit.appointmentAt - window.beforeMinutes * MINUTE && t <= e.visit.appointmentAt + window.afterMinutes * MINUTE).sort(byKey)
      const front = present.filter((e) => e.front).sort(byKey)
      const priority = present.filter((e) => e.priorityClass !== 'none').sort(byKey)
      const normal = present.filter((e) => e.priorityClass === 'none').sort(byKey)
      let chosen: Entry
      let lane: CallLane
      if (due[0]) {
        chosen = due[0]
        lane = 'appointment'
      } else if (front[0]) {
        chosen = front[0]
        lane = 'front'
      } else if (priority[0] && (!normal[0] || normalsInRow >= rules.priorityRatio.normal)) {
        chosen = priority[0]
        lane = 'priority'
        normalsInRow = 0
      } else {
        chosen = normal[0]!
        lane = 'normal'
        normalsInRow += 1
      }
      pending.splice(pending.indexOf(chosen), 1)
      // A transferred client may have been given 'front' or 'original': the lane is what the order chose.

      const visit = chosen.visit
      const call = t + dice.between(0.2, 1.2) * MINUTE
      if (!calledAt.has(visit.id)) calledAt.set(visit.id, call)
      const here = server.pointId
      const who = server.staffId
      step(visit, 'called', call, here, who, { lane })

      if (dice.chance(0.025)) {
        // Nobody comes: three recalls, then a no-show; now and then the client turns up and it is undone.
        for (let r = 1; r <= rules.recallsBeforeNoShow; r++) step(visit, 'recalled', call + r * MINUTE, here, who)
        const noShowAt = call + (rules.recallsBeforeNoShow + 0.5) * MINUTE
        step(visit, 'no_show', noShowAt, here, who)
        server.freeAt = noShowAt + 0.3 * MINUTE
        if (dice.chance(0.3)) {
          const back = noShowAt + dice.between(2, 8) * MINUTE
          // The no-show's event id is known only when records are made: linkUndos fills it in.
          step(visit, 'undone', back, here, who, { undoesEventId: '', reason: '客户返回网点' })
          pending.push({ ...chosen, enteredAt: back })
        }
        continue
      }
      let startAt = call + dice.between(0.3, 1.5) * MINUTE
      if (dice.chance(0.08)) {
        step(visit, 'recalled', call + MINUTE, here, who)
        startAt += MINUTE
      }
      step(visit, 'started', startAt, here, who)
      const serviceMs = dice.minutes(typical, shortest, longest) * MINUTE

      const transfer = transferFrom(zone, visit, dice)
      if (transfer) {
        const transferAt = startAt + Math.min(serviceMs, dice.between(1, 4) * MINUTE)
        step(visit, 'transferred', transferAt, here, who, { toZone: transfer.zone, placement: transfer.placement, priorityClass: null, reason: transfer.reason, services: transfer.services })
        const ticket = step(visit, 'ticket_issued', transferAt, null, who)
        visit.tickets.push({ step: ticket, zone: transfer.zone })
        transferTo(transfer.zone, {
          visit,
          zone: transfer.zone,
          enteredAt: transferAt,
          key: transfer.placement === 'original' ? visit.arrivedAt : transferAt,
          front: transfer.placement === 'front',
          priorityClass: chosen.priorityClass,
        })
        server.freeAt = transferAt + dice.between(0.3, 1) * MINUTE
        continue
      }
      const finishAt = startAt + serviceMs
      const services = [visit.purpose]
      if (zone === 'low_counter' && dice.chance(0.15)) services.push(visit.purpose === 'card' ? 'account_opening' : 'card')
      step(visit, 'finished', finishAt, here, who, { services: zone === 'self_service' && visit.purpose !== 'query_printing' && visit.purpose !== 'transfer' ? ['other'] : services })
      server.freeAt = finishAt + dice.between(0.2, 1.5) * MINUTE
    }
  }

  const transferFrom = (zone: Zone, visit: PlannedVisit, dice: Dice): { zone: Zone; placement: TransferPlacement; reason: string; services: string[] } | null => {
    const moved = visit.steps.some((s) => s.kind === 'transferred')
    if (moved) return null
    if (zone === 'high_counter' && dice.chance(0.03)) return { zone: 'low_counter', placement: 'original', reason: '需办理非现金业务', services: ['cash'] }
    if (zone === 'self_service' && dice.chance(0.05)) return { zone: 'low_counter', placement: dice.chance(0.5) ? 'front' : 'original', reason: '自助设备无法办理，转柜台', services: [] }
    const rule = purposeRule(visit.purpose, rules)
    if (zone === 'low_counter' && rule?.wealth !== true && dice.chance(0.03)) return { zone: 'wealth_room', placement: 'end', reason: '客户有理财需求，转理财经理', services: [visit.purpose] }
    return null
  }

  const dayDice = days.map(() => streamFor())
  const todayDice = streamFor()
  days.forEach((date, i) => simulateDay(date, dayDice[i]!, false))
  simulateDay(input.today, todayDice, true)

  linkUndos(out)
  return out
}

/** Steps are turned into events in one pass; an undo names its no-show's event id. */
function linkUndos(out: LobbyHistory): void {
  const byVisit = new Map<string, LobbyRecord<'visitEvents'>[]>()
  for (const e of out.visitEvents) byVisit.set(e.visitId, [...(byVisit.get(e.visitId) ?? []), e])
  for (const events of byVisit.values()) {
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!
      if (e.kind !== 'undone') continue
      // The no-show this undoes is the last one before it.
      for (let j = i - 1; j >= 0; j--) {
        if (events[j]!.kind === 'no_show') {
          e.data = { ...e.data, undoesEventId: events[j]!.id }
          break
        }
      }
    }
  }
}
