import { useI18n } from 'vue-i18n'
import { ActionChangeRefusedError, type ActionEntry } from '@/stores/inspectionActions'
import { daysBetween } from '@/domain/time'
import { useTerminalStore } from '@/stores/terminal'
import { useFeedback } from '@/components/common/useFeedback'
import { useInspectionText } from '../useInspectionText'

/** What a corrective action is about and how late it is, and a refused change in words. */
export function useActionText() {
  const { t } = useI18n()
  const terminal = useTerminalStore()
  const { itemText, vetoText } = useInspectionText()
  const { failureText } = useFeedback()

  const daysOverdue = (entry: Pick<ActionEntry, 'action'>) => (entry.action.status === 'open' ? Math.max(0, daysBetween(entry.action.dueDate, terminal.today)) : 0)

  return {
    /** The item or veto as the visit's template version words it. */
    subject: (entry: Pick<ActionEntry, 'action' | 'item' | 'veto'>) => {
      if (entry.item) return itemText(entry.item)
      if (entry.veto) return `${t('inspectionActions.row.veto')}：${vetoText(entry.veto)}`
      return t('inspectionActions.row.unknownItem', { code: entry.action.code })
    },
    /** Days past the due date for an open action, 0 when not overdue. */
    daysOverdue,
    /** The status tag's colour (the word is always beside it): red overdue, amber open, brand fixed, green verified. */
    statusTone: (entry: Pick<ActionEntry, 'action'>) => (daysOverdue(entry) > 0 ? 'danger' : entry.action.status === 'open' ? 'warning' : entry.action.status === 'fixed' ? 'primary' : 'success'),
    refusalText: (err: unknown) => (err instanceof ActionChangeRefusedError ? t(`inspectionActions.detail.refusal.${err.reason}`) : failureText(err)),
  }
}
