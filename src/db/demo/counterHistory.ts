/**
 * The demo branch's low-counter history, from the first day of the quarter two before today's up to
 * the load time (business days, 09:00–17:00 in the branch's zone):
 *
 * - the sellers' offer conversations (staff with the low-counter or customer-manager role): each a
 *   client or an anonymous one, an anchor loan or none, the proposals the counter makes
 *   (proposeProducts, leaving out what the client holds) that were discussed, each with its
 *   outcome, and now and then the anchor loan itself applied for (recorded by hand); the wealth
 *   managers' own conversations with VIPs, their products picked by hand; on the days the lobby
 *   history covers, most conversations come from the person's own finished services and carry
 *   that visit;
 * - suitability judged on the day (a rating made later did not exist yet), a refused product
 *   declined as risk-averse, 双录 evidence on every wealth, fund and insurance sale;
 * - sales confirmed a few days later (their products become holdings), a few cancelled within the
 *   clawback window, the recent ones pending; the points ledger built by the ledger's own rules;
 * - referrals by the tellers and lobby managers (of a client they served, where the lobby has them)
 *   to the low counter or a wealth manager, and by the sellers to a wealth manager, answered by a
 *   conversation whose sales credit the referrer's share; the last two days' mostly still open;
 * - follow-ups of interested clients, mostly closed by a later conversation; some due today and a
 *   few overdue still open;
 * - the region's other outlets as a synchronised terminal holds them: their quarter standings as
 *   each outlet published them (their offers and ledgers stay in their own databases), the totals
 *   of each person's sales summarised monthly, with points spread over every pay band, a few
 *   people at the bottom every quarter (the 退出机制 warning) and one of the home sellers in the
 *   low counter's top three in a closed quarter; each outlet closes its past quarters a few
 *   working days after they end;
 * - the two previous quarters verified and closed by the branch head shortly after they ended,
 *   with the standings as they stood, and corrections for them as adjustments in the quarter after.
 *
 * Pure and deterministic: the same input gives the same records, each `demo: 1`.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import { Dice } from './dice'
import type { DemoRecord, HistoryInput, SeededRecord } from './generate'
import { cancelEntries, confirmEntries, saleEntries, splitReferral, type LedgerEntry, type Sale } from '@/domain/counter/ledger'
import { isEligible, proposeProducts, type Proposal, type ProposalClient } from '@/domain/counter/proposals'
import { DEFAULT_COUNTER_RULES } from '@/domain/counter/rules'
import { bottomFiveByRole, closedStandings, quarterStandings, RANKED_ROLES } from '@/domain/counter/standings'
import { needsRecordedSale, judgeSuitability } from '@/domain/counter/suitability'
import { pointTotalsFrom, quarterRows, type PersonQuarterTotals } from '@/domain/counter/totals'
import { outletStandingsId, publishedStandings, regionEntrants } from '@/domain/counter/outletStandings'
import { isWorkingDay } from '@/domain/lobby/complaints'
import type { OfferOutcome, OfferReason } from '@/domain/model/records'
import type { Role } from '@/domain/roles'
import { addDays, ageOn, startOfBusinessDate, type BusinessDate } from '@/domain/time'
import { previousQuarter, quarterOf, type QuarterKey } from '@/domain/quarters'

export const COUNTER_TABLES = ['offers', 'referrals', 'pointEntries', 'quarterClosures', 'outletStandings', 'holdings'] as const
export type CounterTable = (typeof COUNTER_TABLES)[number]
export type CounterHistory = { [K in CounterTable]: SeededRecord<K>[] }

export interface CounterHistoryInput extends HistoryInput {
  clients: readonly Pick<DemoRecord<'clients'>, 'id' | 'segment' | 'birthday' | 'riskRating' | 'riskRatedOn' | 'vipTier'>[]
  /** Every outlet's staff: the region's rankings span them all. */
  staff: readonly Pick<DemoRecord<'staff'>, 'id' | 'staffNo' | 'surname' | 'givenName' | 'branchId' | 'roles' | 'active'>[]
  products: readonly DemoRecord<'products'>[]
  bundleRules: readonly DemoRecord<'bundleRules'>[]
  /** Holdings the wealth history already gave clients (so nobody is sold what they hold). */
  holdings: readonly Pick<SeededRecord<'holdings'>, 'clientId' | 'productCode'>[]
  /** The lobby's visits and events: today's and recent services by the sellers carry their visitId. */
  visits: readonly Pick<SeededRecord<'visits'>, 'id' | 'businessDate' | 'clientId' | 'zone' | 'arrivedAt'>[]
  visitEvents: readonly Pick<SeededRecord<'visitEvents'>, 'visitId' | 'kind' | 'at' | 'servicePointId' | 'staffId'>[]
}

type Offer = SeededRecord<'offers'>
type Referral = SeededRecord<'referrals'>
type PointEntry = SeededRecord<'pointEntries'>
type QuarterClosure = SeededRecord<'quarterClosures'>
type OutletQuarter = SeededRecord<'outletStandings'>
type Product = DemoRecord<'products'>
type Client = CounterHistoryInput['clients'][number]
type Person = CounterHistoryInput['staff'][number]

const DEMO = 1 as const
const MINUTE = 60_000
const rules = DEFAULT_COUNTER_RULES
/** Conversations take place between 09:05 and 16:55. */
const FIRST_MINUTE = 9 * 60 + 5
const LAST_MINUTE = 16 * 60 + 55

/** Conversations a day by how the person works: at the counter all day, a customer manager at the desk, a wealth manager with VIPs. */
type Pace = 'counter' | 'desk' | 'wealth'
const CONVERSATIONS_PER_DAY: Record<Pace, readonly [number, number]> = { counter: [3, 5], desk: [2, 3], wealth: [1, 2] }
/** Share of conversations with a known client; the rest are anonymous. */
const KNOWN_CLIENT_SHARE = 0.8
const ANCHORS_FOR_CLIENT: readonly (readonly [string | null, number])[] = [['LOAN_MORTGAGE', 25], ['LOAN_BUSINESS', 20], ['LOAN_SALARY', 25], [null, 30]]
const ANCHORS_FOR_ANONYMOUS: readonly (readonly [string, number])[] = [['LOAN_MORTGAGE', 35], ['LOAN_BUSINESS', 30], ['LOAN_SALARY', 35]]
/**
 * How often the client applies for the anchor loan there and then: it is recorded by hand as an
 * accepted offer, and loans are where a customer manager's points come from.
 */
