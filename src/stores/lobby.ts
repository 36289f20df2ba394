import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { checkIn as checkInVisit, lobbyDay, recordVisitStep, transferVisit, type CheckedIn, type LobbyDay } from '@/db/repositories/lobby/visits'
import { closeBusinessDay, closeDuty, dayClosure, dutySessions, openDuty, pauseDuty, resumeDuty, unclosedDaysWithVisits } from '@/db/repositories/lobby/duty'
import { DuplicateClientError, getClient, registerClient, searchClients, type NewClientAtDoor } from '@/db/repositories/lobby/clients'
import { loadStoredSettings, saveSettingValue } from '@/db/repositories/settings'
import { listServicePoints } from '@/db/repositories/servicePoints'
import { DEFAULT_LOBBY_RULES, resolveLobbyRules, validateLobbyRules, type LobbyRules } from '@/domain/lobby/purposes'
import { applyOverride, clientTriageFacts, triage, type TriageResult } from '@/domain/lobby/triage'
import { antiFraudTriggers } from '@/domain/lobby/antiFraud'
import { deriveVisits, type VisitEventBody, type VisitState } from '@/domain/lobby/visitState'
import { lobbyBoard, zoneBoard, type ZoneBoard } from '@/domain/lobby/board'
import { callHistory, nextToCall, peopleAhead as peopleAheadIn, waitingIn } from '@/domain/lobby/callingOrder'
import { AUTO_CLOSE_LOOKBACK_DAYS, autoCloseDue, closeDay as planDayClose } from '@/domain/lobby/dayClose'
import { addDays, businessDate as businessDateAt } from '@/domain/time'
import type { PriorityClass, TransferPlacement, Zone } from '@/domain/lobby/terms'
import type { Client, DutySession, PauseReason, ServicePoint } from '@/domain/model/records'
import { useTerminalStore } from './terminal'
import { useSessionStore } from './session'
import { useNoticeStore } from './notice'
import { useSyncStore } from './sync'
import { pageForArrival } from '@/db/repositories/wealth/pages'
import { deviceId } from '@/db/local'
import type { Arrival } from '@/db/sync/replicator'
import { keepOfflineReserve, NoTicketNumberError } from '@/db/sync/ticketCounter'
import { lostCalls, type LostCall } from '@/domain/lobby/lostCalls'
import type { VisitEvent } from '@/domain/model/records'
import { i18n } from '@/i18n'

export { DuplicateClientError, NoTicketNumberError }
export type { LostCall }

const LOBBY_RULES_KEY = 'lobbyRules'
/**
 * How long a station waits for its call's round with the hub before going on: a hub that has just
 * become unreachable must not hold the station up; a loss found later arrives with the other call.
 */
export const CALL_CONFIRM_WAIT_MS = 3_000

/** Everything the lobby screens show for one business day, derived from what is stored. */
export interface LobbyPicture {
  day: LobbyDay
  states: Map<string, VisitState>
  points: ServicePoint[]
  sessions: DutySession[]
  boards: ZoneBoard[]
  closed: boolean
}

export interface ArrivalFacts {
  client: Client | null
  purpose: string
  disabled: boolean
  pregnant: boolean
  /** For a walk-in without a client record: their age if given. */
  age: number | null
  /** The amount of a transfer or withdrawal, when the client says it (anti-fraud). */
  amountFen: number | null
}

/** A call made at a service point, and whether it lost to another point's earlier call of the same ticket. */
export interface CallOutcome {
  state: VisitState | null
  lost: LostCall | null
}

export interface IssuedArrival extends CheckedIn {
  peopleAhead: number
  estimateMinutes: number | null
}

