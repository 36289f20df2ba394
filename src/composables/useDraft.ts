import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue'
import { useRoute } from 'vue-router'
import { useDebounceFn, useEventListener } from '@vueuse/core'
import { useSessionStore } from '@/stores/session'
import { useDraftsStore } from '@/stores/drafts'

/**
 * Keeps a form's model as a draft of the signed-in person: restored when they come back to the
 * form (after an idle lock or a reload), saved as they type, discarded with `clear()` once the
 * form is saved. Nobody else ever sees it.
 */
export function useDraft<T extends object>(formKey: string, model: Ref<T>) {
  const session = useSessionStore()
  const drafts = useDraftsStore()
  const route = useRoute()
  const staffId = session.staff?.id
  const restored = ref(false)
  let ready = false
  let dirty = false

  async function flush(): Promise<void> {
    if (!dirty || !staffId) return
    dirty = false
    await drafts.save(staffId, formKey, route.fullPath, JSON.parse(JSON.stringify(model.value)))
  }
  const saveSoon = useDebounceFn(flush, 300)

  onMounted(async () => {
    if (staffId) {
      const saved = await drafts.load<T>(staffId, formKey)
      if (saved) {
        model.value = { ...model.value, ...saved }
        restored.value = true
      }
    }
    ready = true
  })

  watch(
    model,
    () => {
      if (!ready) return
      dirty = true
      void saveSoon()
    },
    { deep: true },
  )

  const unregister = drafts.register(flush)
  useEventListener(window, 'pagehide', () => void flush())
  onBeforeUnmount(() => {
    void flush()
    unregister()
  })

  /** The form was saved or abandoned on purpose: forget the draft. */
  async function clear(): Promise<void> {
    dirty = false
    restored.value = false
    if (staffId) await drafts.discard(staffId, formKey)
  }

  return { restored, clear, flush }
}
