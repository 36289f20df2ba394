/**
 * The offer panel's form as the person fills it in: one line per product on the table, each left
 * unmarked until an outcome is tapped. Only marked lines are saved (an unmarked proposal was not
 * offered). Choosing another anchor re-proposes: lines already marked, added by hand or brought by a
 * follow-up or referral (pinned) stay; unmarked proposals of the old anchor go.
 */
import type { Offer, OfferOutcome, OfferReason, Product, ReferralTarget } from '../model/records'
import type { BusinessDate } from '../time'
import { daysBetween } from '../time'
import type { OfferLine } from './offers'
import { bundleRuleFor, isActiveOn, type Proposal, type ProposalBundleRule } from './proposals'

export interface DraftLine {
  productCode: string
  reason: OfferReason
  ruleVersion: number | null
  /** Null until the person marks it: unmarked lines are not saved. */
  outcome: OfferOutcome | null
  declineReason: string | null
  followUpOn: BusinessDate | null
  followUpStaffId: string | null
  referTarget: ReferralTarget | null
  referToStaffId: string | null
  referNote: string
  recordingRef: string
  riskDisclosureAcknowledged: boolean
}

export interface OfferForm {
  anchorCode: string | null
  lines: DraftLine[]
}

export function blankOfferForm(): OfferForm {
  return { anchorCode: null, lines: [] }
}

export function draftLine(productCode: string, reason: OfferReason, ruleVersion: number | null = null): DraftLine {
  return { productCode, reason, ruleVersion, outcome: null, declineReason: null, followUpOn: null, followUpStaffId: null, referTarget: null, referToStaffId: null, referNote: '', recordingRef: '', riskDisclosureAcknowledged: false }
}

/**
 * The lines after (re-)proposing: the pinned ones (the product a follow-up or referral brings) first,
 * then what the person has worked on that is no longer proposed, then the proposals in their order
 * (each keeping what was marked on it).
 */
export function linesWithProposals(lines: readonly DraftLine[], proposals: readonly Proposal[], pinned: readonly DraftLine[] = []): DraftLine[] {
  const byCode = new Map(lines.map((l) => [l.productCode, l]))
  const pinnedCodes = new Set(pinned.map((l) => l.productCode))
  const proposed = new Set(proposals.map((p) => p.productCode))
  const worked = lines.filter((l) => !pinnedCodes.has(l.productCode) && !proposed.has(l.productCode) && (l.outcome !== null || l.reason === 'manual'))
  const fresh = proposals.filter((p) => !pinnedCodes.has(p.productCode)).map((p) => byCode.get(p.productCode) ?? draftLine(p.productCode, p.reason, p.ruleVersion))
  return [...pinned.map((l) => byCode.get(l.productCode) ?? l), ...worked, ...fresh]
}

/** What marking a line with an outcome fills in: a follow-up's default day and owner; tapping the chosen outcome again unmarks it. */
export function withOutcome(line: DraftLine, outcome: OfferOutcome, defaults: { followUpOn: BusinessDate; followUpStaffId: string }): DraftLine {
  if (line.outcome === outcome) return { ...line, outcome: null }
  if (outcome !== 'interested') return { ...line, outcome }
  return { ...line, outcome, followUpOn: line.followUpOn ?? defaults.followUpOn, followUpStaffId: line.followUpStaffId ?? defaults.followUpStaffId }
}

/** A marked line as the conversation saves it (only the fields of its outcome count). */
export function offerLineOf(line: DraftLine & { outcome: OfferOutcome }): OfferLine {
  return {
    productCode: line.productCode,
    reason: line.reason,
    ruleVersion: line.ruleVersion,
    outcome: line.outcome,
    declineReason: line.declineReason,
    followUpOn: line.followUpOn,
    followUpStaffId: line.followUpStaffId,
    referral: line.referTarget === null ? null : { target: line.referTarget, toStaffId: line.referToStaffId, note: line.referNote.trim() },
    recordingRef: line.recordingRef.trim() === '' ? null : line.recordingRef.trim(),
    riskDisclosureAcknowledged: line.riskDisclosureAcknowledged,
  }
}

/** The lines the save records: the marked ones, in order. */
export function markedLines(lines: readonly DraftLine[]): OfferLine[] {
  return lines.filter((l): l is DraftLine & { outcome: OfferOutcome } => l.outcome !== null).map(offerLineOf)
}

export type AnchorProduct = Pick<Product, 'code' | 'category' | 'activeFrom' | 'activeTo' | 'deleted'>

/**
 * The anchor choices on sale on the day, split for the chips: loans and products with a live bundle
 * rule first (what the counter usually starts from), every other product after, catalogue order kept.
 */
export function anchorChoices<P extends AnchorProduct>(products: readonly P[], bundleRules: readonly ProposalBundleRule[], today: BusinessDate): { first: P[]; others: P[] } {
  const onSale = products.filter((p) => isActiveOn(p, today))
  const leads = (p: P) => p.category === 'loan' || bundleRuleFor(p.code, bundleRules) !== null
  return { first: onSale.filter(leads), others: onSale.filter((p) => !leads(p)) }
}

/** How long something has waited, in the largest whole unit that fits: 等了 5 分 / 2 小时 / 3 天. */
export function waitedFor(sinceMs: number, nowMs: number): { unit: 'minutes' | 'hours' | 'days'; n: number } {
  const minutes = Math.max(0, Math.floor((nowMs - sinceMs) / 60_000))
  if (minutes < 60) return { unit: 'minutes', n: minutes }
  if (minutes < 24 * 60) return { unit: 'hours', n: Math.floor(minutes / 60) }
  return { unit: 'days', n: Math.floor(minutes / (24 * 60)) }
}

/** Days a follow-up is past its day (0 when due today or later). */
export function daysOverdue(followUpOn: BusinessDate, today: BusinessDate): number {
  return Math.max(0, daysBetween(followUpOn, today))
}

export type ClientOfferRow = Pick<Offer, 'outcome' | 'followUpOn' | 'followUpClosedAt' | 'saleStatus'>

/** What the greeting card shows of a client's offers: the follow-ups still open (soonest first) and the sales waiting to be opened. */
export function pendingForClient<O extends ClientOfferRow>(offers: readonly O[]): { followUps: O[]; pendingSales: O[] } {
  const followUps = offers.filter((o) => o.outcome === 'interested' && o.followUpOn !== null && o.followUpClosedAt === null).sort((a, b) => (a.followUpOn ?? '').localeCompare(b.followUpOn ?? ''))
  return { followUps, pendingSales: offers.filter((o) => o.saleStatus === 'pending') }
}

/** The toast after a save: how many products were accepted and the points the seller earned by them. */
export function savedSummary(offers: readonly Pick<Offer, 'outcome'>[], points: readonly { staffId: string; points: number }[], sellerId: string): { accepted: number; points: number } {
  return { accepted: offers.filter((o) => o.outcome === 'accepted').length, points: points.filter((p) => p.staffId === sellerId).reduce((sum, p) => sum + p.points, 0) }
}
