/**
 * Three terminals of one branch on one hub, each its own browser context (so its own IndexedDB), as
 * three machines are: the lobby manager's tablet issues a ticket, the teller's terminal calls it,
 * and the lobby TV announces the call (to the speech recorder). The hub is the in-memory
 * CouchDB-compatible server with a hub administrator and a user per terminal, as the setup makes.
 *
 * Each terminal loads the same demo branch (its records never replicate: every demo terminal holds
 * them) and starts from an empty business day; what the journey creates does replicate. The
 * browsers' clocks are pinned to the same Wednesday morning in Shanghai.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startHubServer, type HubServer } from '../../scripts/hubServer.mjs'
import { launchBrowser, newTerminal } from './support/browser'
import { expectNoPageErrors, loadDemoBranch, lockTerminal, readTable, signIn } from './support/app'
import { DEMO } from './support/accounts'
import { clearTodaysLobby } from './support/lobbyDay'
import { SPEECH_RECORDER, spoken } from './support/speech'

const START = new Date('2026-12-02T10:00:00+08:00')
const DATABASE = 'branch-bj001'
const HUB_ADMIN = { username: 'hubadmin', password: 'hub-admin-secret' }

/** The hub as the setup leaves it: an administrator, the branch database, one user per terminal. */
async function prepareHub(hub: HubServer, terminals: string[]): Promise<void> {
  const admin = { 'Content-Type': 'application/json', Authorization: `Basic ${btoa(`${HUB_ADMIN.username}:${HUB_ADMIN.password}`)}` }
  await fetch(`${hub.url}/_config/admins/${HUB_ADMIN.username}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(HUB_ADMIN.password) })
  await fetch(`${hub.url}/${DATABASE}`, { method: 'PUT', headers: admin })
  for (const name of terminals) {
    await fetch(`${hub.url}/_users/org.couchdb.user:${name}`, { method: 'PUT', headers: admin, body: JSON.stringify({ name, password: `${name}-secret`, roles: [], type: 'user' }) })
  }
}

/** The administrator points the terminal at the hub (Administration › 网点服务器) and waits until it is current. */
async function connectToHub(page: Page, hubUrl: string, terminalUser: string): Promise<void> {
  await signIn(page, DEMO.administrator.staffNo, DEMO.administrator.pin)
  await page.goto('/admin/hub')
  await page.getByTestId('hub-url').fill(hubUrl)
  await page.getByTestId('hub-database').fill(DATABASE)
  await page.getByTestId('hub-username').fill(terminalUser)
  await page.getByTestId('hub-password').fill(`${terminalUser}-secret`)
  await page.getByTestId('hub-test').click()
  await page.locator('[data-testid="hub-check-result"][data-ok="true"]').waitFor()
  await page.getByTestId('hub-save').click()
  await page.locator('[data-testid="sync-status"][data-phase="current"]').waitFor({ timeout: 60_000 })
  await lockTerminal(page)
}

describe('three terminals of one branch through the hub', () => {
  let hub: HubServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[] = []
  let lobby: Page
  let teller: Page
  let tv: Page

  async function terminal(user: string): Promise<Page> {
    const { context, page } = await newTerminal(browser)
    contexts.push(context)
    page.on('pageerror', (err) => errors.push(`${user}: ${err.message}`))
    await context.clock.install({ time: START })
    await loadDemoBranch(page)
    await clearTodaysLobby(page)
    await page.reload()
    await connectToHub(page, hub.url, user)
    return page
  }

  beforeAll(async () => {
    hub = await startHubServer({ port: 0 })
    await prepareHub(hub, ['lobby-tablet', 'counter-1', 'lobby-tv'])
    browser = await launchBrowser()
    lobby = await terminal('lobby-tablet')
    teller = await terminal('counter-1')
    tv = await terminal('lobby-tv')
  }, 400_000)
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await hub?.stop()
  })

  it('a ticket issued on the lobby tablet is called at the teller’s terminal, and the lobby TV announces it', async () => {
    await tv.addInitScript(SPEECH_RECORDER)
    await tv.setViewportSize({ width: 1920, height: 1080 })
    await tv.goto('/display')
    await tv.getByTestId('enable-sound').click()
    await tv.getByTestId('enable-sound').waitFor({ state: 'detached' })
    const afterTap = (await spoken(tv)).length

    await signIn(lobby, DEMO.lobbyManager.staffNo, DEMO.lobbyManager.pin)
    await lobby.goto('/lobby')
    await lobby.getByTestId('purpose-cash').click()
    await lobby.getByTestId('issue-ticket').click()
    const code = (await lobby.getByTestId('ticket-code').innerText()).trim()
    expect(code).toBe('A001')

    await signIn(teller, DEMO.highCounter.staffNo, DEMO.highCounter.pin)
    await teller.getByTestId('station-point-high_counter-1').click()
    await teller.getByTestId('sign-on').click()
    await teller.getByTestId('duty-point').waitFor()
    // The arrival from the other terminal is in this terminal's queue.
    await teller.getByTestId('call-next').click()
    await teller.getByTestId('current-ticket').filter({ hasText: code }).waitFor()

    await tv.getByTestId('display-current-ticket').filter({ hasText: code }).waitFor({ timeout: 10_000 })
    expect(await tv.getByTestId('display-current-point').innerText()).toContain('1号窗口')
    await expect.poll(async () => (await spoken(tv)).slice(afterTap).map((u) => u.text)).toEqual(['请 A 零 零 一 号 到 1 号窗口'])

    // The lobby tablet sees the call too, and every terminal holds the same visit's events.
    const events = async (page: Page) => (await readTable<{ id: string; demo?: number }>(page, 'visitEvents')).filter((e) => e.demo !== 1).map((e) => e.id).sort()
    await expect.poll(async () => (await events(lobby)).length).toBe((await events(teller)).length)
    expect(await events(tv)).toEqual(await events(teller))
    expectNoPageErrors(errors)
  })
})
