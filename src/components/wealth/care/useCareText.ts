import { useI18n } from 'vue-i18n'
import { occasionOfKey, urgencyOf, type CareItem } from '@/domain/wealth/cadence'
import { daysBetween } from '@/domain/time'
import { useFormat } from '@/composables/useFormat'

/** Care occasions and their dates in the user's language: 中秋节问候, 逾期 3 天, 2026-12-03 周四 前. */
export function useCareText() {
  const { t } = useI18n()
  const format = useFormat()

  function occasionLabel(key: string | null): string {
    const parsed = key ? occasionOfKey(key) : null
    if (!parsed) return t('wealthCare.occasion.none')
    if (parsed.holiday) return t('wealthCare.occasion.holiday', { holiday: t(`wealthCare.holiday.${parsed.holiday}`) })
    return t(`wealthCare.occasion.${parsed.occasion}`)
  }

  function whenText(item: Pick<CareItem, 'by'>, today: string): string {
    const urgency = urgencyOf(item, today)
    if (urgency === 'overdue') return t('wealthCare.when.overdueDays', { n: daysBetween(item.by, today) })
    if (urgency === 'today') return t('wealthCare.when.today')
    return t('wealthCare.when.on', { date: format.dateWithWeekday(item.by) })
  }

  return { occasionLabel, whenText }
}
