/**
 * The demo branch's wealth-room history, laid over the lobby history: a room session for every
 * wealth-room visit the lobby started in a room (from its 'started' step to its 'finished' step, by
 * the manager who started it; still open when today's visit is still being served), some stretches
 * of a room "in use without a client" (the seed's complaint: managers using the room as an office),
 * one of them going on now, wealth bookings for the rest of today and the coming business days (no
 * two on the same room or manager at once), and today's pages: read for the clients seated, unread
 * for those still waiting. Pure and deterministic: the same input and seed give the same records;
 * every record carries `demo: 1`.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import { Dice } from './dice'
import type { DemoRecord, HistoryInput, SeededRecord } from './generate'
import type { LobbyRecord } from './lobbyHistory'
import { DEFAULT_PRODUCTS } from '@/domain/catalogue/defaults'
import { bookingConflicts } from '@/domain/wealth/bookings'
import { ROOM_OPENS_AT } from '@/domain/wealth/rooms'
import type { RecordOf } from '@/domain/model/records'
import { addDays, isWeekday, startOfBusinessDate } from '@/domain/time'

export type RoomTable = 'roomSessions' | 'appointments' | 'staffPages'
export type RoomRecord<K extends RoomTable> = SeededRecord<K>
export interface RoomHistory {
  roomSessions: RoomRecord<'roomSessions'>[]
  appointments: RoomRecord<'appointments'>[]
  staffPages: RoomRecord<'staffPages'>[]
}

export type DemoClient = Pick<DemoRecord<'clients'>, 'id' | 'surname' | 'givenName' | 'phone' | 'vipTier' | 'maintainerId'>
export type DemoStaff = Pick<DemoRecord<'staff'>, 'id' | 'staffNo'>
export type DemoServicePoint = Pick<DemoRecord<'servicePoints'>, 'id' | 'kind' | 'number'>
export type LobbyVisit = Pick<LobbyRecord<'visits'>, 'id' | 'businessDate' | 'clientId' | 'zone' | 'arrivedAt' | 'appointmentId'>
export type LobbyVisitEvent = Pick<LobbyRecord<'visitEvents'>, 'visitId' | 'kind' | 'at' | 'servicePointId' | 'staffId'>

export interface RoomHistoryInput extends HistoryInput {
  clients: readonly DemoClient[]
  staff: readonly DemoStaff[]
  servicePoints: readonly DemoServicePoint[]
  visits: readonly LobbyVisit[]
  visitEvents: readonly LobbyVisitEvent[]
}

const MINUTE = 60_000
const DEMO = 1 as const
const WEALTH_MANAGER_NOS = ['9009', '9010'] as const
/** 郑欣, the customer manager the seed would find using a wealth room as an office. */
const OFFICE_USER_NO = '9007'
const BOOKING_DAYS_AHEAD = 5

const ROOM_PRODUCT_CODES = DEFAULT_PRODUCTS.filter((p) => p.category === 'wealth' || p.category === 'fund' || p.category === 'insurance').map((p) => p.code)
const PURPOSES = ['资产配置方案沟通', '理财产品到期续作', '基金定投调整', '保险保障规划', '财富诊断', '大额存单咨询'] as const
const NEXT_STEPS = ['下周电话回访，确认购买金额', '产品到期前三天提醒客户', '发送产品说明书，客户与家人商量', '约下月面谈，带上家庭资产清单', ''] as const
const NOTES = ['客户关注收益稳定性，风险偏好偏保守', '客户子女明年出国留学，需预留资金', '客户在他行有一笔理财即将到期，可争取转入', '客户对上次基金回撤有意见，已耐心解释', ''] as const
const CONFIDENTIAL_NOTES = ['客户正在办理离婚，资产分割前暂缓大额配置', '客户企业经营资金紧张，近期可能有大额支取'] as const
const OFFICE_REASONS = ['电话回访客户', '整理客户资料', '内部沟通'] as const
const BOOKING_NOTES = ['理财产品到期续作', '资产配置方案沟通', '基金定投调整', '养老规划咨询'] as const
const OUTCOMES: readonly (readonly [NonNullable<RecordOf<'roomSessions'>['outcome']>, number])[] = [['purchased', 3], ['interested', 3], ['thinking', 2], ['declined', 1], ['service_only', 2]]

