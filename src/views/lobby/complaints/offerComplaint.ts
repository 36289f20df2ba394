import { ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message-box/style/css'
import type { RouteLocationRaw } from 'vue-router'

/**
 * After a ticket for a complaint is issued at the door: asks whether to record the complaint now.
 * True when the manager chose to; false for "later" or closing the box.
 */
export async function offerComplaintForm(t: (key: string) => string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(t('complaints.offer.message'), t('complaints.offer.title'), {
      confirmButtonText: t('complaints.offer.record'),
      cancelButtonText: t('complaints.offer.later'),
      distinguishCancelAndClose: true,
      type: 'info',
      customClass: 'complaint-offer',
      confirmButtonClass: 'complaint-offer__record',
      cancelButtonClass: 'complaint-offer__later',
    })
    return true
  } catch {
    return false
  }
}

/** The complaint form, opened for a visit (and its client). */
export function complaintFormFor(visitId: string): RouteLocationRaw {
  return { name: 'lobby-complaints', query: { complaint: 'new', visit: visitId } }
}
