import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, newTerminal } from './support/browser'
import { expectNoPageErrors, loadDemoBranch, readTable, signIn } from './support/app'
import { DEMO } from './support/accounts'

/**
 * Issues cash tickets at the door, one after another, and returns the codes shown. The tab behind
 * the other gets no animation frames, which Playwright's "stable" check waits for: each button is
 * awaited visible, then clicked with `force` so both tabs really issue at the same time.
 */
async function issueCashTickets(page: Page, count: number): Promise<string[]> {
  const tap = async (testId: string) => {
    const button = page.getByTestId(testId)
    await button.waitFor()
    await button.click({ force: true })
  }
  const codes: string[] = []
  for (let i = 0; i < count; i++) {
    await tap('purpose-cash')
    await tap('issue-ticket')
    codes.push((await page.getByTestId('ticket-code').innerText()).trim())
    await tap('ticket-next')
  }
  return codes
}

describe('ticket numbers stay unique when two tabs issue at the same time', () => {
  let browser: Browser
  let context: BrowserContext
  let first: Page
  let errors: string[]

  beforeAll(async () => {
    browser = await launchBrowser()
    ;({ context, page: first, errors } = await newTerminal(browser))
    await loadDemoBranch(first)
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })

  it('two tabs issuing twenty tickets each at once produce forty distinct numbers', async () => {
    const second = await context.newPage()
    await signIn(first, DEMO.lobbyManager.staffNo, DEMO.lobbyManager.pin)
    await second.goto('/sign-in')
    await signIn(second, DEMO.lobbyManager.staffNo, DEMO.lobbyManager.pin)
    await Promise.all([first.goto('/lobby'), second.goto('/lobby')])

    const [a, b] = await Promise.all([issueCashTickets(first, 20), issueCashTickets(second, 20)])
    const shown = [...a, ...b]
    expect(new Set(shown).size).toBe(40)
    expect(shown.every((code) => /^A\d{3}$/.test(code))).toBe(true)

    // The demo's history already holds this morning's tickets: every A ticket of today, theirs
    // and these forty, must still be unique.
    const stored = await readTable<{ code: string; businessDate: string; prefix: string; demo?: number }>(first, 'tickets')
    const issuedHere = stored.filter((t) => t.demo !== 1)
    expect(issuedHere.map((t) => t.code).sort()).toEqual([...shown].sort())
    const today = issuedHere[0]!.businessDate
    const todaysA = stored.filter((t) => t.businessDate === today && t.prefix === 'A').map((t) => t.code)
    expect(new Set(todaysA).size).toBe(todaysA.length)
  })

  it('raised no uncaught error in the page', () => {
    expectNoPageErrors(errors)
  })
})
