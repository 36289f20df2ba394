// https://developer.mozilla.org/docs/Web/API/Web_Locks_API — synchronisation with the branch hub (src/stores/sync.ts: one tab replicates, holding a Web Lock) starts once the terminal's database is open and the terminal is set up
import { watch, type App } from 'vue'
import { useTerminalStore } from '@/stores/terminal'

export function install(app: App): void {
  const terminal = app.runWithContext(() => useTerminalStore())
  watch(
    () => terminal.status === 'ready' && terminal.isSetUp,
    async (ready) => {
      if (!ready) return
      // The sync store loads after the first screen: the sign-in screen does not wait for it.
      const { useSyncStore } = await import('@/stores/sync')
      await app.runWithContext(() => useSyncStore()).boot()
    },
    { immediate: true },
  )
}
