import { ref, shallowRef } from 'vue'

/** A file picked from the device and the passphrase that opens it. */
export function useChosenFile() {
  const fileInput = ref<HTMLInputElement>()
  const file = shallowRef<File | null>(null)
  const passphrase = ref('')

  function takeChosenFile(): void {
    file.value = fileInput.value?.files?.[0] ?? null
  }
  function forgetFile(): void {
    if (fileInput.value) fileInput.value.value = ''
    file.value = null
    passphrase.value = ''
  }
  /** The file and its passphrase, or what is still missing (the message's key, named alike on every screen that opens a file). */
  function filled(): { file: File; passphrase: string } | 'chooseFile' | 'enterPassphrase' {
    if (!file.value) return 'chooseFile'
    return passphrase.value ? { file: file.value, passphrase: passphrase.value } : 'enterPassphrase'
  }

  return { fileInput, file, passphrase, takeChosenFile, forgetFile, filled }
}
