import { reactive } from 'vue'

/** A destructive step waiting for the person to confirm it: the one confirm dialog of the product. */
export interface ConfirmRequest {
  title: string
  /** What will happen, in one sentence. */
  message: string
  /** What will be lost or changed, one line each: the dialog always says it. */
  losses: readonly string[]
  confirmLabel: string
  /** data-testid of the confirm button, for browser tests. */
  testid: string
  /** The step itself. When it fails the dialog stays open and says why. */
  run: () => Promise<void>
}

export interface ConfirmAction {
  request: ConfirmRequest | null
  busy: boolean
  failure: string
  ask(request: ConfirmRequest): void
  confirm(): Promise<void>
  cancel(): void
}

/** State for <ConfirmDialog>: `ask` opens it, confirming runs the step and closes it when done. */
export function useConfirmAction(describeFailure: (err: unknown) => string): ConfirmAction {
  const state: ConfirmAction = reactive({
    request: null,
    busy: false,
    failure: '',
    ask(request: ConfirmRequest) {
      state.request = request
      state.failure = ''
    },
    async confirm() {
      if (!state.request || state.busy) return
      state.busy = true
      state.failure = ''
      try {
        await state.request.run()
        state.request = null
      } catch (err) {
        state.failure = describeFailure(err)
      } finally {
        state.busy = false
      }
    },
    cancel() {
      if (!state.busy) state.request = null
    },
  })
  return state
}
