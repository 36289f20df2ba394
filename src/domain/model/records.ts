/**
 * The shapes of the branch's records (schema v5). One valibot schema per table: the TypeScript
 * types are inferred from them, and backups (and later the sync hub's documents) are validated
 * against them before anything is written.
 */
import * as v from 'valibot'
import { ROLES } from '../roles'
import { BaseRecordEntries, DateString, FenAmount, Flag, Timestamp } from './base'

const Text = v.string()
const NonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1))
const Id = v.pipe(v.string(), v.uuid())
const Json = v.record(v.string(), v.unknown())

export const BRANCH_GROUPS = ['flagship', 'backbone', 'advancing', 'potential'] as const
export const Branch = v.object({
  ...BaseRecordEntries,
  code: NonEmpty,
  name: NonEmpty,
  /** 龙头 / 骨干 / 进位 / 潜力: comparisons are fairest within a group. */
  group: v.picklist(BRANCH_GROUPS),
  regionCode: NonEmpty,
  regionName: NonEmpty,
  address: Text,
  phone: Text,
})
export type Branch = v.InferOutput<typeof Branch>
export type BranchGroup = Branch['group']

export const SERVICE_POINT_KINDS = ['high_counter', 'low_counter', 'wealth_room', 'self_service', 'manager_desk', 'corporate_desk'] as const
export const ServicePoint = v.object({
  ...BaseRecordEntries,
  branchId: Id,
  kind: v.picklist(SERVICE_POINT_KINDS),
  /** The number the display calls: "请到 3 号窗口". */
  number: v.pipe(v.number(), v.integer(), v.minValue(1)),
  name: NonEmpty,
  active: Flag,
})
export type ServicePoint = v.InferOutput<typeof ServicePoint>
export type ServicePointKind = ServicePoint['kind']

export const PinHash = v.object({
  algorithm: v.literal('PBKDF2-SHA256'),
  iterations: v.pipe(v.number(), v.integer(), v.minValue(1)),
  salt: NonEmpty,
  hash: NonEmpty,
})
export type PinHash = v.InferOutput<typeof PinHash>

export const Staff = v.object({
  ...BaseRecordEntries,
  /** null for region staff such as inspectors, who belong to no single outlet. */
  branchId: v.nullable(Id),
  staffNo: v.pipe(v.string(), v.regex(/^\d{4,8}$/)),
  surname: NonEmpty,
  givenName: Text,
  roles: v.array(v.picklist(ROLES)),
  /** Only people who sign in on this branch's terminals have a PIN. */
  pin: v.nullable(PinHash),
  failedPinAttempts: v.pipe(v.number(), v.integer(), v.minValue(0)),
  lockedUntil: v.nullable(Timestamp),
  active: Flag,
})
export type Staff = v.InferOutput<typeof Staff>

export const GENDERS = ['M', 'F'] as const
export const ID_TYPES = ['resident', 'hk_macao_permit', 'taiwan_permit', 'passport', 'foreign_permanent'] as const
export const SEGMENTS = ['mass', 'mid', 'high'] as const
export const RISK_RATINGS = ['C1', 'C2', 'C3', 'C4', 'C5'] as const
export const VIP_TIERS = ['gold', 'platinum', 'diamond', 'private'] as const

export const PREFERRED_CHANNELS = ['phone', 'sms', 'wechat', 'visit'] as const
export type PreferredChannel = (typeof PREFERRED_CHANNELS)[number]

export const TierPending = v.object({
  /** The tier the client will drop to (null: no longer a VIP). */
  tier: v.nullable(v.picklist(VIP_TIERS)),
  since: DateString,
  effectiveOn: DateString,
  ruleVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
})
export type TierPending = v.InferOutput<typeof TierPending>

export const VipDesignation = v.object({
  reason: NonEmpty,
  approvedBy: Id,
  until: DateString,
})

