import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, newTerminal } from './support/browser'
import { expectNoPageErrors, loadDemoBranch, lockTerminal, signIn, textOf, typeCredentials } from './support/app'
import { DEMO } from './support/accounts'

describe('sign-in, lockout, role guard and language', () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    browser = await launchBrowser()
    ;({ context, page, errors } = await newTerminal(browser))
    await loadDemoBranch(page)
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })

  it('five wrong PINs lock the staff number, and even the right PIN is then refused', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      await typeCredentials(page, DEMO.highCounter.staffNo, '111111')
      expect(await textOf(page, 'signin-message')).toContain(`${5 - attempt} 次`)
    }
    await typeCredentials(page, DEMO.highCounter.staffNo, '111111')
    expect(await textOf(page, 'signin-message')).toContain('已锁定')
    await typeCredentials(page, DEMO.highCounter.staffNo, DEMO.highCounter.pin)
    expect(await textOf(page, 'signin-message')).toContain('已锁定')
    expect(page.url()).toContain('/sign-in')
  })

  it('another staff number is not affected by that lock', async () => {
    await signIn(page, DEMO.lobbyManager.staffNo, DEMO.lobbyManager.pin)
    expect(page.url()).toContain('/lobby')
  })

  it('a direct URL to a page the role may not use goes back to the role’s home with a message', async () => {
    await page.goto('/admin/staff')
    await page.waitForURL('**/lobby')
    const message = page.locator('.el-message')
    await message.first().waitFor()
    expect(await message.first().innerText()).toContain('管理')
  })

  it('switching to English changes the screen at once and is kept after a reload', async () => {
    await page.getByTestId('lang-en').click()
    expect(await textOf(page, 'shell-area')).toBe('Lobby')
    await page.reload()
    await page.getByTestId('shell-area').waitFor()
    expect(await textOf(page, 'shell-area')).toBe('Lobby')
    await page.getByTestId('lang-zh-CN').click()
    expect(await textOf(page, 'shell-area')).toBe('大堂')
  })

  it('?lang=en in the address selects English too', async () => {
    await lockTerminal(page)
    await page.goto('/sign-in?lang=en')
    await page.getByTestId('signin-submit').or(page.getByTestId('signin-next')).first().waitFor()
    expect(await page.locator('h1').first().innerText()).toBe('Staff sign-in')
    await page.getByTestId('lang-zh-CN').click()
  })

  it('raised no uncaught error in the page', () => {
    expectNoPageErrors(errors)
  })
})