const LOAN_APPLIED_SHARE: Record<Pace, number> = { counter: 0.12, desk: 0.35, wealth: 0 }
/** Not every proposal is raised: the bundle mostly is, the segment's recommendations less often. */
const DISCUSSED_SHARE: Record<Proposal['reason'], number> = { bundle: 0.75, segment: 0.4 }
/** A counter proposal's outcome; one the counter cannot refer on is declined or left to think over instead. */
const OUTCOME_WEIGHTS: Record<OfferOutcome, number> = { accepted: 35, declined: 35, interested: 20, referred: 10 }
/** What a wealth manager sells (picked by hand): the counter refers about a third of its proposals of these on. */
const WEALTH_SHELF: readonly Product['category'][] = ['wealth', 'fund', 'insurance', 'deposit']
const WEALTH_SHELF_REFERRED_WEIGHT = 30
/** What a wealth manager's conversation comes to. */
const WEALTH_OUTCOME_WEIGHTS: readonly (readonly [OfferOutcome, number])[] = [['accepted', 45], ['interested', 30], ['declined', 25]]
const FOLLOW_UP_OUTCOME_WEIGHTS: readonly (readonly [OfferOutcome, number])[] = [['accepted', 50], ['declined', 50]]
const DECLINE_WEIGHTS: Readonly<Record<string, number>> = { no_need: 35, has_elsewhere: 20, cost: 15, no_time: 15, risk_averse: 5, other: 10 }

/** Sales: a few cancelled (half of them after confirmation), a few slow to confirm, the rest within days. */
const CANCELLED_SHARE = 0.04
const SLOW_SHARE = 0.05
/** What a confirmed money product was bought for, in yuan (wealth, funds, insurance premiums, deposits). */
const AMOUNT_YUAN: Partial<Record<Product['category'], readonly [number, number]>> = {
  wealth: [50_000, 500_000],
  fund: [10_000, 200_000],
  insurance: [5_000, 50_000],
  deposit: [50_000, 1_000_000],
}
const WEALTH_TERM_DAYS = 182

/** Referrals by the tellers and lobby managers: what they noticed, the product and where they sent the client. */
const TELLER_REFERRALS: readonly (readonly [string, string | null, 'low_counter' | 'wealth_manager'])[] = [
  ['客户办理取款时提到准备买房，想了解房贷', 'LOAN_MORTGAGE', 'low_counter'],
  ['个体户，经营周转需要资金，咨询助业贷款', 'LOAN_BUSINESS', 'low_counter'],
  ['客户想办一张信用卡', 'CARD_CREDIT', 'low_counter'],
  ['老年客户不会用手机转账，想开通手机银行', 'EB_MOBILE', 'low_counter'],
  ['商户客户询问收款码和 POS 机', 'PAY_POS', 'low_counter'],
  ['客户每月来缴水电费，可办理代缴', 'AGENCY_BILL_PAY', 'low_counter'],
  ['客户有一笔定期刚到期，想了解理财', 'WM_LIDEYING', 'wealth_manager'],
  ['客户咨询基金定投', 'FUND_BOND', 'wealth_manager'],
  ['客户存款金额较大，可做资产配置', null, 'wealth_manager'],
]
const TELLER_REFERRALS_PER_DAY: readonly [number, number] = [2, 5]
/** Referrals of the last two business days are mostly still waiting for the receiver. */
const RECENT_REFERRAL_OPEN_SHARE = 0.7
const NOT_REACHED_SHARE = 0.1

/** Follow-ups: most on the default interval, some on a day chosen with the client. */
const DEFAULT_FOLLOW_UP_SHARE = 0.4
const CHOSEN_FOLLOW_UP_BUSINESS_DAYS: readonly [number, number] = [1, 2]
/** Of the follow-ups due in the last two weeks, a few are still open (overdue). */
const OVERDUE_OPEN_SHARE = 0.12
const OVERDUE_WINDOW_DAYS = 14
/** Of those due today, most wait for the afternoon's calls whatever the hour of the load. */
const DUE_TODAY_OPEN_SHARE = 0.85

/** Roles that sell and earn points of their own; the tellers and lobby managers earn referral shares. */
type EarningRole = 'customer_manager' | 'low_counter' | 'wealth_manager'
const EARNING_ROLES: readonly EarningRole[] = ['customer_manager', 'low_counter', 'wealth_manager']
const REFERRING_ROLES: readonly Role[] = ['high_counter', 'lobby_manager']
/**
 * The region's points per quarter by role, skewed towards the low end (a few stars, many in the
 * middle): customer managers sell the loans and earn most; and the people who stay at the bottom (退出机制).
 */
const REGION_POINTS: Record<EarningRole, readonly [number, number]> = { customer_manager: [1_500, 12_000], low_counter: [1_200, 9_000], wealth_manager: [500, 4_000] }
const REGION_SKEW = 1.4
/** The strugglers end each quarter at this share of their role's lowest ordinary total. */
const STRUGGLER_SHARE: readonly [number, number] = [0.15, 0.85]
const STRUGGLERS_PER_ROLE = 3
/** Totals at the pay bands' edges, planted in each closed quarter: just under 4,000, and around 8,000. */
const BAND_EDGE_POINTS: readonly number[] = [3_996, 3_985, 8_000, 8_020]
/** A region person's sales arrive summarised, one a month (twenty business days). */
const SUMMARY_BUSINESS_DAYS = 20
/** Region sales referred by a teller or lobby manager of the same outlet, per referrer and quarter. */
const REGION_REFERRALS_PER_QUARTER: readonly [number, number] = [0, 3]

/** Corrections of closed quarters, made by the branch head in the quarter after. */
const ADJUSTMENTS: readonly (readonly [points: number, productCode: string, reason: string])[] = [
  [15, 'CARD_CREDIT', '补录上季度漏记的信用卡激活'],
  [-18, 'FUND_BALANCED', '冲减上季度重复计分的基金销售'],
  [8, 'CARD_STAFF_MERCHANT', '补录上季度漏记的员工卡开卡'],
]

// ---------------------------------------------------------------------------------------------
// Calendar

/**
 * The days the history runs over, laid out once with their weekdays (business days are Monday to
 * Friday): stepping by index is far cheaper than parsing dates again for every sale and follow-up.
 * Dates outside the span fall back to plain date arithmetic.
 */
class Calendar {
  private readonly dates: BusinessDate[] = []
  private readonly weekday: boolean[] = []
  private readonly index = new Map<BusinessDate, number>()

  constructor(from: BusinessDate, to: BusinessDate) {
    for (let day = from; day <= to; day = addDays(day, 1)) {
      this.index.set(day, this.dates.length)
      this.dates.push(day)
      this.weekday.push(![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()))
    }
  }

  plusDays(date: BusinessDate, days: number): BusinessDate {
    const i = this.index.get(date)
    return (i === undefined ? undefined : this.dates[i + days]) ?? addDays(date, days)
  }

  isBusinessDay(date: BusinessDate): boolean {
    const i = this.index.get(date)
    return i === undefined ? ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()) : this.weekday[i]!
  }

  /** The date itself if a business day, else the next one. */
  onBusinessDay(date: BusinessDate): BusinessDate {
    let day = date
    while (!this.isBusinessDay(day)) day = this.plusDays(day, 1)
    return day
  }

  addBusinessDays(date: BusinessDate, count: number): BusinessDate {
    let day = date
    for (let i = 0; i < count; i++) day = this.onBusinessDay(this.plusDays(day, 1))
    return day
  }

  businessDaysBetween(from: BusinessDate, to: BusinessDate): BusinessDate[] {
    const days: BusinessDate[] = []
    for (let day = this.onBusinessDay(from); day <= to; day = this.addBusinessDays(day, 1)) days.push(day)
    return days
  }
}

