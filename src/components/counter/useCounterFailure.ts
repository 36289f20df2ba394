import { useI18n } from 'vue-i18n'
import { CounterRefusedError } from '@/stores/counterOffers'
import { useFeedback } from '@/components/common/useFeedback'
import { useCounterText } from './points/useCounterText'

/** Refusals the offer screens meet, said naming the product (counterOffers.failure.*). */
const OFFER_REFUSALS: readonly string[] = ['unsuitable', 'recorded_sale', 'decline_reason', 'follow_up_day', 'follow_up_owner', 'referral_target', 'unknown_product', 'referral_closed', 'follow_up_closed']
/** Refusals of the sales, points and quarter screens (counterPoints.refused.*). */
const POINTS_REFUSALS: readonly string[] = ['sale_not_open', 'quarter_closed', 'reason_required', 'not_whole_points', 'quarter_not_over', 'quarter_not_verified', 'changed_since_verified', 'already_closed']

/**
 * A counter rule's refusal (CounterRefusedError) in the user's words, naming the product or the
 * quarter it concerns; anything else as the house's failure text.
 */
export function useCounterFailure(productName: (code: string) => string = (code) => code) {
  const { t } = useI18n()
  const { failureText: houseFailure } = useFeedback()
  const { quarterLabel } = useCounterText()

  function failureText(err: unknown): string {
    if (!(err instanceof CounterRefusedError)) return houseFailure(err)
    const params = { product: err.detail.productCode ? productName(err.detail.productCode) : '', quarter: err.detail.quarter ? quarterLabel(err.detail.quarter) : '' }
    if (POINTS_REFUSALS.includes(err.kind)) return t(`counterPoints.refused.${err.kind}`, params)
    return t(`counterOffers.failure.${OFFER_REFUSALS.includes(err.kind) ? err.kind : 'other'}`, params)
  }

  return { failureText }
}
