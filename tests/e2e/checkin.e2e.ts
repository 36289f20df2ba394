/**
 * The check-in at the door, in real Chromium on the demo branch: a cash walk-in in at most three
 * taps, a VIP recognised by phone tail and sent to the wealth room, the anti-fraud prompt for an
 * elderly client's transfer, the printed slip, and a reload mid-check-in. The browser's clock is
 * pinned to a weekday morning, when the demo branch's tellers are on duty, whenever the test runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, newTerminal } from './support/browser'
import { expectNoPageErrors, loadDemoBranch, signIn, textOf } from './support/app'
import { DEMO } from './support/accounts'

interface DemoClient {
  id: string
  surname: string
  givenName: string
  gender: 'M' | 'F' | null
  addressAs: string | null
  phone: string | null
  birthday: string | null
  vipTier: string | null
  deleted: number
}

/** Reads the demo branch's clients straight from IndexedDB, in the page. */
async function demoClients(page: Page): Promise<DemoClient[]> {
  return page.evaluate(
    () =>
      new Promise<DemoClient[]>((resolve, reject) => {
        const open = indexedDB.open('lobbydesk')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const request = open.result.transaction('clients').objectStore('clients').getAll()
          request.onsuccess = () => resolve(request.result as DemoClient[])
          request.onerror = () => reject(request.error)
        }
      }),
  )
}

interface StoredEvent {
  /** 1 on the demo branch's own lobby history. */
  demo?: number
  visitId: string
  kind: string
  data: Record<string, unknown>
}

async function visitEvents(page: Page): Promise<StoredEvent[]> {
  return page.evaluate(
    () =>
      new Promise<StoredEvent[]>((resolve, reject) => {
        const open = indexedDB.open('lobbydesk')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const request = open.result.transaction('visitEvents').objectStore('visitEvents').getAll()
          request.onsuccess = () => resolve(request.result as StoredEvent[])
          request.onerror = () => reject(request.error)
        }
      }),
  )
}

/** Back to a clean lobby home. */
async function toLobbyHome(page: Page): Promise<void> {
  await page.goto('/lobby')
  await page.getByTestId('purpose-grid').waitFor()
  await page.getByTestId('new-arrival').click()
}

async function findAndChoose(page: Page, query: string, clientId: string): Promise<void> {
  await page.getByTestId('finder-input').fill(query)
  await page.getByTestId(`finder-result-${clientId}`).click()
  await page.getByTestId('client-card').waitFor()
}

/** A Wednesday, 10:30 in Shanghai. */
const START = new Date('2026-12-02T10:30:00+08:00')

const pressed = async (page: Page, testId: string) => (await page.getByTestId(testId).getAttribute('aria-pressed')) === 'true'

