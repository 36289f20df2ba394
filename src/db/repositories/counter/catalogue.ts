/**
 * The counter's product catalogue and its versioned bundle rules. Products are never deleted, only
 * retired (offers and the points ledger name them by code); a bundle rule is never edited, each
 * change is the anchor's next version. Checks run inside the write's transaction, on what is stored
 * then, so a refused save writes nothing.
 */
import Dexie from 'dexie'
import type { BundleRule, Product } from '@/domain/model/records'
import { DEFAULT_BUNDLE_RULES, DEFAULT_PRODUCTS } from '@/domain/catalogue/defaults'
import {
  bundleRuleProblems,
  compareProducts,
  nextBundleVersion,
  normalizedProduct,
  productProblems,
  retiredDates,
  type BundleRuleFields,
  type BundleRuleProblem,
  type ProductFields,
  type ProductProblem,
} from '@/domain/counter/catalogue'
import type { BusinessDate } from '@/domain/time'
import { database } from '../../connection'
import { writeRecords } from '../../write'

export type ProductSaveInput = ProductFields & {
  /** The product to change; null to add one. */
  id: string | null
}
export type ProductSaveResult = { ok: true; product: Product } | { ok: false; problems: ProductProblem[] }
export type BundleRuleSaveResult = { ok: true; rule: BundleRule } | { ok: false; problems: BundleRuleProblem[] }

const undeleted = <T extends { deleted: 0 | 1 }>(rows: T[]) => rows.filter((row) => row.deleted === 0)

/** The catalogue: undeleted products, retired ones included, by category then code. */
export async function listProducts(): Promise<Product[]> {
  return undeleted(await database().records('products').toArray()).sort(compareProducts)
}

/** Adds a product or changes one (its code stays), audited; the field problems instead when refused. */
export async function saveProduct(input: ProductSaveInput): Promise<ProductSaveResult> {
  const { id, ...given } = input
  const fields = normalizedProduct(given)
  return writeRecords(['products'], async (w): Promise<ProductSaveResult> => {
    const stored = await database().records('products').toArray()
    const editing = id === null ? null : (stored.find((p) => p.id === id && !p.deleted) ?? null)
    if (id !== null && editing === null) throw new Error(`No product ${id}`)
    const problems = productProblems(fields, stored, editing)
    if (problems.length > 0) return { ok: false, problems }
    // Plain copies: a reactive form array cannot be stored (IndexedDB cannot clone a Proxy).
    const record = { ...fields, eligibleSegments: [...fields.eligibleSegments] }
    const product = editing === null ? await w.insert('products', record, { action: 'product.create' }) : await w.update('products', editing.id, record, { action: 'product.update' })
    return { ok: true, product }
  })
}

/** Takes a product off sale from `today` on (its last day on sale becomes yesterday), audited. */
export async function retireProduct(id: string, today: BusinessDate): Promise<Product> {
  return writeRecords(['products'], async (w) => {
    const product = await database().records('products').get(id)
    if (!product || product.deleted) throw new Error(`No product ${id}`)
    return w.update('products', id, retiredDates(product, today), { action: 'product.retire' })
  })
}

/**
 * Starts a branch's catalogue from the standard one (the seed's products and bundles): each product
 * whose code is not taken and each bundle whose anchor never had a rule is added, audited, in one
 * transaction. Returns how many products were added.
 */
export async function addStandardCatalogue(): Promise<number> {
  return writeRecords(['products', 'bundleRules'], async (w) => {
    const taken = new Set(undeleted(await database().records('products').toArray()).map((p) => p.code))
    const anchored = new Set((await database().records('bundleRules').toArray()).map((r) => r.anchorCode))
    const missing = DEFAULT_PRODUCTS.filter((p) => !taken.has(p.code))
    for (const product of missing) await w.insert('products', structuredClone(product), { action: 'product.create' })
    for (const rule of DEFAULT_BUNDLE_RULES.filter((r) => !anchored.has(r.anchorCode))) await w.insert('bundleRules', structuredClone(rule), { action: 'bundleRule.version' })
    return missing.length
  })
}

/** Every version of every bundle rule (undeleted), by anchor, newest version first. */
export async function listBundleRules(): Promise<BundleRule[]> {
  return undeleted(await database().records('bundleRules').toArray()).sort((a, b) => a.anchorCode.localeCompare(b.anchorCode) || b.version - a.version)
}

/** Who made each bundle rule version (rule id → staff id), from the audit log; rules made by the system are absent. */
export async function bundleRuleAuthors(): Promise<Map<string, string>> {
  const entries = await database().records('auditLog').where('[entity+entityId]').between(['bundleRules', Dexie.minKey], ['bundleRules', Dexie.maxKey]).toArray()
  const authors = new Map<string, string>()
  for (const entry of entries) if (entry.before === null && entry.entityId !== null && entry.actorId !== null) authors.set(entry.entityId, entry.actorId)
  return authors
}

/**
 * Saves the anchor's bundle as its next version, live at once; the version live before is set
 * inactive in the same transaction (both audited 'bundleRule.version').
 */
export async function saveBundleRule(input: BundleRuleFields): Promise<BundleRuleSaveResult> {
  const fields: BundleRuleFields = { anchorCode: input.anchorCode, bundleCodes: [...input.bundleCodes], reasonZh: input.reasonZh.trim(), reasonEn: input.reasonEn.trim() }
  return writeRecords(['products', 'bundleRules'], async (w): Promise<BundleRuleSaveResult> => {
    const catalogueCodes = new Set(undeleted(await database().records('products').toArray()).map((p) => p.code))
    const problems = bundleRuleProblems(fields, catalogueCodes)
    if (problems.length > 0) return { ok: false, problems }
    const versions = await database().records('bundleRules').where('anchorCode').equals(fields.anchorCode).toArray()
    for (const live of undeleted(versions).filter((r) => r.active)) await w.update('bundleRules', live.id, { active: 0 }, { action: 'bundleRule.version' })
    const rule = await w.insert('bundleRules', { ...fields, version: nextBundleVersion(versions, fields.anchorCode), active: 1 }, { action: 'bundleRule.version' })
    return { ok: true, rule }
  })
}

/** Stops bundling for the anchor: its live version is set inactive, audited; false when none was live. */
export async function retireBundleRule(anchorCode: string): Promise<boolean> {
  return writeRecords(['bundleRules'], async (w) => {
    const live = undeleted(await database().records('bundleRules').where('anchorCode').equals(anchorCode).toArray()).filter((r) => r.active)
    for (const rule of live) await w.update('bundleRules', rule.id, { active: 0 }, { action: 'bundleRule.retire' })
    return live.length > 0
  })
}
