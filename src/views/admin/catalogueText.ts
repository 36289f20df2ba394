import { useI18n } from 'vue-i18n'
import { useProductName } from '@/composables/useProductName'
import { SEGMENTS, type Product, type Segment } from '@/domain/model/records'
import { isRetired, type ProductCategory, type RiskLevel } from '@/domain/counter/catalogue'

export interface ProductChoice {
  value: string
  label: string
}

/** The catalogue's words in the person's language: product names, categories, eligibility and sale dates. */
export function useCatalogueText() {
  const { t, te } = useI18n()

  const { nameOf: productName } = useProductName()
  const categoryLabel = (category: ProductCategory) => t(`counterAdmin.category.${category}`)
  const riskLabel = (level: RiskLevel) => t(`counterAdmin.riskLevel.${level}`)
  const segmentLabel = (segment: Segment) => t(`counterAdmin.segment.${segment}`)
  /** A decline reason's words; a code this version has no words for shows as itself. */
  const declineReasonLabel = (code: string) => (te(`counterAdmin.declineReason.${code}`) ? t(`counterAdmin.declineReason.${code}`) : code)
  const listText = (items: readonly string[]) => items.join(t('counterAdmin.listSeparator'))

  function agesText(product: Pick<Product, 'minAge' | 'maxAge'>): string {
    const { minAge: min, maxAge: max } = product
    if (min !== null && max !== null) return t('counterAdmin.catalogue.agesBetween', { min, max })
    if (min !== null) return t('counterAdmin.catalogue.agesFrom', { min })
    if (max !== null) return t('counterAdmin.catalogue.agesUpTo', { max })
    return t('counterAdmin.catalogue.agesAny')
  }

  function segmentsText(segments: readonly Segment[]): string {
    return segments.length === SEGMENTS.length ? t('counterAdmin.catalogue.allSegments') : listText(segments.map(segmentLabel))
  }

  /** When it is (or was) on sale, as seen on `today`. */
  function saleText(product: Pick<Product, 'activeFrom' | 'activeTo'>, today: string): string {
    const { activeFrom: from, activeTo: to } = product
    if (to !== null && to < today) return t('counterAdmin.catalogue.retiredOn', { to })
    if (from > today) return t('counterAdmin.catalogue.startsOn', { from })
    return to === null ? t('counterAdmin.catalogue.onSaleFrom', { from }) : t('counterAdmin.catalogue.onSaleBetween', { from, to })
  }

  /** A code's product name, or what is wrong with it: off sale, or not in the catalogue at all. */
  function codeLabel(code: string, byCode: ReadonlyMap<string, Product>, today: string): string {
    const product = byCode.get(code)
    if (!product) return t('counterAdmin.bundles.unknownProduct', { code })
    return isRetired(product, today) ? t('counterAdmin.bundles.offSale', { name: productName(product) }) : productName(product)
  }

  /**
   * Chips to pick products with: those on sale in catalogue order (but `leaveOut`), then any already
   * chosen that are not, marked, so that they can be taken out.
   */
  function productChoices(products: readonly Product[], chosen: readonly string[], today: string, leaveOut: string | null = null): ProductChoice[] {
    const onSale = products.filter((p) => !isRetired(p, today) && p.code !== leaveOut).map((p) => ({ value: p.code, label: productName(p) }))
    const byCode = new Map(products.map((p) => [p.code, p]))
    const others = chosen.filter((code) => !onSale.some((o) => o.value === code)).map((code) => ({ value: code, label: codeLabel(code, byCode, today) }))
    return [...onSale, ...others]
  }

  return { productName, categoryLabel, riskLabel, segmentLabel, declineReasonLabel, listText, agesText, segmentsText, saleText, codeLabel, productChoices }
}
