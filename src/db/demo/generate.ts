/**
 * The demo branch: 城东支行 of the fictional 滨江分行 with its region's outlets, staff, 2,000
 * clients, the catalogue and the inspection template, as plain record inputs. Pure and
 * deterministic: the same seed and `today` give the same records, ids included (UUIDs drawn from
 * the seeded generator), and every record carries `demo: 1` so it can be wiped.
 *
 * Every random draw has a range that does not depend on `today`: a later `today` draws the same
 * numbers, so the same people come out with their dates shifted.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import { Dice } from './dice'
import { DEFAULT_BUNDLE_RULES, DEFAULT_PRODUCTS } from '@/domain/catalogue/defaults'
import { makeResidentId, type Gender } from '@/domain/clients/identity'
import { splitChineseName, type PersonName } from '@/domain/clients/names'
import { clientSearchKeys } from '@/domain/clients/searchKeys'
import { VIP_SAVINGS_THRESHOLD_FEN, vipTierFor } from '@/domain/clients/vip'
import { UNCARED_FOR } from '@/domain/clients/care'
import { DEFAULT_INSPECTION_TEMPLATE } from '@/domain/inspection/defaultTemplate'
import type { NewRecord } from '@/domain/model/base'
import type { IdType, RecordOf, RecordTableName, RiskRating, Segment, ServicePointKind, VipTier } from '@/domain/model/records'
import type { Role } from '@/domain/roles'
import { DEFAULT_BRANCH_SETTINGS } from '@/domain/settings'
import { addDays, daysBetween, isLeapYear, isValidTimeZone, weekOf, type BusinessDate } from '@/domain/time'
import {
  AGE_BANDS, BRANCH_GROUP_WEIGHTS, BUSINESS_OWNER, COMMON_SURNAMES, COMPOUND_SURNAMES_IN_USE, DESIGNATION_REASONS, DISTRICTS,
  FLAGSHIP_OUTLETS, generationOfAge, GIVEN_NAMES, ID_REGIONS, MOBILE_PREFIXES, OCCUPATIONS_BY_AGE, OTHER_OUTLETS, OWN_BRANCH, REGION,
  ROADS, type Occupation, type Weighted,
} from './data'

export const DEMO_SEED = 20261125

export interface DemoAccount {
  staffNo: string
  name: string
  roles: Role[]
  pin: string
  /** Region staff (inspectors) belong to no single outlet: their branchId is null. */
  regionStaff: boolean
}

/** The demo's sign-in accounts at 城东支行, for the README and browser tests. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { staffNo: '9001', name: '赵建华', roles: ['branch_head'], pin: '900101', regionStaff: false },
  { staffNo: '9002', name: '钱敏', roles: ['administrator'], pin: '900201', regionStaff: false },
  { staffNo: '9003', name: '孙悦', roles: ['lobby_manager'], pin: '900301', regionStaff: false },
  { staffNo: '9004', name: '李强', roles: ['lobby_manager'], pin: '900401', regionStaff: false },
  { staffNo: '9005', name: '周婷', roles: ['low_counter'], pin: '900501', regionStaff: false },
  { staffNo: '9006', name: '吴磊', roles: ['low_counter'], pin: '900601', regionStaff: false },
  { staffNo: '9007', name: '郑欣', roles: ['customer_manager'], pin: '900701', regionStaff: false },
  { staffNo: '9008', name: '欧阳磊', roles: ['customer_manager', 'low_counter'], pin: '900801', regionStaff: false },
  { staffNo: '9009', name: '王芳', roles: ['wealth_manager'], pin: '900901', regionStaff: false },
  { staffNo: '9010', name: '冯涛', roles: ['wealth_manager'], pin: '901001', regionStaff: false },
  { staffNo: '9011', name: '陈静', roles: ['high_counter'], pin: '901101', regionStaff: false },
  { staffNo: '9012', name: '褚飞', roles: ['high_counter'], pin: '901201', regionStaff: false },
  { staffNo: '9013', name: '卫东', roles: ['high_counter'], pin: '901301', regionStaff: false },
  { staffNo: '9014', name: '蒋平', roles: ['inspector'], pin: '901401', regionStaff: true },
  { staffNo: '9015', name: '沈洁', roles: ['inspector'], pin: '901501', regionStaff: true },
]

export const DEMO_CLIENT_COUNT = 2_000

/** Tables the demo fills, in the order they are written. */
export const DEMO_TABLES = ['branches', 'servicePoints', 'staff', 'clients', 'products', 'bundleRules', 'inspectionTemplates', 'settings'] as const
export type DemoTable = (typeof DEMO_TABLES)[number]

