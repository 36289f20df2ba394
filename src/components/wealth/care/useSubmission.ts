import { ref } from 'vue'
import { useFeedback } from '@/components/common/useFeedback'

/**
 * The save of a small form: field messages show from the first try, one save runs at a time, a
 * success is a toast, and a failure is said plainly next to the button.
 */
export function useSubmission() {
  const { toast, failureText } = useFeedback()
  const tried = ref(false)
  const busy = ref(false)
  const failure = ref('')

  /** Saves unless the form still has problems; `save` returns the toast to show, or null when it refused. */
  async function submit(hasProblems: boolean, save: () => Promise<string | null>): Promise<boolean> {
    tried.value = true
    failure.value = ''
    if (hasProblems || busy.value) return false
    busy.value = true
    try {
      const done = await save()
      if (done !== null) toast(done)
      return done !== null
    } catch (err) {
      failure.value = failureText(err)
      return false
    } finally {
      busy.value = false
    }
  }

  return { tried, busy, failure, submit }
}
