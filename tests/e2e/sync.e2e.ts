/**
 * Three terminals of one branch on one hub, each its own browser context (so its own IndexedDB), as
 * three machines are: the lobby manager's tablet issues a ticket, the teller's terminal calls it,
 * and the lobby TV announces the call (to the speech recorder). The hub is the in-memory
 * CouchDB-compatible server prepared by the setup script: a user per terminal, the validation installed.
 *
 * Each terminal loads the same demo branch (its records never replicate: every demo terminal holds
 * them) and starts from an empty business day; what the journey creates does replicate. The
 * browsers' clocks are pinned to the same Wednesday morning in Shanghai.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startHubServer, type HubServer } from '../../scripts/hubServer.mjs'
import { launchBrowser, newTerminal } from './support/browser'
import { expectNoPageErrors, loadDemoBranch, readTable, signIn } from './support/app'
import { DEMO } from './support/accounts'
import { connectToHub, prepareHub } from './support/hub'
import { clearTodaysLobby } from './support/lobbyDay'
import { SPEECH_RECORDER, spoken } from './support/speech'

const START = new Date('2026-12-02T10:00:00+08:00')
const DATABASE = 'branch-bj001'
const REGION = { code: 'BJ', database: 'region-bj' }

/** Terminal users' passwords, as the setup script printed them. */
const passwords: Record<string, string> = {}

async function prepareBranchHub(hub: HubServer, branchCode: string, terminals: string[]): Promise<void> {
  Object.assign(passwords, await prepareHub(hub, { region: REGION, branches: [{ code: branchCode, terminals }] }))
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
    await connectToHub(page, { url: hub.url, database: DATABASE, username: user, password: passwords[user]! })
    return page
  }

  beforeAll(async () => {
    hub = await startHubServer({ port: 0 })
    await prepareBranchHub(hub, 'BJ001', ['lobby-tablet', 'counter-1', 'lobby-tv'])
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

describe('a new terminal joins a real branch through its hub', () => {
  const FIRST_ADMIN = { staffNo: '8001', pin: '246810' }
  let hub: HubServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[] = []

  beforeAll(async () => {
    hub = await startHubServer({ port: 0 })
    await prepareBranchHub(hub, 'HZ001', ['office-pc', 'new-tablet'])
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await hub?.stop()
  })

  async function blankTerminal(name: string): Promise<Page> {
    const { context, page } = await newTerminal(browser)
    contexts.push(context)
    page.on('pageerror', (err) => errors.push(`${name}: ${err.message}`))
    return page
  }

  it('the branch set up on one terminal is downloaded by another with its progress, and its administrator signs in there', async () => {
    const office = await blankTerminal('office-pc')
    await office.goto('/')
    await office.getByTestId('open-branch-setup').click()
    await office.getByTestId('branch-name').fill('城西支行')
    await office.getByTestId('branch-code').fill('HZ001')
    await office.getByTestId('branch-regionName').fill('滨江分行')
    await office.getByTestId('branch-regionCode').fill('BJ')
    await office.getByTestId('person-staffNo').fill(FIRST_ADMIN.staffNo)
    await office.getByTestId('person-surname').fill('林')
    await office.getByTestId('person-givenName').fill('晓')
    await office.getByTestId('person-pin').fill(FIRST_ADMIN.pin)
    await office.getByTestId('person-pinAgain').fill(FIRST_ADMIN.pin)
    await office.getByTestId('branch-setup-submit').click()
    await office.waitForURL('**/sign-in')
    await connectToHub(office, { url: hub.url, database: 'branch-hz001', username: 'office-pc', password: passwords['office-pc']! }, FIRST_ADMIN)

    const tablet = await blankTerminal('new-tablet')
    await tablet.goto('/')
    await tablet.getByTestId('open-join').click()
    await tablet.getByTestId('join-url').fill(hub.url)
    await tablet.getByTestId('join-database').fill('branch-hz001')
    await tablet.getByTestId('join-username').fill('new-tablet')
    await tablet.getByTestId('join-password').fill(passwords['new-tablet']!)
    await tablet.getByTestId('join-test').click()
    await tablet.locator('[data-testid="join-check-result"][data-ok="true"]').waitFor()
    await tablet.getByTestId('join-download').click()
    await tablet.getByTestId('join-downloaded').waitFor({ timeout: 60_000 })
    expect(await tablet.getByTestId('join-form').innerText()).toContain('城西支行 · HZ001')
    await tablet.getByTestId('join-finish').click()
    await tablet.waitForURL('**/sign-in')

    await signIn(tablet, FIRST_ADMIN.staffNo, FIRST_ADMIN.pin)
    await tablet.locator('[data-testid="sync-status"][data-phase="current"]').waitFor({ timeout: 30_000 })
    expect(await tablet.getByTestId('shell-branch').innerText()).toContain('城西支行')
    expectNoPageErrors(errors)
  })
})
