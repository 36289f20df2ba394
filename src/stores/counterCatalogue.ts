import { defineStore } from 'pinia'
import * as catalogue from '@/db/repositories/counter/catalogue'
import type { BundleRuleSaveResult, ProductSaveInput, ProductSaveResult } from '@/db/repositories/counter/catalogue'
import { loadCounterRules, saveCounterRules } from '@/db/repositories/counter/rules'
import { branchStaffNames } from '@/db/repositories/staffNames'
import { unknownRecommendations, type BundleRuleFields } from '@/domain/counter/catalogue'
import type { CounterRules } from '@/domain/counter/rules'
import type { BundleRule, Product } from '@/domain/model/records'
import type { RuleSetValidation } from '@/domain/ruleSets'
import { useTerminalStore } from './terminal'

export type { BundleRuleSaveResult, ProductSaveInput, ProductSaveResult }

/** One version of a bundle rule with who made it: null for the rules a branch starts with. */
export interface BundleRuleVersion {
  rule: BundleRule
  madeBy: string | null
}

/** The counter's catalogue and rules in Administration: products, versioned bundle rules, the counter rules. */
export const useCounterCatalogueStore = defineStore('counterCatalogue', () => {
  const terminal = useTerminalStore()

  /** The catalogue, retired products included, by category then code. */
  function products(): Promise<Product[]> {
    return catalogue.listProducts()
  }

  /** Adds or changes a product; the field problems instead when refused. */
  function saveProduct(input: ProductSaveInput): Promise<ProductSaveResult> {
    return catalogue.saveProduct(input)
  }

  /** Adds the standard products and bundles the branch does not have yet; how many products were added. */
  function addStandardCatalogue(): Promise<number> {
    return catalogue.addStandardCatalogue()
  }

  /** Takes a product off sale from today on; it stays in the catalogue for the offers that name it. */
  function retireProduct(id: string): Promise<Product> {
    return catalogue.retireProduct(id, terminal.today)
  }

  /** Every bundle rule version, newest first per anchor, with the name of who made it. */
  async function bundleRuleVersions(): Promise<BundleRuleVersion[]> {
    const branchId = terminal.state.branchId
    const [rules, authors, names] = await Promise.all([catalogue.listBundleRules(), catalogue.bundleRuleAuthors(), branchId ? branchStaffNames(branchId) : new Map<string, string>()])
    return rules.map((rule) => {
      const author = authors.get(rule.id)
      return { rule, madeBy: author === undefined ? null : (names.get(author) ?? null) }
    })
  }

  /** Saves an anchor's bundle as its next version (the one before stops); the problems instead when refused. */
  function saveBundleRule(fields: BundleRuleFields): Promise<BundleRuleSaveResult> {
    return catalogue.saveBundleRule(fields)
  }

  /** Stops proposing a bundle for the anchor; its versions stay in the history. */
  function retireBundleRule(anchorCode: string): Promise<boolean> {
    return catalogue.retireBundleRule(anchorCode)
  }

  /** The counter rules now in force. */
  function loadRules(): Promise<CounterRules> {
    return loadCounterRules()
  }

  /** Saves edited counter rules as the next version, once every recommended product is in the catalogue; the problems otherwise. */
  async function saveRules(candidate: CounterRules): Promise<RuleSetValidation<CounterRules>> {
    const codes = new Set((await catalogue.listProducts()).map((p) => p.code))
    const unknown = unknownRecommendations(candidate.segmentRecommendations, codes)
    if (unknown.length > 0) return { ok: false, issues: unknown.map(({ segment, code }) => ({ path: `segmentRecommendations.${segment}`, message: `${code} is not in the catalogue` })) }
    return saveCounterRules(candidate)
  }

  return { products, saveProduct, addStandardCatalogue, retireProduct, bundleRuleVersions, saveBundleRule, retireBundleRule, loadRules, saveRules }
})