export const Client = v.object({
  ...BaseRecordEntries,
  branchId: Id,
  /** Kept apart from the given name so compound surnames (欧阳) greet whole: 欧阳先生. */
  surname: NonEmpty,
  givenName: Text,
  /** The client's preferred form of address, e.g. 王总 or 李老师; null to use surname + honorific. */
  addressAs: v.nullable(Text),
  gender: v.nullable(v.picklist(GENDERS)),
  phone: v.nullable(v.pipe(v.string(), v.regex(/^\d{5,15}$/))),
  idType: v.nullable(v.picklist(ID_TYPES)),
  idNumber: v.nullable(NonEmpty),
  /** Last four digits of the client's bank cards, for lookup at the door. */
  cardTails: v.array(v.pipe(v.string(), v.regex(/^\d{4}$/))),
  birthday: v.nullable(DateString),
  /** 'MM-DD' of the birthday, indexed for "birthdays this week". */
  birthdayMonthDay: v.nullable(v.pipe(v.string(), v.regex(/^\d{2}-\d{2}$/))),
  segment: v.picklist(SEGMENTS),
  occupation: Text,
  savingsFen: FenAmount,
  totalAssetsFen: FenAmount,
  /** Computed from balances and designation at write time so VIP lists are index-backed. */
  vipTier: v.nullable(v.picklist(VIP_TIERS)),
  vipDesignation: v.nullable(VipDesignation),
  riskRating: v.nullable(v.picklist(RISK_RATINGS)),
  riskRatedOn: v.nullable(DateString),
  tags: v.array(Text),
  /** 0 when the client declined marketing calls: care contacts (maturity notices…) still reach them. */
  marketingConsent: Flag,
  /** How the client likes to be reached, preferred first (schema v3). */
  channelPrefs: v.array(v.picklist(PREFERRED_CHANNELS)),
  /** 分户到人: the VIP's primary maintainer (customer or wealth manager), from the current assignment (v3). */
  maintainerId: v.nullable(Id),
  /** 2对1: the product maintainer who locks the client in through products (v3). */
  productMaintainerId: v.nullable(Id),
  /** A downgrade waiting out its grace period; the client keeps `vipTier` and is flagged meanwhile (v3). */
  tierPending: v.nullable(TierPending),
  /** The earliest date a care contact is due (indexed with the maintainer), recomputable from the contact log (v3). */
  nextCareOn: v.nullable(DateString),
  lastContactAt: v.nullable(Timestamp),
  /** Occasions already looked after ('birthday:2026', 'holiday:mid_autumn:2026', 'maturity:<holding id>'…), from the contact log (v3). */
  careDone: v.array(Text),
  clientSince: DateString,
  /** Lowercase lookup keys computed at write time: name, pinyin initials, phone tails, id, card tails. */
  searchKeys: v.array(Text),
})
export type Client = v.InferOutput<typeof Client>
export type Segment = Client['segment']
export type VipTier = NonNullable<Client['vipTier']>
export type RiskRating = NonNullable<Client['riskRating']>
export type IdType = NonNullable<Client['idType']>

export const ZONES = ['high_counter', 'low_counter', 'wealth_room', 'self_service', 'manager_desk', 'corporate_desk'] as const

export const Visit = v.object({
  ...BaseRecordEntries,
  branchId: Id,
  businessDate: DateString,
  clientId: v.nullable(Id),
  purpose: NonEmpty,
  zone: v.picklist(ZONES),
  arrivedAt: Timestamp,
  createdBy: v.nullable(Id),
  /** The booking this arrival honours (schema v2); null for walk-ins. */
  appointmentId: v.nullable(Id),
  details: Json,
})
export type Visit = v.InferOutput<typeof Visit>

/** A booked visit (a large cash withdrawal, a wealth-room meeting): honoured first by the calling order. */
export const Appointment = v.object({
  ...BaseRecordEntries,
  branchId: Id,
  businessDate: DateString,
  /** When the client is expected. */
  at: Timestamp,
  clientId: v.nullable(Id),
  /** For a client not on file: the name and phone the booking was made with. */
  name: Text,
  phone: v.nullable(v.pipe(v.string(), v.regex(/^\d{5,15}$/))),
  purpose: NonEmpty,
  zone: v.picklist(ZONES),
  /** e.g. the amount of a large cash withdrawal, the products to discuss. */
  note: Text,
  status: v.picklist(['booked', 'arrived', 'cancelled', 'missed']),
  visitId: v.nullable(Id),
  createdBy: v.nullable(Id),
  /** A wealth-room booking reserves a manager and a room together (schema v3); null elsewhere. */
  staffId: v.nullable(Id),
  servicePointId: v.nullable(Id),
  durationMinutes: v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(480)),
})
export type Appointment = v.InferOutput<typeof Appointment>

export const PAUSE_REASONS = ['break', 'back_office', 'meeting', 'other'] as const
/** Who is on which post: a person signs a service point open at the start of a shift and closed at its end. */
export const DutySession = v.object({
  ...BaseRecordEntries,
  branchId: Id,
  businessDate: DateString,
  servicePointId: Id,
  staffId: Id,
  startedAt: Timestamp,
  endedAt: v.nullable(Timestamp),
  pauses: v.array(v.object({ reason: v.picklist(PAUSE_REASONS), from: Timestamp, to: v.nullable(Timestamp) })),
})
export type DutySession = v.InferOutput<typeof DutySession>
export type PauseReason = (typeof PAUSE_REASONS)[number]

/** A closed business day: who closed it (null when closed automatically) and how many were left unserved. */
export const DayClosure = v.object({
  ...BaseRecordEntries,
  branchId: Id,
  businessDate: DateString,
  closedAt: Timestamp,
  closedBy: v.nullable(Id),
  unservedCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
})
export type DayClosure = v.InferOutput<typeof DayClosure>

