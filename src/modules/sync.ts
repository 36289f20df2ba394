// https://developer.mozilla.org/docs/Web/API/Web_Locks_API — synchronisation with the branch hub (src/stores/sync.ts: one tab replicates, holding a Web Lock) starts once the terminal's database is open and the terminal is set up
import { watch, type App } from 'vue'
import { useTerminalStore } from '@/stores/terminal'
import { useSyncStore } from '@/stores/sync'

export function install(app: App): void {
  app.runWithContext(() => {
    const terminal = useTerminalStore()
    const sync = useSyncStore()
    watch(
      () => terminal.status === 'ready' && terminal.isSetUp,
      (ready) => {
        if (ready) void sync.boot()
      },
      { immediate: true },
    )
  })
}
