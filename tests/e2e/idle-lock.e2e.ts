import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, newTerminal } from './support/browser'
import { expectNoPageErrors, loadDemoBranch, lockTerminal, signIn } from './support/app'
import { DEMO } from './support/accounts'

describe('idle lock keeps a half-filled form as a draft for its author only', () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    browser = await launchBrowser()
    ;({ context, page, errors } = await newTerminal(browser))
    // A controllable clock: three idle minutes pass in an instant.
    await page.clock.install()
    await loadDemoBranch(page)
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })

  it('after three idle minutes the terminal locks back to the sign-in screen', async () => {
    await signIn(page, DEMO.administrator.staffNo, DEMO.administrator.pin)
    await page.goto('/admin/staff')
    await page.getByTestId('admin-staff-add').click()
    await page.getByTestId('staff-surname').fill('草稿')
    await page.getByTestId('staff-givenName').fill('未完')
    await page.clock.fastForward(1_000) // the draft is saved as the person types
    await page.clock.fastForward('03:05')
    await page.waitForURL('**/sign-in', { timeout: 10_000 })
  })

  it('somebody else signing in neither returns to that form nor sees the draft', async () => {
    await signIn(page, DEMO.branchHead.staffNo, DEMO.branchHead.pin)
    expect(new URL(page.url()).pathname).toBe('/dashboard')
    await page.goto('/admin/staff')
    await page.getByTestId('admin-staff-add').click()
    expect(await page.getByTestId('staff-surname').inputValue()).toBe('')
    expect(await page.getByTestId('draft-restored').count()).toBe(0)
    await page.keyboard.press('Escape')
    await lockTerminal(page)
  })

  it('the author signing in again is back on the form with the draft', async () => {
    await signIn(page, DEMO.administrator.staffNo, DEMO.administrator.pin)
    expect(page.url()).toContain('/admin/staff')
    await page.getByTestId('draft-restored').waitFor()
    expect(await page.getByTestId('staff-surname').inputValue()).toBe('草稿')
    expect(await page.getByTestId('staff-givenName').inputValue()).toBe('未完')
  })

  it('raised no uncaught error in the page', () => {
    expectNoPageErrors(errors)
  })
})
