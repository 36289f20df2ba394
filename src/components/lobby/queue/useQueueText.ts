import { useI18n } from 'vue-i18n'
import { useLobbyStore } from '@/stores/lobby'
import { purposeRule } from '@/domain/lobby/purposes'
import type { Zone } from '@/domain/lobby/terms'
import type { ServicePoint } from '@/domain/model/records'
import { usePurposeLabel } from '../purposeLabel'

/** The queue screens' words for zones, purposes and service points, in the current language. */
export function useQueueText() {
  const { t } = useI18n()
  const lobby = useLobbyStore()
  const purposeLabel = usePurposeLabel()

  function purpose(code: string): string {
    return purposeLabel(purposeRule(code, lobby.rules), code)
  }

  return {
    zone: (zone: Zone) => t(`servicePointKind.${zone}`),
    purpose,
    /** How the display and the board name a point: 3号窗口 / Counter 3. */
    point: (point: Pick<ServicePoint, 'kind' | 'number'> | undefined) => (point ? t(`queues.display.point.${point.kind}`, { n: point.number }) : ''),
  }
}
