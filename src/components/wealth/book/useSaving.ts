import { ref } from 'vue'
import { useFeedback } from '@/components/common/useFeedback'

/**
 * The save step of the VIP-book forms: busy while it runs, and a failure said in the user's
 * language (nothing was saved) instead of thrown.
 */
export function useSaving() {
  const { toast, failureText } = useFeedback()
  const saving = ref(false)
  const failure = ref('')

  async function run(step: () => Promise<unknown>): Promise<void> {
    failure.value = ''
    saving.value = true
    try {
      await step()
    } catch (err) {
      failure.value = failureText(err)
    } finally {
      saving.value = false
    }
  }

  return { saving, failure, run, toast, failureText }
}
