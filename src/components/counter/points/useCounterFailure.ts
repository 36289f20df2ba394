import { useI18n } from 'vue-i18n'
import { useFeedback } from '@/components/common/useFeedback'
import { CounterRefusedError } from '@/stores/counterPoints'
import { useCounterText } from './useCounterText'

/** The refusals the points screens can meet, said in the user's words. */
const POINTS_REFUSALS: readonly string[] = ['sale_not_open', 'quarter_closed', 'reason_required', 'not_whole_points', 'quarter_not_over', 'quarter_not_verified', 'changed_since_verified', 'already_closed']

/** Turns a counter rule's refusal into what happened and what to do; anything else as the house failure text. */
export function useCounterFailure() {
  const { t } = useI18n()
  const { failureText } = useFeedback()
  const { quarterLabel } = useCounterText()
  return (err: unknown): string =>
    err instanceof CounterRefusedError && POINTS_REFUSALS.includes(err.kind) ? t(`counterPoints.refused.${err.kind}`, { quarter: err.detail.quarter ? quarterLabel(err.detail.quarter) : '' }) : failureText(err)
}
