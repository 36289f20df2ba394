/**
 * The counter's product catalogue (产品计分表) and bundle rules as admin edits them: what a product
 * and a bundle rule must satisfy to be saved, the next version of an anchor's bundle, and what
 * retiring a product does to its dates. A refusal is a list of field problems for the form.
 */
import { PRODUCT_CATEGORIES, SEGMENTS, type BundleRule, type Product, type Segment } from '../model/records'
import { addDays, type BusinessDate } from '../time'

export type ProductCategory = Product['category']
export type RiskLevel = NonNullable<Product['riskLevel']>

/** Offers and the points ledger name products by code: upper-case letters, digits and _, from a letter. */
export const PRODUCT_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,31}$/
/** 适当性 applies to these: only they may carry a risk level (R1–R5). */
export const RISK_LEVEL_CATEGORIES: readonly ProductCategory[] = ['wealth', 'fund', 'insurance']
/** Wealth products and funds are never sold without a risk level; insurance may have none. */
export const RISK_LEVEL_REQUIRED_CATEGORIES: readonly ProductCategory[] = ['wealth', 'fund']
export const MAX_ELIGIBLE_AGE = 120

/** What admin edits of a product: the record's fields without the stamps. */
export type ProductFields = Pick<Product, 'code' | 'nameZh' | 'nameEn' | 'category' | 'points' | 'riskLevel' | 'eligibleSegments' | 'minAge' | 'maxAge' | 'activeFrom' | 'activeTo'>

export type ProductField = 'code' | 'nameZh' | 'nameEn' | 'points' | 'riskLevel' | 'eligibleSegments' | 'ages' | 'activeFrom' | 'activeTo'
export type ProductProblemKind =
  | 'required'
  | 'code_format'
  | 'code_taken'
  | 'code_fixed'
  | 'whole_number'
  | 'risk_level_not_allowed'
  | 'risk_level_required'
  | 'segments_required'
  | 'ages_reversed'
  | 'date_format'
  | 'dates_reversed'
export interface ProductProblem {
  field: ProductField
  problem: ProductProblemKind
}

/** A product already stored, as far as checking a new or edited one needs it. */
export type StoredProduct = Pick<Product, 'id' | 'code' | 'deleted'>

const isWhole = (value: number, min: number, max: number) => Number.isSafeInteger(value) && value >= min && value <= max
/** A real calendar day written 'YYYY-MM-DD' (not 2026-02-30). */
function isDay(value: string): boolean {
  const day = new Date(`${value}T00:00:00Z`)
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value)
}

/**
 * Why a product cannot be saved as given (empty when it can). `editing` is the stored product being
 * changed, null for a new one: its code stays what it was, since offers and points refer to it.
 */
export function productProblems(fields: ProductFields, stored: readonly StoredProduct[], editing: StoredProduct | null): ProductProblem[] {
  const problems: ProductProblem[] = []
  const add = (field: ProductField, problem: ProductProblemKind) => problems.push({ field, problem })

  if (editing !== null && fields.code !== editing.code) add('code', 'code_fixed')
  else if (fields.code === '') add('code', 'required')
  else if (!PRODUCT_CODE_PATTERN.test(fields.code)) add('code', 'code_format')
  else if (stored.some((p) => !p.deleted && p.code === fields.code && p.id !== editing?.id)) add('code', 'code_taken')

  if (fields.nameZh.trim() === '') add('nameZh', 'required')
  if (fields.nameEn.trim() === '') add('nameEn', 'required')
  if (!isWhole(fields.points, 0, 1_000_000)) add('points', 'whole_number')

  if (fields.riskLevel !== null && !RISK_LEVEL_CATEGORIES.includes(fields.category)) add('riskLevel', 'risk_level_not_allowed')
  if (fields.riskLevel === null && RISK_LEVEL_REQUIRED_CATEGORIES.includes(fields.category)) add('riskLevel', 'risk_level_required')

  if (fields.eligibleSegments.length === 0) add('eligibleSegments', 'segments_required')

  const ages = [fields.minAge, fields.maxAge].filter((age): age is number => age !== null)
  if (ages.some((age) => !isWhole(age, 0, MAX_ELIGIBLE_AGE))) add('ages', 'whole_number')
  else if (fields.minAge !== null && fields.maxAge !== null && fields.minAge > fields.maxAge) add('ages', 'ages_reversed')

  if (!isDay(fields.activeFrom)) add('activeFrom', fields.activeFrom === '' ? 'required' : 'date_format')
  if (fields.activeTo !== null && !isDay(fields.activeTo)) add('activeTo', 'date_format')
  else if (fields.activeTo !== null && isDay(fields.activeFrom) && fields.activeTo < fields.activeFrom) add('activeTo', 'dates_reversed')
  return problems
}