/** How far past today the calendar is laid out: later confirmations and follow-ups only need comparing with today. */
const CALENDAR_DAYS_AHEAD = 200

function quarterStart(quarter: QuarterKey): BusinessDate {
  const month = (Number(quarter.slice(5)) - 1) * 3 + 1
  return `${quarter.slice(0, 4)}-${String(month).padStart(2, '0')}-01`
}

function quarterEnd(quarter: QuarterKey): BusinessDate {
  const q = Number(quarter.slice(5))
  const next = q === 4 ? `${Number(quarter.slice(0, 4)) + 1}Q1` : `${quarter.slice(0, 4)}Q${q + 1}`
  return addDays(quarterStart(next as QuarterKey), -1)
}

// ---------------------------------------------------------------------------------------------

/** A conversation to hold: at the counter, a follow-up of an interested client, or the answer to a referral. */
type Task =
  | { kind: 'walk_in'; at: number; staffId: string; clientId: string | null; visitId: string | null }
  | { kind: 'follow_up'; at: number; offer: Offer }
  | { kind: 'referral'; at: number; referral: Referral; receiverId: string }
  | { kind: 'not_reached'; at: number; referral: Referral; receiverId: string }

interface Discussed {
  product: Product
  reason: OfferReason
  ruleVersion: number | null
}

/** One conversation at the counter (or a follow-up call): the offers saved together. */
interface Conversation {
  at: number
  date: BusinessDate
  staffId: string
  client: Client | null
  visitId: string | null
  anchorCode: string | null
  discussed: readonly Discussed[]
  outcomeOf: (p: Product) => OfferOutcome
  /** The referral the conversation answers: its referrer shares the sales. */
  referral: Referral | null
}

