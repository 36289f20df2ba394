import { useI18n } from 'vue-i18n'
import dayjs from 'dayjs'
import { formatFen, formatFenCompact } from '@/domain/money'
import { splitDuration } from '@/domain/time'
import { useTerminalStore } from '@/stores/terminal'

/**
 * Numbers, money, dates and durations in the house style and the current language:
 * ¥1,234.56 / 12.35 万元, 2026-11-25 周三, 14:05, 12 分 / 1 小时 5 分. Times are shown in the
 * branch's time zone.
 */
export function useFormat() {
  const { t, locale } = useI18n()
  const terminal = useTerminalStore()
  const zone = () => terminal.settings.timeZone

  return {
    money: (fen: number) => formatFen(fen, locale.value),
    moneyCompact: (fen: number) => formatFenCompact(fen, locale.value),
    number: (value: number) => new Intl.NumberFormat(locale.value).format(value),
    /** A business date 'YYYY-MM-DD' with its weekday. */
    dateWithWeekday: (date: string) => `${date} ${dayjs(date).locale(locale.value === 'en' ? 'en' : 'zh-cn').format('ddd')}`,
    /** Time of day at an instant, 24-hour, in the branch's zone. */
    time: (ms: number) => dayjs(ms).tz(zone()).format('HH:mm'),
    dateTime: (ms: number) => dayjs(ms).tz(zone()).format('YYYY-MM-DD HH:mm'),
    duration: (minutes: number) => {
      const { hours, minutes: rest } = splitDuration(minutes)
      return hours > 0 ? t('unit.hoursMinutes', { h: hours, m: rest }) : t('unit.minutes', { n: rest })
    },
    /** A quarter key '2026Q4' in words: 2026 年第 4 季度 / Q4 2026. */
    quarter: (key: string) => t('quarter.label', { year: key.slice(0, 4), q: key.slice(5) }),
    bytes: (bytes: number) => {
      const mb = bytes / (1024 * 1024)
      return mb >= 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${mb.toFixed(1)} MB`
    },
  }
}
