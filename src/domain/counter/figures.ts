/**
 * The low counter's figures for a period (issue 6, "Figures"), computed from the offers and
 * referrals made in it:
 *
 * - every offer record is one product offered; a follow-up conversation records new offers of its
 *   own, so a product followed up counts again;
 * - accepted means accepted at the counter: a sale cancelled later still counts as accepted there
 *   (the funnel's last step, fulfilled, shows what was opened/activated);
 * - the funnel: offered → interested (interested, or accepted at once) → accepted → fulfilled,
 *   each step a part of the one before;
 * - bundle depth: products accepted per conversation (offer group) with at least one acceptance,
 *   and per named client with at least one acceptance (anonymous clients have no depth);
 * - a referrer's conversion: referrals made in the period and those that ended in a sale.
 *
 * A rate is null when there is nothing to divide by. Periods are whole business days, both ends
 * included, never past today.
 */
import type { Offer, Referral } from '../model/records'
import { daysBetween, type BusinessDate } from '../time'
import { previousQuarter, quarterBounds, quarterOf } from '../quarters'

export type FigureOffer = Pick<Offer, 'staffId' | 'clientId' | 'groupId' | 'productCode' | 'anchorCode' | 'outcome' | 'saleStatus'>
export type FigureReferral = Pick<Referral, 'referrerId' | 'outcome'>

export interface Rate {
  offered: number
  accepted: number
  /** accepted / offered, null with nothing offered. */
  rate: number | null
}

export interface PersonFigures extends Rate {
  staffId: string
}

export interface KeyedRate extends Rate {
  /** A product code; for anchors null is a conversation with no anchor product. */
  code: string | null
}

export interface BundleDepth {
  /** Conversations with at least one product accepted. */
  conversations: number
  /** Named clients with at least one product accepted. */
  clients: number
  /** Products accepted in those conversations (the same products as the clients'). */
  acceptedProducts: number
  /** Products accepted by named clients. */
  clientProducts: number
  perConversation: number | null
  perClient: number | null
}

export interface Funnel {
  offered: number
  interested: number
  accepted: number
  fulfilled: number
}

export interface ReferrerFigures {
  referrerId: string
  made: number
  sold: number
  /** sold / made. */
  rate: number | null
}

export interface CounterFigures {
  byPerson: PersonFigures[]
  byProduct: KeyedRate[]
  byAnchor: KeyedRate[]
  bundleDepth: BundleDepth
  funnel: Funnel
  referrers: ReferrerFigures[]
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole
}

function rateOf(offers: readonly FigureOffer[]): Rate {
  const accepted = offers.filter((o) => o.outcome === 'accepted').length
  return { offered: offers.length, accepted, rate: ratio(accepted, offers.length) }
}

function groupBy<K, T>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  return groups
}

/** Most accepted first, then most offered, then by key, so the order never depends on the input's. */
function byAcceptance<T extends Rate>(key: (row: T) => string): (a: T, b: T) => number {
  return (a, b) => b.accepted - a.accepted || b.offered - a.offered || key(a).localeCompare(key(b))
}

export function acceptanceByPerson(offers: readonly FigureOffer[]): PersonFigures[] {
  return [...groupBy(offers, (o) => o.staffId)].map(([staffId, own]) => ({ staffId, ...rateOf(own) })).sort(byAcceptance((r) => r.staffId))
}

export function acceptanceByProduct(offers: readonly FigureOffer[]): KeyedRate[] {
  return [...groupBy(offers, (o) => o.productCode)].map(([code, own]) => ({ code, ...rateOf(own) })).sort(byAcceptance((r) => r.code ?? ''))
}

export function acceptanceByAnchor(offers: readonly FigureOffer[]): KeyedRate[] {
  return [...groupBy(offers, (o) => o.anchorCode)].map(([code, own]) => ({ code, ...rateOf(own) })).sort(byAcceptance((r) => r.code ?? ''))
}

export function bundleDepth(offers: readonly FigureOffer[]): BundleDepth {
  const accepted = offers.filter((o) => o.outcome === 'accepted')
  const conversations = groupBy(accepted, (o) => o.groupId).size
  const named = accepted.filter((o) => o.clientId !== null)
  const clients = groupBy(named, (o) => o.clientId).size
  return {
    conversations,
    clients,
    acceptedProducts: accepted.length,
    clientProducts: named.length,
    perConversation: ratio(accepted.length, conversations),
    perClient: ratio(named.length, clients),
  }
}

export function funnel(offers: readonly FigureOffer[]): Funnel {
  return {
    offered: offers.length,
    interested: offers.filter((o) => o.outcome === 'interested' || o.outcome === 'accepted').length,
    accepted: offers.filter((o) => o.outcome === 'accepted').length,
    fulfilled: offers.filter((o) => o.outcome === 'accepted' && o.saleStatus === 'fulfilled').length,
  }
}

/** Each referrer's referrals and how many ended in a sale, best conversion first. */
export function referrerConversion(referrals: readonly FigureReferral[]): ReferrerFigures[] {
  return [...groupBy(referrals, (r) => r.referrerId)]
    .map(([referrerId, own]) => {
      const sold = own.filter((r) => r.outcome === 'sold').length
      return { referrerId, made: own.length, sold, rate: ratio(sold, own.length) }
    })
    .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || b.made - a.made || a.referrerId.localeCompare(b.referrerId))
}

export function counterFigures(offers: readonly FigureOffer[], referrals: readonly FigureReferral[]): CounterFigures {
  return {
    byPerson: acceptanceByPerson(offers),
    byProduct: acceptanceByProduct(offers),
    byAnchor: acceptanceByAnchor(offers),
    bundleDepth: bundleDepth(offers),
    funnel: funnel(offers),
    referrers: referrerConversion(referrals),
  }
}

// Periods ---------------------------------------------------------------------------------------

export interface Period {
  from: BusinessDate
  to: BusinessDate
}

export const PERIOD_KEYS = ['this_quarter', 'last_quarter', 'this_month', 'custom'] as const
export type PeriodKey = (typeof PERIOD_KEYS)[number]

const capAt = (period: Period, today: BusinessDate): Period => ({ from: period.from, to: period.to > today ? today : period.to })

/** The days a named period covers on `today` (not for 'custom', which the person chooses). */
export function periodOf(key: Exclude<PeriodKey, 'custom'>, today: BusinessDate): Period {
  if (key === 'this_quarter') return capAt(quarterBounds(quarterOf(today)), today)
  if (key === 'last_quarter') return quarterBounds(previousQuarter(quarterOf(today)))
  return { from: `${today.slice(0, 7)}-01`, to: today }
}

/** The longest custom period the figures take (a year and a day, so a whole year fits). */
export const MAX_PERIOD_DAYS = 367

export type PeriodProblem = 'from_after_to' | 'in_future' | 'too_long'

/** Why a chosen period cannot be shown, or null when it can. */
export function periodProblem(period: Period, today: BusinessDate): PeriodProblem | null {
  if (period.from > period.to) return 'from_after_to'
  if (period.to > today) return 'in_future'
  if (daysBetween(period.from, period.to) + 1 > MAX_PERIOD_DAYS) return 'too_long'
  return null
}
