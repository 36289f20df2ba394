/**
 * Where synchronisation starts: the sync module boots the sync store once the terminal's database
 * is open and the terminal is set up, never on a terminal still at first run.
 */
import { describe, expect, it, vi } from 'vitest'
import { createApp, nextTick } from 'vue'
import { createPinia } from 'pinia'
import { install } from '@/modules/sync'
import { useTerminalStore } from '@/stores/terminal'

const boot = vi.hoisted(() => vi.fn(async () => undefined))
vi.mock('@/stores/sync', () => ({ useSyncStore: () => ({ boot }) }))

/** Lets the watcher's dynamic import of the store settle. */
async function settle(): Promise<void> {
  await nextTick()
  await vi.dynamicImportSettled()
}

describe('booting synchronisation with the app', () => {
  it('waits for the database to open and the terminal to be set up, then boots the sync store', async () => {
    const app = createApp({ render: () => null })
    app.use(createPinia())
    install(app)
    const terminal = app.runWithContext(() => useTerminalStore())
    await settle()
    expect(boot).not.toHaveBeenCalled()

    terminal.status = 'ready'
    await settle()
    expect(boot).not.toHaveBeenCalled() // first run: nothing to synchronise yet

    terminal.state = { kind: 'branch', branchId: 'branch-1', region: { code: 'BJ', name: '滨江分行' } }
    await settle()
    expect(boot).toHaveBeenCalledTimes(1)
  })
})
