import { onScopeDispose, reactive, toValue, watch, type MaybeRefOrGetter } from 'vue'
import { useInspectionVisitsStore } from '@/stores/inspectionVisits'

/**
 * Object URLs for stored pictures (photos, signatures) by attachment id, made as the ids appear
 * and revoked when the screen goes, so a long visit's photos do not pile up in memory.
 */
export function usePictureUrls(ids: MaybeRefOrGetter<readonly string[]>) {
  const store = useInspectionVisitsStore()
  const urls = reactive(new Map<string, string>())
  let disposed = false

  watch(
    () => toValue(ids).filter((id) => !urls.has(id)),
    async (missing) => {
      if (missing.length === 0) return
      for (const picture of await store.pictures(missing)) {
        if (disposed || urls.has(picture.id)) continue
        urls.set(picture.id, URL.createObjectURL(picture.blob))
      }
    },
    { immediate: true },
  )

  onScopeDispose(() => {
    disposed = true
    for (const url of urls.values()) URL.revokeObjectURL(url)
    urls.clear()
  })

  return { urlOf: (id: string) => urls.get(id) }
}
