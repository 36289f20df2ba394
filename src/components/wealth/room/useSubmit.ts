import { ref } from 'vue'

/** A form's save: busy while it runs, and what went wrong (in the user's words) when it failed; nothing half-saved. */
export function useSubmit(failureText: (err: unknown) => string) {
  const saving = ref(false)
  const failure = ref('')

  async function submit(work: () => Promise<void>): Promise<void> {
    failure.value = ''
    saving.value = true
    try {
      await work()
    } catch (err) {
      failure.value = failureText(err)
    } finally {
      saving.value = false
    }
  }

  return { saving, failure, submit }
}
