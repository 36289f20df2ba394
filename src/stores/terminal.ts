import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { openDatabase } from '@/db/connection'
import { StorageError, type StorageErrorKind } from '@/db/errors'
import { readTerminal, type TerminalState } from '@/db/terminal'
import { getBranch } from '@/db/repositories/branches'
import { loadBranchSettings, saveBranchSetting } from '@/db/repositories/settings'
import { requestPersistentStorage } from '@/db/storage'
import { DEFAULT_BRANCH_SETTINGS, type BranchSettingKey, type BranchSettings } from '@/domain/settings'
import { businessDate } from '@/domain/time'
import type { Branch } from '@/domain/model/records'

/** What this terminal is, its branch, the branch's settings, and whether its database is usable. */
export const useTerminalStore = defineStore('terminal', () => {
  const status = ref<'opening' | 'blocked' | 'ready' | 'failed'>('opening')
  const failure = ref<StorageErrorKind | null>(null)
  const state = ref<TerminalState>({ kind: null, branchId: null, region: null })
  const branch = shallowRef<Branch | null>(null)
  const settings = ref<BranchSettings>({ ...DEFAULT_BRANCH_SETTINGS })
  const nowMs = ref(Date.now())
  let booting: Promise<void> | null = null

  const isSetUp = computed(() => state.value.kind !== null)
  const today = computed(() => businessDate(nowMs.value, settings.value.timeZone))

  /** Opens the database once and reads what this terminal is; a blocked or failed open is reported, not thrown. */
  function boot(): Promise<void> {
    booting ??= (async () => {
      try {
        await openDatabase({
          onBlocked: () => {
            status.value = 'blocked'
            failure.value = 'blocked'
          },
          onVersionChange: () => {
            status.value = 'failed'
            failure.value = 'upgrade_elsewhere'
          },
        })
        await refresh()
        status.value = 'ready'
        failure.value = null
        void requestPersistentStorage()
        setInterval(() => (nowMs.value = Date.now()), 30_000)
      } catch (err) {
        status.value = 'failed'
        failure.value = err instanceof StorageError ? err.kind : 'open_failed'
        booting = null
      }
    })()
    return booting
  }

  /** Re-reads the terminal's state, branch and settings (after first run, a restore, an admin change). */
  async function refresh(): Promise<void> {
    state.value = await readTerminal()
    branch.value = state.value.branchId ? ((await getBranch(state.value.branchId)) ?? null) : null
    settings.value = await loadBranchSettings()
  }

  /** Changes one branch-wide setting (audited by the repository). */
  async function updateSetting<K extends BranchSettingKey>(key: K, value: BranchSettings[K]): Promise<void> {
    await saveBranchSetting(key, value)
    settings.value = await loadBranchSettings()
  }

  /** Moves "today" on at once (tests and the day change). */
  function tick(): void {
    nowMs.value = Date.now()
  }

  return { status, failure, state, branch, settings, nowMs, isSetUp, today, boot, refresh, updateSetting, tick }
})
