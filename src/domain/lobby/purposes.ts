/**
 * Visit purposes (the lobby manager's touch grid) and the lobby rules the branch admin edits:
 * where each purpose goes, how VIPs are routed, the priority ratio, appointment window, recalls,
 * wait thresholds, anti-fraud triggers, ticket prefixes. Everything here is data validated with
 * valibot; a stored value that no longer validates falls back to its default.
 */
import * as v from 'valibot'
import { resolveRuleSet, validateRuleSet, type RuleSetValidation } from '../ruleSets'
import { ZONES, type Zone } from './terms'
import { TICKET_PREFIX_PATTERN, ZONE_PREFIX } from './tickets'

/** The built-in purposes, in grid order. Admin may add more (custom codes) or switch any off. */
export const DEFAULT_PURPOSE_CODES = [
  'cash',
  'account_opening',
  'card',
  'loan',
  'wealth_signing',
  'investment_consultation',
  'transfer',
  'query_printing',
  'corporate',
  'complaint',
  'other',
] as const
export type PurposeCode = (typeof DEFAULT_PURPOSE_CODES)[number]

/** How VIPs are routed (VIP = savings ≥ 100,000 yuan inclusive, or designated). */
export const VIP_ROUTING_POLICIES = [
  /** Wealth purposes go to the wealth room; other business stays in its zone, with priority. */
  'wealth_room_for_wealth_purposes_else_priority',
  /** Every VIP goes to the wealth room, whatever the business. */
  'wealth_room_always',
  /** VIPs stay in their purpose's zone, with priority. */
  'priority_only',
] as const
export type VipRoutingPolicy = (typeof VIP_ROUTING_POLICIES)[number]

const Code = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{0,31}$/, 'lowercase code'))
const Int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max))
const TimeOfDay = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm'))

/** One button of the purpose grid. */
export const PurposeRule = v.object({
  code: Code,
  /** Where a client with this purpose is sent by default. */
  zone: v.picklist(ZONES),
  /** Transfers and remittances: an elderly client triggers the anti-fraud questions. */
  antiFraud: v.boolean(),
  /** Wealth business: under the default VIP policy, a VIP with this purpose goes to the wealth room. */
  wealth: v.boolean(),
  /** Switched-off purposes leave the grid but still read on old visits. */
  active: v.boolean(),
  /** Labels of a purpose admin added; null for built-ins, whose labels come from i18n by code. */
  label: v.nullable(v.object({ zh: v.pipe(v.string(), v.trim(), v.minLength(1)), en: v.pipe(v.string(), v.trim(), v.minLength(1)) })),
})
export type PurposeRule = v.InferOutput<typeof PurposeRule>

function perZone<T extends v.GenericSchema>(schema: T) {
  return v.object({
    high_counter: schema,
    low_counter: schema,
    wealth_room: schema,
    self_service: schema,
    manager_desk: schema,
    corporate_desk: schema,
  })
}

const PurposeList = v.pipe(
  v.array(PurposeRule),
  v.minLength(1),
  v.check((purposes) => new Set(purposes.map((p) => p.code)).size === purposes.length, 'purpose codes must be unique'),
)

const PriorityRatio = v.object({
  /** Normal clients called in a row … */
  normal: Int(1, 20),
  /** … before this many priority clients (when both are waiting). */
  priority: Int(1, 20),
})

const AppointmentWindow = v.object({
  /** An appointment is due from this many minutes before its time … */
  beforeMinutes: Int(0, 240),
  /** … until this many minutes after it; a later arrival queues like a walk-in. */
  afterMinutes: Int(0, 240),
})

const WaitThresholds = v.pipe(
  v.object({ amberMinutes: Int(1, 600), redMinutes: Int(1, 600) }),
  v.check((t) => t.amberMinutes < t.redMinutes, 'amber must come before red'),
)

const TicketPrefixes = v.pipe(
  perZone(v.pipe(v.string(), v.regex(TICKET_PREFIX_PATTERN, 'one or two capital letters'))),
  v.check((prefixes) => new Set(Object.values(prefixes)).size === ZONES.length, 'each zone needs its own prefix'),
)

const AntiFraudRules = v.object({
  /** From this age (inclusive) a transfer purpose triggers the questions. */
  elderlyAge: Int(40, 120),
  /** From this amount (fen, inclusive) any purpose triggers the questions. */
  largeAmountFen: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  /** Codes of the questions asked, in order; texts come from i18n. */
  questions: v.pipe(v.array(Code), v.minLength(1)),
})

