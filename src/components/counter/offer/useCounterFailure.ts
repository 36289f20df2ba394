import { useI18n } from 'vue-i18n'
import { CounterRefusedError } from '@/stores/counterOffers'
import { useFeedback } from '@/components/common/useFeedback'

/** Kinds of refusal the offer screens can meet, each said in the user's words. */
const SAID = ['unsuitable', 'recorded_sale', 'decline_reason', 'follow_up_day', 'follow_up_owner', 'referral_target', 'unknown_product', 'quarter_closed', 'referral_closed', 'follow_up_closed'] as const

/**
 * A counter rule's refusal (CounterRefusedError) in the user's words, naming the product it concerns;
 * anything else as the house's failure text.
 */
export function useCounterFailure(productName: (code: string) => string = (code) => code) {
  const { t } = useI18n()
  const { failureText: houseFailure } = useFeedback()

  function failureText(err: unknown): string {
    if (!(err instanceof CounterRefusedError)) return houseFailure(err)
    const kind = (SAID as readonly string[]).includes(err.kind) ? err.kind : 'other'
    return t(`counterOffers.failure.${kind}`, { product: err.detail.productCode ? productName(err.detail.productCode) : '', quarter: err.detail.quarter ?? '' })
  }

  return { failureText }
}
