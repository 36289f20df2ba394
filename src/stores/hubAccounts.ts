import { ref } from 'vue'
import { defineStore } from 'pinia'
import { HubAccountError, listTerminalAccounts, revokeTerminalAccount, type HubAccountProblem, type HubAdmin } from '@/db/sync/hubAccounts'
import type { TerminalAccount } from '@/domain/sync/hubAccounts'
import { useSyncStore } from './sync'
import { useTerminalStore } from './terminal'

export { HubAccountError }
export type { HubAccountProblem, HubAdmin, TerminalAccount }

/**
 * The branch's terminal users on its hub, for revoking a lost tablet from the admin area. The hub
 * admin's credentials come with each action and are kept by no store: the screen holds them while
 * it is open.
 */
export const useHubAccountsStore = defineStore('hubAccounts', () => {
  const sync = useSyncStore()
  const terminal = useTerminalStore()
  /** null until listed (and again once the screen is left). */
  const accounts = ref<TerminalAccount[] | null>(null)

  function hubUrl(): string {
    if (!sync.saved) throw new Error('This terminal is not connected to a hub.')
    return sync.saved.url
  }

  function drop(name: string): void {
    accounts.value = accounts.value?.filter((account) => account.name !== name) ?? null
  }

  /** Lists this branch's terminal users on the hub, the admin's credentials used for these requests only. */
  async function list(admin: HubAdmin): Promise<void> {
    const code = terminal.branch?.code
    if (!code) throw new Error('This terminal has no branch.')
    accounts.value = await listTerminalAccounts(hubUrl(), admin, code, sync.saved?.username || null)
  }

  /** Revokes one terminal's hub user (logged); revoking this terminal's own, the next round says it is refused. */
  async function revoke(admin: HubAdmin, name: string): Promise<void> {
    try {
      await revokeTerminalAccount(hubUrl(), admin, name)
    } catch (err) {
      // Already gone: the list stops offering it, and the person is still told.
      if (err instanceof HubAccountError && err.problem === 'gone') drop(name)
      throw err
    }
    drop(name)
    if (name === sync.saved?.username) void sync.syncNow()
  }

  /** Forgets the list: the screen was left. */
  function clear(): void {
    accounts.value = null
  }

  return { accounts, list, revoke, clear }
})
