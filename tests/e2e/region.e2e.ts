/**
 * The region's journey (issue 9): two inspectors' tablets and the branch head's terminal on one hub,
 * each its own browser context with its own user made by the setup script. The inspectors' tablets
 * share with the region's database only; the branch head's terminal with its branch's and the
 * region's. Both inspectors score an outlet on the last Wednesday of the quarter: both visits reach
 * the branch head's terminal, and its quarterly ranking is the one a fourth terminal, which never
 * sees the hub, computes from the two visits' exchange files. When the quarter is over, one inspector
 * records the red flags: they reach the branch head's terminal on the outlets the files rank first.
 *
 * Every terminal loads the same demo region (its records never replicate: each terminal holds them,
 * under the same ids); what the journey creates does replicate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startHubServer, type HubServer } from '../../scripts/hubServer.mjs'
import { launchBrowser, newTerminal } from './support/browser'
import { expectNoPageErrors, loadDemoBranch, lockTerminal, readTable, signIn } from './support/app'
import { DEMO } from './support/accounts'
import { connectToHub, HUB_ADMIN, prepareHub } from './support/hub'
import { activeTemplate, exportVisits, importVisits, passEveryItem, rankingRows, redFlagOutlets, signAndSubmit, startVisit, type StoredInspection } from './support/inspection'

const LAST_WEDNESDAY = new Date('2026-12-30T09:30:00+08:00')
const NEXT_QUARTER = new Date('2027-01-04T09:30:00+08:00')
const REGION = { code: 'BJ', database: 'region-bj' }
const CONFIG = { region: REGION, branches: [{ code: 'BJ001', terminals: ['bj001-head-pc'] }], inspectors: ['inspector-jiang', 'inspector-shen'] }
const PASSPHRASE = 'binjiang-2026-q4'
/** The outlets the inspectors visit: the home branch and a sub-branch across town. */
const VISITED = { byJiang: 'BJ001', byShen: 'BJ010' }

/** A ranking's rows as anyone reads them: the branch head's terminal marks its own outlet (本网点), an inspector's does not. */
function withoutHomeMark(rows: readonly string[]): string[] {
  return rows.map((row) => row.split('\n').filter((line) => line !== '本网点').join('\n'))
}

interface StoredAward {
  quarter: string
  branchId: string
  outcome: string
  demo?: number
}
interface StoredBranch {
  id: string
  code: string
}

