import { ref } from 'vue'

/**
 * A form's save: field messages may show from the first try (`tried`), one save runs at a time, busy
 * while it runs (`saving`), and what went wrong said in the user's words (`failure`, from
 * `failureText`) next to the button; nothing half-saved. `work` checks what it must, saves, toasts
 * and closes; returning early is a refusal with the form's own messages.
 */
export function useSubmit(failureText: (err: unknown) => string) {
  const tried = ref(false)
  const saving = ref(false)
  const failure = ref('')

  async function submit(work: () => Promise<unknown>): Promise<void> {
    tried.value = true
    failure.value = ''
    if (saving.value) return
    saving.value = true
    try {
      await work()
    } catch (err) {
      failure.value = failureText(err)
    } finally {
      saving.value = false
    }
  }

  return { tried, saving, failure, submit }
}
