import { onScopeDispose, ref, watch } from 'vue'
import { useLive } from '@/composables/useLive'
import { useComplaintsStore } from '@/stores/complaints'
import type { Complaint } from '@/domain/model/records'

/**
 * The branch's complaints, live, with the clock they are judged by (ticking every 30 s). Whenever
 * the list loads or time moves on, the open ones found overdue are escalated to the branch head.
 */
export function useComplaintsLive() {
  const store = useComplaintsStore()
  const { value: complaints, error } = useLive<Complaint[] | null>(() => store.list(), null)
  const nowMs = ref(Date.now())
  const timer = setInterval(() => (nowMs.value = Date.now()), 30_000)
  onScopeDispose(() => clearInterval(timer))

  watch(
    [complaints, nowMs],
    ([list, at]) => {
      if (list) void store.escalateOverdue(list, at).catch((err: unknown) => console.error(err))
    },
    { immediate: true },
  )

  return { complaints, nowMs, error }
}
