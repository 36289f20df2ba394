/** element-plus drawers and dialogs render into <body>: these reach them by test id. */
import { nextTick } from 'vue'

export function byTestId(id: string): HTMLElement | null {
  return document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)
}

export function getByTestId(id: string): HTMLElement {
  const element = byTestId(id)
  if (!element) throw new Error(`No element with data-testid "${id}"`)
  return element
}

/** Types into an element-plus input (the test id sits on the <input> itself, or on its wrapper). */
export async function typeInto(id: string, value: string): Promise<void> {
  const element = getByTestId(id)
  const input = element instanceof HTMLInputElement ? element : element.querySelector('input')
  if (!input) throw new Error(`No input in "${id}"`)
  input.value = value
  input.dispatchEvent(new Event('input'))
  input.dispatchEvent(new Event('change'))
  input.dispatchEvent(new FocusEvent('blur'))
  await nextTick()
}

export async function click(id: string): Promise<void> {
  getByTestId(id).click()
  await nextTick()
}

/** A form field's test id: the form's prefix and the field's name in kebab case (`regionDatabase` → `hub-region-database`). */
export function fieldTestId(prefix: string, field: string): string {
  return `${prefix}-${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`
}