export const COMPLAINT_SEVERITIES = ['low', 'medium', 'high'] as const
export const COMPLAINT_STATUSES = ['open', 'escalated', 'closed'] as const
/** A complaint raised at the door: assigned with a deadline, escalated when overdue, closed with its resolution. */
export const Complaint = v.object({
  ...BaseRecordEntries,
  branchId: Id,
  visitId: v.nullable(Id),
  clientId: v.nullable(Id),
  businessDate: DateString,
  what: NonEmpty,
  concerns: Text,
  severity: v.picklist(COMPLAINT_SEVERITIES),
  assigneeId: v.nullable(Id),
  dueAt: Timestamp,
  status: v.picklist(COMPLAINT_STATUSES),
  escalatedAt: v.nullable(Timestamp),
  resolution: Text,
  clientAccepted: v.nullable(Flag),
  closedAt: v.nullable(Timestamp),
})
export type Complaint = v.InferOutput<typeof Complaint>

/** Append-only steps of a visit; its current state is derived from them. */
export const VisitEvent = v.object({
  ...BaseRecordEntries,
  visitId: Id,
  branchId: Id,
  businessDate: DateString,
  at: Timestamp,
  kind: NonEmpty,
  servicePointId: v.nullable(Id),
  staffId: v.nullable(Id),
  data: Json,
})
export type VisitEvent = v.InferOutput<typeof VisitEvent>

export const Ticket = v.object({
  ...BaseRecordEntries,
  branchId: Id,
  businessDate: DateString,
  zone: v.picklist(ZONES),
  prefix: v.pipe(v.string(), v.regex(/^[A-Z]{1,2}$/)),
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** As printed and called: 'A012'. */
  code: NonEmpty,
  visitId: Id,
})
export type Ticket = v.InferOutput<typeof Ticket>

export const PRODUCT_CATEGORIES = ['loan', 'card', 'deposit', 'wealth', 'fund', 'insurance', 'e_banking', 'payment', 'agency'] as const
export const RISK_LEVELS = ['R1', 'R2', 'R3', 'R4', 'R5'] as const
export const Product = v.object({
  ...BaseRecordEntries,
  code: NonEmpty,
  nameZh: NonEmpty,
  nameEn: NonEmpty,
  category: v.picklist(PRODUCT_CATEGORIES),
  /** 产品计分表: points earned per unit sold. */
  points: v.pipe(v.number(), v.integer(), v.minValue(0)),
  riskLevel: v.nullable(v.picklist(RISK_LEVELS)),
  eligibleSegments: v.array(v.picklist(SEGMENTS)),
  minAge: v.nullable(v.pipe(v.number(), v.integer())),
  maxAge: v.nullable(v.pipe(v.number(), v.integer())),
  activeFrom: DateString,
  activeTo: v.nullable(DateString),
})
export type Product = v.InferOutput<typeof Product>

export const BundleRule = v.object({
  ...BaseRecordEntries,
  /** Product code of the anchor (what the client has or applies for). */
  anchorCode: NonEmpty,
  bundleCodes: v.array(NonEmpty),
  reasonZh: Text,
  reasonEn: Text,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  active: Flag,
})
export type BundleRule = v.InferOutput<typeof BundleRule>

export const OFFER_OUTCOMES = ['accepted', 'declined', 'interested', 'referred'] as const
/** Why the product was proposed: the anchor's bundle, the segment's recommendation, or picked by hand. */
export const OFFER_REASONS = ['bundle', 'segment', 'manual'] as const
/** An accepted product's sale: waiting to be opened/activated, fulfilled, or cancelled. */
export const SALE_STATUSES = ['pending', 'fulfilled', 'cancelled'] as const

/** What suitability (适当性) was judged on when the offer was recorded (v4). */
export const SuitabilityJudgement = v.object({
  rating: v.nullable(v.picklist(RISK_RATINGS)),
  ratedOn: v.nullable(DateString),
  riskLevel: v.nullable(v.picklist(RISK_LEVELS)),
})

