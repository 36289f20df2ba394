/** The default catalogue and bundle rules, as a branch starts with them, for the counter catalogue tests. */
import { writeRecords } from '@/db/write'
import { DEFAULT_BUNDLE_RULES, DEFAULT_PRODUCTS } from '@/domain/catalogue/defaults'

export async function seedCatalogue(): Promise<void> {
  await writeRecords(['products', 'bundleRules'], async (w) => {
    await w.insertMany('products', DEFAULT_PRODUCTS.map((p) => structuredClone(p)))
    await w.insertMany('bundleRules', DEFAULT_BUNDLE_RULES.map((r) => structuredClone(r)))
  })
}
