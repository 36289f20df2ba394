/**
 * The low counter's journeys in real Chromium on the demo branch: a mortgage client is offered the
 * bundle, accepts two products and the confirmed points reach the region's ranking; a cancelled sale's
 * points leave it again; a C2 client cannot accept an R4 fund; a teller's referral is credited to the
 * teller when the sale is confirmed; the figures export to Excel.
 * The browser's clock is pinned (a Wednesday morning in Shanghai) whenever the test runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import ExcelJS from 'exceljs'
import { launchBrowser, newTerminal } from './support/browser'
import { expectNoPageErrors, loadDemoBranch, readTable, signIn } from './support/app'
import { DEMO } from './support/accounts'

interface StoredClient {
  id: string
  surname: string
  givenName: string
  segment: 'mass' | 'mid' | 'high'
  birthday: string | null
  riskRating: string | null
  riskRatedOn: string | null
  deleted: number
}
interface StoredOffer {
  id: string
  clientId: string | null
  productCode: string
  outcome: string
  saleStatus: string | null
  staffId: string
}
interface StoredHolding {
  clientId: string
  productCode: string
  deleted: number
}

const MORTGAGE_BUNDLE = ['EB_SMS', 'FUND_BOND', 'INS_ACCIDENT'] as const

/** A client who could be offered these products today: rated `rating` within the year, in the segments, aged 25–60, holding none of them. */
async function findClient(page: Page, today: string, rating: string, segments: StoredClient['segment'][], products: readonly string[]): Promise<StoredClient> {
  const [clients, offers, holdings] = await Promise.all([readTable<StoredClient>(page, 'clients'), readTable<StoredOffer>(page, 'offers'), readTable<StoredHolding>(page, 'holdings')])
  const held = new Set([...holdings.filter((h) => h.deleted === 0).map((h) => `${h.clientId}|${h.productCode}`), ...offers.filter((o) => o.saleStatus === 'pending' || o.saleStatus === 'fulfilled').map((o) => `${o.clientId}|${o.productCode}`)])
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`
  const age = (birthday: string) => Number(today.slice(0, 4)) - Number(birthday.slice(0, 4)) - (today.slice(5) < birthday.slice(5) ? 1 : 0)
  const found = clients.find(
    (c) =>
      c.deleted === 0 && c.riskRating === rating && c.riskRatedOn !== null && c.riskRatedOn > yearAgo && segments.includes(c.segment) && c.birthday !== null && age(c.birthday) >= 25 && age(c.birthday) <= 60 && products.every((p) => !held.has(`${c.id}|${p}`)),
  )
  if (!found) throw new Error(`The demo has no ${rating} client for ${products.join(', ')}`)
  return found
}

/** Finds the client on the counter's landing page and opens the offer panel for them. */
async function openOfferFor(page: Page, client: StoredClient): Promise<void> {
  await page.goto('/counter')
  await page.getByTestId('offer-client-search').fill(`${client.surname}${client.givenName}`)
  await page.getByTestId(`offer-client-${client.id}`).click()
  await page.getByTestId('offer-panel').waitFor()
}

/** A person's final points in their role's ranking of the current quarter. */
async function rankingPoints(page: Page, role: string, staffNo: string): Promise<number> {
  await page.goto('/counter/rankings')
  await page.getByTestId(`ranking-role-${role}`).click()
  const row = page.getByTestId(`ranking-row-${staffNo}`)
  await row.waitFor()
  return Number((await row.getByTestId('ranking-final').innerText()).replace(/[^\d-]/g, ''))
}

/** Confirms (opened/activated) a pending sale on the sales page. */
async function confirmSale(page: Page, offerId: string): Promise<void> {
  await page.goto('/counter/sales')
  await page.getByTestId(`sale-confirm-${offerId}`).click()
  await page.getByTestId(`settled-${offerId}`).waitFor()
}

async function offersOf(page: Page, clientId: string): Promise<StoredOffer[]> {
  return (await readTable<StoredOffer>(page, 'offers')).filter((o) => o.clientId === clientId)
}

describe('the low counter', () => {
  let browser: Browser
  let context: BrowserContext
  let counter: Page
  let errors: string[]
  const today = '2026-12-02'

  beforeAll(async () => {
    browser = await launchBrowser()
    ;({ context, page: counter, errors } = await newTerminal(browser))
    await counter.clock.install({ time: new Date('2026-12-02T10:30:00+08:00') })
    await loadDemoBranch(counter)
    await signIn(counter, DEMO.lowCounter.staffNo, DEMO.lowCounter.pin)
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })

  it('a mortgage client is offered SMS alerts, a fund and insurance, accepts two; confirmed, the points appear in the ranking, and a cancelled sale’s points leave it', async () => {
    const before = await rankingPoints(counter, 'low_counter', DEMO.lowCounter.staffNo)
    const client = await findClient(counter, today, 'C3', ['mid', 'high'], MORTGAGE_BUNDLE)
    const earlier = new Set((await offersOf(counter, client.id)).map((o) => o.id))
    await openOfferFor(counter, client)
    await counter.getByTestId('offer-anchor-LOAN_MORTGAGE').click()
    for (const code of MORTGAGE_BUNDLE) await counter.getByTestId(`offer-line-${code}`).waitFor()

    await counter.getByTestId('offer-outcome-EB_SMS-accepted').click()
    await counter.getByTestId('offer-outcome-FUND_BOND-accepted').click()
    // A fund sale waits for its 双录 evidence.
    expect(await counter.getByTestId('offer-save').isDisabled()).toBe(true)
    await counter.getByTestId('offer-recording-ref-FUND_BOND').fill('SL-20261202-0042')
    await counter.getByTestId('offer-disclosure-FUND_BOND').click()
    await counter.getByTestId('offer-outcome-INS_ACCIDENT-declined').click()
    await counter.getByTestId('offer-decline-reason-INS_ACCIDENT-has_elsewhere').click()
    await counter.getByTestId('offer-save').click()
    await counter.getByTestId('offer-lines-empty').or(counter.getByTestId('offer-client-search')).first().waitFor()

    const offers = (await offersOf(counter, client.id)).filter((o) => !earlier.has(o.id))
    expect(offers.map((o) => [o.productCode, o.outcome]).sort()).toEqual([
      ['EB_SMS', 'accepted'],
      ['FUND_BOND', 'accepted'],
      ['INS_ACCIDENT', 'declined'],
    ])
    const sms = offers.find((o) => o.productCode === 'EB_SMS')!
    const fund = offers.find((o) => o.productCode === 'FUND_BOND')!
    // Provisional until the products are opened: the ranking counts final points.
    expect(await rankingPoints(counter, 'low_counter', DEMO.lowCounter.staffNo)).toBe(before)
    await confirmSale(counter, sms.id)
    await confirmSale(counter, fund.id)
    expect(await rankingPoints(counter, 'low_counter', DEMO.lowCounter.staffNo)).toBe(before + 2 + 15)

    // The client cancels the fund within the clawback window: its points leave the ranking.
    await counter.goto('/counter/sales')
    await counter.getByTestId(`sale-cancel-${fund.id}`).click()
    await counter.getByTestId('sale-cancel-confirm').click()
    await counter.getByTestId(`sale-cancel-${fund.id}`).waitFor({ state: 'detached' })
    expect(await rankingPoints(counter, 'low_counter', DEMO.lowCounter.staffNo)).toBe(before + 2)
    expectNoPageErrors(errors)
  })

  it('a C2 client cannot accept an R4 fund: the reason is given and a new rating is offered', async () => {
    const client = await findClient(counter, today, 'C2', ['mid', 'high'], ['FUND_EQUITY'])
    await openOfferFor(counter, client)
    await counter.getByTestId('offer-anchor-LOAN_MORTGAGE').click()
    await counter.getByTestId('offer-line-FUND_EQUITY').waitFor()
    expect(await counter.getByTestId('offer-outcome-FUND_EQUITY-accepted').isDisabled()).toBe(true)
    expect(await counter.getByTestId('offer-unsuitable-FUND_EQUITY').innerText()).toContain('C2')
    await counter.getByTestId('offer-rerate-FUND_EQUITY').click()
    await counter.getByTestId('offer-rerate-dialog').waitFor()
    expectNoPageErrors(errors)
  })

  it('the figures export to an Excel workbook', async () => {
    await counter.goto('/counter/figures')
    await counter.getByTestId('figures-period-this_quarter').click()
    const download = counter.waitForEvent('download')
    await counter.getByTestId('figures-export').click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await streamToBuffer(await file.createReadStream()))
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(4)
    expect(workbook.worksheets.every((sheet) => sheet.rowCount > 1)).toBe(true)
    expectNoPageErrors(errors)
  })
})

async function streamToBuffer(stream: NodeJS.ReadableStream): Promise<ArrayBuffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer))
  const whole = Buffer.concat(chunks)
  return whole.buffer.slice(whole.byteOffset, whole.byteOffset + whole.byteLength) as ArrayBuffer
}

describe('a teller’s referral', () => {
  let browser: Browser
  let context: BrowserContext
  let lobby: Page
  let errors: string[]

  beforeAll(async () => {
    browser = await launchBrowser()
    ;({ context, page: lobby, errors } = await newTerminal(browser))
    // Before opening: the demo's day has no arrivals yet, so the teller's next client is ours.
    await lobby.clock.install({ time: new Date('2026-12-02T08:40:00+08:00') })
    await loadDemoBranch(lobby)
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })

  it('is made in two taps at the high counter, taken at the low counter, and credited to the teller when the sale is confirmed', async () => {
    await signIn(lobby, DEMO.lobbyManager.staffNo, DEMO.lobbyManager.pin)
    const client = await findClient(lobby, '2026-12-02', 'C3', ['mass', 'mid', 'high'], ['CARD_CREDIT'])
    await lobby.goto('/lobby')
    await lobby.getByTestId('new-arrival').click()
    await lobby.getByTestId('finder-input').fill(`${client.surname}${client.givenName}`)
    await lobby.getByTestId(`finder-result-${client.id}`).click()
    await lobby.getByTestId('purpose-cash').click()
    await lobby.getByTestId('issue-ticket').click()
    await lobby.getByTestId('ticket-code').waitFor()

    // The teller calls the client and refers them to the low counter: two taps.
    const teller = await context.newPage()
    teller.on('pageerror', (err) => errors.push(String(err)))
    await signIn(teller, DEMO.highCounter.staffNo, DEMO.highCounter.pin)
    await teller.goto('/station')
    await teller.getByTestId('station-point-high_counter-1').click()
    await teller.getByTestId('sign-on').click()
    await teller.getByTestId('call-next').click()
    await teller.getByTestId('current-ticket').waitFor()
    await teller.getByTestId('refer-client').click()
    await teller.getByTestId('refer-to-low_counter').click()
    await teller.getByTestId('refer-dialog').waitFor({ state: 'hidden' })
    const tellerBefore = await rankingPoints(teller, 'high_counter', DEMO.highCounter.staffNo)

    // The low counter takes the referral and sells a credit card.
    const seller = await context.newPage()
    seller.on('pageerror', (err) => errors.push(String(err)))
    await signIn(seller, DEMO.lowCounter.staffNo, DEMO.lowCounter.pin)
    const referral = (await readTable<{ id: string; clientId: string | null; status: string }>(seller, 'referrals')).find((r) => r.clientId === client.id && r.status === 'open')!
    await seller.goto('/counter/follow-ups')
    await seller.getByTestId(`referral-take-${referral.id}`).click()
    await seller.getByTestId('offer-context-referral').waitFor()
    if (!(await seller.getByTestId('offer-line-CARD_CREDIT').isVisible())) {
      await seller.getByTestId('offer-add').click()
      await seller.getByTestId('offer-add-CARD_CREDIT').click()
    }
    await seller.getByTestId('offer-outcome-CARD_CREDIT-accepted').click()
    await seller.getByTestId('offer-save').click()
    await seller.getByTestId('offer-context-referral').waitFor({ state: 'detached' })
    const sale = (await offersOf(seller, client.id)).find((o) => o.productCode === 'CARD_CREDIT' && o.outcome === 'accepted')!

    // Provisional until the card is activated; then the teller's share (30 % of 15, rounded down) is final.
    expect(await rankingPoints(teller, 'high_counter', DEMO.highCounter.staffNo)).toBe(tellerBefore)
    await confirmSale(seller, sale.id)
    expect(await rankingPoints(teller, 'high_counter', DEMO.highCounter.staffNo)).toBe(tellerBefore + 4)
    expectNoPageErrors(errors)
  })
})