/** One product offered to one client (or an anonymous one) in one conversation. */
export const Offer = v.object({
  ...BaseRecordEntries,
  branchId: Id,
  clientId: v.nullable(Id),
  staffId: Id,
  businessDate: DateString,
  at: Timestamp,
  anchorCode: v.nullable(Text),
  productCode: NonEmpty,
  outcome: v.picklist(OFFER_OUTCOMES),
  /** Free-form extras from v1; v4 records keep their facts in the fields below. */
  details: Json,
  /** The offers saved together in one conversation share it (bundle depth); v1 rows: their own id (v4). */
  groupId: Id,
  /** The lobby visit (ticket) the offer was made during, if any (v4). */
  visitId: v.nullable(Id),
  reason: v.picklist(OFFER_REASONS),
  /** The bundle rule's version a bundle proposal came from (v4). */
  ruleVersion: v.nullable(v.pipe(v.number(), v.integer())),
  /** A code from the counter rules' decline reasons (v4). */
  declineReason: v.nullable(Text),
  /** An interested client's follow-up: when and by whom; closed by the follow-up's own offer (v4). */
  followUpOn: v.nullable(DateString),
  followUpStaffId: v.nullable(Id),
  followUpClosedAt: v.nullable(Timestamp),
  /** The offer that recorded the follow-up's outcome (v4). */
  followUpOfferId: v.nullable(Id),
  /** The referral this offer answers: its referrer shares the sale's points (v4). */
  referralId: v.nullable(Id),
  suitability: v.nullable(SuitabilityJudgement),
  /** 双录: the sales-zone audio/video recording reference (v4). */
  recordingRef: v.nullable(Text),
  /** 双录: when the client acknowledged the risk disclosure (v4). */
  riskDisclosureAckAt: v.nullable(Timestamp),
  /** Points per unit from the catalogue at the time of the sale; 0 unless accepted (v4). */
  points: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Null unless accepted (v4). */
  saleStatus: v.nullable(v.picklist(SALE_STATUSES)),
  /** The day the sale was confirmed or cancelled (v4). */
  saleSettledOn: v.nullable(DateString),
})
export type Offer = v.InferOutput<typeof Offer>
export type OfferOutcome = Offer['outcome']
export type OfferReason = Offer['reason']
export type SaleStatus = NonNullable<Offer['saleStatus']>

/** 转推介: where a referral sends the client. */
export const REFERRAL_TARGETS = ['low_counter', 'wealth_manager'] as const
export const REFERRAL_STATUSES = ['open', 'closed'] as const
export const REFERRAL_OUTCOMES = ['sold', 'interested', 'declined', 'not_reached'] as const

/** A client referred by a teller or the lobby manager to the low counter or a wealth manager (v4). */
export const Referral = v.object({
  ...BaseRecordEntries,
  branchId: Id,
  clientId: v.nullable(Id),
  visitId: v.nullable(Id),
  /** Who made the referral: stored when it is made, credited when the sale is fulfilled. */
  referrerId: Id,
  target: v.picklist(REFERRAL_TARGETS),
  /** A named colleague, or null for whoever of the target role takes it. */
  toStaffId: v.nullable(Id),
  productCode: v.nullable(Text),
  note: Text,
  at: Timestamp,
  businessDate: DateString,
  status: v.picklist(REFERRAL_STATUSES),
  outcome: v.nullable(v.picklist(REFERRAL_OUTCOMES)),
  closedAt: v.nullable(Timestamp),
  closedBy: v.nullable(Id),
  /** The conversation (offer group) that answered it. */
  offerGroupId: v.nullable(Id),
})
export type Referral = v.InferOutput<typeof Referral>
export type ReferralTarget = Referral['target']
export type ReferralOutcome = NonNullable<Referral['outcome']>

export const POINT_ENTRY_KINDS = ['provisional', 'final', 'reversal', 'adjustment'] as const
export const POINT_SHARES = ['seller', 'referrer'] as const

/** One line of the append-only product-points ledger (v4); see src/domain/counter/ledger.ts. */
export const PointEntry = v.object({
  ...BaseRecordEntries,
  /** The outlet the person earned the points at (the region's rankings span outlets). */
  branchId: Id,
  staffId: Id,
  kind: v.picklist(POINT_ENTRY_KINDS),
  points: v.pipe(v.number(), v.safeInteger()),
  businessDate: DateString,
  /** The quarter the entry counts in, e.g. '2026Q4' (indexed with the person). */
  quarter: v.pipe(v.string(), v.regex(/^\d{4}Q[1-4]$/)),
  /** The sale (accepted offer) it belongs to; null for an adjustment. */
  saleId: v.nullable(Id),
  share: v.nullable(v.picklist(POINT_SHARES)),
  productCode: v.nullable(Text),
  /** An adjustment's reason; empty otherwise. */
  reason: Text,
  at: Timestamp,
  /** Who wrote it (the seller, the confirming colleague, the branch head adjusting). */
  byStaffId: v.nullable(Id),
})
export type PointEntry = v.InferOutput<typeof PointEntry>

/** One person's place in a closed quarter, kept as it was closed. */
export const ClosedStanding = v.object({
  staffId: Id,
  staffNo: Text,
  name: Text,
  branchId: v.nullable(Id),
  role: v.picklist(ROLES),
  finalPoints: v.pipe(v.number(), v.safeInteger()),
  provisionalPoints: v.pipe(v.number(), v.safeInteger()),
  acceptedProducts: v.pipe(v.number(), v.integer()),
  rank: v.pipe(v.number(), v.integer(), v.minValue(1)),
  rewarded: Flag,
  bottomFive: Flag,
  exitWarning: Flag,
  band: Text,
})
export type ClosedStanding = v.InferOutput<typeof ClosedStanding>

