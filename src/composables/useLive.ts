import { onScopeDispose, shallowRef, watch, type Ref, type WatchSource } from 'vue'
import { observe, type Subscription } from '@/db/live'

/**
 * A value read from the database that stays current: when another tab or window of this device
 * writes what the query reads, the value updates without a reload. Re-subscribes when `deps` change.
 */
export function useLive<T>(query: () => Promise<T>, initial: T, deps: WatchSource[] = []): { value: Ref<T>; error: Ref<unknown> } {
  const value = shallowRef(initial) as Ref<T>
  const error = shallowRef<unknown>(null)
  let subscription: Subscription | null = null

  function start(): void {
    subscription?.unsubscribe()
    subscription = observe(
      query,
      (next) => {
        value.value = next
        error.value = null
      },
      (err) => (error.value = err),
    )
  }

  if (deps.length) watch(deps, start, { immediate: true })
  else start()
  onScopeDispose(() => subscription?.unsubscribe())
  return { value, error }
}
