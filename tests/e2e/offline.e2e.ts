import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { baseURL, launchBrowser, TABLET_LANDSCAPE } from './support/browser'
import { loadDemoBranch, signIn, textOf } from './support/app'
import { DEMO } from './support/accounts'

describe('a terminal that has loaded the app once works with the network off', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('starts from the service worker’s cache offline and signs in', async () => {
    // This test needs the service worker, unlike the others.
    const context = await browser.newContext({ viewport: TABLET_LANDSCAPE, baseURL: baseURL(), serviceWorkers: 'allow' })
    const page = await context.newPage()
    await loadDemoBranch(page)
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready
      return registration.active?.state
    })
    await context.setOffline(true)
    await page.reload()
    await page.getByTestId('signin-next').waitFor({ timeout: 15_000 })
    await signIn(page, DEMO.branchHead.staffNo, DEMO.branchHead.pin)
    await page.getByTestId('clients-total').waitFor()
    expect(await textOf(page, 'clients-total')).toBe('2,000')
    await context.close()
  })
})