/** A quarter's verification and closing by the branch head (v4): once closed, its ledger is locked. */
export const QuarterClosure = v.object({
  ...BaseRecordEntries,
  branchId: Id,
  quarter: v.pipe(v.string(), v.regex(/^\d{4}Q[1-4]$/)),
  verifiedAt: v.nullable(Timestamp),
  verifiedBy: v.nullable(Id),
  closedAt: v.nullable(Timestamp),
  closedBy: v.nullable(Id),
  /** The rankings and totals as they stood when the quarter was closed. */
  standings: v.array(ClosedStanding),
})
export type QuarterClosure = v.InferOutput<typeof QuarterClosure>

/** One person of an outlet as it publishes a quarter to the region: their ranked roles and totals (v7). */
export const PublishedStanding = v.object({
  staffId: Id,
  staffNo: Text,
  name: Text,
  roles: v.array(v.picklist(ROLES)),
  finalPoints: v.pipe(v.number(), v.safeInteger()),
  provisionalPoints: v.pipe(v.number(), v.safeInteger()),
  acceptedProducts: v.pipe(v.number(), v.integer()),
  /** The person's last sale in the quarter, for the ranking's tie-break. */
  lastSaleAt: v.nullable(Timestamp),
})
export type PublishedStanding = v.InferOutput<typeof PublishedStanding>

/**
 * An outlet's quarter as the region's rankings see it (v7): its people's totals, published by its
 * terminals to the regional database while the ledger behind them stays in the branch's. One record
 * per outlet and quarter, its id derived from both (src/domain/counter/outletStandings.ts), so every
 * terminal of the outlet writes the same record. Closed with the standings the quarter closed with.
 */
export const OutletStandings = v.object({
  ...BaseRecordEntries,
  branchId: Id,
  quarter: v.pipe(v.string(), v.regex(/^\d{4}Q[1-4]$/)),
  /** When the outlet closed the quarter; null while it is open. */
  closedAt: v.nullable(Timestamp),
  people: v.array(PublishedStanding),
})
export type OutletStandings = v.InferOutput<typeof OutletStandings>

export const VipAssignment = v.object({
  ...BaseRecordEntries,
  branchId: Id,
  clientId: Id,
  primaryStaffId: Id,
  productStaffId: v.nullable(Id),
  from: DateString,
  /** Set when the client is reassigned: the history stays. */
  to: v.nullable(DateString),
  assignedBy: v.nullable(Id),
})
export type VipAssignment = v.InferOutput<typeof VipAssignment>

/** 工作日志 channels, as the work diary names them. */
export const CONTACT_CHANNELS = ['phone', 'sms', 'visit', 'home_visit', 'birthday_wishes', 'holiday_greeting', 'event', 'wealth_diagnosis', 'satisfaction_survey', 'after_sale'] as const
export type ContactChannel = (typeof CONTACT_CHANNELS)[number]
export const SERVICE_LEVELS = ['basic', 'value_added'] as const

/** One entry of a manager's work diary (工作日志). */
export const Contact = v.object({
  ...BaseRecordEntries,
  branchId: Id,
  clientId: Id,
  staffId: Id,
  at: Timestamp,
  businessDate: DateString,
  channel: v.picklist(CONTACT_CHANNELS),
  service: v.picklist(SERVICE_LEVELS),
  /** The care occasion this contact looked after (see Client.careDone), or null for an ordinary contact. */
  occasion: v.nullable(Text),
  note: Text,
  nextStep: Text,
  details: Json,
})
export type Contact = v.InferOutput<typeof Contact>

export const TIER_CHANGE_KINDS = ['upgrade', 'downgrade', 'downgrade_pending', 'downgrade_cancelled'] as const
export const TIER_CHANGE_CAUSES = ['balance', 'designation', 'designation_expired', 'grace_elapsed', 'rules_changed'] as const
/** Every change of a client's VIP tier, with the rule version that made it. */
export const TierChange = v.object({
  ...BaseRecordEntries,
  branchId: Id,
  clientId: Id,
  at: Timestamp,
  businessDate: DateString,
  kind: v.picklist(TIER_CHANGE_KINDS),
  cause: v.picklist(TIER_CHANGE_CAUSES),
  fromTier: v.nullable(v.picklist(VIP_TIERS)),
  toTier: v.nullable(v.picklist(VIP_TIERS)),
  ruleVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  actorId: v.nullable(Id),
})
export type TierChange = v.InferOutput<typeof TierChange>