/** A record the demo writes to table K: a new record with its id, marked `demo: 1` so it can be wiped. */
export type SeededRecord<K extends RecordTableName> = NewRecord<RecordOf<K>> & { id: string; demo: 1 }
export type DemoRecord<K extends DemoTable> = SeededRecord<K>
export type DemoClient = DemoRecord<'clients'>
export type DemoStaff = DemoRecord<'staff'>
export type DemoProduct = DemoRecord<'products'>

/** What each history laid over the demo branch (lobby, VIP book, care, wealth room) starts from. */
export interface HistoryInput {
  branchId: string
  /** The branch's business date, 'YYYY-MM-DD'. */
  today: BusinessDate
  zone: string
  /** The load time: today's morning runs up to this wall-clock time of day. */
  nowMs: number
  seed: number
}

export interface DemoBranch {
  ownBranchId: string
  records: { [K in DemoTable]: DemoRecord<K>[] }
  /** The sign-in PINs by staff id: hashing is slow and async, so the loader does it. */
  pins: { staffId: string; pin: string }[]
}


/** Independent streams, so that adding outlets does not reshuffle every client. */
function streams(seed: number) {
  const base = xoroshiro128plus(seed)
  const next = () => {
    const stream = base.clone()
    base.jump()
    return new Dice(stream)
  }
  return { ids: next(), outlets: next(), staff: next(), clients: next(), selection: next() }
}

/** The same calendar day `years` later (earlier when negative); 29 February becomes the 28th. */
function shiftYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years
  const monthDay = date.slice(5) === '02-29' && !isLeapYear(year) ? '02-28' : date.slice(5)
  return `${String(year).padStart(4, '0')}-${monthDay}`
}

const DEMO = 1 as const

// ---------------------------------------------------------------------------------------------
// Outlets, service points, staff

function outletAddress(dice: Dice, outletName: string): string {
  const road = /^(.+?(?:路|大道|街))/.exec(outletName)?.[1] ?? dice.pick(ROADS)
  return `${REGION.city}${dice.pick(DISTRICTS)}${road}${dice.int(1, 999)}号`
}

function branchPhone(dice: Dice): string {
  return `${REGION.areaCode}-8${dice.digits(7)}`
}

function makeBranches(dice: Dice, ids: Dice): DemoRecord<'branches'>[] {
  const region = { regionCode: REGION.code, regionName: REGION.name }
  const own: DemoRecord<'branches'> = { id: ids.uuid(), demo: DEMO, code: OWN_BRANCH.code, name: OWN_BRANCH.name, group: OWN_BRANCH.group, ...region, address: OWN_BRANCH.address, phone: branchPhone(dice) }
  const others = OTHER_OUTLETS.map((name, i): DemoRecord<'branches'> => ({
    id: ids.uuid(),
    demo: DEMO,
    code: `${REGION.code}${String(i + 2).padStart(3, '0')}`,
    name,
    group: FLAGSHIP_OUTLETS.includes(name) ? 'flagship' : dice.weighted(name.endsWith('分理处') ? BRANCH_GROUP_WEIGHTS.subBranch : BRANCH_GROUP_WEIGHTS.branch),
    ...region,
    address: outletAddress(dice, name),
    phone: branchPhone(dice),
  }))
  return [own, ...others]
}

function makeServicePoints(branchId: string, ids: Dice): DemoRecord<'servicePoints'>[] {
  const points: [ServicePointKind, number, string][] = [
    ['high_counter', 1, '1号窗口'],
    ['high_counter', 2, '2号窗口'],
    ['high_counter', 3, '3号窗口'],
    ['high_counter', 4, '4号窗口'],
    ['low_counter', 5, '5号窗口（综合服务）'],
    ['low_counter', 6, '6号窗口（综合服务）'],
    ['wealth_room', 1, '1号理财室'],
    ['wealth_room', 2, '2号理财室'],
    ['self_service', 1, '自助服务区'],
    ['manager_desk', 1, '客户经理1号台'],
    ['manager_desk', 2, '客户经理2号台'],
    ['corporate_desk', 1, '对公业务台'],
  ]
  return points.map(([kind, number, name]) => ({ id: ids.uuid(), demo: DEMO, branchId, kind, number, name, active: 1 }))
}

