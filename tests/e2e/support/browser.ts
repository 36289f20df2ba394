/** Debian's Chromium driven by playwright-core; no tool downloads a browser of its own. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { inject } from 'vitest'

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

export const TABLET_LANDSCAPE = { width: 1280, height: 800 }
export const TABLET_PORTRAIT = { width: 800, height: 1280 }

export function baseURL(): string {
  return inject('baseURL')
}

/** Tabs not in front keep full speed, as on a branch terminal showing several windows side by side. */
const NO_BACKGROUND_THROTTLING = ['--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows']

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...NO_BACKGROUND_THROTTLING] })
}

/** A fresh profile (its own IndexedDB) at tablet size; the page fails the test on any page error. */
export async function newTerminal(browser: Browser, viewport = TABLET_LANDSCAPE): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, baseURL: baseURL(), serviceWorkers: 'block' })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (err) => errors.push(err.message))
  return { context, page, errors }
}