/** A client's balances as of a date (edited by hand or imported), for growth and anomaly checks. */
export const BalanceSnapshot = v.object({
  ...BaseRecordEntries,
  branchId: Id,
  clientId: Id,
  asOf: DateString,
  savingsFen: FenAmount,
  totalAssetsFen: FenAmount,
  source: v.picklist(['edit', 'import', 'demo']),
})
export type BalanceSnapshot = v.InferOutput<typeof BalanceSnapshot>

/** A product the client holds: drives after-sale follow-ups and maturity reminders. */
export const Holding = v.object({
  ...BaseRecordEntries,
  branchId: Id,
  clientId: Id,
  productCode: NonEmpty,
  amountFen: FenAmount,
  purchasedOn: DateString,
  /** When the money may leave (wealth products, time deposits); null for open-ended products. */
  maturesOn: v.nullable(DateString),
  staffId: v.nullable(Id),
})
export type Holding = v.InferOutput<typeof Holding>

export const ROOM_OUTCOMES = ['purchased', 'interested', 'thinking', 'declined', 'service_only'] as const
/**
 * Time in a wealth room. With a client it is a session (who, since when, what was discussed); with
 * no client it is the room "in use without a client", which counts against utilisation.
 */
export const RoomSession = v.object({
  ...BaseRecordEntries,
  branchId: Id,
  businessDate: DateString,
  servicePointId: Id,
  staffId: Id,
  clientId: v.nullable(Id),
  visitId: v.nullable(Id),
  appointmentId: v.nullable(Id),
  startedAt: Timestamp,
  endedAt: v.nullable(Timestamp),
  purpose: Text,
  productCodes: v.array(NonEmpty),
  outcome: v.nullable(v.picklist(ROOM_OUTCOMES)),
  nextStep: Text,
  note: Text,
  /** Confidential notes show only to the session's manager and the branch head. */
  confidential: Flag,
})
export type RoomSession = v.InferOutput<typeof RoomSession>

export const ALERT_KINDS = ['savings_drop', 'below_vip_line', 'tier_drop', 'no_contact'] as const
/** 异动预警: raised from preset parameters, acknowledged with an action (never just dismissed). */
export const WealthAlert = v.object({
  ...BaseRecordEntries,
  branchId: Id,
  clientId: Id,
  kind: v.picklist(ALERT_KINDS),
  /** One alert per cause: e.g. 'no_contact:<client>:2026-11-25'. */
  key: NonEmpty,
  raisedAt: Timestamp,
  businessDate: DateString,
  facts: Json,
  status: v.picklist(['open', 'acknowledged']),
  action: Text,
  acknowledgedBy: v.nullable(Id),
  acknowledgedAt: v.nullable(Timestamp),
})
export type WealthAlert = v.InferOutput<typeof WealthAlert>

/** An in-app page to a member of staff (a VIP has arrived), shown with sound on whatever screen they are on. */
export const StaffPage = v.object({
  ...BaseRecordEntries,
  branchId: Id,
  staffId: Id,
  at: Timestamp,
  kind: v.picklist(['vip_arrived', 'booking_arrived']),
  /** Why this person: the client's maintainer, the booked manager, or the next available one. */
  reason: v.picklist(['maintainer', 'booked', 'next_available']),
  visitId: v.nullable(Id),
  clientId: v.nullable(Id),
  read: Flag,
})
export type StaffPage = v.InferOutput<typeof StaffPage>

/** The branch head lets one manager see another's book unmasked, until a date. */
export const AccessGrant = v.object({
  ...BaseRecordEntries,
  branchId: Id,
  granteeId: Id,
  ownerStaffId: Id,
  grantedBy: Id,
  until: DateString,
})
export type AccessGrant = v.InferOutput<typeof AccessGrant>

export const SCORING_RULES = ['PER', 'ALL', 'GRADE'] as const
export const TemplateItem = v.object({
  code: NonEmpty,
  text: NonEmpty,
  /** The item in English, for the English screens; the Chinese text when absent (v5). */
  textEn: v.optional(Text),
  max: v.pipe(v.number(), v.minValue(0)),
  rule: v.picklist(SCORING_RULES),
  /** PER: points deducted per occurrence. */
  perOccurrence: v.optional(v.number()),
  /** GRADE: the points each level keeps, best first. */
  levels: v.optional(v.array(v.object({ label: NonEmpty, labelEn: v.optional(Text), points: v.number() }))),
  allowNotApplicable: v.boolean(),
  photoRequired: v.boolean(),
})
export const InspectionTemplate = v.object({
  ...BaseRecordEntries,
  code: NonEmpty,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  name: NonEmpty,
  sections: v.array(v.object({ code: NonEmpty, title: NonEmpty, titleEn: v.optional(Text), items: v.array(TemplateItem) })),
  vetoes: v.array(v.object({ code: NonEmpty, text: NonEmpty, textEn: v.optional(Text), level: v.picklist(['visit', 'period']) })),
  gradeBands: v.array(v.object({ grade: v.picklist(['excellent', 'good', 'pass', 'fail']), minScore: v.number() })),
  active: Flag,
})
export type InspectionTemplate = v.InferOutput<typeof InspectionTemplate>
export type TemplateItem = v.InferOutput<typeof TemplateItem>