function staffRecord(id: string, branchId: string | null, staffNo: string, name: PersonName, roles: Role[]): DemoRecord<'staff'> {
  return { id, demo: DEMO, branchId, staffNo, ...name, roles, pin: null, failedPinAttempts: 0, lockedUntil: null, active: 1 }
}

const OUTLET_ROLES: readonly Weighted<Role>[] = [['high_counter', 35], ['low_counter', 25], ['customer_manager', 25], ['wealth_manager', 10], ['lobby_manager', 5]]
const FIRST_OUTLET_STAFF_NO = 10_001

/** Every other outlet: a head, a lobby manager and 4–10 more, who never sign in here (no PIN). */
function makeOutletStaff(outlets: readonly DemoRecord<'branches'>[], dice: Dice, ids: Dice): DemoRecord<'staff'>[] {
  const staff: DemoRecord<'staff'>[] = []
  let staffNo = FIRST_OUTLET_STAFF_NO
  for (const outlet of outlets) {
    const headcount = dice.int(6, 12)
    for (let i = 0; i < headcount; i++) {
      const role: Role = i === 0 ? 'branch_head' : i === 1 ? 'lobby_manager' : dice.weighted(OUTLET_ROLES)
      const name = drawName(dice, dice.chance(0.5) ? 'M' : 'F', dice.int(24, 58))
      staff.push(staffRecord(ids.uuid(), outlet.id, String(staffNo++), name, [role]))
    }
  }
  return staff
}

// ---------------------------------------------------------------------------------------------
// Clients

function drawName(dice: Dice, gender: Gender, age: number): PersonName {
  const surname = dice.chance(0.03) ? dice.weighted(COMPOUND_SURNAMES_IN_USE) : dice.weighted(COMMON_SURNAMES)
  return { surname, givenName: dice.pick(GIVEN_NAMES[generationOfAge(age)][gender]) }
}

function occupationTable(age: number): readonly Weighted<Occupation>[] {
  return OCCUPATIONS_BY_AGE.find((band) => age >= band.fromAge)!.occupations
}

/** A client's document as drawn; a resident ID's number waits for the birth date it encodes. */
type Identity = { idType: 'resident'; region: string; sequence: number } | { idType: Exclude<IdType, 'resident'>; document: string } | null

/** Most clients hold a resident ID; a few a passport or a Hong Kong / Macao permit; a few none on file yet. */
function drawIdentity(dice: Dice, gender: Gender): Identity {
  const kind = dice.weighted<IdType | 'none'>([['resident', 955], ['passport', 15], ['hk_macao_permit', 12], ['none', 18]])
  if (kind === 'resident') return { idType: 'resident', region: dice.weighted(ID_REGIONS), sequence: 2 * dice.int(1, 499) - (gender === 'M' ? 1 : 0) }
  if (kind === 'passport') return { idType: 'passport', document: `E${dice.digits(8)}` }
  if (kind === 'hk_macao_permit') return { idType: 'hk_macao_permit', document: `${dice.pick(['H', 'M'])}${dice.digits(8)}` }
  return null
}

const SEGMENT_WEIGHTS: readonly Weighted<Segment>[] = [['mass', 75], ['mid', 18], ['high', 7]]
const BUSINESS_OWNER_SEGMENT_WEIGHTS: readonly Weighted<Segment>[] = [['mass', 30], ['mid', 35], ['high', 35]]

/** Share of each segment whose savings reach the VIP threshold, and the tiers they fall in. */
const SAVINGS_VIP: Record<Segment, { chance: number; tiers: readonly Weighted<VipTier>[] }> = {
  high: { chance: 0.45, tiers: [['gold', 30], ['platinum', 35], ['diamond', 22], ['private', 13]] },
  mid: { chance: 0.06, tiers: [['gold', 85], ['platinum', 15]] },
  mass: { chance: 0.004, tiers: [['gold', 1]] },
}

