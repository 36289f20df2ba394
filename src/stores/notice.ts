import { ref } from 'vue'
import { defineStore } from 'pinia'

export interface Notice {
  id: number
  kind: 'success' | 'warning' | 'error' | 'info'
  text: string
}

/** Messages raised outside a component (route guards, background work) for the shell to show. */
export const useNoticeStore = defineStore('notice', () => {
  const queue = ref<Notice[]>([])
  let next = 1

  function push(kind: Notice['kind'], text: string): void {
    queue.value.push({ id: next++, kind, text })
  }

  /** Shows a warning as soon as the shell can. */
  function warn(text: string): void {
    push('warning', text)
  }
  /** Shows a short success message. */
  function success(text: string): void {
    push('success', text)
  }
  /** Shows an error message that stays until read. */
  function error(text: string): void {
    push('error', text)
  }
  /** Hands the waiting messages to the shell and forgets them. */
  function drain(): Notice[] {
    const items = queue.value
    queue.value = []
    return items
  }

  return { queue, warn, success, error, drain }
})
