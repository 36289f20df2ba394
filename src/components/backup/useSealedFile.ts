import { onBeforeUnmount, ref, shallowRef } from 'vue'
import type PassphrasePair from './PassphrasePair.vue'
import { useBackupErrorText } from './useBackupErrorText'

/**
 * A file sealed with a new passphrase: the passphrase pair is checked, the file made, offered as an
 * object URL to download, and that URL released when a new file replaces it or the screen closes.
 */
export function useSealedFile<Sealed extends { blob: Blob }>() {
  const errorText = useBackupErrorText()
  const passphrases = ref<InstanceType<typeof PassphrasePair>>()
  const working = ref(false)
  const failure = ref('')
  const created = shallowRef<(Sealed & { url: string }) | null>(null)

  function forgetFile(): void {
    if (created.value) URL.revokeObjectURL(created.value.url)
    created.value = null
  }
  onBeforeUnmount(forgetFile)

  /** True once the file is ready to download; a failure is left in `failure`. */
  async function seal(make: (passphrase: string) => Promise<Sealed>): Promise<boolean> {
    failure.value = ''
    const passphrase = await passphrases.value?.validPassphrase()
    if (!passphrase) return false
    forgetFile()
    working.value = true
    try {
      const file = await make(passphrase)
      created.value = { ...file, url: URL.createObjectURL(file.blob) }
      // The passphrase is not kept on screen once it has done its work.
      passphrases.value?.clear()
      return true
    } catch (err) {
      failure.value = errorText(err)
      return false
    } finally {
      working.value = false
    }
  }

  return { passphrases, working, failure, created, seal }
}