/** Total financial assets (fen) drawn for a VIP of each tier. */
const TIER_ASSETS: Record<VipTier, readonly [number, number]> = {
  gold: [VIP_SAVINGS_THRESHOLD_FEN, 49_999_999],
  platinum: [50_000_000, 199_999_999],
  diamond: [200_000_000, 599_999_999],
  private: [600_000_000, 3_000_000_000],
}

/** Savings and other holdings (funds, wealth products) of clients below the threshold. */
const NON_VIP_HOLDINGS: Record<Segment, { savings: readonly [number, number]; otherChance: number; other: readonly [number, number] }> = {
  mass: { savings: [1_000, 6_000_000], otherChance: 0.1, other: [100_000, 10_000_000] },
  mid: { savings: [2_000_000, VIP_SAVINGS_THRESHOLD_FEN - 1], otherChance: 0.6, other: [1_000_000, 40_000_000] },
  high: { savings: [3_000_000, VIP_SAVINGS_THRESHOLD_FEN - 1], otherChance: 1, other: [20_000_000, 300_000_000] },
}

function drawHoldings(dice: Dice, segment: Segment): { savingsFen: number; totalAssetsFen: number } {
  const vip = SAVINGS_VIP[segment]
  if (dice.chance(vip.chance)) {
    const [min, max] = TIER_ASSETS[dice.weighted(vip.tiers)]
    const totalAssetsFen = dice.logUniform(min, max)
    const savingsFen = VIP_SAVINGS_THRESHOLD_FEN + Math.floor(dice.fraction() * 0.7 * (totalAssetsFen - VIP_SAVINGS_THRESHOLD_FEN))
    return { savingsFen, totalAssetsFen }
  }
  const holdings = NON_VIP_HOLDINGS[segment]
  const savingsFen = dice.logUniform(...holdings.savings)
  const otherFen = dice.chance(holdings.otherChance) ? dice.logUniform(...holdings.other) : 0
  return { savingsFen, totalAssetsFen: savingsFen + otherFen }
}

const RISK_RATINGS_BY_AGE: { elderly: readonly Weighted<RiskRating>[]; others: readonly Weighted<RiskRating>[] } = {
  elderly: [['C1', 30], ['C2', 45], ['C3', 20], ['C4', 5]],
  others: [['C1', 8], ['C2', 22], ['C3', 38], ['C4', 22], ['C5', 10]],
}
const RATED_SHARE: Record<Segment, number> = { mass: 0.45, mid: 0.85, high: 0.95 }
/** Ratings were made within the past 18 months: a third are over a year old, so expired. */
const RATING_AGE_DAYS = 547

/** A client before `today` fixes the dates: everything here is independent of `today`. */
interface ClientDraft {
  id: string
  gender: Gender
  surname: string
  givenName: string
  age: number
  /** The next birthday falls this many days after the end of the week of `today`. */
  nextBirthdayAfterWeek: number
  occupation: Occupation
  addressAs: string | null
  phone: string
  identity: Identity
  cardTails: string[]
  segment: Segment
  savingsFen: number
  totalAssetsFen: number
  riskRating: RiskRating | null
  riskRatedDaysAgo: number
  tags: string[]
  marketingConsent: 0 | 1
  /** Where between the earliest possible opening and today the client joined, 0..1. */
  clientSinceFraction: number
  /** Set for the few whose birthday falls in the week of `today`: the day of that week, 0 = Monday. */
  birthdayInWeek: number | null
  designation: { reason: string; untilDays: number } | null
}