export function generateRoomHistory(input: RoomHistoryInput): RoomHistory {
  const dice = new Dice(xoroshiro128plus(input.seed ^ 0x3a11))
  const ids = new Dice(xoroshiro128plus(input.seed ^ 0x3a12))
  const staffByNo = new Map(input.staff.map((s) => [s.staffNo, s.id]))
  const staffId = (no: string) => {
    const id = staffByNo.get(no)
    if (!id) throw new Error(`The demo branch has no staff ${no}`)
    return id
  }
  const rooms = input.servicePoints.filter((p) => p.kind === 'wealth_room').sort((a, b) => a.number - b.number)
  const roomIds = new Set(rooms.map((r) => r.id))
  const clientsById = new Map(input.clients.map((c) => [c.id, c]))
  const out: RoomHistory = { roomSessions: [], appointments: [], staffPages: [] }

  // Sessions with a client: exactly the lobby's wealth-room services, from start to finish.
  const eventsByVisit = new Map<string, LobbyVisitEvent[]>()
  for (const event of input.visitEvents) eventsByVisit.set(event.visitId, [...(eventsByVisit.get(event.visitId) ?? []), event])
  const visits = [...input.visits].sort((a, b) => a.arrivedAt - b.arrivedAt || a.id.localeCompare(b.id))
  for (const visit of visits) {
    const events = [...(eventsByVisit.get(visit.id) ?? [])].sort((a, b) => a.at - b.at)
    const started = events.find((e) => e.kind === 'started' && e.servicePointId !== null && roomIds.has(e.servicePointId))
    if (!started || started.at > input.nowMs) continue
    const finished = events.find((e) => e.kind === 'finished' && e.at >= started.at && e.at <= input.nowMs)
    const confidential = dice.chance(0.12)
    out.roomSessions.push({
      id: ids.uuid(),
      demo: DEMO,
      branchId: input.branchId,
      businessDate: visit.businessDate,
      servicePointId: started.servicePointId!,
      staffId: started.staffId ?? staffId(WEALTH_MANAGER_NOS[0]),
      clientId: visit.clientId,
      visitId: visit.id,
      appointmentId: visit.appointmentId,
      startedAt: started.at,
      endedAt: finished ? finished.at : null,
      purpose: finished ? dice.pick(PURPOSES) : '',
      productCodes: finished ? dice.shuffled(ROOM_PRODUCT_CODES).slice(0, dice.int(0, 3)) : [],
      outcome: finished ? dice.weightedByShare(OUTCOMES) : null,
      nextStep: finished ? dice.pick(NEXT_STEPS) : '',
      note: finished ? (confidential ? dice.pick(CONFIDENTIAL_NOTES) : dice.pick(NOTES)) : '',
      confidential: finished && confidential ? 1 : 0,
    })
  }

  // Rooms used as an office: in a free gap of about half the days, and one going on now today.
  const dates = [...new Set(input.visits.map((v) => v.businessDate))].sort()
  const openMinute = Number(ROOM_OPENS_AT.slice(0, 2)) * 60 + 30
  for (const date of dates) {
    const isToday = date === input.today
    if (!isToday && !dice.chance(0.5)) continue
    const dayStart = startOfBusinessDate(date, input.zone)
    const who = dice.chance(0.6) ? staffId(OFFICE_USER_NO) : staffId(dice.pick(WEALTH_MANAGER_NOS))
    const length = dice.int(30, 90) * MINUTE
    const free = (roomId: string, from: number, to: number) =>
      out.roomSessions.every((s) => s.businessDate !== date || s.servicePointId !== roomId || (s.endedAt ?? input.nowMs) <= from || s.startedAt >= to)
    let room = dice.pick(rooms)
    let startedAt: number | null = null
    if (isToday) {
      // Going on now: from a while ago, or from a few minutes after the room's last session ended.
      const wanted = input.nowMs - dice.int(15, 40) * MINUTE
      for (const candidate of rooms) {
        const own = out.roomSessions.filter((s) => s.businessDate === date && s.servicePointId === candidate.id)
        if (own.some((s) => s.endedAt === null) || startedAt !== null) continue
        const from = Math.max(wanted, ...own.map((s) => s.endedAt! + 3 * MINUTE), dayStart + openMinute * MINUTE)
        if (from <= input.nowMs - 5 * MINUTE) [room, startedAt] = [candidate, from]
      }
    } else {
      for (let attempt = 0; attempt < 12 && startedAt === null; attempt++) {
        const from = dayStart + (openMinute + dice.int(0, 6 * 60)) * MINUTE
        if (free(room.id, from, from + length)) startedAt = from
      }
    }
    if (startedAt === null) continue
    out.roomSessions.push({
      id: ids.uuid(),
      demo: DEMO,
      branchId: input.branchId,
      businessDate: date,
      servicePointId: room.id,
      staffId: who,
      clientId: null,
      visitId: null,
      appointmentId: null,
      startedAt,
      endedAt: isToday ? null : startedAt + length,
      purpose: dice.pick(OFFICE_REASONS),
      productCodes: [],
      outcome: null,
      nextStep: '',
      note: '',
      confidential: 0,
    })
  }

  // Bookings: the rest of today and the coming business days, a manager and a room each, no clashes.
  const vips = input.clients.filter((c) => c.vipTier !== null)
  const bookingDays = [input.today, ...Array.from({ length: BOOKING_DAYS_AHEAD * 2 }, (_, i) => addDays(input.today, i + 1)).filter(isWeekday).slice(0, BOOKING_DAYS_AHEAD)]
  for (const date of bookingDays) {
    const dayStart = startOfBusinessDate(date, input.zone)
    const wanted = date === input.today ? 2 : dice.int(1, 3)
    for (let made = 0, attempt = 0; made < wanted && attempt < 20 && vips.length > 0; attempt++) {
      const at = dayStart + (10 * 60 + dice.int(0, 12) * 30) * MINUTE
      if (at < input.nowMs + 30 * MINUTE) continue
      const slot = { at, durationMinutes: dice.pick([45, 60, 60, 90]), staffId: staffId(dice.pick(WEALTH_MANAGER_NOS)), servicePointId: dice.pick(rooms).id }
      if (bookingConflicts(slot, out.appointments).length > 0) continue
      const client = dice.pick(vips)
      out.appointments.push({
        id: ids.uuid(),
        demo: DEMO,
        branchId: input.branchId,
        businessDate: date,
        ...slot,
        clientId: client.id,
        name: `${client.surname}${client.givenName}`,
        phone: client.phone,
        purpose: 'investment_consultation',
        zone: 'wealth_room',
        note: dice.pick(BOOKING_NOTES),
        status: 'booked',
        visitId: null,
        createdBy: slot.staffId,
      })
      made++
    }
  }

  // Today's pages: whoever seated the client (read), or the maintainer or a wealth manager for a client still waiting (unread).
  const seatedBy = new Map(out.roomSessions.flatMap((s) => (s.visitId ? [[s.visitId, s] as const] : [])))
  for (const visit of visits.filter((v) => v.businessDate === input.today && v.zone === 'wealth_room' && v.arrivedAt <= input.nowMs)) {
    const events = eventsByVisit.get(visit.id) ?? []
    const gone = events.some((e) => (e.kind === 'walked_away' || e.kind === 'no_show' || e.kind === 'transferred' || e.kind === 'unserved_at_close') && e.at <= input.nowMs)
    const session = seatedBy.get(visit.id)
    if (gone && !session) continue
    const maintainer = visit.clientId ? (clientsById.get(visit.clientId)?.maintainerId ?? null) : null
    const paged = session?.staffId ?? maintainer ?? staffId(WEALTH_MANAGER_NOS[0])
    out.staffPages.push({
      id: ids.uuid(),
      demo: DEMO,
      branchId: input.branchId,
      staffId: paged,
      at: visit.arrivedAt,
      kind: visit.appointmentId ? 'booking_arrived' : 'vip_arrived',
      reason: paged === maintainer ? 'maintainer' : 'next_available',
      visitId: visit.id,
      clientId: visit.clientId,
      read: session ? 1 : 0,
    })
  }
  return out
}