describe('two inspectors and a branch head through the region’s hub', () => {
  let hub: HubServer
  let browser: Browser
  let passwords: Record<string, string>
  const contexts: BrowserContext[] = []
  const errors: string[] = []
  const terminals: Partial<Record<'jiang' | 'shen' | 'head' | 'noHub', { context: BrowserContext; page: Page }>> = {}
  /** An opened terminal (each is opened before the tests, or by the first one). */
  const at = (name: keyof typeof terminals) => terminals[name]!
  const visits = { byJiang: '', byShen: '' }

  async function terminal(name: string): Promise<{ context: BrowserContext; page: Page }> {
    const opened = await newTerminal(browser)
    contexts.push(opened.context)
    opened.page.on('pageerror', (err) => errors.push(`${name}: ${err.message}`))
    await opened.context.clock.install({ time: LAST_WEDNESDAY })
    await loadDemoBranch(opened.page)
    return opened
  }

  /** The region database's copy of a record, read as the hub's administrator. */
  async function onHub<T>(id: string): Promise<T | null> {
    const response = await fetch(`${hub.url}/${REGION.database}/${encodeURIComponent(id)}`, { headers: { Authorization: `Basic ${btoa(`${HUB_ADMIN.username}:${HUB_ADMIN.password}`)}` } })
    return response.ok ? ((await response.json()) as { record: T }).record : null
  }

  /** An inspector scores every item of the outlet as passed, signs and submits; the visit is on the hub. */
  async function inspect(page: Page, inspector: { staffNo: string; pin: string }, outletCode: string): Promise<string> {
    await signIn(page, inspector.staffNo, inspector.pin)
    await page.waitForURL('**/inspection')
    const template = await activeTemplate(page)
    const id = await startVisit(page, outletCode)
    await passEveryItem(page, template)
    await signAndSubmit(page)
    await expect.poll(async () => (await onHub<StoredInspection>(`inspections:${id}`))?.status, { timeout: 30_000 }).toBe('submitted')
    return id
  }

  beforeAll(async () => {
    hub = await startHubServer({ port: 0 })
    passwords = await prepareHub(hub, CONFIG)
    browser = await launchBrowser()
    terminals.jiang = await terminal('inspector-jiang')
    await connectToHub(at('jiang').page, { url: hub.url, database: '', regionDatabase: REGION.database, username: 'inspector-jiang', password: passwords['inspector-jiang']! })
    terminals.shen = await terminal('inspector-shen')
    await connectToHub(at('shen').page, { url: hub.url, database: '', regionDatabase: REGION.database, username: 'inspector-shen', password: passwords['inspector-shen']! })
    terminals.head = await terminal('bj001-head-pc')
    await connectToHub(at('head').page, { url: hub.url, database: 'branch-bj001', regionDatabase: REGION.database, username: 'bj001-head-pc', password: passwords['bj001-head-pc']! })
  }, 400_000)
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await hub?.stop()
  })

  it('both inspectors’ visits reach the branch head’s terminal, which ranks the quarter as the two visits’ files do', async () => {
    visits.byJiang = await inspect(at('jiang').page, DEMO.inspector, VISITED.byJiang)
    visits.byShen = await inspect(at('shen').page, DEMO.secondInspector, VISITED.byShen)

    const head = at('head').page
    await signIn(head, DEMO.branchHead.staffNo, DEMO.branchHead.pin)
    const arrived = async () => (await readTable<StoredInspection>(head, 'inspections')).filter((v) => v.id === visits.byJiang || v.id === visits.byShen).map((v) => v.status)
    await expect.poll(arrived, { timeout: 30_000 }).toEqual(['submitted', 'submitted'])
    // The visit of the branch itself waits for the branch head's acknowledgement.
    await head.goto('/inspection')
    await head.getByTestId(`visit-ack-${visits.byJiang}`).waitFor()
    const ranked = withoutHomeMark(await rankingRows(head))

    // Each inspector seals the visit into a file; a terminal that never sees the hub takes both in.
    const files = [await exportVisits(at('jiang').page, [visits.byJiang], PASSPHRASE), await exportVisits(at('shen').page, [visits.byShen], PASSPHRASE)]
    const noHub = await terminal('no-hub')
    terminals.noHub = noHub
    await signIn(noHub.page, DEMO.inspector.staffNo, DEMO.inspector.pin)
    expect(withoutHomeMark(await rankingRows(noHub.page))).not.toEqual(ranked)
    for (const file of files) await importVisits(noHub.page, file, PASSPHRASE)
    expect(withoutHomeMark(await rankingRows(noHub.page))).toEqual(ranked)
    // And the inspectors' tablets, each holding the other's visit from the hub, rank the same.
    await expect.poll(async () => withoutHomeMark(await rankingRows(at('jiang').page)), { timeout: 30_000 }).toEqual(ranked)
  })

  it('the red flags recorded after the quarter reach the branch head’s terminal on the outlets the files rank first', async () => {
    const { page, context } = at('jiang')
    await rankingRows(at('noHub').page)
    const fromFiles = await redFlagOutlets(at('noHub').page)
    expect(fromFiles.length).toBeGreaterThan(0)

    // Five days later: the tablet has locked itself meanwhile.
    await context.clock.setSystemTime(NEXT_QUARTER)
    await page.reload()
    await page.getByTestId('signin-next').or(page.getByTestId('lock')).first().waitFor()
    if (!page.url().includes('/sign-in')) await lockTerminal(page)
    await signIn(page, DEMO.inspector.staffNo, DEMO.inspector.pin)
    await page.goto('/inspection/rankings')
    await page.getByTestId('quarter-prev').click()
    await page.getByTestId('award-quarter').click()
    await page.getByTestId('award-confirm').click()
    await page.getByTestId('award-recorded').waitFor()

    const head = at('head').page
    const branches = new Map((await readTable<StoredBranch>(head, 'branches')).map((b) => [b.id, b.code]))
    const flagsOnHead = async () =>
      (await readTable<StoredAward>(head, 'inspectionAwards'))
        .filter((a) => a.demo !== 1 && a.quarter === '2026Q4' && a.outcome === 'red_flag')
        .map((a) => branches.get(a.branchId))
        .sort()
    await expect.poll(flagsOnHead, { timeout: 30_000 }).toEqual(fromFiles)
    await rankingRows(head)
    expect(await redFlagOutlets(head)).toEqual(fromFiles)
    await head.getByTestId('award-recorded').waitFor()
    expectNoPageErrors(errors)
  })
})
