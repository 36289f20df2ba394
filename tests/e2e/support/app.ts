/** Steps of the user journeys, written once and shared by the browser tests. */
import { expect } from 'vitest'
import type { Page } from 'playwright-core'

/** First run → "Load demo branch" → the progress bar → the sign-in screen. */
export async function loadDemoBranch(page: Page): Promise<void> {
  await page.goto('/')
  await page.getByTestId('load-demo').click()
  await page.getByTestId('demo-progress').waitFor({ state: 'visible', timeout: 10_000 })
  await page.waitForURL('**/sign-in', { timeout: 90_000 })
}

/** Types a staff number and PIN on the on-screen keypad. */
export async function typeCredentials(page: Page, staffNo: string, pin: string): Promise<void> {
  await page.getByTestId('field-staffNo').click()
  await page.getByTestId('key-clear').click()
  for (const digit of staffNo) await page.getByTestId(`key-${digit}`).click()
  await page.getByTestId('signin-next').click()
  for (const digit of pin) await page.getByTestId(`key-${digit}`).click()
  await page.getByTestId('signin-submit').click()
}

/** Signs in and waits until the sign-in screen has gone. */
export async function signIn(page: Page, staffNo: string, pin: string): Promise<void> {
  if (!page.url().includes('/sign-in')) await page.goto('/sign-in')
  await typeCredentials(page, staffNo, pin)
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 15_000 })
}

/** Locks the terminal with the top-bar button. */
export async function lockTerminal(page: Page): Promise<void> {
  await page.getByTestId('lock').click()
  await page.waitForURL('**/sign-in')
}

export async function textOf(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).first().innerText()).trim()
}

export function expectNoPageErrors(errors: string[]): void {
  expect(errors, `uncaught errors in the page: ${errors.join('\n')}`).toEqual([])
}

/** Every row of one table of the app's IndexedDB, read in the page (for checks, never for setup). */
export async function readTable<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('lobbydesk')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll()
          request.onsuccess = () => {
            resolve(request.result as T[])
            open.result.close()
          }
          request.onerror = () => reject(request.error)
        }
      }),
    table,
  )
}
