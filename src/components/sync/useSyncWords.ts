import { useI18n } from 'vue-i18n'
import { useFormat } from '@/composables/useFormat'
import { useTerminalStore } from '@/stores/terminal'
import type { HubCheck, HubSettingsForm, SyncPhase, SyncStatus } from '@/stores/sync'

/** The sync state in words, the same on the indicator, its panel, the hub page and the first-run door. */
export function useSyncWords() {
  const { t } = useI18n()
  const format = useFormat()
  const terminal = useTerminalStore()

  /** A time today as 14:05, an earlier one with its date. */
  function when(ms: number): string {
    const sameDay = format.dateTime(ms).slice(0, 10) === format.dateTime(terminal.nowMs).slice(0, 10)
    return sameDay ? format.time(ms) : format.dateTime(ms)
  }

  /** The state in one line: "已同步", "正在同步 3 处修改", "离线（自 10:30 起），2 处修改待上传"… */
  function stateText(phase: SyncPhase | 'alone', status: SyncStatus | null): string {
    const pending = status?.pending ?? 0
    switch (phase) {
      case 'syncing':
        return pending > 0 ? t('sync.phase.syncing', { n: format.number(pending) }) : t('sync.phase.syncingIn')
      case 'offline': {
        const time = status?.offlineSince ? when(status.offlineSince) : '—'
        return pending > 0 ? t('sync.phase.offlineWaiting', { time, n: format.number(pending) }) : t('sync.phase.offline', { time })
      }
      default:
        return t(`sync.phase.${phase}`)
    }
  }

  /** What the hub's refusal means and what to do about it. */
  function problemText(status: SyncStatus | null): string {
    return status?.problem ? t(`sync.problem.${status.problem}`, { which: t(`sync.databaseKind.${status.problemDatabase ?? 'branch'}`) }) : ''
  }

  /** The connection test's outcome: what was found, or what is wrong and what to do. */
  function checkText(check: HubCheck, form: HubSettingsForm): string {
    if (check.ok) {
      const found = [t('sync.check.ok', { server: check.server, version: check.version })]
      if (check.documents !== null) found.push(t('sync.check.okBranch', { n: format.number(check.documents) }))
      if (check.regionDocuments !== null) found.push(t('sync.check.okRegion', { n: format.number(check.regionDocuments) }))
      return found.join('')
    }
    const database = check.database ?? { kind: 'branch', name: form.database.trim() }
    return t(`sync.check.${check.problem}`, { url: form.url.trim(), database: database.name, which: t(`sync.databaseKind.${database.kind}`), username: form.username.trim(), reason: check.reason })
  }

  return { when, stateText, problemText, checkText }
}
