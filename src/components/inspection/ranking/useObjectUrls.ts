import { onScopeDispose, shallowRef, type Ref } from 'vue'

/**
 * Object URLs for pictures held as Blobs, revoked when replaced and when the component goes, so a
 * list of evidence photos does not keep their memory alive.
 */
export function useObjectUrls(): { urls: Ref<string[]>; show: (blobs: readonly Blob[]) => void } {
  const urls = shallowRef<string[]>([])
  const revoke = () => urls.value.forEach((url) => URL.revokeObjectURL(url))
  onScopeDispose(revoke)
  return {
    urls,
    show(blobs) {
      revoke()
      urls.value = blobs.map((blob) => URL.createObjectURL(blob))
    },
  }
}