export const LobbyRules = v.object({
  purposes: PurposeList,
  vipRouting: v.picklist(VIP_ROUTING_POLICIES),
  /** From this age (inclusive) a client is served with priority. */
  priorityElderlyAge: Int(40, 120),
  priorityRatio: PriorityRatio,
  appointmentWindow: AppointmentWindow,
  /** Recalls after which the service point may mark a no-show. */
  recallsBeforeNoShow: Int(0, 10),
  /** Queue board colours by waiting time. */
  waitThresholds: WaitThresholds,
  /** "Served within target": waits up to this many minutes, inclusive. */
  targetWaitMinutes: Int(1, 600),
  ticketPrefixes: TicketPrefixes,
  /** How many of a zone's latest real service times the wait estimate looks at. */
  serviceTimeSampleSize: Int(1, 500),
  /** Minutes per client a zone's estimate assumes before it has any real service time. */
  fallbackServiceMinutes: perZone(v.pipe(v.number(), v.minValue(0.5), v.maxValue(240))),
  antiFraud: AntiFraudRules,
  /** Wall-clock time the business day closes by itself if nobody closed it; null: by hand only. */
  autoCloseAt: v.nullable(TimeOfDay),
})
export type LobbyRules = v.InferOutput<typeof LobbyRules>
export type LobbyRuleKey = keyof LobbyRules

function builtIn(code: PurposeCode, zone: Zone, flags: { antiFraud?: boolean; wealth?: boolean } = {}): PurposeRule {
  return { code, zone, antiFraud: flags.antiFraud ?? false, wealth: flags.wealth ?? false, active: true, label: null }
}

/**
 * The routing: cash → high counter; account opening, card, loan, wealth signing → low
 * counter; investment consultation → wealth room; transfers and printing → self-service (with a
 * guide); corporate → corporate desk; complaints → the lobby manager's desk; anything else → the
 * low counter's general service desk (综合服务).
 */
export const DEFAULT_PURPOSES: readonly PurposeRule[] = [
  builtIn('cash', 'high_counter'),
  builtIn('account_opening', 'low_counter'),
  builtIn('card', 'low_counter'),
  builtIn('loan', 'low_counter'),
  builtIn('wealth_signing', 'low_counter', { wealth: true }),
  builtIn('investment_consultation', 'wealth_room', { wealth: true }),
  builtIn('transfer', 'self_service', { antiFraud: true }),
  builtIn('query_printing', 'self_service'),
  builtIn('corporate', 'corporate_desk'),
  builtIn('complaint', 'manager_desk'),
  builtIn('other', 'low_counter'),
]

/** The anti-fraud (反电诈) question codes the lobby manager goes through, in order. */
export const DEFAULT_ANTI_FRAUD_QUESTIONS = [
  'unknown_caller_instruction',
  'safe_account',
  'investment_promise',
  'remote_control_app',
  'impersonating_officials',
  'online_romance',
] as const

/** 50,000.00 yuan. */
export const DEFAULT_LARGE_AMOUNT_FEN = 5_000_000

export const DEFAULT_LOBBY_RULES: LobbyRules = {
  purposes: [...DEFAULT_PURPOSES],
  vipRouting: 'wealth_room_for_wealth_purposes_else_priority',
  priorityElderlyAge: 60,
  priorityRatio: { normal: 2, priority: 1 },
  appointmentWindow: { beforeMinutes: 15, afterMinutes: 15 },
  recallsBeforeNoShow: 3,
  waitThresholds: { amberMinutes: 15, redMinutes: 30 },
  targetWaitMinutes: 15,
  ticketPrefixes: { ...ZONE_PREFIX },
  serviceTimeSampleSize: 20,
  fallbackServiceMinutes: { high_counter: 5, low_counter: 15, wealth_room: 30, self_service: 5, manager_desk: 10, corporate_desk: 20 },
  antiFraud: { elderlyAge: 60, largeAmountFen: DEFAULT_LARGE_AMOUNT_FEN, questions: [...DEFAULT_ANTI_FRAUD_QUESTIONS] },
  autoCloseAt: '18:00',
}

export type RulesValidation = RuleSetValidation<LobbyRules>

/** Checks a whole rule set as admin submits it, with the path of every problem for the form. */
export function validateLobbyRules(candidate: unknown): RulesValidation {
  return validateRuleSet(LobbyRules, candidate)
}

/** Stored rules merged over the defaults, key by key; a stored value that no longer validates is ignored. */
export function resolveLobbyRules(stored: Partial<Record<string, unknown>>): LobbyRules {
  return resolveRuleSet(LobbyRules, DEFAULT_LOBBY_RULES, stored)
}

/** The rule of a purpose code, or undefined for a code the rules do not know (any more). */
export function purposeRule(code: string, rules: Pick<LobbyRules, 'purposes'>): PurposeRule | undefined {
  return rules.purposes.find((purpose) => purpose.code === code)
}

/** The purposes the grid shows, in order. */
export function activePurposes(rules: Pick<LobbyRules, 'purposes'>): PurposeRule[] {
  return rules.purposes.filter((purpose) => purpose.active)
}
