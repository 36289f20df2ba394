import { useI18n } from 'vue-i18n'
import { useFeedback } from '@/components/common/useFeedback'
import { InspectionLockedError, SubmissionBlockedError } from '@/stores/inspectionVisits'

/** The visit screens' failures in words: a blocked submission, a visit already locked, then the house's storage messages. */
export function useVisitFeedback() {
  const { t } = useI18n()
  const feedback = useFeedback()

  function failureText(err: unknown): string {
    if (err instanceof SubmissionBlockedError) return t('inspectionVisits.submit.blocked')
    if (err instanceof InspectionLockedError) return err.status === 'acknowledged' ? t('inspectionVisits.ack.alreadyDone') : t('inspectionVisits.submit.locked')
    return feedback.failureText(err)
  }

  return { toast: feedback.toast, failureText }
}
