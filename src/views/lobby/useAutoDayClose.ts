import { onScopeDispose, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useLobbyStore } from '@/stores/lobby'
import { useTerminalStore } from '@/stores/terminal'
import { useFormat } from '@/composables/useFormat'
import { useFeedback } from '@/components/common/useFeedback'

/**
 * The automatic day close, run by every screen of the lobby (the lobby manager's area and each
 * service point's station): on opening and whenever the terminal's clock ticks (every 30 s), the
 * business day closes by itself once the lobby rules' closing time has come, as nobody, and so does
 * any earlier day left open. Several tabs may run it at once: a day is closed only once.
 */
export function useAutoDayClose(): void {
  const lobby = useLobbyStore()
  const terminal = useTerminalStore()
  const format = useFormat()
  const { t } = useI18n()
  const { toast } = useFeedback()
  let running = false
  let stopped = false

  async function check(): Promise<void> {
    if (running || stopped) return
    running = true
    try {
      for (const closed of await lobby.autoCloseDueDays(Date.now())) toast(t('queues.board.autoClosedToast', { date: format.dateWithWeekday(closed.businessDate), n: closed.unserved }))
    } catch (err) {
      // Tried again at the next tick; the lobby keeps working meanwhile.
      console.error(err)
    } finally {
      running = false
    }
  }

  watch([() => terminal.nowMs, () => terminal.state.branchId], () => void check(), { immediate: true })
  onScopeDispose(() => (stopped = true))
}
