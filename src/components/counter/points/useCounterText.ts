import { useI18n } from 'vue-i18n'
import type { BandStanding, PayBand } from '@/domain/counter/payBands'
import type { CounterRules } from '@/domain/counter/rules'
import { waitedFor } from '@/domain/counter/offerForm'
import { useProductName } from '@/composables/useProductName'
import { useFormat } from '@/composables/useFormat'
import { daysBetween, type BusinessDate } from '@/domain/time'

/** The counter's words for quarters, pay bands, products, rates and ages, in the current language. */
export function useCounterText() {
  const { t, locale } = useI18n()

  /** '2026Q4' → 2026 年第 4 季度. */
  const quarterLabel = useFormat().quarter

  /** A band's name with the rate the rules pay in it (计件档 / 60% 绩效档 / 全额绩效档). */
  const bandLabel = (band: PayBand | string, rules: Pick<CounterRules, 'performancePayPercent'>) =>
    band === 'partial' ? t('counterPoints.band.partial', { percent: rules.performancePayPercent.partial }) : t(`counterPoints.band.${band === 'full' ? 'full' : 'piece_rate'}`)

  /** What the next band needs, or that the top is reached. */
  const nextBandText = (standing: BandStanding, rules: Pick<CounterRules, 'performancePayPercent'>) =>
    standing.nextBand === null || standing.pointsToNext === null
      ? t('counterPoints.band.top')
      : t('counterPoints.band.toNext', { points: standing.pointsToNext.toLocaleString(locale.value), band: bandLabel(standing.nextBand, rules) })

  /** A product's name in the current language, its code when the catalogue no longer has it. */
  const { nameIn: productName } = useProductName()

  /** A share as a whole percentage (62%), a dash when there is none. */
  const percent = (rate: number | null) => (rate === null ? t('counterPoints.figures.rateNone') : `${Math.round(rate * 100)}%`)

  /** How long ago a business date was, in days: 今天接受 / 3 天前接受（2026-11-22）. */
  const acceptedAgo = (date: BusinessDate, today: BusinessDate) => {
    const days = daysBetween(date, today)
    return days <= 0 ? t('counterPoints.sales.acceptedToday') : t('counterPoints.sales.acceptedAgo', { days, date })
  }

  /** A wait in minutes, hours or days, whichever reads best. */
  const waitAge = (sinceMs: number, nowMs: number) => {
    const waited = waitedFor(sinceMs, nowMs)
    return t(`counterPoints.age.${waited.unit}`, { n: waited.n })
  }

  return { quarterLabel, bandLabel, nextBandText, productName, percent, acceptedAgo, waitAge }
}
