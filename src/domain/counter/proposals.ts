/**
 * What to propose at the low counter: the bundle of the anchor product (the seed's bundles) first,
 * then the segment recommendations (mid/high-end: notice deposits, wealth products, credit cards;
 * mass: passbook, debit card, agency business — SEGMENT_RECOMMENDATIONS), each once, in rule order.
 * Left out: the anchor itself, what the client already holds, products unknown to the catalogue,
 * deleted or not active on the day, and products the client is not eligible for (segment, age on
 * the day). An anonymous client gets the bundle only, unfiltered by segment or age; a client with no
 * birthday on file is not filtered by age (the counter checks the ID). Suitability is not a filter:
 * it is judged when a product is marked accepted (suitability.ts).
 */
import { SEGMENT_RECOMMENDATIONS } from '../catalogue/defaults'
import type { BundleRule, Product, Segment } from '../model/records'
import { ageOn, type BusinessDate } from '../time'

export type ProposalReason = 'bundle' | 'segment'

export interface Proposal {
  productCode: string
  /** The one-line reason: bundled with the anchor, or recommended for the segment. */
  reason: ProposalReason
  /** The anchor of a bundle proposal (its rule's reason text says why), else null. */
  anchorCode: string | null
  /** The bundle rule's version it came from, else null. */
  ruleVersion: number | null
  segment: Segment | null
}

export type CatalogueProduct = Pick<Product, 'code' | 'eligibleSegments' | 'minAge' | 'maxAge' | 'activeFrom' | 'activeTo' | 'deleted'>
export type ProposalBundleRule = Pick<BundleRule, 'anchorCode' | 'bundleCodes' | 'version' | 'active' | 'deleted'>

export interface ProposalClient {
  segment: Segment
  birthday: BusinessDate | null
  /** Product codes the client already holds. */
  heldCodes: readonly string[]
}

export interface ProposalInput {
  anchorCode: string | null
  bundleRules: readonly ProposalBundleRule[]
  catalogue: readonly CatalogueProduct[]
  /** Null for an anonymous client. */
  client: ProposalClient | null
  today: BusinessDate
  segmentRecommendations?: Readonly<Record<Segment, readonly string[]>>
}

export function isActiveOn(product: Pick<Product, 'activeFrom' | 'activeTo' | 'deleted'>, day: BusinessDate): boolean {
  return !product.deleted && product.activeFrom <= day && (product.activeTo === null || day <= product.activeTo)
}

export function isEligible(product: CatalogueProduct, client: ProposalClient, day: BusinessDate): boolean {
  if (!product.eligibleSegments.includes(client.segment)) return false
  if (client.birthday === null) return true
  const age = ageOn(client.birthday, day)
  return (product.minAge === null || age >= product.minAge) && (product.maxAge === null || age <= product.maxAge)
}

/** The anchor's live bundle rule: the highest version among the active, undeleted ones. */
export function bundleRuleFor(anchorCode: string, rules: readonly ProposalBundleRule[]): ProposalBundleRule | null {
  return rules.filter((r) => r.anchorCode === anchorCode && r.active && !r.deleted).reduce<ProposalBundleRule | null>((best, r) => (best === null || r.version > best.version ? r : best), null)
}

export function proposeProducts(input: ProposalInput): Proposal[] {
  const { anchorCode, client, today } = input
  const byCode = new Map(input.catalogue.filter((p) => isActiveOn(p, today)).map((p) => [p.code, p]))
  const held = new Set(client?.heldCodes ?? [])
  const proposals: Proposal[] = []
  const seen = new Set<string>(anchorCode === null ? [] : [anchorCode])

  const consider = (code: string, proposal: Omit<Proposal, 'productCode'>) => {
    if (seen.has(code) || held.has(code)) return
    const product = byCode.get(code)
    if (product === undefined || (client !== null && !isEligible(product, client, today))) return
    seen.add(code)
    proposals.push({ productCode: code, ...proposal })
  }

  const rule = anchorCode === null ? null : bundleRuleFor(anchorCode, input.bundleRules)
  for (const code of rule?.bundleCodes ?? []) consider(code, { reason: 'bundle', anchorCode, ruleVersion: rule?.version ?? null, segment: null })

  if (client !== null) {
    const recommendations = input.segmentRecommendations ?? SEGMENT_RECOMMENDATIONS
    for (const code of recommendations[client.segment]) consider(code, { reason: 'segment', anchorCode: null, ruleVersion: null, segment: client.segment })
  }
  return proposals
}