export function generateCounterHistory(input: CounterHistoryInput): CounterHistory {
  // Separate streams: ids, the branch's own history, and the region (so one does not reshuffle the other).
  const ids = new Dice(xoroshiro128plus(input.seed ^ 0xc0a71))
  const dice = new Dice(xoroshiro128plus(input.seed ^ 0xc0a72))
  const regionDice = new Dice(xoroshiro128plus(input.seed ^ 0xc0a73))
  const { today, zone, nowMs, branchId } = input

  const dayStarts = new Map<BusinessDate, number>()
  const atMinute = (date: BusinessDate, minute: number) => {
    let start = dayStarts.get(date)
    if (start === undefined) dayStarts.set(date, (start = startOfBusinessDate(date, zone)))
    return start + Math.round(minute * MINUTE)
  }
  const randomTime = (date: BusinessDate, from = FIRST_MINUTE) => atMinute(date, dice.between(from, LAST_MINUTE))

  const homeStaff = input.staff.filter((s) => s.branchId === branchId && s.active === 1)
  const withRole = (people: readonly Person[], ...roles: Role[]) => people.filter((s) => roles.some((r) => s.roles.includes(r)))
  const sellers = withRole(homeStaff, 'low_counter', 'customer_manager')
  const counterSellers = withRole(homeStaff, 'low_counter')
  const wealthManagers = withRole(homeStaff, 'wealth_manager')
  const referrers = withRole(homeStaff, 'high_counter', 'lobby_manager')
  const branchHead = withRole(homeStaff, 'branch_head')[0]
  if (sellers.length === 0 || counterSellers.length === 0 || wealthManagers.length === 0 || referrers.length === 0 || !branchHead) {
    throw new Error('The demo branch needs low-counter staff, customer managers, wealth managers, tellers and a branch head')
  }
  const staffById = new Map(input.staff.map((s) => [s.id, s]))
  const outletOf = new Map(input.staff.map((s) => [s.id, s.branchId ?? branchId]))
  /** How well each seller sells: a multiplier of the acceptance weight. */
  const skill = new Map(sellers.map((s) => [s.id, dice.between(0.75, 1.35)]))

  // Demo records are never deleted; the proposal rules want to see that said.
  const catalogue = input.products.map((p) => ({ ...p, deleted: 0 as const }))
  const bundleRules = input.bundleRules.map((r) => ({ ...r, deleted: 0 as const }))
  const productByCode = new Map(input.products.map((p) => [p.code, p]))
  const product = (code: string) => {
    const found = productByCode.get(code)
    if (!found) throw new Error(`The demo catalogue has no product ${code}`)
    return found
  }
  const clientById = new Map(input.clients.map((c) => [c.id, c]))
  const held = new Map<string, Set<string>>()
  const heldBy = (clientId: string) => {
    let codes = held.get(clientId)
    if (!codes) held.set(clientId, (codes = new Set()))
    return codes
  }
  for (const h of input.holdings) heldBy(h.clientId).add(h.productCode)

  const current = quarterOf(today)
  const quarters = [previousQuarter(previousQuarter(current)), previousQuarter(current), current] as const
  const calendar = new Calendar(quarterStart(quarters[0]), addDays(today, CALENDAR_DAYS_AHEAD))
  const days = calendar.businessDaysBetween(quarterStart(quarters[0]), today)

  const out: CounterHistory = { offers: [], referrals: [], pointEntries: [], quarterClosures: [], outletStandings: [], holdings: [] }

  // ---------------------------------------------------------------------------------------------
  // The services in the lobby history of those who sell or refer, by day and person.
  const visitById = new Map(input.visits.map((v) => [v.id, v]))
  const servicesOf = new Map<string, { at: number; visitId: string; clientId: string | null }[]>()
  const sellerIds = new Set(sellers.map((s) => s.id))
  const servingIds = new Set([...sellers, ...wealthManagers, ...referrers].map((s) => s.id))
  const lobbyDays = new Set(input.visits.map((v) => v.businessDate))
  for (const event of input.visitEvents) {
    if (event.kind !== 'finished' || event.staffId === null || !servingIds.has(event.staffId) || event.at > nowMs) continue
    const visit = visitById.get(event.visitId)
    // A service that ran on past closing leaves no time for a conversation.
    if (!visit || event.at > atMinute(visit.businessDate, LAST_MINUTE - 2)) continue
    const key = `${visit.businessDate}|${event.staffId}`
    servicesOf.set(key, [...(servicesOf.get(key) ?? []), { at: event.at, visitId: visit.id, clientId: visit.clientId }])
  }

  const adults = input.clients.filter((c) => c.birthday === null || ageOn(c.birthday, today) >= 18)
  const vips = adults.filter((c) => c.vipTier !== null)
  const paceOf = (s: Person): Pace => (s.roles.includes('wealth_manager') ? 'wealth' : s.roles.includes('customer_manager') ? 'desk' : 'counter')
  const walkIns = (date: BusinessDate): Task[] => {
    const lastMinute = date === today ? Math.min(LAST_MINUTE, (nowMs - atMinute(date, 0)) / MINUTE) : LAST_MINUTE
    const tasks: Task[] = []
    for (const seller of [...sellers, ...wealthManagers]) {
      const pace = paceOf(seller)
      const [min, max] = CONVERSATIONS_PER_DAY[pace]
      const wanted = dice.int(min, max)
      // On the lobby's days the conversations are the seller's own services, topped up when there
      // were few. Today every service so far has its conversation: the counter records the offers
      // as it serves (on the days before, only some are kept, to hold the demo's size).
      const own = servicesOf.get(`${date}|${seller.id}`) ?? []
      const everyService = date === today && sellerIds.has(seller.id)
      const services = everyService ? own : lobbyDays.has(date) ? dice.shuffled(own).slice(0, wanted) : []
      for (const s of services) tasks.push({ kind: 'walk_in', at: s.at + dice.int(0, 2) * MINUTE, staffId: seller.id, clientId: s.clientId, visitId: s.visitId })
      if (lastMinute < FIRST_MINUTE) continue
      for (let i = services.length; i < wanted; i++) {
        const clientId = pace === 'wealth' && vips.length > 0 ? dice.pick(vips).id : dice.chance(KNOWN_CLIENT_SHARE) ? dice.pick(adults).id : null
        tasks.push({ kind: 'walk_in', at: atMinute(date, dice.between(FIRST_MINUTE, lastMinute)), staffId: seller.id, clientId, visitId: null })
      }
    }
    return tasks
  }

  // ---------------------------------------------------------------------------------------------
  // The ledger of the home branch's sales.
  const recordingSeq = new Map<BusinessDate, number>()
  const ledgerRecord = (entry: LedgerEntry, at: number, byStaffId: string | null, productCode: string | null): PointEntry => ({
    id: ids.uuid(),
    demo: DEMO,
    branchId: outletOf.get(entry.staffId) ?? branchId,
    staffId: entry.staffId,
    kind: entry.kind,
    points: entry.points,
    businessDate: entry.businessDate,
    quarter: quarterOf(entry.businessDate),
    saleId: entry.saleId,
    share: entry.share,
    productCode,
    reason: entry.reason,
    at,
    byStaffId,
  })

  /** A sale from its acceptance to where it stands at the load time: its entries, status and holding. */
  const settleSale = (offer: Offer, referrerId: string | null, p: Product): void => {
    const sale = { saleId: offer.id, sellerId: offer.staffId, referrerId, points: offer.points, businessDate: offer.businessDate }
    const entries = saleEntries(sale, rules.referralSharePercent)
    out.pointEntries.push(...entries.map((e) => ledgerRecord(e, offer.at, offer.staffId, p.code)))
    const happened = (date: BusinessDate, at: number) => date < today || (date === today && at <= nowMs)

    const cancelled = dice.chance(CANCELLED_SHARE)
    const confirmOn = calendar.addBusinessDays(offer.businessDate, dice.chance(SLOW_SHARE) ? dice.int(15, 40) : dice.int(1, 6))
    const confirmAt = randomTime(confirmOn, 9 * 60 + 30)
    const confirmedFirst = !cancelled || dice.chance(0.5)
    let ledger = entries
    if (confirmedFirst && happened(confirmOn, confirmAt)) {
      const finals = confirmEntries(ledger, offer.id, confirmOn)
      ledger = [...ledger, ...finals]
      out.pointEntries.push(...finals.map((e) => ledgerRecord(e, confirmAt, offer.staffId, p.code)))
      offer.saleStatus = 'fulfilled'
      offer.saleSettledOn = confirmOn
    }
    if (cancelled) {
      const cancelOn = calendar.onBusinessDay(calendar.plusDays(confirmedFirst ? confirmOn : offer.businessDate, dice.int(3, rules.clawbackDays - 45)))
      const cancelAt = randomTime(cancelOn, 9 * 60 + 30)
      const clawback = cancelEntries(ledger, offer.id, cancelOn, rules.clawbackDays)
      if (happened(cancelOn, cancelAt) && clawback.reversed) {
        out.pointEntries.push(...clawback.entries.map((e) => ledgerRecord(e, cancelAt, offer.staffId, p.code)))
        offer.saleStatus = 'cancelled'
        offer.saleSettledOn = cancelOn
      }
    }
    if (offer.saleStatus === 'fulfilled' && offer.clientId !== null) {
      const amount = AMOUNT_YUAN[p.category]
      out.holdings.push({
        id: ids.uuid(),
        demo: DEMO,
        branchId,
        clientId: offer.clientId,
        productCode: p.code,
        amountFen: amount ? dice.int(amount[0] / 1_000, amount[1] / 1_000) * 100_000 : 0,
        purchasedOn: offer.saleSettledOn!,
        maturesOn: p.category === 'wealth' ? addDays(offer.saleSettledOn!, WEALTH_TERM_DAYS) : null,
        staffId: offer.staffId,
      })
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Conversations

  const agenda = new Map<BusinessDate, Task[]>()
  const referralById = new Map<string, Referral>()
  const schedule = (date: BusinessDate, task: Task) => agenda.set(date, [...(agenda.get(date) ?? []), task])

  /** What the client was rated on the day: a rating made later did not exist yet. */
  const ratingOn = (client: Client | null, date: BusinessDate) =>
    client && client.riskRatedOn !== null && client.riskRatedOn <= date ? { riskRating: client.riskRating, riskRatedOn: client.riskRatedOn } : null

  const declineReason = (p: Product) => {
    const weights = rules.declineReasons.map((code) => [code, (DECLINE_WEIGHTS[code] ?? 5) * (code === 'risk_averse' && p.riskLevel !== null ? 5 : 1)] as const)
    return dice.weightedByShare(weights)
  }

  const followUpDay = (date: BusinessDate) =>
    dice.chance(DEFAULT_FOLLOW_UP_SHARE)
      ? calendar.onBusinessDay(calendar.plusDays(date, rules.followUpDays))
      : calendar.addBusinessDays(date, dice.int(...CHOSEN_FOLLOW_UP_BUSINESS_DAYS))

  const overdueFrom = calendar.plusDays(today, -OVERDUE_WINDOW_DAYS)
  /** Plans an interested client's follow-up: done on the day or a little late, or still open at the load time. */
  const planFollowUp = (offer: Offer) => {
    const due = offer.followUpOn!
    if (due > today) return
    const ownerSells = sellerIds.has(offer.followUpStaffId!)
    if (due === today) {
      if (!dice.chance(DUE_TODAY_OPEN_SHARE)) schedule(today, { kind: 'follow_up', at: randomTime(today), offer })
      return
    }
    if (ownerSells && due >= overdueFrom && dice.chance(OVERDUE_OPEN_SHARE)) return
    const on = dice.chance(0.8) ? due : calendar.addBusinessDays(due, dice.int(1, 2))
    schedule(on, { kind: 'follow_up', at: randomTime(on), offer })
  }

  /** Records one conversation's offers and everything they set going (sales, follow-ups, referrals). */
  const converse = (talk: Conversation): Offer[] => {
    const { at, date, staffId, client, visitId, anchorCode, referral } = talk
    const groupId = ids.uuid()
    const offers: Offer[] = []
    for (const { product: p, reason, ruleVersion } of talk.discussed) {
      const suitability = p.riskLevel === null ? null : judgeSuitability(p, ratingOn(client, date), date)
      // An anonymous client leaves no way to follow up: "thinking it over" is recorded as a decline.
      let outcome = talk.outcomeOf(p)
      if (outcome === 'interested' && client === null) outcome = 'declined'
      let declined: string | null = outcome === 'declined' ? declineReason(p) : null
      if (outcome === 'accepted' && client !== null && heldBy(client.id).has(p.code)) [outcome, declined] = ['declined', 'no_need']
      if (outcome === 'accepted' && suitability && !suitability.ok) [outcome, declined] = ['declined', 'risk_averse']
      const accepted = outcome === 'accepted'
      const recorded = accepted && needsRecordedSale(p)
      let recordingRef: string | null = null
      if (recorded) {
        const seq = (recordingSeq.get(date) ?? 0) + 1
        recordingSeq.set(date, seq)
        recordingRef = `SL-${date.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`
      }
      const offer: Offer = {
        id: ids.uuid(),
        demo: DEMO,
        branchId,
        clientId: client?.id ?? null,
        staffId,
        businessDate: date,
        at,
        anchorCode,
        productCode: p.code,
        outcome,
        details: {},
        groupId,
        visitId,
        reason,
        ruleVersion,
        declineReason: declined,
        followUpOn: outcome === 'interested' ? followUpDay(date) : null,
        followUpStaffId: outcome === 'interested' ? staffId : null,
        followUpClosedAt: null,
        followUpOfferId: null,
        referralId: referral?.id ?? null,
        suitability: suitability && { rating: suitability.rating, ratedOn: suitability.rating === null ? null : client!.riskRatedOn, riskLevel: suitability.riskLevel },
        recordingRef,
        riskDisclosureAckAt: recorded ? at - dice.int(1, 4) * MINUTE : null,
        points: accepted ? p.points : 0,
        saleStatus: accepted ? 'pending' : null,
        saleSettledOn: null,
      }
      out.offers.push(offer)
      offers.push(offer)
      if (accepted) {
        if (client !== null) heldBy(client.id).add(p.code)
        settleSale(offer, referral?.referrerId ?? null, p)
      }
      if (outcome === 'interested') planFollowUp(offer)
      if (outcome === 'referred') referToWealthManager(offer, p)
    }
    return offers
  }

  /** A seller's referral of a client to a wealth manager, answered in a day or two (or still open). */
  const referToWealthManager = (offer: Offer, p: Product) => {
    const named = dice.chance(0.8) ? dice.pick(wealthManagers) : null
    const referral = newReferral({
      clientId: offer.clientId,
      visitId: offer.visitId,
      referrerId: offer.staffId,
      target: 'wealth_manager',
      toStaffId: named?.id ?? null,
      productCode: p.code,
      note: `客户想详细了解${p.nameZh}`,
      at: offer.at,
      businessDate: offer.businessDate,
    })
    planAnswer(referral, (named ?? dice.pick(wealthManagers)).id)
  }

  const newReferral = (fields: Pick<Referral, 'clientId' | 'visitId' | 'referrerId' | 'target' | 'toStaffId' | 'productCode' | 'note' | 'at' | 'businessDate'>): Referral => {
    const referral: Referral = {
      id: ids.uuid(),
      demo: DEMO,
      branchId,
      ...fields,
      status: 'open',
      outcome: null,
      closedAt: null,
      closedBy: null,
      offerGroupId: null,
    }
    out.referrals.push(referral)
    referralById.set(referral.id, referral)
    return referral
  }

  const recentDays = new Set(days.slice(-2))
  const planAnswer = (referral: Referral, receiverId: string) => {
    if (recentDays.has(referral.businessDate) && dice.chance(RECENT_REFERRAL_OPEN_SHARE)) return
    const soon = referral.at + dice.int(5, 40) * MINUTE
    const sameDay = referral.target === 'low_counter' && dice.chance(0.7) && soon <= atMinute(referral.businessDate, LAST_MINUTE)
    const on = sameDay ? referral.businessDate : calendar.addBusinessDays(referral.businessDate, dice.int(1, 2))
    const at = sameDay ? soon : randomTime(on)
    const kind = dice.chance(NOT_REACHED_SHARE) ? 'not_reached' : 'referral'
    schedule(on, { kind, at, referral, receiverId })
  }

  const closeReferral = (referral: Referral, at: number, receiverId: string, outcome: Referral['outcome'], offerGroupId: string | null) => {
    Object.assign(referral, { status: 'closed', outcome, closedAt: at, closedBy: receiverId, offerGroupId })
  }

  // Working out an age is slow and the proposal rules would do it for every product: a client aged
  // within every product's age limits is eligible by age for all of them, as if no birthday were known.
  const ageLimits = { from: Math.max(...catalogue.map((p) => p.minAge ?? 0)), to: Math.min(...catalogue.map((p) => p.maxAge ?? Number.POSITIVE_INFINITY)) }
  const proposalClient = (client: Client, date: BusinessDate): ProposalClient => {
    const age = client.birthday === null ? null : ageOn(client.birthday, date)
    const limitsApply = age !== null && (age < ageLimits.from || age > ageLimits.to)
    return { segment: client.segment, birthday: limitsApply ? client.birthday : null, heldCodes: [...heldBy(client.id)] }
  }

  const discussedAtCounter = (anchorCode: string | null, client: Client | null, date: BusinessDate, wanted: string | null): Discussed[] => {
    const proposals = proposeProducts({
      anchorCode,
      bundleRules,
      catalogue,
      client: client && proposalClient(client, date),
      today: date,
    })
    const discussed = proposals.filter((p) => p.productCode === wanted || dice.chance(DISCUSSED_SHARE[p.reason]))
    const chosen = (discussed.length > 0 ? discussed : proposals.slice(0, 1)).map((p) => ({ product: product(p.productCode), reason: p.reason as OfferReason, ruleVersion: p.ruleVersion }))
    // A product the referrer asked for that the counter did not propose is picked by hand.
    if (wanted !== null && wanted !== anchorCode && !chosen.some((d) => d.product.code === wanted) && canHold(product(wanted), client && proposalClient(client, date), date)) {
      chosen.unshift({ product: product(wanted), reason: 'manual', ruleVersion: null })
    }
    return chosen
  }

  /** Whether the client may take the product on the day: eligible and not already holding it (anyone, when anonymous). */
  const canHold = (p: Product, facts: ProposalClient | null, date: BusinessDate) => facts === null || (!facts.heldCodes.includes(p.code) && isEligible({ ...p, deleted: 0 }, facts, date))

  /** What a wealth manager discusses: the product asked about (or one from the shelf), and now and then one more. */
  const discussedByWealthManager = (client: Client | null, date: BusinessDate, wanted: string | null): Discussed[] => {
    const facts = client && proposalClient(client, date)
    const shelf = catalogue.filter((p) => WEALTH_SHELF.includes(p.category) && canHold(p, facts, date))
    const first = wanted !== null ? product(wanted) : shelf.length > 0 ? dice.pick(shelf) : null
    if (first === null) return []
    const others = shelf.filter((p) => p.code !== first.code)
    const chosen = [first, ...(others.length > 0 && dice.chance(0.4) ? [dice.pick(others)] : [])]
    return chosen.map((p) => ({ product: p, reason: 'manual', ruleVersion: null }))
  }

  const counterOutcome = (sellerId: string, client: Client | null) => (p: Product): OfferOutcome => {
    const referable = client !== null && WEALTH_SHELF.includes(p.category)
    const weights: (readonly [OfferOutcome, number])[] = [
      ['accepted', OUTCOME_WEIGHTS.accepted * (skill.get(sellerId) ?? 1)],
      ['declined', OUTCOME_WEIGHTS.declined + (referable ? 0 : OUTCOME_WEIGHTS.referred / 2)],
      ['interested', OUTCOME_WEIGHTS.interested + (referable ? 0 : OUTCOME_WEIGHTS.referred / 2)],
      ['referred', referable ? WEALTH_SHELF_REFERRED_WEIGHT : 0],
    ]
    return dice.weightedByShare(weights)
  }

  const run = (task: Task, date: BusinessDate) => {
    if (task.kind === 'walk_in' && !sellerIds.has(task.staffId)) {
      const client = task.clientId === null ? null : (clientById.get(task.clientId) ?? null)
      const discussed = discussedByWealthManager(client, date, null)
      const outcomeOf = () => dice.weightedByShare(WEALTH_OUTCOME_WEIGHTS)
      if (discussed.length > 0) converse({ at: task.at, date, staffId: task.staffId, client, visitId: task.visitId, anchorCode: null, discussed, outcomeOf, referral: null })
    } else if (task.kind === 'walk_in') {
      const client = task.clientId === null ? null : (clientById.get(task.clientId) ?? null)
      const anchorCode = client ? dice.weightedByShare(ANCHORS_FOR_CLIENT) : dice.weightedByShare(ANCHORS_FOR_ANONYMOUS)
      const discussed = discussedAtCounter(anchorCode, client, date, null)
      const applied = anchorCode !== null && dice.chance(LOAN_APPLIED_SHARE[paceOf(staffById.get(task.staffId)!)]) && canHold(product(anchorCode), client && proposalClient(client, date), date)
      if (applied) discussed.unshift({ product: product(anchorCode), reason: 'manual', ruleVersion: null })
      const counter = counterOutcome(task.staffId, client)
      const outcomeOf = (p: Product) => (applied && p.code === anchorCode ? 'accepted' : counter(p))
      if (discussed.length > 0) converse({ at: task.at, date, staffId: task.staffId, client, visitId: task.visitId, anchorCode, discussed, outcomeOf, referral: null })
    } else if (task.kind === 'follow_up') {
      const original = task.offer
      const client = original.clientId === null ? null : (clientById.get(original.clientId) ?? null)
      const p = product(original.productCode)
      const referral = original.referralId === null ? null : (referralById.get(original.referralId) ?? null)
      const discussed = [{ product: p, reason: original.reason, ruleVersion: original.ruleVersion }]
      const outcomeOf = () => dice.weightedByShare(FOLLOW_UP_OUTCOME_WEIGHTS)
      const [followUp] = converse({ at: task.at, date, staffId: original.followUpStaffId!, client, visitId: null, anchorCode: original.anchorCode, discussed, outcomeOf, referral })
      original.followUpClosedAt = task.at
      original.followUpOfferId = followUp!.id
    } else if (task.kind === 'not_reached') {
      closeReferral(task.referral, task.at, task.receiverId, 'not_reached', null)
    } else {
      const { referral, receiverId } = task
      const client = referral.clientId === null ? null : (clientById.get(referral.clientId) ?? null)
      let offers: Offer[]
      if (referral.target === 'wealth_manager') {
        const discussed = discussedByWealthManager(client, date, referral.productCode)
        const outcomeOf = () => dice.weightedByShare(WEALTH_OUTCOME_WEIGHTS)
        offers = converse({ at: task.at, date, staffId: receiverId, client, visitId: null, anchorCode: null, discussed, outcomeOf, referral })
      } else {
        const wanted = referral.productCode
        const anchorCode = wanted !== null && product(wanted).category === 'loan' ? wanted : null
        const discussed = discussedAtCounter(anchorCode, client, date, wanted)
        const talk = { at: task.at, date, staffId: receiverId, client, visitId: null, anchorCode, discussed, outcomeOf: counterOutcome(receiverId, client), referral }
        offers = discussed.length > 0 ? converse(talk) : []
      }
      const outcome = offers.some((o) => o.outcome === 'accepted') ? 'sold' : offers.some((o) => o.outcome === 'interested') ? 'interested' : 'declined'
      closeReferral(referral, task.at, receiverId, outcome, offers[0]?.groupId ?? null)
    }
  }

  /** The tellers' and lobby managers' referrals of the day: on the lobby's days, from a client they served. */
  const tellerReferrals = (date: BusinessDate) => {
    const lastMinute = date === today ? Math.min(LAST_MINUTE, (nowMs - atMinute(date, 0)) / MINUTE) : LAST_MINUTE
    if (lastMinute < FIRST_MINUTE) return
    const count = dice.int(...TELLER_REFERRALS_PER_DAY)
    for (let i = 0; i < count; i++) {
      const referrer = dice.pick(referrers)
      const [note, productCode, target] = dice.pick(TELLER_REFERRALS)
      const served = (servicesOf.get(`${date}|${referrer.id}`) ?? []).filter((s) => s.clientId !== null)
      const visit = served.length > 0 ? dice.pick(served) : null
      const at = visit ? Math.min(visit.at + MINUTE, nowMs) : atMinute(date, dice.between(FIRST_MINUTE, lastMinute))
      const clientId = visit ? visit.clientId : dice.pick(adults).id
      const toStaff = target === 'wealth_manager' ? (dice.chance(0.5) ? dice.pick(wealthManagers) : null) : dice.chance(0.3) ? dice.pick(counterSellers) : null
      const referral = newReferral({ clientId, visitId: visit?.visitId ?? null, referrerId: referrer.id, target, toStaffId: toStaff?.id ?? null, productCode, note, at, businessDate: date })
      planAnswer(referral, toStaff?.id ?? dice.pick(target === 'wealth_manager' ? wealthManagers : counterSellers).id)
    }
  }

  for (const date of days) {
    tellerReferrals(date)
    const tasks = [...(agenda.get(date) ?? []), ...walkIns(date)].sort((a, b) => a.at - b.at)
    agenda.delete(date)
    // Tasks set going today (a referral answered within the hour) join the day's queue in order.
    while (tasks.length > 0) {
      const task = tasks.shift()!
      if (date === today && task.at > nowMs) continue
      run(task, date)
      const added = agenda.get(date)
      if (added) {
        agenda.delete(date)
        for (const t of added) tasks.splice(sortedIndex(tasks, t.at), 0, t)
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The region, the closures and the adjustments.
  const homeTotals = pointTotalsFrom(out.pointEntries)
  const regionTotals = pointTotalsFrom(regionLedger({ input, dice: regionDice, ids, quarters, calendar, homeTotals, atMinute, ledgerRecord }))
  out.outletStandings.push(...publishedByOutlets({ input, dice: regionDice, quarters, calendar, atMinute }, regionTotals))
  closeQuarters({ input, dice, ids, quarters, calendar, out, branchHead, atMinute, ledgerRecord })
  return out
}

function sortedIndex(tasks: readonly { at: number }[], at: number): number {
  let low = 0
  let high = tasks.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (tasks[mid]!.at <= at) low = mid + 1
    else high = mid
  }
  return low
}

// ---------------------------------------------------------------------------------------------
// The region

type LedgerRecord = (entry: LedgerEntry, at: number, byStaffId: string | null, productCode: string | null) => PointEntry

interface LedgerContext {
  input: CounterHistoryInput
  dice: Dice
  ids: Dice
  quarters: readonly [QuarterKey, QuarterKey, QuarterKey]
  calendar: Calendar
  atMinute: (date: BusinessDate, minute: number) => number
  ledgerRecord: LedgerRecord
}

/**
 * What the other outlets' ledgers hold (in their own databases): each seller's points for the quarter (their "form" carried from quarter
 * to quarter), a few referred sales crediting the outlet's tellers and lobby managers, and the rest
 * summarised monthly. Sales of a closed quarter are confirmed within it, so its final points are
 * exactly the drawn totals; the current quarter's are drawn for the part already gone, the last
 * month's still pending.
 */
function regionLedger(ctx: LedgerContext & { homeTotals: ReturnType<typeof pointTotalsFrom> }): PointEntry[] {
  const { input, dice, ids, quarters, calendar, atMinute, ledgerRecord } = ctx
  const { today, nowMs } = input
  const people = input.staff.filter((s) => s.branchId !== null && s.branchId !== input.branchId && s.active === 1 && s.roles.some((r) => (RANKED_ROLES as readonly Role[]).includes(r)))
  const roleOf = (s: Person): EarningRole | null => EARNING_ROLES.find((r) => s.roles.includes(r)) ?? null
  const earners = people.filter((s) => roleOf(s) !== null)
  const form = new Map(earners.map((s) => [s.id, dice.fraction()]))
  const strugglers = new Set(EARNING_ROLES.flatMap((role) => dice.shuffled(earners.filter((s) => roleOf(s) === role)).slice(0, STRUGGLERS_PER_ROLE).map((s) => s.id)))
  const ledger: PointEntry[] = []

  const homeLowCounter = new Set(ctx.input.staff.filter((s) => s.branchId === input.branchId && s.roles.includes('low_counter')).map((s) => s.id))
  const bestHome = (quarter: QuarterKey) => Math.max(0, ...ctx.homeTotals.filter((t) => t.quarter === quarter && homeLowCounter.has(t.staffId)).map((t) => t.final))
  /** The closed quarter the best home low-counter seller did best in: only two of the region beat them there. */
  const starQuarter = quarters[0] === quarters[1] ? null : bestHome(quarters[1]) >= bestHome(quarters[0]) ? quarters[1] : quarters[0]

  const happened = (date: BusinessDate, at: number) => date < today || (date === today && at <= nowMs)
  const timeOn = (date: BusinessDate) => {
    const lastMinute = date === today ? Math.min(LAST_MINUTE, (nowMs - atMinute(date, 0)) / MINUTE) : LAST_MINUTE
    return lastMinute < FIRST_MINUTE ? null : atMinute(date, dice.between(FIRST_MINUTE, lastMinute))
  }

  /** One sale: provisional at once, confirmed within days (never past the quarter's end), or still pending. */
  const sell = (sale: Omit<Sale, 'saleId'> & { productCode: string | null; at: number }, lastDay: BusinessDate) => {
    const { sellerId, productCode, businessDate: date, at } = sale
    const entries = saleEntries({ ...sale, saleId: ids.uuid() }, DEFAULT_COUNTER_RULES.referralSharePercent)
    ledger.push(...entries.map((e) => ledgerRecord(e, at, sellerId, productCode)))
    let confirmOn = calendar.addBusinessDays(date, dice.int(1, 5))
    if (confirmOn > lastDay) confirmOn = date
    const confirmAt = confirmOn === date ? at + 5 * MINUTE : atMinute(confirmOn, dice.between(9 * 60 + 30, 16 * 60 + 30))
    if (happened(confirmOn, confirmAt)) ledger.push(...confirmEntries(entries, entries[0]!.saleId!, confirmOn).map((e) => ledgerRecord(e, confirmAt, sellerId, productCode)))
  }

  for (const quarter of quarters) {
    const closed = quarter !== quarters[2]
    const lastDay = closed ? quarterEnd(quarter) : today
    const quarterDays = calendar.businessDaysBetween(quarterStart(quarter), lastDay)
    if (quarterDays.length === 0) continue
    const share = closed ? 1 : quarterDays.length / calendar.businessDaysBetween(quarterStart(quarter), quarterEnd(quarter)).length

    // Points each earner ends the quarter with.
    const targets = new Map<string, number>()
    for (const person of earners) {
      const role = roleOf(person)!
      const [min, max] = REGION_POINTS[role]
      const place = (form.get(person.id)! * 0.85 + dice.between(0, 0.15)) ** REGION_SKEW
      const points = strugglers.has(person.id) ? min * dice.between(...STRUGGLER_SHARE) : min + (max - min) * place
      targets.set(person.id, Math.round(points * share))
    }
    if (closed) {
      for (const role of ['customer_manager', 'low_counter'] as const) {
        const planted = dice.shuffled(earners.filter((s) => roleOf(s) === role && !strugglers.has(s.id))).slice(0, BAND_EDGE_POINTS.length)
        planted.forEach((s, i) => targets.set(s.id, BAND_EDGE_POINTS[i]!))
      }
    }
    if (quarter === starQuarter) {
      // Only two stay ahead of the best home seller; the others fall in evenly below.
      const star = bestHome(quarter)
      const ahead = earners.filter((s) => roleOf(s) === 'low_counter' && targets.get(s.id)! >= star).sort((a, b) => targets.get(b.id)! - targets.get(a.id)!)
      const behind = ahead.slice(2)
      behind.forEach((s, i) => targets.set(s.id, Math.floor(star * (0.98 - (0.25 * (i + dice.fraction())) / behind.length))))
    }

    // Referred sales at each outlet: the referrer's share, the rest counted in the seller's total.
    const sellersAt = new Map<string, Person[]>()
    for (const s of earners) if (roleOf(s) !== 'wealth_manager' && !strugglers.has(s.id)) sellersAt.set(s.branchId!, [...(sellersAt.get(s.branchId!) ?? []), s])
    const referable = input.products.filter((p) => p.points >= 5)
    for (const referrer of people.filter((s) => s.roles.some((r) => REFERRING_ROLES.includes(r)))) {
      const colleagues = sellersAt.get(referrer.branchId!) ?? []
      if (colleagues.length === 0) continue
      const count = dice.int(...REGION_REFERRALS_PER_QUARTER)
      for (let i = 0; i < count; i++) {
        const seller = dice.pick(colleagues)
        const p = dice.pick(referable)
        const date = dice.pick(quarterDays)
        const at = timeOn(date)
        if (at === null) continue
        sell({ sellerId: seller.id, referrerId: referrer.id, points: p.points, productCode: p.code, businessDate: date, at }, lastDay)
        targets.set(seller.id, targets.get(seller.id)! - splitReferral(p.points, DEFAULT_COUNTER_RULES.referralSharePercent, true).seller)
      }
    }

    // The rest of each earner's points, one summarised sale a month.
    const months: BusinessDate[][] = []
    quarterDays.forEach((day, i) => {
      const block = Math.floor(i / SUMMARY_BUSINESS_DAYS)
      months[block] = [...(months[block] ?? []), day]
    })
    for (const person of earners) {
      // Each month's part of the total, rounded so that the parts add up to it exactly.
      const weights = months.map(() => dice.between(0.6, 1.4))
      const sum = weights.reduce((a, b) => a + b, 0)
      const total = targets.get(person.id)!
      let before = 0
      months.forEach((blockDays, i) => {
        const upTo = Math.round((total * weights.slice(0, i + 1).reduce((a, b) => a + b, 0)) / sum)
        const points = upTo - before
        before = upTo
        const date = dice.pick(blockDays)
        const at = timeOn(date)
        if (at !== null && points > 0) sell({ sellerId: person.id, referrerId: null, points, productCode: null, businessDate: date, at }, lastDay)
      })
    }
  }
  return ledger
}

/** The day an outlet closes a quarter: a few working days after its end (the National Day and New Year holidays come first). */
function closingDay(quarter: QuarterKey, dice: Dice, calendar: Calendar): BusinessDate {
  let closeOn = quarterEnd(quarter)
  for (let workingDays = dice.int(2, 4); workingDays > 0; ) {
    closeOn = calendar.plusDays(closeOn, 1)
    if (isWorkingDay(closeOn)) workingDays--
  }
  return closeOn
}

/**
 * The other outlets' quarters as each published them to the region: its people's totals, closed
 * with them once the outlet closed the quarter (if that has come).
 */
function publishedByOutlets(ctx: Pick<LedgerContext, 'input' | 'dice' | 'quarters' | 'calendar' | 'atMinute'>, totals: readonly PersonQuarterTotals[]): OutletQuarter[] {
  const { input, dice, quarters, calendar, atMinute } = ctx
  const outlets = [...new Set(input.staff.flatMap((s) => (s.branchId !== null && s.branchId !== input.branchId ? [s.branchId] : [])))]
  return quarters.flatMap((quarter) => {
    const rows = quarterRows(totals, quarter)
    return outlets.map((branchId): OutletQuarter => {
      const closedAt = quarter === quarters[2] ? null : atMinute(closingDay(quarter, dice, calendar), 16 * 60 + dice.int(0, 60))
      return {
        id: outletStandingsId(branchId, quarter),
        demo: DEMO,
        branchId,
        quarter,
        closedAt: closedAt !== null && closedAt <= input.nowMs ? closedAt : null,
        people: publishedStandings(branchId, input.staff, rows),
      }
    })
  })
}

// ---------------------------------------------------------------------------------------------
// Closing the quarters

/**
 * The two quarters before today's, verified and closed by the branch head a few business days after
 * they ended (if that has come), each keeping the region's standings as they stood (the home outlet
 * from its ledger, the others as they published), with the bottom five of the quarter before carried
 * for the 退出机制 warning; after each close, a correction for it as an adjustment in the quarter after.
 */
function closeQuarters(ctx: LedgerContext & { out: CounterHistory; branchHead: Person }): void {
  const { input, dice, ids, quarters, calendar, out, branchHead, atMinute, ledgerRecord } = ctx
  const sellers = input.staff.filter((s) => s.branchId === input.branchId && s.active === 1 && (s.roles.includes('low_counter') || s.roles.includes('customer_manager')))
  let previous: QuarterClosure | null = null
  let adjustment = 0
  const adjust = (date: BusinessDate, at: number) => {
    const [points, productCode, reason] = ADJUSTMENTS[adjustment]!
    const staffId = sellers[adjustment % sellers.length]!.id
    adjustment++
    out.pointEntries.push(ledgerRecord({ staffId, kind: 'adjustment', points, businessDate: date, saleId: null, share: null, reason }, at, branchHead.id, productCode))
  }

  for (const quarter of quarters.slice(0, 2)) {
    const closeOn = closingDay(quarter, dice, calendar)
    const verifiedAt = atMinute(closeOn, 10 * 60 + dice.int(0, 60))
    const closedAt = atMinute(closeOn, 16 * 60 + dice.int(0, 40))
    if (closedAt > input.nowMs) return
    const atClose = out.pointEntries.filter((e) => e.at <= closedAt)
    const home = { branchId: input.branchId, staff: input.staff, totals: quarterRows(pointTotalsFrom(atClose), quarter) }
    const rankings = quarterStandings({
      ...regionEntrants(home, out.outletStandings.filter((o) => o.quarter === quarter)),
      previousBottomFive: previous ? bottomFiveByRole(previous.standings) : new Map(),
      rules: DEFAULT_COUNTER_RULES,
    })
    previous = { id: ids.uuid(), demo: DEMO, branchId: input.branchId, quarter, verifiedAt, verifiedBy: branchHead.id, closedAt, closedBy: branchHead.id, standings: closedStandings(rankings) }
    out.quarterClosures.push(previous)

    // Corrections for the quarter just closed, in the quarter after (one, or two in the open quarter).
    const corrections = quarter === quarters[1] ? 2 : 1
    for (let i = 0; i < corrections && adjustment < ADJUSTMENTS.length; i++) {
      const on = calendar.addBusinessDays(closeOn, dice.int(2, 12) + i * 3)
      const at = atMinute(on, dice.between(FIRST_MINUTE, LAST_MINUTE))
      if (at <= input.nowMs && quarterOf(on) !== quarter) adjust(on, at)
    }
  }
}