/** The fields as stored: names trimmed, segments in their usual order and each once. */
export function normalizedProduct(fields: ProductFields): ProductFields {
  return {
    ...fields,
    code: fields.code.trim(),
    nameZh: fields.nameZh.trim(),
    nameEn: fields.nameEn.trim(),
    eligibleSegments: SEGMENTS.filter((s) => fields.eligibleSegments.includes(s)),
  }
}

/** Retired: its last day on sale is behind us. */
export function isRetired(product: Pick<Product, 'activeTo'>, today: BusinessDate): boolean {
  return product.activeTo !== null && product.activeTo < today
}

/**
 * Retiring takes a product off sale from today: its last day on sale becomes yesterday. One that had
 * not started yet is never on sale (it starts and ends yesterday), so its dates stay in order.
 */
export function retiredDates(product: Pick<Product, 'activeFrom'>, today: BusinessDate): Pick<Product, 'activeFrom' | 'activeTo'> {
  const yesterday = addDays(today, -1)
  return { activeFrom: product.activeFrom < yesterday ? product.activeFrom : yesterday, activeTo: yesterday }
}

/** The catalogue's order: by category (as PRODUCT_CATEGORIES lists them), then by code. */
export function compareProducts(a: Pick<Product, 'category' | 'code'>, b: Pick<Product, 'category' | 'code'>): number {
  return PRODUCT_CATEGORIES.indexOf(a.category) - PRODUCT_CATEGORIES.indexOf(b.category) || a.code.localeCompare(b.code)
}

/** What admin edits of a bundle rule; the version and its being live are the repository's to set. */
export type BundleRuleFields = Pick<BundleRule, 'anchorCode' | 'bundleCodes' | 'reasonZh' | 'reasonEn'>

export type BundleRuleField = 'anchorCode' | 'bundleCodes' | 'reasonZh' | 'reasonEn'
export type BundleRuleProblemKind = 'required' | 'unknown_product' | 'bundled_with_itself' | 'repeated' | 'empty'
export interface BundleRuleProblem {
  field: BundleRuleField
  problem: BundleRuleProblemKind
  /** The product code the problem is about, when it is about one. */
  code?: string
}

/** Why a bundle rule cannot be saved (empty when it can): `catalogueCodes` are the undeleted products' codes. */
export function bundleRuleProblems(fields: BundleRuleFields, catalogueCodes: ReadonlySet<string>): BundleRuleProblem[] {
  const problems: BundleRuleProblem[] = []
  if (fields.anchorCode === '') problems.push({ field: 'anchorCode', problem: 'required' })
  else if (!catalogueCodes.has(fields.anchorCode)) problems.push({ field: 'anchorCode', problem: 'unknown_product', code: fields.anchorCode })

  if (fields.bundleCodes.length === 0) problems.push({ field: 'bundleCodes', problem: 'empty' })
  const seen = new Set<string>()
  for (const code of fields.bundleCodes) {
    if (code === fields.anchorCode) problems.push({ field: 'bundleCodes', problem: 'bundled_with_itself', code })
    else if (seen.has(code)) problems.push({ field: 'bundleCodes', problem: 'repeated', code })
    else if (!catalogueCodes.has(code)) problems.push({ field: 'bundleCodes', problem: 'unknown_product', code })
    seen.add(code)
  }

  if (fields.reasonZh.trim() === '') problems.push({ field: 'reasonZh', problem: 'required' })
  if (fields.reasonEn.trim() === '') problems.push({ field: 'reasonEn', problem: 'required' })
  return problems
}

/** The version a new rule for the anchor gets: one above every version it ever had. */
export function nextBundleVersion(rules: readonly Pick<BundleRule, 'anchorCode' | 'version'>[], anchorCode: string): number {
  return rules.filter((r) => r.anchorCode === anchorCode).reduce((highest, r) => Math.max(highest, r.version), 0) + 1
}

/** The recommended codes, per segment, that the catalogue does not hold. */
export function unknownRecommendations(recommendations: Readonly<Record<Segment, readonly string[]>>, catalogueCodes: ReadonlySet<string>): { segment: Segment; code: string }[] {
  return SEGMENTS.flatMap((segment) => recommendations[segment].filter((code) => !catalogueCodes.has(code)).map((code) => ({ segment, code })))
}
