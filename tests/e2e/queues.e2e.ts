/**
 * The queues in a real browser: a teller's service point (sign on, call, start, finish, transfer,
 * recall, no-show and its undo), the lobby manager's board updating live in another tab, and the
 * lobby display in a third tab showing and speaking the calls. All three pages share one browser
 * context, hence one IndexedDB, as tabs of one terminal do.
 *
 * The browser's clock is pinned to a Wednesday morning in Shanghai, so the demo's morning, the
 * queues and the closing time do not depend on when the test runs; at the end it is moved on to the
 * lobby rules' closing time (18:00) and the day closes by itself.
 *
 * Test setup only: today's lobby records from the demo are cleared, and arrivals are written straight into IndexedDB (visit + ticket + 'arrived' and
 * 'ticket_issued' events with the same base fields the repository writes), because the check-in
 * screen is being built in parallel. Raw IndexedDB writes bypass Dexie's change feed, so pages are
 * (re)loaded after seeding. Everything after the seeding goes through the UI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, newTerminal } from './support/browser'
import { expectNoPageErrors, loadDemoBranch, readTable, signIn } from './support/app'
import { DEMO } from './support/accounts'
import { SPEECH_RECORDER, spoken } from './support/speech'
import { clearTodaysLobby } from './support/lobbyDay'

interface SeedArrival {
  zone: 'high_counter' | 'low_counter'
  prefix: string
  purpose: string
  minutesAgo: number
}

/** Writes arrivals as the check-in repository would; returns their ticket codes. */
async function seedArrivals(page: Page, arrivals: SeedArrival[]): Promise<string[]> {
  return page.evaluate(async (list) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('lobbydesk')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const request = <T>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))))
    const tx = db.transaction(['local', 'visits', 'tickets', 'visitEvents', 'dutySessions'], 'readwrite')
    const local = tx.objectStore('local')
    const branchId = ((await request(local.get('branchId'))) as { value: string }).value
    const deviceId = ((await request(local.get('deviceId'))) as { value: string }).value
    const businessDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
    const existing = (await request(tx.objectStore('tickets').getAll())) as { branchId: string; businessDate: string; prefix: string; seq: number }[]
    let counter = 0
    const base = (at: number) => ({ id: crypto.randomUUID(), createdAt: at, updatedAt: at, deviceId, hlc: `${String(at).padStart(13, '0')}-${(counter++).toString(16).padStart(4, '0')}-${deviceId}`, deleted: 0 })
    const codes: string[] = []
    for (const a of list) {
      const at = Date.now() - a.minutesAgo * 60_000
      const seq = 1 + Math.max(0, ...existing.filter((t) => t.branchId === branchId && t.businessDate === businessDate && t.prefix === a.prefix).map((t) => t.seq))
      const code = `${a.prefix}${String(seq).padStart(3, '0')}`
      const visit = { ...base(at), branchId, businessDate, clientId: null, purpose: a.purpose, zone: a.zone, arrivedAt: at, createdBy: null, appointmentId: null, details: { quotedMinutes: null, amountFen: null } }
      const ticket = { ...base(at), branchId, businessDate, zone: a.zone, prefix: a.prefix, seq, code, visitId: visit.id }
      const event = (kind: string, data: Record<string, unknown>) => ({ ...base(at), visitId: visit.id, branchId, businessDate, at, kind, servicePointId: null, staffId: null, data })
      tx.objectStore('visits').add(visit)
      tx.objectStore('tickets').add(ticket)
      tx.objectStore('visitEvents').add(event('arrived', { purpose: a.purpose, zone: a.zone, priorityClass: 'none', isVip: false, reasons: ['purpose_zone'], appointmentId: null, appointmentAt: null, antiFraudTriggers: [] }))
      tx.objectStore('visitEvents').add(event('ticket_issued', { ticketId: ticket.id, code, prefix: a.prefix, seq }))
      existing.push(ticket)
      codes.push(code)
    }
    await new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error))))
    db.close()
    return codes
  }, arrivals)
}

async function rowTickets(page: Page, zone: string): Promise<string[]> {
  return (await page.locator(`[data-testid="zone-${zone}"] [data-testid="row-ticket"]`).allInnerTexts()).map((s) => s.trim())
}

