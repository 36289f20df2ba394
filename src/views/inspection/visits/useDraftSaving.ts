import { onBeforeUnmount, ref } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'
import { useEventListener } from '@vueuse/core'

/**
 * Saving a draft as it is scored: each change is saved after a short pause (the last one wins),
 * and at once when the inspector leaves the screen or the tablet puts the page away. A failed save
 * keeps the answers here and says so; leaving the screen waits until it is saved or refuses (but
 * for the terminal's lock).
 */
export function useDraftSaving<T>(save: (value: T) => Promise<unknown>, describe: (err: unknown) => string, delayMs = 400) {
  const state = ref<'saved' | 'saving' | 'failed'>('saved')
  const failure = ref('')
  let pending: T | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let running: Promise<void> = Promise.resolve()

  function schedule(value: T): void {
    pending = value
    state.value = 'saving'
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void flush(), delayMs)
  }

  async function writeOnce(): Promise<void> {
    if (pending === null) return
    const value = pending
    pending = null
    try {
      await save(value)
      if (pending === null) state.value = 'saved'
    } catch (err) {
      pending ??= value
      state.value = 'failed'
      failure.value = describe(err)
    }
  }

  /** Saves what is waiting now; true once everything is saved. */
  async function flush(): Promise<boolean> {
    if (timer) clearTimeout(timer)
    timer = null
    running = running.then(writeOnce)
    await running
    return pending === null
  }

  // Locking the terminal always goes ahead: a lock must never wait on a failing save.
  onBeforeRouteLeave(async (to) => (await flush()) || to.name === 'sign-in')
  useEventListener(document, 'visibilitychange', () => document.visibilityState === 'hidden' && void flush())
  onBeforeUnmount(() => void flush())

  return { state, failure, schedule, flush }
}
