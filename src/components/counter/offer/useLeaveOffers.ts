import { useI18n } from 'vue-i18n'
import { useFeedback } from '@/components/common/useFeedback'
import { useConfirmAction } from '@/components/common/useConfirmAction'

/**
 * Leaving an offer form (another client, closing the station's drawer): at once when no outcome is
 * marked, otherwise after the one confirm dialog says how many marked outcomes will be lost.
 * `confirm` goes to <ConfirmDialog>.
 */
export function useLeaveOffers() {
  const { t } = useI18n()
  const { failureText } = useFeedback()
  const confirm = useConfirmAction(failureText)

  /** `how`: closing the form, or changing to another client. */
  function leave(how: 'close' | 'change', marked: number, testid: string, run: () => Promise<void>): void {
    if (marked === 0) {
      void run()
      return
    }
    confirm.ask({
      title: t(`counterOffers.closeConfirm.title.${how}`),
      message: t('counterOffers.closeConfirm.message'),
      losses: [t('counterOffers.closeConfirm.loss', { n: marked }, marked)],
      confirmLabel: t(`counterOffers.closeConfirm.confirm.${how}`),
      testid,
      run,
    })
  }

  return { confirm, leave }
}
