import { useI18n } from 'vue-i18n'
import { waitedFor } from '@/domain/counter/offerForm'
import { useTerminalStore } from '@/stores/terminal'

/** How long a referral has waited, in words that move on with the terminal's clock: 刚转来 / 等了 5 分 / 2 小时 / 3 天. */
export function useWaitedText() {
  const { t } = useI18n()
  const terminal = useTerminalStore()
  return (sinceMs: number): string => {
    const waited = waitedFor(sinceMs, terminal.nowMs)
    return waited.unit === 'minutes' && waited.n === 0 ? t('counterOffers.referrals.justNow') : t(`counterOffers.referrals.waited.${waited.unit}`, { n: waited.n }, waited.n)
  }
}
