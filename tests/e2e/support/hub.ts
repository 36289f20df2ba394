/**
 * A hub as a branch and a region get it: CouchDB's administrator (as its container makes it), then
 * `npm run hub:setup` with the config, whose printed passwords the terminals are given; and a
 * terminal pointed at it by its administrator, as a person does it.
 */
import type { Page } from 'playwright-core'
import type { HubServer } from '../../../scripts/hubServer.mjs'
import { setUpHub } from '../../../scripts/hubSetup.mjs'
import { lockTerminal, signIn } from './app'
import { DEMO } from './accounts'

export const HUB_ADMIN = { username: 'hubadmin', password: 'hub-admin-secret' }

export interface HubConfig {
  region: { code: string; database: string }
  branches: { code: string; terminals: string[] }[]
  inspectors?: string[]
}

/** Prepares the hub with the setup script; returns the terminal users' passwords. */
export async function prepareHub(hub: HubServer, config: HubConfig): Promise<Record<string, string>> {
  await fetch(`${hub.url}/_config/admins/${HUB_ADMIN.username}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(HUB_ADMIN.password) })
  return (await setUpHub({ url: hub.url, admin: HUB_ADMIN, config, log: () => undefined })).passwords
}

export interface HubAccess {
  url: string
  /** The branch's database; empty for a terminal that shares with the region only. */
  database: string
  regionDatabase?: string
  username: string
  password: string
}

/** The administrator points the terminal at the hub (Administration › 网点服务器) and waits until it is current. */
export async function connectToHub(page: Page, access: HubAccess, administrator: { staffNo: string; pin: string } = DEMO.administrator): Promise<void> {
  await signIn(page, administrator.staffNo, administrator.pin)
  await page.goto('/admin/hub')
  await page.getByTestId('hub-url').fill(access.url)
  await page.getByTestId('hub-database').fill(access.database)
  await page.getByTestId('hub-region-database').fill(access.regionDatabase ?? '')
  await page.getByTestId('hub-username').fill(access.username)
  await page.getByTestId('hub-password').fill(access.password)
  await page.getByTestId('hub-test').click()
  await page.locator('[data-testid="hub-check-result"][data-ok="true"]').waitFor()
  await page.getByTestId('hub-save').click()
  await page.locator('[data-testid="sync-status"][data-phase="current"]').waitFor({ timeout: 60_000 })
  await lockTerminal(page)
}
