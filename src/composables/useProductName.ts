import { useI18n } from 'vue-i18n'
import type { Product } from '@/domain/model/records'

type Named = Pick<Product, 'nameZh' | 'nameEn'>

/** A product's name in the user's language, from the product or from a catalogue by code (the code itself when the catalogue lacks it). */
export function useProductName() {
  const { locale } = useI18n()
  const nameOf = (product: Named): string => (locale.value === 'en' ? product.nameEn : product.nameZh)
  const nameIn = (catalogue: ReadonlyMap<string, Named> | undefined, code: string | null): string => {
    const product = code === null ? undefined : catalogue?.get(code)
    return product ? nameOf(product) : (code ?? '')
  }
  return { nameOf, nameIn }
}
