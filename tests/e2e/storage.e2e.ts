import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { baseURL, launchBrowser, newTerminal } from './support/browser'
import { loadDemoBranch } from './support/app'

describe('storage failures become clear messages and lose nothing', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('a full disk during the demo load says so, writes nothing, and the load works once there is space', async () => {
    const { context, page } = await newTerminal(browser)
    const cdp = await context.newCDPSession(page)
    // Shrink this origin's quota far below what 2,000 clients need, before the app opens its
    // database (an open connection keeps the quota it started with).
    await page.goto('/icon.svg')
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: baseURL(), quotaSize: 200 * 1024 })
    await page.goto('/')
    await page.waitForURL('**/setup')
    await page.getByTestId('load-demo').click()
    const message = page.getByTestId('demo-error')
    await message.waitFor({ timeout: 60_000 })
    expect(await message.innerText()).toContain('存储空间已满')
    const clients = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('lobbydesk')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const tx = open.result.transaction('clients', 'readonly')
            const count = tx.objectStore('clients').count()
            count.onsuccess = () => {
              resolve(count.result)
              open.result.close()
            }
          }
        }),
    )
    expect(clients).toBe(0) // one transaction: no half-loaded branch
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: baseURL() })
    await loadDemoBranch(page)
    await context.close()
  })

  it('a second page holding an old version open blocks the upgrade with a message, and the app continues once it closes', async () => {
    const { context, page } = await newTerminal(browser)
    const holder = await context.newPage()
    await holder.goto('/icon.svg')
    // An "old version" of the database (IndexedDB version 1; Dexie's schema v1 is version 10) that ignores versionchange.
    await holder.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('lobbydesk', 1)
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            ;(window as unknown as { held: IDBDatabase }).held = open.result
            resolve()
          }
        }),
    )
    await page.goto('/')
    const problem = page.getByTestId('storage-problem')
    await problem.waitFor({ timeout: 15_000 })
    expect(await problem.getAttribute('data-kind')).toBe('blocked')
    expect(await problem.innerText()).toContain('关闭其他厅堂通窗口')
    await holder.close()
    await page.waitForURL('**/setup', { timeout: 15_000 })
    expect(await page.getByTestId('door-demo').isVisible()).toBe(true)
    await context.close()
  })
})
