import { computed } from 'vue'
import { defineStore } from 'pinia'
import { cancelSale as writeCancel, confirmSale as writeConfirm, offersBetween } from '@/db/repositories/counter/offers'
import { openReferrals, referralsBetween } from '@/db/repositories/counter/referrals'
import { CounterRefusedError, personLedger, saleLedger } from '@/db/repositories/counter/ledger'
import { addAdjustment, closeQuarter, personQuarter as readPersonQuarter, quarterClosures, standingsFor, verifyQuarter, type PersonQuarter, type QuarterStandings, type Verification } from '@/db/repositories/counter/points'
import { pendingSaleLines, settledSaleLines, type SaleLine } from '@/db/repositories/counter/pointQueries'
import { listProducts } from '@/db/repositories/counter/catalogue'
import { loadCounterRules } from '@/db/repositories/counter/rules'
import { listBranchStaff, staffByIds } from '@/db/repositories/staff'
import { listRegionBranches } from '@/db/repositories/branches'
import { fullName } from '@/domain/clients/names'
import { counterFigures, funnel, ratio, type CounterFigures, type Period } from '@/domain/counter/figures'
import { cancelEntries, type SaleShare } from '@/domain/counter/ledger'
import type { BandStanding } from '@/domain/counter/payBands'
import type { CounterRules } from '@/domain/counter/rules'
import { RANKED_ROLES } from '@/domain/counter/standings'
import type { Offer, PointEntry, Product, QuarterClosure, Staff } from '@/domain/model/records'
import { weekOf, type BusinessDate } from '@/domain/time'
import { useTerminalStore } from './terminal'
import { useSessionStore } from './session'
import { quarterOf, type QuarterKey } from '@/domain/quarters'

export { CounterRefusedError }
export type { CounterFigures, PersonQuarter, QuarterStandings, SaleLine, Verification }

/** What cancelling a sale would do to its points: clawed back within the window, kept after it. */
export interface CancelPreview {
  clawback: boolean
  soldOn: BusinessDate
  clawbackDays: number
  /** The points each person holds from the sale (seller, and referrer if any). */
  shares: { staffId: string; share: SaleShare | null; points: number }[]
}

/** A home-outlet seller's points and pay band this quarter (the dashboard's band tile). */
export interface SellerBand {
  staffId: string
  name: string
  finalPoints: number
  standing: BandStanding | null
  band: string
}

/** Roles that sell at the low counter (the band tile's people). */
const SELLER_ROLES: readonly string[] = ['low_counter', 'customer_manager']

