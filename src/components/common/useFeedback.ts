import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import { StorageError } from '@/db/errors'
import { DuplicateStaffNumberError, SelfChangeError, ServicePointNumberTakenError } from '@/stores/admin'

/** Short success toasts, and failures said as what happened and what to do now. */
export function useFeedback() {
  const { t } = useI18n()

  function toast(text: string): void {
    ElMessage({ type: 'success', message: text, duration: 2500, grouping: true })
  }

  function failureText(err: unknown): string {
    if (err instanceof StorageError) return t(`storage.error.${err.kind}`)
    if (err instanceof SelfChangeError) return t(`admin.staff.self.${err.problem}`)
    if (err instanceof DuplicateStaffNumberError) return t('admin.staff.numberTaken', { staffNo: err.staffNo })
    if (err instanceof ServicePointNumberTakenError) return t('admin.servicePoints.numberTaken', { kind: t(`servicePointKind.${err.kind}`), number: err.number })
    // Unforeseen: the person gets a plain message, the developer the details.
    console.error(err)
    return t('admin.failed')
  }

  return { toast, failureText }
}