export const INSPECTION_KINDS = ['on_site', 'unannounced', 'video'] as const
export const INSPECTION_STATUSES = ['draft', 'submitted', 'acknowledged'] as const
export const INSPECTION_GRADES = ['excellent', 'good', 'pass', 'fail'] as const
const HalfMonthKey = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-H[12]$/))
const QuarterKey = v.pipe(v.string(), v.regex(/^\d{4}Q[1-4]$/))
const Score = v.pipe(v.number(), v.minValue(0))

/** One failure found on an item: who it concerns (工号, optional), a note and its photos (attachment ids). */
const Occurrence = v.object({ staffNo: v.nullable(Text), note: Text, photoIds: v.array(Text) })

/** The inspector's answer to one item (src/domain/inspection/scoring.ts ItemAnswer). */
export const ItemAnswer = v.variant('kind', [
  v.object({ kind: v.literal('pass'), note: Text }),
  v.object({ kind: v.literal('not_applicable'), note: Text }),
  v.object({ kind: v.literal('deduct'), occurrences: v.array(Occurrence), fixedOnSpot: v.boolean(), note: Text }),
  v.object({ kind: v.literal('level'), levelIndex: v.pipe(v.number(), v.integer(), v.minValue(0)), occurrences: v.array(Occurrence), fixedOnSpot: v.boolean(), note: Text }),
])

/** A veto (一票否决) found on a visit or entered for a period, with its written finding and evidence. */
export const VetoFinding = v.object({ vetoCode: NonEmpty, finding: Text, photoIds: v.array(Text), witnesses: v.array(Text) })

/** The figures a submitted visit keeps (src/domain/inspection/submission.ts VisitSummary). */
export const VisitSummary = v.object({
  earned: Score,
  applicableMax: Score,
  normalised: Score,
  grade: v.picklist(INSPECTION_GRADES),
  gradeByPoints: v.picklist(INSPECTION_GRADES),
  confirmedVetoes: v.pipe(v.number(), v.integer(), v.minValue(0)),
  answeredCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  itemCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
})

/** A signature drawn on screen, stored as an attachment. */
const Signature = v.object({ attachmentId: Id, name: Text, staffId: v.nullable(Id), signedAt: Timestamp })

/** One visit scored with one template version (v5 gives it its answers, vetoes, context and signatures). */
export const Inspection = v.object({
  ...BaseRecordEntries,
  templateId: Id,
  templateVersion: v.pipe(v.number(), v.integer()),
  branchId: Id,
  inspectorId: Id,
  date: DateString,
  status: v.picklist(INSPECTION_STATUSES),
  details: Json,
  kind: v.picklist(INSPECTION_KINDS),
  /** The half month whose plan the visit counts for, e.g. '2026-12-H1' (v5). */
  halfMonth: HalfMonthKey,
  observedWindows: v.array(Text),
  observedStaffNos: v.array(Text),
  context: v.object({
    traffic: v.nullable(v.picklist(['high', 'normal', 'low'])),
    openCounters: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
    /** The inspection team's members, by name. */
    team: v.array(Text),
    /** The branch's head or duty manager who accompanied the visit. */
    accompaniedBy: Text,
  }),
  answers: v.record(v.string(), ItemAnswer),
  vetoes: v.array(VetoFinding),
  startedAt: Timestamp,
  submittedAt: v.nullable(Timestamp),
  /** Set when submitted; a submitted visit is locked. */
  summary: v.nullable(VisitSummary),
  inspectorSignature: v.nullable(Signature),
  /** The branch head's or duty manager's acknowledgement (值班经理签字确认). */
  acknowledgement: v.nullable(v.object({ ...Signature.entries, role: v.picklist(['branch_head', 'duty_manager']) })),
  /** An amendment names the visit it corrects, with the reason; the original stays as it was. */
  amends: v.nullable(Id),
  amendReason: Text,
})
export type Inspection = v.InferOutput<typeof Inspection>
export type InspectionKind = Inspection['kind']

/** An executive's branches for one half month (v5). */
export const InspectionPlan = v.object({
  ...BaseRecordEntries,
  halfMonth: HalfMonthKey,
  inspectorId: Id,
  branchIds: v.array(Id),
})
export type InspectionPlan = v.InferOutput<typeof InspectionPlan>