describe('check-in at the door', () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let errors: string[]
  let clients: DemoClient[]
  const today = '2026-12-02'
  const sixtyFiveYearsAgo = `${Number(today.slice(0, 4)) - 65}${today.slice(4)}`

  beforeAll(async () => {
    browser = await launchBrowser()
    ;({ context, page, errors } = await newTerminal(browser))
    await page.clock.install({ time: START })
    await loadDemoBranch(page)
    await signIn(page, DEMO.lobbyManager.staffNo, DEMO.lobbyManager.pin)
    clients = (await demoClients(page)).filter((c) => c.deleted === 0)
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })

  it('the lobby manager lands on the check-in with the New arrival action and the purpose grid', async () => {
    await page.waitForURL('**/lobby')
    await page.getByTestId('purpose-grid').waitFor()
    expect(await page.getByTestId('new-arrival').isVisible()).toBe(true)
    expect(await page.getByTestId('purpose-grid').locator('button').count()).toBe(11)
  })

  it('(a) an anonymous cash walk-in gets an A ticket in at most three taps', async () => {
    await page.goto('/lobby')
    await page.getByTestId('purpose-grid').waitFor()
    let taps = 0
    const tap = async (testId: string) => {
      taps += 1
      await page.getByTestId(testId).click()
    }
    await tap('purpose-cash')
    await tap('issue-ticket')
    await page.getByTestId('ticket-code').waitFor()
    expect(taps).toBeLessThanOrEqual(3)
    expect(await textOf(page, 'ticket-code')).toMatch(/^A\d{3}$/)
    expect(await textOf(page, 'ticket-zone')).toContain('高柜')
    // The demo's morning has the high counter's tellers on duty: the estimate is a real number of minutes.
    expect(await textOf(page, 'ticket-wait')).not.toContain('当前没有开放窗口')
    expect(await textOf(page, 'ticket-wait')).toMatch(/\d+/)
    expect(await page.getByTestId('ticket-name').count()).toBe(0)
  })

  it('(d) the slip prints alone on 80 mm paper with the code at 96 px or more', async () => {
    await page.emulateMedia({ media: 'print' })
    try {
      expect(await page.getByTestId('ticket-slip').isVisible()).toBe(true)
      for (const hidden of ['lock', 'ticket-print', 'ticket-next', 'nav-lobby', 'shell-area']) expect(await page.getByTestId(hidden).isVisible(), hidden).toBe(false)
      const fontSize = await page.getByTestId('ticket-code').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      expect(fontSize).toBeGreaterThanOrEqual(96)
      const width = await page.getByTestId('ticket-slip').evaluate((el) => el.getBoundingClientRect().width)
      expect(width).toBeLessThanOrEqual((80 / 25.4) * 96) // no wider than the paper
      const pdf = await page.pdf({ width: '80mm', printBackground: true })
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      expect(pdf.length).toBeGreaterThan(1000)
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []
      expect(pages.length).toBe(1)
    } finally {
      await page.emulateMedia({ media: 'screen' })
    }
  })

  it('(b) a VIP found by phone tail is greeted by honorific and routed to the wealth room with a V ticket', async () => {
    const vip = clients.find((c) => c.vipTier !== null && c.phone && c.addressAs === null && c.gender !== null)
    expect(vip, 'the demo has a VIP with a phone and no preferred form of address').toBeDefined()
    if (!vip?.phone) return
    await page.getByTestId('ticket-next').click()
    await page.getByTestId('purpose-grid').waitFor()
    await findAndChoose(page, vip.phone.slice(-4), vip.id)
    expect(await textOf(page, 'client-greeting')).toBe(`${vip.surname}${vip.gender === 'M' ? '先生' : '女士'}`)
    await page.getByTestId('client-vip').waitFor()
    expect(await textOf(page, 'masked-phone')).toBe(`${vip.phone.slice(0, 3)}****${vip.phone.slice(-4)}`)
    await page.getByTestId('purpose-investment_consultation').click()
    expect(await page.getByTestId('triage-zone').getAttribute('data-zone')).toBe('wealth_room')
    expect(await textOf(page, 'triage-reasons')).toContain('贵宾')
    await page.getByTestId('issue-ticket').click()
    await page.getByTestId('ticket-code').waitFor()
    expect(await textOf(page, 'ticket-code')).toMatch(/^V\d{3}$/)
    expect(await textOf(page, 'ticket-name')).toBe(`${vip.surname}${'*'.repeat([...vip.givenName].length)}`)
  })

  it('(c) an elderly client’s transfer raises the anti-fraud prompt; a dissuaded client gets no ticket and the outcome is recorded', async () => {
    const elder = clients.find((c) => c.phone && c.birthday !== null && c.birthday <= sixtyFiveYearsAgo && c.vipTier === null)
    expect(elder, 'the demo has an elderly client with a phone').toBeDefined()
    if (!elder?.phone) return
    await toLobbyHome(page)
    await findAndChoose(page, elder.phone, elder.id)
    await page.getByTestId('purpose-transfer').click()
    await page.getByTestId('anti-fraud').waitFor()
    expect(await page.getByTestId('anti-fraud-trigger-elderly_transfer').isVisible()).toBe(true)
    expect(await page.getByTestId('anti-fraud').locator('[data-testid^="anti-fraud-q-"]').count()).toBe(6)
    // No outcome yet: no ticket, and the bar says why.
    await page.getByTestId('issue-ticket').click()
    await page.getByTestId('anti-fraud-error').waitFor()
    expect(page.url()).toContain('/lobby')
    expect(page.url()).not.toContain('/ticket/')
    await page.getByTestId('anti-fraud-q-safe_account').click()
    await page.getByTestId('anti-fraud-outcome-dissuaded').click()
    await page.getByTestId('record-anti-fraud').click()
    await page.getByTestId('anonymous-hint').waitFor() // back to a clean check-in
    // The demo's history holds checks of its own: only this test's events (not marked demo) count.
    const events = (await visitEvents(page)).filter((e) => e.demo !== 1)
    const check = events.find((e) => e.kind === 'anti_fraud_checked' && e.data.outcome === 'dissuaded')
    expect(check?.data).toMatchObject({ outcome: 'dissuaded', triggers: ['elderly_transfer'], flaggedQuestions: ['safe_account'] })
    const sameVisit = events.filter((e) => e.visitId === check?.visitId).map((e) => e.kind)
    expect(sameVisit).toContain('arrived')
    expect(sameVisit).not.toContain('ticket_issued')

    // The manager may let the next one proceed: the ticket is issued and the check goes with it.
    await findAndChoose(page, elder.phone, elder.id)
    await page.getByTestId('purpose-transfer').click()
    await page.getByTestId('anti-fraud-outcome-proceeded').click()
    await page.getByTestId('issue-ticket').click()
    await page.getByTestId('ticket-code').waitFor()
    expect(await textOf(page, 'ticket-code')).toMatch(/^S\d{3}$/)
    const after = (await visitEvents(page)).filter((e) => e.demo !== 1)
    expect(after.some((e) => e.kind === 'anti_fraud_checked' && e.data.outcome === 'proceeded')).toBe(true)
  })

  it('(e) a reload mid-check-in loses nothing', async () => {
    const someone = clients.find((c) => c.phone && c.vipTier === null && c.birthday !== null && c.birthday > '1975-01-01')
    if (!someone?.phone) throw new Error('no suitable demo client')
    await toLobbyHome(page)
    await findAndChoose(page, someone.phone, someone.id)
    const greeting = await textOf(page, 'client-greeting')
    await page.getByTestId('purpose-transfer').click()
    await page.getByTestId('care-disabled').click()
    await page.getByTestId('amount-input').fill('60000')
    await page.getByTestId('anti-fraud').waitFor() // large amount
    await page.getByTestId('anti-fraud-q-investment_promise').click()
    await page.getByTestId('anti-fraud-note').fill('客户称朋友介绍')
    await page.waitForTimeout(800) // the draft saves 300 ms after the last change

    await page.reload()
    if (page.url().includes('/sign-in')) await signIn(page, DEMO.lobbyManager.staffNo, DEMO.lobbyManager.pin)
    await page.getByTestId('client-card').waitFor()
    expect(await textOf(page, 'client-greeting')).toBe(greeting)
    expect(await pressed(page, 'purpose-transfer')).toBe(true)
    expect(await pressed(page, 'care-disabled')).toBe(true)
    expect(await page.getByTestId('amount-input').inputValue()).toBe('60000')
    expect(await page.getByTestId('anti-fraud-trigger-large_amount').isVisible()).toBe(true)
    expect(await pressed(page, 'anti-fraud-q-investment_promise')).toBe(true)
    expect(await page.getByTestId('anti-fraud-note').inputValue()).toBe('客户称朋友介绍')
    expect(await page.getByTestId('draft-restored').isVisible()).toBe(true)

    // The typed search comes back too, once the client is set aside.
    await page.getByTestId('client-change').click()
    expect(await page.getByTestId('finder-input').inputValue()).toBe(someone.phone)

    await page.getByTestId('new-arrival').click()
    expect(await pressed(page, 'purpose-transfer')).toBe(false)
    expect(await page.getByTestId('finder-input').inputValue()).toBe('')
  })

  it('raised no uncaught error in the page', () => {
    expectNoPageErrors(errors)
  })
})