function drawClient(dice: Dice, ids: Dice, phones: Set<string>): ClientDraft {
  const id = ids.uuid()
  const gender: Gender = dice.chance(0.5) ? 'M' : 'F'
  const [minAge, maxAge] = dice.weighted(AGE_BANDS)
  const age = dice.int(minAge, maxAge)
  const name = drawName(dice, gender, age)
  const nextBirthdayAfterWeek = dice.int(1, 358)
  const occupation = dice.weighted(occupationTable(age))
  const addressAs = occupation.addressAs && dice.chance(occupation.addressAs.chance) ? name.surname + occupation.addressAs.suffix : null
  let phone: string
  do phone = dice.pick(MOBILE_PREFIXES) + dice.digits(8)
  while (phones.has(phone))
  phones.add(phone)
  const identity = drawIdentity(dice, gender)
  const cardTails = Array.from({ length: dice.weighted<number>([[0, 20], [1, 55], [2, 25]]) }, () => dice.digits(4))
  const segment = dice.weighted(occupation === BUSINESS_OWNER ? BUSINESS_OWNER_SEGMENT_WEIGHTS : SEGMENT_WEIGHTS)
  const holdings = drawHoldings(dice, segment)
  const rated = dice.chance(RATED_SHARE[segment])
  const riskRating = rated ? dice.weighted(age >= 65 ? RISK_RATINGS_BY_AGE.elderly : RISK_RATINGS_BY_AGE.others) : null
  const riskRatedDaysAgo = dice.int(0, RATING_AGE_DAYS)
  const tags = [...occupation.tags]
  if (occupation.salaried && dice.chance(0.45)) tags.push('代发工资')
  if (age >= 25 && age <= 55 && dice.chance(0.08)) tags.push('住房贷款')
  return {
    id,
    gender,
    ...name,
    age,
    nextBirthdayAfterWeek,
    occupation,
    addressAs,
    phone,
    identity,
    cardTails: [...new Set(cardTails)],
    segment,
    ...holdings,
    riskRating,
    riskRatedDaysAgo,
    tags,
    marketingConsent: dice.chance(0.9) ? 1 : 0,
    clientSinceFraction: dice.fraction(),
    birthdayInWeek: null,
    designation: null,
  }
}

const EXACT_THRESHOLD_CLIENTS = 3
const JUST_BELOW_THRESHOLD_CLIENTS = 3
const DESIGNATED_CLIENTS = 12
const BIRTHDAYS_THIS_WEEK = { vip: 3, others: 7 }

/**
 * The few clients the demo needs on purpose: savings of exactly 100,000.00 and 99,999.99 yuan,
 * designated supporting clients (one whose designation has lapsed) and birthdays this week
 * (VIPs among them, one today).
 */
function arrangeSpecialClients(drafts: ClientDraft[], dice: Dice, todayInWeek: number): void {
  const isSavingsVip = (draft: ClientDraft) => draft.savingsFen >= VIP_SAVINGS_THRESHOLD_FEN
  const belowThreshold = dice.shuffled(drafts.filter((draft) => draft.segment !== 'mass' && !isSavingsVip(draft)))
  const setSavings = (draft: ClientDraft, savingsFen: number) => {
    draft.totalAssetsFen += savingsFen - draft.savingsFen // other holdings stay as drawn
    draft.savingsFen = savingsFen
  }
  for (const draft of belowThreshold.splice(0, EXACT_THRESHOLD_CLIENTS)) setSavings(draft, VIP_SAVINGS_THRESHOLD_FEN)
  for (const draft of belowThreshold.splice(0, JUST_BELOW_THRESHOLD_CLIENTS)) setSavings(draft, VIP_SAVINGS_THRESHOLD_FEN - 1)
  belowThreshold.splice(0, DESIGNATED_CLIENTS).forEach((draft, i) => {
    // The last one's designation lapsed a few days ago: it shows what expiry looks like.
    const untilDays = i === DESIGNATED_CLIENTS - 1 ? -dice.int(3, 30) : dice.int(30, 365)
    draft.designation = { reason: dice.pick(DESIGNATION_REASONS), untilDays }
  })

  const adults = (draft: ClientDraft) => draft.age >= 20
  const vips = dice.shuffled(drafts.filter((draft) => isSavingsVip(draft) && adults(draft))).slice(0, BIRTHDAYS_THIS_WEEK.vip)
  const others = dice.shuffled(drafts.filter((draft) => !isSavingsVip(draft) && adults(draft))).slice(0, BIRTHDAYS_THIS_WEEK.others)
  ;[...vips, ...others].forEach((draft, i) => {
    draft.birthdayInWeek = i === 0 ? todayInWeek : dice.int(0, 6)
  })
}

/** Earliest opening at 18, within the past 15 years. */
const CLIENT_HISTORY_YEARS = 15
const ADULT_AGE = 18

