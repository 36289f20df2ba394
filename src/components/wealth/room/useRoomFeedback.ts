import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import { useFeedback } from '@/components/common/useFeedback'
import { useFormat } from '@/composables/useFormat'
import { BookingConflictError, ManagerBusyError, RoomTakenError, VisitNotWaitingError } from '@/stores/wealthRoom'
import { bookingEnd } from '@/domain/wealth/rooms'
import type { Appointment } from '@/domain/model/records'

/** What went wrong in the wealth room, said as what to do now; names the booking a new one clashes with. */
export function useRoomFeedback(names: { staffName: (id: string | null) => string; roomName: (id: string | null) => string; bookingWho: (b: Appointment) => string }) {
  const { t } = useI18n()
  const format = useFormat()
  const { toast, failureText: generic } = useFeedback()

  function failureText(err: unknown): string {
    if (err instanceof RoomTakenError) return t('wealthRoom.error.roomTaken', { room: names.roomName(err.roomId) })
    if (err instanceof ManagerBusyError) return t('wealthRoom.error.managerBusy', { name: names.staffName(err.staffId) })
    if (err instanceof VisitNotWaitingError) return t('wealthRoom.error.notWaiting')
    if (err instanceof BookingConflictError) {
      const clash = err.conflicts[0]!
      const b = clash.booking
      return t(`wealthRoom.error.conflict.${clash.clash}`, { from: format.time(b.at), to: format.time(bookingEnd(b)), who: names.bookingWho(b), manager: names.staffName(b.staffId), room: names.roomName(b.servicePointId) })
    }
    return generic(err)
  }

  /** A failure that has no form to stand next to. */
  function alarm(err: unknown): void {
    ElMessage({ type: 'error', message: failureText(err), duration: 5000, grouping: true })
  }

  return { toast, failureText, alarm }
}