/** A Wednesday, 10:00 in Shanghai; the demo branch closes its business day by itself at 18:00. */
const START = new Date('2026-12-02T10:00:00+08:00')
const PAST_CLOSING = new Date('2026-12-02T18:00:05+08:00')

interface StoredClosure {
  businessDate: string
  closedBy: string | null
  unservedCount: number
}

async function currentTicket(page: Page): Promise<string> {
  return (await page.getByTestId('current-ticket').innerText()).trim()
}

describe('queues: service point, live board and lobby display', () => {
  let browser: Browser
  let context: BrowserContext
  let teller: Page
  let board: Page
  let display: Page
  let errors: string[]
  let codes: string[]

  beforeAll(async () => {
    browser = await launchBrowser()
    ;({ context, page: teller, errors } = await newTerminal(browser))
    await context.clock.install({ time: START })
    await loadDemoBranch(teller)
    // A001 → (a); A002 → transferred in (b); A003, A004 → no-show and undo in (c); B001, B002 in the low-counter queue.
    // The scenario starts from an empty business day, not the demo's morning.
    await clearTodaysLobby(teller)
    codes = await seedArrivals(teller, [
      { zone: 'high_counter', prefix: 'A', purpose: 'cash', minutesAgo: 40 },
      { zone: 'high_counter', prefix: 'A', purpose: 'cash', minutesAgo: 20 },
      { zone: 'high_counter', prefix: 'A', purpose: 'cash', minutesAgo: 15 },
      { zone: 'high_counter', prefix: 'A', purpose: 'cash', minutesAgo: 5 },
      { zone: 'low_counter', prefix: 'B', purpose: 'card', minutesAgo: 30 },
      { zone: 'low_counter', prefix: 'B', purpose: 'card', minutesAgo: 10 },
    ])
    await signIn(teller, DEMO.highCounter.staffNo, DEMO.highCounter.pin)

    board = await context.newPage()
    board.on('pageerror', (err) => errors.push(err.message))
    await board.goto('/sign-in?redirect=%2Flobby%2Fqueues')
    await signIn(board, DEMO.lobbyManager.staffNo, DEMO.lobbyManager.pin)
    await board.waitForURL('**/lobby/queues')
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })

  it('seeded six arrivals with the day’s first numbers', () => {
    expect(codes).toEqual(['A001', 'A002', 'A003', 'A004', 'B001', 'B002'])
  })

  it('(a) a teller signs on at window 1, calls next, starts and finishes with the services delivered', async () => {
    await teller.goto('/station')
    await teller.getByTestId('station-point-high_counter-1').click()
    await teller.getByTestId('sign-on').click()
    await teller.getByTestId('duty-point').waitFor()
    expect((await teller.getByTestId('duty-point').innerText()).trim()).toBe('1号窗口')
    await board.locator('[data-testid="zone-high_counter"] [data-testid="zone-open"]').filter({ hasText: '开放窗口 1 个' }).waitFor()

    await teller.getByTestId('call-next').click()
    await teller.getByTestId('current-ticket').waitFor()
    expect(await currentTicket(teller)).toBe('A001')
    await board.getByTestId('at-point-A001').waitFor() // live in the other tab
    expect(await board.getByTestId('at-point-A001').innerText()).toContain('1号窗口')

    await teller.getByTestId('action-start').click()
    await teller.locator('[data-testid="current-client"][data-status="serving"]').waitFor()
    await teller.getByTestId('action-finish').click()
    expect(await teller.getByTestId('service-cash').getAttribute('aria-pressed')).toBe('true')
    await teller.getByTestId('finish-submit').click()
    await teller.getByTestId('call-next').waitFor()
    await board.getByTestId('at-point-A001').waitFor({ state: 'detached' })
  })

  it('(b) a transfer placed by original arrival keeps the client’s place in the target queue', async () => {
    expect(await rowTickets(board, 'low_counter')).toEqual(['B001', 'B002'])
    await teller.getByTestId('call-next').click()
    await teller.getByTestId('current-ticket').waitFor()
    expect(await currentTicket(teller)).toBe('A002')
    await teller.getByTestId('action-transfer').click()
    await teller.getByTestId('transfer-zone-low_counter').click()
    await teller.getByTestId('transfer-placement-original').click()
    await teller.getByTestId('transfer-reason').fill('需办理银行卡')
    await teller.getByTestId('transfer-submit').click()
    await teller.getByTestId('call-next').waitFor()
    // A002 arrived 20 minutes ago: between B001 (30) and B002 (10), under its new B ticket.
    await board.locator('[data-testid="zone-low_counter"] [data-testid="waiting-row-B003"]').waitFor()
    expect(await rowTickets(board, 'low_counter')).toEqual(['B001', 'B003', 'B002'])
  })

  it('(c, d) the display speaks a call and its recall; a no-show needs the recalls and, undone, returns the client to their place', async () => {
    display = await context.newPage()
    display.on('pageerror', (err) => errors.push(err.message))
    await display.addInitScript(SPEECH_RECORDER)
    await display.setViewportSize({ width: 1920, height: 1080 })
    await display.goto('/display')
    await display.getByTestId('enable-sound').click()
    await display.getByTestId('enable-sound').waitFor({ state: 'detached' })
    const afterTap = (await spoken(display)).length

    await teller.getByTestId('call-next').click()
    await teller.getByTestId('current-ticket').waitFor()
    expect(await currentTicket(teller)).toBe('A003')

    await display.getByTestId('display-current-ticket').filter({ hasText: 'A003' }).waitFor()
    expect(await display.getByTestId('display-current-point').innerText()).toContain('1号窗口')
    await expect.poll(async () => (await spoken(display)).slice(afterTap)).toEqual([{ text: '请 A 零 零 三 号 到 1 号窗口', lang: 'zh-CN' }])

    // No-show only after three recalls (the demo branch's rule); each recall is spoken again.
    for (let recall = 1; recall <= 3; recall++) {
      expect(await teller.getByTestId('action-no-show').isDisabled()).toBe(true)
      await teller.getByTestId('action-recall').click()
      await teller.getByTestId('recall-count').filter({ hasText: `已重呼 ${recall}/3` }).waitFor()
    }
    await expect.poll(async () => (await spoken(display)).slice(afterTap).length).toBe(4)
    for (const utterance of (await spoken(display)).slice(afterTap)) expect(utterance).toEqual({ text: '请 A 零 零 三 号 到 1 号窗口', lang: 'zh-CN' })

    expect(await teller.getByTestId('action-no-show').isEnabled()).toBe(true)
    await teller.getByTestId('action-no-show').click()
    await teller.getByTestId('undo-bar').waitFor()
    await expect.poll(() => rowTickets(board, 'high_counter')).toEqual(['A004'])

    await teller.getByTestId('undo').click()
    await teller.getByTestId('undo-bar').waitFor({ state: 'detached' })
    await expect.poll(() => rowTickets(board, 'high_counter')).toEqual(['A003', 'A004'])
    await teller.getByTestId('call-next').click()
    await teller.getByTestId('current-ticket').waitFor()
    expect(await currentTicket(teller)).toBe('A003')

    // Recent calls show the number each call was made with: A002 was called at window 1 before its transfer made it B003.
    await display.getByTestId('display-recent-A002').waitFor()
    expect(await display.getByTestId('display-recent-A002').innerText()).toContain('1号窗口')
    expect(await display.getByTestId('display-recent-B003').count()).toBe(0)
  })

  it('(e) at the closing time the day closes by itself, once for all tabs: clients still waiting or called are recorded unserved, closed by nobody', async () => {
    // A003 is called at window 1; A004, B001, B003 and B002 wait.
    const businessDate = await teller.evaluate(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()))
    await context.clock.setSystemTime(PAST_CLOSING)
    // The terminals' clocks tick every 30 s: both the station and the board try to close the day.
    await context.clock.runFor(31_000)
    await board.getByTestId('day-closed').waitFor()
    // The close ends every duty session: the station is back at choosing a point.
    await teller.getByTestId('sign-on').waitFor()
    const closures = (await readTable<StoredClosure>(board, 'dayClosures')).filter((c) => c.businessDate === businessDate)
    expect(closures).toEqual([expect.objectContaining({ closedBy: null, unservedCount: 5 })])
    const unserved = (await readTable<{ kind: string; businessDate: string }>(board, 'visitEvents')).filter((e) => e.kind === 'unserved_at_close' && e.businessDate === businessDate)
    expect(unserved).toHaveLength(5)
    await expect.poll(() => rowTickets(board, 'high_counter')).toEqual([])
  })

  it('raised no uncaught error in any page', () => {
    expectNoPageErrors(errors)
  })
})