/** The lobby: greeting and triage at the door, tickets, the queues and the service points. */
export const useLobbyStore = defineStore('lobby', () => {
  const terminal = useTerminalStore()
  const session = useSessionStore()
  const sync = useSyncStore()
  const rules = shallowRef<LobbyRules>(DEFAULT_LOBBY_RULES)

  const branchId = computed(() => terminal.state.branchId ?? '')
  const staffId = () => session.staff?.id ?? null
  /** This terminal's calls that lost to another point's, not yet acknowledged at the station. */
  const lostCallNotices = ref<LostCall[]>([])
  /** Lost calls already reported, so that each is told once whichever way it was found. */
  const reportedLosses = new Set<string>()
  /** Synchronisation knows the hub is gone: ticket numbers come from the reserve at once. */
  const numbering = () => ({ hubOffline: sync.phase === 'offline' })

  /** Reads the branch's lobby rules (purposes → zones, ratio, thresholds…), defaults where unset. */
  async function loadRules(): Promise<LobbyRules> {
    rules.value = resolveLobbyRules(((await loadStoredSettings())[LOBBY_RULES_KEY] ?? {}) as Record<string, unknown>)
    return rules.value
  }

  /** Saves edited lobby rules after validating them; returns the problems instead when invalid. */
  async function saveRules(candidate: unknown): Promise<ReturnType<typeof validateLobbyRules>> {
    const checked = validateLobbyRules(candidate)
    if (checked.ok) {
      await saveSettingValue(LOBBY_RULES_KEY, checked.rules)
      rules.value = checked.rules
    }
    return checked
  }

  /** Clients matching what the lobby manager typed (phone or its tail, name, pinyin initials, ID, card tail). */
  function search(query: string): Promise<Client[]> {
    return searchClients(branchId.value, query)
  }

  /** Registers a new client at the door; throws DuplicateClientError with the matches when already on file. */
  function register(input: Omit<NewClientAtDoor, 'branchId'>): Promise<Client> {
    return registerClient({ ...input, branchId: branchId.value }, terminal.today)
  }

  function client(id: string): Promise<Client | undefined> {
    return getClient(id)
  }

  /** Where triage sends this arrival, and why. */
  function triageFor(facts: ArrivalFacts): TriageResult {
    const known = facts.client ? clientTriageFacts(facts.client, terminal.today) : { isVip: false, age: facts.age }
    return triage({ purpose: facts.purpose, isVip: known.isVip, age: known.age ?? facts.age, disabled: facts.disabled, pregnant: facts.pregnant }, rules.value)
  }

  /** Whether the anti-fraud questions must be asked before this arrival is sent on. */
  function antiFraudFor(facts: ArrivalFacts) {
    // A client on file without a birthday may still be marked elderly at the door (facts.age).
    const age = (facts.client ? clientTriageFacts(facts.client, terminal.today).age : null) ?? facts.age
    return antiFraudTriggers({ purpose: facts.purpose, age, amountFen: facts.amountFen }, rules.value)
  }

  /** Everything the lobby shows for the branch's business day (for a live query). */
  async function picture(businessDate = terminal.today, nowMs = Date.now()): Promise<LobbyPicture> {
    const [day, points, sessions, closure] = await Promise.all([lobbyDay(branchId.value, businessDate), listServicePoints(branchId.value), dutySessions(branchId.value, businessDate), dayClosure(branchId.value, businessDate)])
    const states = deriveVisits(day.events)
    const clientOf = new Map(day.visits.map((v) => [v.id, v.clientId]))
    const quotedOf = new Map(day.visits.map((v) => [v.id, typeof v.details.quotedMinutes === 'number' ? v.details.quotedMinutes : null]))
    const boards = lobbyBoard({ states: [...states.values()], clientOf: (id) => clientOf.get(id) ?? null, quotedOf: (id) => quotedOf.get(id) ?? null, points, sessions, rules: rules.value, nowMs })
    return { day, states, points, sessions, boards, closed: closure !== undefined }
  }

  /**
   * Checks an arrival in: triage (with the manager's override and its reason, if any), the ticket,
   * the anti-fraud outcome when one was asked; one transaction. Returns the ticket with the people
   * ahead and the estimated wait it quotes.
   */
  async function checkIn(
    facts: ArrivalFacts,
    options: { override?: { zone?: Zone; priorityClass?: PriorityClass; reason: string }; antiFraud?: Extract<VisitEventBody, { kind: 'anti_fraud_checked' }>['data']; appointment?: { id: string; at: number } },
  ): Promise<IssuedArrival> {
    const triaged = triageFor(facts)
    const overridden = options.override ? applyOverride(triaged, options.override) : null
    const result = overridden?.ok ? overridden.result : triaged
    const before = await picture()
    const board = zoneBoard(result.zone, { states: [...before.states.values()], clientOf: () => null, quotedOf: () => null, points: before.points, sessions: before.sessions, rules: rules.value, nowMs: Date.now() })
    const estimateMinutes = board.estimateMinutes
    const alsoAtDoor: VisitEventBody[] = []
    if (overridden?.ok) alsoAtDoor.push({ kind: 'overridden', data: overridden.override } as VisitEventBody)
    if (options.antiFraud) alsoAtDoor.push({ kind: 'anti_fraud_checked', data: options.antiFraud } as VisitEventBody)
    const checked = await checkInVisit({
      branchId: branchId.value,
      businessDate: terminal.today,
      clientId: facts.client?.id ?? null,
      zone: result.zone,
      prefix: rules.value.ticketPrefixes[result.zone],
      arrival: {
        purpose: facts.purpose,
        zone: result.zone,
        priorityClass: result.priorityClass,
        isVip: triaged.reasons.some((r) => r.startsWith('vip')),
        reasons: result.reasons,
        appointmentId: options.appointment?.id ?? null,
        appointmentAt: options.appointment?.at ?? null,
        antiFraudTriggers: antiFraudFor(facts),
      },
      alsoAtDoor,
      staffId: staffId(),
      appointmentId: options.appointment?.id ?? null,
      details: { quotedMinutes: estimateMinutes, amountFen: facts.amountFen },
    }, numbering())
    await pageWealthManager(checked.visit.id)
    const after = await picture()
    const ahead = peopleAheadIn(checked.visit.id, waitingIn(after.states.values(), result.zone), { nowMs: Date.now(), rules: rules.value, history: callHistory(after.states.values(), result.zone) }) ?? 0
    return { ...checked, peopleAhead: ahead, estimateMinutes }
  }

  /**
   * Pages the wealth manager who should seat a client sent to the wealth room (or arriving for a
   * wealth booking). The ticket is already issued: a failed page is reported, not thrown.
   */
  async function pageWealthManager(visitId: string): Promise<void> {
    try {
      await pageForArrival(visitId, Date.now())
    } catch {
      useNoticeStore().warn(i18n.global.t('wealth.pageFailed'))
    }
  }

  /** Records one step of a visit at a service point (or at the door when `servicePointId` is null). */
  function step(visitId: string, body: VisitEventBody, servicePointId: string | null) {
    return recordVisitStep(visitId, body, { servicePointId, staffId: staffId() })
  }

  /**
   * Calls the next client for a service point by the calling order; null when nobody waits. With
   * the hub online the call is pushed and the hub's news pulled at once: a call that lost to another
   * point's earlier call of the same ticket comes back as `lost` (and among the notices).
   */
  async function callNext(point: ServicePoint): Promise<CallOutcome | null> {
    const now = await picture()
    const zone = point.kind as Zone
    const next = nextToCall(waitingIn(now.states.values(), zone), { nowMs: Date.now(), rules: rules.value, history: callHistory(now.states.values(), zone) })
    if (!next) return null
    const call = await step(next.entry.visitId, { kind: 'called', data: { lane: next.lane } } as VisitEventBody, point.id)
    return { state: now.states.get(next.entry.visitId) ?? null, lost: await confirmCall(call) }
  }

  /** Calls a waiting client out of the calling order (already standing at the point), confirmed as callNext is. */
  async function callOutOfOrder(visitId: string, point: ServicePoint): Promise<CallOutcome> {
    const call = await step(visitId, { kind: 'called_out_of_order', data: { reason: '' } }, point.id)
    return { state: (await picture()).states.get(visitId) ?? null, lost: await confirmCall(call) }
  }

  /** Pushes a call and pulls at once when the hub is online; the call's loss when another point's call came first. */
  async function confirmCall(call: VisitEvent): Promise<LostCall | null> {
    if (!sync.configured || sync.phase === 'offline' || sync.phase === 'refused') return null
    let timer: ReturnType<typeof setTimeout> | undefined
    await Promise.race([sync.syncNow(), new Promise<void>((resolve) => (timer = setTimeout(resolve, CALL_CONFIRM_WAIT_MS)))])
    clearTimeout(timer)
    return (await reportLostCalls(new Set([call.visitId]))).find((lost) => lost.eventId === call.id) ?? null
  }

  /**
   * For the replicator's arrivals (records other terminals wrote): this terminal's calls that lost
   * to a call that just arrived, each reported once among `lostCallNotices`; returns them.
   */
  async function checkLostCalls(arrivals: readonly Arrival[]): Promise<LostCall[]> {
    const visitIds = new Set(arrivals.filter((a) => a.table === 'visitEvents').map((a) => (a.record as VisitEvent).visitId))
    return visitIds.size === 0 ? [] : reportLostCalls(visitIds)
  }

  /** This terminal's calls among these visits (of today) that lost and were not reported yet. */
  async function reportLostCalls(visitIds: ReadonlySet<string>): Promise<LostCall[]> {
    const [{ events }, me] = await Promise.all([lobbyDay(branchId.value, terminal.today), deviceId()])
    const byId = new Map(events.filter((e) => visitIds.has(e.visitId)).map((e) => [e.id, e]))
    const states = deriveVisits([...byId.values()])
    const fresh = lostCalls(
      states.values(),
      (id) => byId.get(id)?.deviceId === me && !reportedLosses.has(id),
      (id) => byId.get(id)?.servicePointId ?? null,
    )
    for (const lost of fresh) reportedLosses.add(lost.eventId)
    lostCallNotices.value = [...lostCallNotices.value, ...fresh]
    return fresh
  }

  /** The station has read a lost-call notice. */
  function dismissLostCall(eventId: string): void {
    lostCallNotices.value = lostCallNotices.value.filter((lost) => lost.eventId !== eventId)
  }

  /**
   * With a hub online, makes sure this terminal holds numbers for every zone's prefix today (and a
   * series of its own) for when the hub goes away, so that it can go on ticketing offline even
   * before it has issued a ticket online. In the background: a hub that cannot be reached is left
   * for the next time.
   */
  async function prepareTicketNumbers(): Promise<void> {
    if (!sync.configured || sync.phase === 'offline' || !branchId.value) return
    const prefixes = new Set(Object.values((await loadRules()).ticketPrefixes))
    await Promise.all([...prefixes].map((prefix) => keepOfflineReserve({ branchId: branchId.value, businessDate: terminal.today, prefix }).catch(() => undefined)))
  }

  /** Moves a visit to another zone, placed at the front, the end or by original arrival; re-tickets it. */
  async function transfer(visitId: string, toZone: Zone, placement: TransferPlacement, reason: string, servicePointId: string | null): Promise<void> {
    const body = { kind: 'transferred', data: { toZone, placement, priorityClass: null, reason, services: [] } } as Extract<VisitEventBody, { kind: 'transferred' }>
    await transferVisit(visitId, body, rules.value.ticketPrefixes[toZone], { servicePointId, staffId: staffId() }, numbering())
  }

  /** Signs the signed-in person on duty at a service point. */
  function signOn(point: ServicePoint): Promise<DutySession> {
    return openDuty(branchId.value, terminal.today, point.id, staffId() ?? '')
  }
  /** Signs off a duty session. */
  function signOff(sessionId: string) {
    return closeDuty(sessionId)
  }
  /** Pauses a service point with a reason. */
  function pause(sessionId: string, reason: PauseReason) {
    return pauseDuty(sessionId, reason)
  }
  /** Ends a pause. */
  function resume(sessionId: string) {
    return resumeDuty(sessionId)
  }

  /** Closes a business day (as `closedBy`, null when by itself); the unserved count, or null when it was closed already. */
  async function closeDate(businessDate: string, closedBy: string | null, nowMs: number): Promise<number | null> {
    const day = await picture(businessDate, nowMs)
    if (day.closed) return null
    const plan = planDayClose(day.states.values(), nowMs)
    const result = await closeBusinessDay(branchId.value, businessDate, plan.events.map((e) => ({ visitId: e.visitId, body: { kind: e.kind, data: e.data } as VisitEventBody })), closedBy)
    return result.alreadyClosed ? null : result.closure.unservedCount
  }

  /** Closes the business day: waiting clients are recorded as unserved; numbering restarts tomorrow. */
  async function closeDay(): Promise<number> {
    return (await closeDate(terminal.today, staffId(), Date.now())) ?? 0
  }

  /** The business date up to which earlier days were last swept for a close nobody made. */
  let sweptUpTo: string | null = null

  /**
   * The automatic day close: closes, as nobody (closedBy null), today once the rules' closing time
   * has come, and any earlier day (within the last weeks) that had visits and was never closed.
   * Idempotent: a day another tab or person closed first is left as it is. Returns the dates closed
   * with how many clients were recorded unserved.
   */
  async function autoCloseDueDays(nowMs = Date.now()): Promise<{ businessDate: string; unserved: number }[]> {
    if (!branchId.value) return []
    const current = await loadRules()
    const timeZone = terminal.settings.timeZone
    const today = businessDateAt(nowMs, timeZone)
    // Earlier days are swept once per business date: only another device could leave one open meanwhile.
    const earlier = sweptUpTo === today ? [] : await unclosedDaysWithVisits(branchId.value, addDays(today, -AUTO_CLOSE_LOOKBACK_DAYS), addDays(today, -1))
    const closedNow: { businessDate: string; unserved: number }[] = []
    for (const date of [...earlier, today]) {
      const closed = date === today ? (await dayClosure(branchId.value, date)) !== undefined : false
      if (!autoCloseDue({ nowMs, timeZone, autoCloseAt: current.autoCloseAt, businessDate: date, closed })) continue
      const unserved = await closeDate(date, null, nowMs)
      if (unserved !== null) closedNow.push({ businessDate: date, unserved })
    }
    sweptUpTo = today
    return closedNow
  }

  return { rules, lostCallNotices, loadRules, saveRules, search, register, client, triageFor, antiFraudFor, picture, checkIn, step, callNext, callOutOfOrder, checkLostCalls, dismissLostCall, prepareTicketNumbers, transfer, signOn, signOff, pause, resume, closeDay, autoCloseDueDays }
})