/** The counter's sales to confirm, points and pay bands, rankings, the quarter's close, the figures and the dashboard tiles. */
export const useCounterPointsStore = defineStore('counterPoints', () => {
  const terminal = useTerminalStore()
  const session = useSessionStore()
  const branchId = computed(() => terminal.state.branchId ?? '')
  const me = computed(() => session.staff?.id ?? '')
  /** The branch head sees every seller's sales, adjusts points, closes quarters and sees the bottom five. */
  const seesBranch = computed(() => session.roles.includes('branch_head'))
  const currentQuarter = computed<QuarterKey>(() => quarterOf(terminal.today))

  /** The counter rules now in force. */
  function rules(): Promise<CounterRules> {
    return loadCounterRules()
  }

  /** Every product by code, retired ones too (old sales name them). */
  async function products(): Promise<Map<string, Product>> {
    return new Map((await listProducts()).map((p) => [p.code, p]))
  }

  /** Full names of people by id, from any outlet (sellers, referrers, who verified or closed). */
  async function names(ids: readonly string[]): Promise<Map<string, string>> {
    return new Map([...(await staffByIds(ids))].map(([id, s]) => [id, fullName(s)]))
  }

  /** The home outlet's active people who earn product points, by staff number (the branch head's picker). */
  async function pointEarners(): Promise<Staff[]> {
    return (await listBranchStaff(branchId.value)).filter((s) => s.active === 1 && s.roles.some((r) => (RANKED_ROLES as readonly string[]).includes(r)))
  }

  /** Sales waiting to be opened/activated, oldest first: the signed-in seller's, or the whole branch's for the branch head. */
  function pendingSales(): Promise<SaleLine[]> {
    return pendingSaleLines(branchId.value, seesBranch.value ? null : me.value)
  }

  /** Sales confirmed or cancelled this week (from Monday), latest first, so a mistaken tap shows. */
  function settledThisWeek(): Promise<SaleLine[]> {
    return settledSaleLines(branchId.value, seesBranch.value ? null : me.value, weekOf(terminal.today).start)
  }

  /** The product was opened/activated today: the sale's points become final. */
  function confirmSale(offerId: string): Promise<Offer> {
    return writeConfirm(offerId, terminal.today, me.value)
  }

  /** What cancelling the sale today would do to its points, by the same rule the cancellation applies. */
  async function cancelPreview(offer: Offer): Promise<CancelPreview> {
    const [entries, counterRules] = await Promise.all([saleLedger(offer.id), rules()])
    const outcome = cancelEntries(entries, offer.id, terminal.today, counterRules.clawbackDays)
    const shares = entries.filter((e) => e.kind === 'provisional').map((e) => ({ staffId: e.staffId, share: e.share, points: e.points }))
    return { clawback: outcome.reversed, soldOn: offer.businessDate, clawbackDays: counterRules.clawbackDays, shares }
  }

  /** The client cancelled the sale today: clawed back within the window, kept after it; returns whether it was clawed back. */
  async function cancelSale(offerId: string): Promise<boolean> {
    return (await writeCancel(offerId, terminal.today, me.value)).reversed
  }

  /** A person's points in a quarter and their pay band. */
  function personQuarter(staffId: string, quarter: QuarterKey): Promise<PersonQuarter> {
    return readPersonQuarter(staffId, quarter)
  }

  /** A person's ledger lines in a quarter, newest first. */
  function ledger(staffId: string, quarter: QuarterKey): Promise<PointEntry[]> {
    return personLedger(staffId, quarter)
  }

  /** A signed correction with its reason, counted today (in the current quarter), by the branch head. */
  function adjust(staffId: string, points: number, reason: string): Promise<PointEntry> {
    return addAdjustment({ branchId: branchId.value, staffId, points, reason, today: terminal.today, byStaffId: me.value })
  }

  /** Recomputes a past quarter's totals from the ledger and records the verification; returns what it corrected. */
  function verify(quarter: QuarterKey): Promise<Verification> {
    return verifyQuarter(branchId.value, quarter, terminal.today, me.value)
  }

  /** Closes a verified past quarter with its standings kept as they are. */
  function close(quarter: QuarterKey): Promise<QuarterClosure> {
    return closeQuarter(branchId.value, quarter, terminal.today, me.value)
  }

  /** The home outlet's verified or closed quarters, newest first. */
  function closures(): Promise<QuarterClosure[]> {
    return quarterClosures(branchId.value)
  }

  /** A quarter's rankings by role across the region (as kept when closed). */
  function standings(quarter: QuarterKey): Promise<QuarterStandings> {
    return standingsFor(branchId.value, quarter)
  }

  /** The region's outlets by id with their names. */
  async function outletNames(): Promise<Map<string, string>> {
    const region = terminal.branch?.regionCode
    return new Map((region ? await listRegionBranches(region) : []).map((b) => [b.id, b.name]))
  }

  /** The branch's figures over a period, from the offers and referrals made in it. */
  async function figures(period: Period): Promise<CounterFigures> {
    const [offers, referrals] = await Promise.all([offersBetween(branchId.value, period.from, period.to), referralsBetween(branchId.value, period.from, period.to)])
    return counterFigures(offers, referrals)
  }

  /** Products offered and accepted today at the branch, with the acceptance rate. */
  async function offersToday(): Promise<{ offered: number; accepted: number; rate: number | null }> {
    const { offered, accepted } = funnel(await offersBetween(branchId.value, terminal.today, terminal.today))
    return { offered, accepted, rate: ratio(accepted, offered) }
  }

  /** Referrals still waiting to be taken at the branch, and when the oldest was made. */
  async function referralsWaiting(): Promise<{ count: number; oldestAt: number | null }> {
    const open = await openReferrals(branchId.value)
    return { count: open.length, oldestAt: open[0]?.at ?? null }
  }

  /** Each home-outlet seller's final points and pay band this quarter, most points first. */
  async function sellerBands(): Promise<SellerBand[]> {
    const { rankings } = await standingsFor(branchId.value, currentQuarter.value)
    const seen = new Set<string>()
    return rankings
      .filter((r) => SELLER_ROLES.includes(r.role))
      .flatMap((r) => r.standings)
      .filter((s) => s.branchId === branchId.value && !seen.has(s.staffId) && seen.add(s.staffId))
      .sort((a, b) => b.finalPoints - a.finalPoints || a.staffNo.localeCompare(b.staffNo))
      .map((s) => ({ staffId: s.staffId, name: s.name, finalPoints: s.finalPoints, standing: s.standing, band: s.band }))
  }

  return {
    me, seesBranch, currentQuarter, rules, products, names, pointEarners, pendingSales, settledThisWeek, confirmSale, cancelPreview, cancelSale,
    personQuarter, ledger, adjust, verify, close, closures, standings, outletNames, figures, offersToday, referralsWaiting, sellerBands,
  }
})
