import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, newTerminal } from './support/browser'
import { expectNoPageErrors, loadDemoBranch, lockTerminal, signIn, textOf } from './support/app'
import { DEMO } from './support/accounts'

describe('first run → demo branch → every role lands on its own home', () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    browser = await launchBrowser()
    ;({ context, page, errors } = await newTerminal(browser))
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })

  it('an empty terminal offers four doors', async () => {
    await page.goto('/')
    await page.waitForURL('**/setup')
    for (const door of ['door-demo', 'door-branch', 'door-inspector', 'door-join']) expect(await page.getByTestId(door).isVisible()).toBe(true)
  })

  it('loading the demo branch shows its progress and ends on the sign-in screen', async () => {
    await loadDemoBranch(page)
    expect(await textOf(page, 'signin-branch')).toBe('城东支行')
  })

  it('the branch head lands on the dashboard with the branch’s real figures', async () => {
    await signIn(page, DEMO.branchHead.staffNo, DEMO.branchHead.pin)
    await page.waitForURL('**/dashboard')
    await page.getByTestId('clients-total').waitFor()
    expect(await textOf(page, 'clients-total')).toBe('2,000')
    const vips = Number((await textOf(page, 'clients-vips')).replace(/,/g, ''))
    expect(vips).toBeGreaterThan(60)
    expect(vips).toBeLessThan(180)
    expect(await page.getByTestId('tile-birthdays').locator('li').count()).toBeGreaterThan(3)
    await lockTerminal(page)
  })

  it.each([
    ['administrator', DEMO.administrator, '/admin'],
    ['lobby manager', DEMO.lobbyManager, '/lobby'],
    ['high-counter teller', DEMO.highCounter, '/station'],
    ['low-counter teller', DEMO.lowCounter, '/counter'],
    ['wealth manager', DEMO.wealthManager, '/wealth'],
    ['inspector', DEMO.inspector, '/inspection'],
  ])('the %s signs in with the demo PIN and sees their own home', async (_role, account, home) => {
    await signIn(page, account.staffNo, account.pin)
    expect(new URL(page.url()).pathname.startsWith(home)).toBe(true)
    await lockTerminal(page)
  })

  it('raised no uncaught error in the page', () => {
    expectNoPageErrors(errors)
  })
})