const ActionStatus = v.picklist(['open', 'fixed', 'verified'])

/** 整改: raised by a deduction or a confirmed veto, put right by the branch, re-checked by the inspector (v5). */
export const CorrectiveAction = v.object({
  ...BaseRecordEntries,
  inspectionId: Id,
  branchId: Id,
  source: v.picklist(['item', 'veto']),
  code: NonEmpty,
  /** Staff number of who must put it right. */
  owner: Text,
  raisedOn: DateString,
  dueDate: DateString,
  status: ActionStatus,
  fixedOnSpot: v.boolean(),
  timeline: v.array(
    v.object({ on: DateString, by: Text, status: ActionStatus, via: v.picklist(['visit', 'manual', 'recheck']), note: Text, photoIds: v.array(Text) }),
  ),
})
export type CorrectiveAction = v.InferOutput<typeof CorrectiveAction>

/** A period-level veto entered by the supervision team against a branch and a quarter (v5). */
export const PeriodVeto = v.object({
  ...BaseRecordEntries,
  ...VetoFinding.entries,
  branchId: Id,
  quarter: QuarterKey,
  enteredBy: Id,
})
export type PeriodVeto = v.InferOutput<typeof PeriodVeto>

/** A quarter's red flag (流动红旗) and subsidy, or penalty points, as awarded (v5): the award history. */
export const InspectionAward = v.object({
  ...BaseRecordEntries,
  quarter: QuarterKey,
  branchId: Id,
  group: v.picklist(BRANCH_GROUPS),
  outcome: v.picklist(['red_flag', 'penalty']),
  subsidyFen: FenAmount,
  penaltyPoints: v.pipe(v.number(), v.minValue(0)),
  penaltyReasons: v.array(v.picklist(['bottom_of_group', 'failed_visit'])),
  awardedAt: Timestamp,
  awardedBy: v.nullable(Id),
})
export type InspectionAward = v.InferOutput<typeof InspectionAward>

/** Binary data (inspection photos, …) owned by another record, stored as a Blob. */
export const Attachment = v.object({
  ...BaseRecordEntries,
  ownerTable: NonEmpty,
  ownerId: Id,
  mimeType: NonEmpty,
  blob: v.instance(Blob),
  width: v.nullable(v.number()),
  height: v.nullable(v.number()),
  /** When the attachment last left this terminal in an export file; null while it exists only here (v5). */
  exportedAt: v.nullable(Timestamp),
})
export type Attachment = v.InferOutput<typeof Attachment>

/** Branch-wide settings (replicated); terminal-local ones live in the local table. */
export const Setting = v.object({
  ...BaseRecordEntries,
  key: NonEmpty,
  value: v.unknown(),
})
export type Setting = v.InferOutput<typeof Setting>

/** Append-only: who did what, when, with the record before and after. */
export const AuditEntry = v.object({
  ...BaseRecordEntries,
  at: Timestamp,
  actorId: v.nullable(Text),
  action: NonEmpty,
  entity: NonEmpty,
  entityId: v.nullable(Text),
  before: v.nullable(v.unknown()),
  after: v.nullable(v.unknown()),
})
export type AuditEntry = v.InferOutput<typeof AuditEntry>

/** Every replicated table and the schema its rows must satisfy. */
export const RECORD_SCHEMAS = {
  branches: Branch,
  servicePoints: ServicePoint,
  staff: Staff,
  clients: Client,
  visits: Visit,
  visitEvents: VisitEvent,
  tickets: Ticket,
  appointments: Appointment,
  dutySessions: DutySession,
  dayClosures: DayClosure,
  complaints: Complaint,
  products: Product,
  bundleRules: BundleRule,
  offers: Offer,
  referrals: Referral,
  pointEntries: PointEntry,
  quarterClosures: QuarterClosure,
  outletStandings: OutletStandings,
  vipAssignments: VipAssignment,
  contacts: Contact,
  tierChanges: TierChange,
  balanceSnapshots: BalanceSnapshot,
  holdings: Holding,
  roomSessions: RoomSession,
  wealthAlerts: WealthAlert,
  staffPages: StaffPage,
  accessGrants: AccessGrant,
  inspectionTemplates: InspectionTemplate,
  inspections: Inspection,
  inspectionPlans: InspectionPlan,
  correctiveActions: CorrectiveAction,
  periodVetoes: PeriodVeto,
  inspectionAwards: InspectionAward,
  attachments: Attachment,
  settings: Setting,
  auditLog: AuditEntry,
} as const
export type RecordTableName = keyof typeof RECORD_SCHEMAS
export const RECORD_TABLES = Object.keys(RECORD_SCHEMAS) as RecordTableName[]
export type RecordOf<T extends RecordTableName> = v.InferOutput<(typeof RECORD_SCHEMAS)[T]>