function finishClient(draft: ClientDraft, today: string, branchId: string, approvedBy: string): DemoRecord<'clients'> {
  const week = weekOf(today)
  let birthday: string
  if (draft.birthdayInWeek !== null) {
    const day = addDays(week.start, draft.birthdayInWeek)
    birthday = shiftYears(day, -(day <= today ? draft.age : draft.age + 1))
  } else {
    birthday = shiftYears(addDays(week.end, draft.nextBirthdayAfterWeek), -(draft.age + 1))
  }
  const historyStart = shiftYears(today, -CLIENT_HISTORY_YEARS)
  const adulthood = shiftYears(birthday, ADULT_AGE)
  const earliestSince = adulthood > historyStart ? adulthood : historyStart
  const clientSince = addDays(today, -Math.floor(draft.clientSinceFraction * (daysBetween(earliestSince, today) + 1)))

  const identity = draft.identity
  const idNumber = identity === null ? null : identity.idType === 'resident' ? makeResidentId(identity.region, birthday, identity.sequence) : identity.document
  const vipDesignation = draft.designation && { reason: draft.designation.reason, approvedBy, until: addDays(today, draft.designation.untilDays) }
  const client = {
    id: draft.id,
    demo: DEMO,
    branchId,
    surname: draft.surname,
    givenName: draft.givenName,
    addressAs: draft.addressAs,
    gender: draft.gender,
    phone: draft.phone,
    idType: identity?.idType ?? null,
    idNumber,
    cardTails: draft.cardTails,
    birthday,
    birthdayMonthDay: birthday.slice(5),
    segment: draft.segment,
    occupation: draft.occupation.name,
    savingsFen: draft.savingsFen,
    totalAssetsFen: draft.totalAssetsFen,
    vipDesignation,
    riskRating: draft.riskRating,
    riskRatedOn: draft.riskRating ? addDays(today, -draft.riskRatedDaysAgo) : null,
    tags: draft.tags,
    marketingConsent: draft.marketingConsent,
    clientSince,
    ...UNCARED_FOR,
  }
  return { ...client, vipTier: vipTierFor(client, today), searchKeys: clientSearchKeys(client) }
}

// ---------------------------------------------------------------------------------------------

/** The whole demo branch for `today` ('YYYY-MM-DD'); `zone` becomes the branch's time-zone setting. */
export function generateDemoBranch(today: string, zone: string, seed = DEMO_SEED): DemoBranch {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`today must be YYYY-MM-DD, got ${today}`)
  if (!isValidTimeZone(zone)) throw new Error(`Not a time zone: ${zone}`)
  const dice = streams(seed)

  const branches = makeBranches(dice.outlets, dice.ids)
  const own = branches[0]!
  const servicePoints = makeServicePoints(own.id, dice.ids)

  const accounts = DEMO_ACCOUNTS.map((account) => staffRecord(dice.ids.uuid(), account.regionStaff ? null : own.id, account.staffNo, splitChineseName(account.name), [...account.roles]))
  const pins = accounts.map((staff, i) => ({ staffId: staff.id, pin: DEMO_ACCOUNTS[i]!.pin }))
  const branchHead = accounts.find((staff) => staff.roles.includes('branch_head'))!
  const staff = [...accounts, ...makeOutletStaff(branches.slice(1), dice.staff, dice.ids)]

  const phones = new Set<string>()
  const drafts = Array.from({ length: DEMO_CLIENT_COUNT }, () => drawClient(dice.clients, dice.ids, phones))
  arrangeSpecialClients(drafts, dice.selection, daysBetween(weekOf(today).start, today))
  const clients = drafts.map((draft) => finishClient(draft, today, own.id, branchHead.id))

  const products = DEFAULT_PRODUCTS.map((product) => ({ ...structuredClone(product), id: dice.ids.uuid(), demo: DEMO }))
  const bundleRules = DEFAULT_BUNDLE_RULES.map((rule) => ({ ...structuredClone(rule), id: dice.ids.uuid(), demo: DEMO }))
  const inspectionTemplates = [{ ...structuredClone(DEFAULT_INSPECTION_TEMPLATE), id: dice.ids.uuid(), demo: DEMO }]
  // The branch's zone is the one the demo is loaded in; the other settings keep their defaults.
  const settingValues = { ...DEFAULT_BRANCH_SETTINGS, timeZone: zone }
  const settings = Object.entries(settingValues).map(([key, value]) => ({ id: dice.ids.uuid(), demo: DEMO, key, value }))

  return {
    ownBranchId: own.id,
    records: { branches, servicePoints, staff, clients, products, bundleRules, inspectionTemplates, settings },
    pins,
  }
}
