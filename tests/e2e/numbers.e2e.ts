/**
 * The lobby's numbers in a real browser: with a day of visits in place, the lobby manager opens the
 * numbers page, steps back to that day and sees the arrivals, the zone figures, the per-staff rows
 * and the charts drawn on canvas; switching to English relabels the axes.
 *
 * Test setup only: a past business day (two years back, 09:00–16:00 Shanghai, before any demo
 * history) is written straight into IndexedDB (visits, tickets, visit events and a duty session with the same base fields the
 * repositories write), so the figures do not depend on the time of day the test runs. Raw
 * IndexedDB writes bypass Dexie's change feed, so the page is loaded after seeding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, newTerminal } from './support/browser'
import { expectNoPageErrors, loadDemoBranch, signIn, textOf } from './support/app'
import { DEMO } from './support/accounts'

interface SeedVisit {
  zone: 'high_counter' | 'low_counter' | 'wealth_room'
  prefix: string
  purpose: string
  /** Minutes after 09:00 of the seeded day. */
  arrive: number
  /** Called, started, finished (minutes after 09:00), at the first open point of the zone. */
  served?: [number, number, number]
  walkedAway?: number
  isVip?: boolean
  antiFraud?: 'proceeded' | 'dissuaded' | 'reported_to_police'
  /** Stopped at the door by the anti-fraud check: no ticket, the visit ends on arrival (as the check-in records it). */
  turnedAway?: boolean
}

/** Writes one business day as the lobby repositories would; returns the seeded business date and the day after it. */
async function seedDay(page: Page, visits: SeedVisit[]): Promise<readonly [string, string]> {
  return page.evaluate(async (list) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('lobbydesk')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const request = <T>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))))
    const tx = db.transaction(['local', 'visits', 'tickets', 'visitEvents', 'servicePoints', 'staff', 'dutySessions'], 'readwrite')
    const local = tx.objectStore('local')
    const branchId = ((await request(local.get('branchId'))) as { value: string }).value
    const deviceId = ((await request(local.get('deviceId'))) as { value: string }).value
    const ymd = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms))
    const businessDate = ymd(Date.now() - 730 * 24 * 3600_000)
    const nine = Date.parse(`${businessDate}T09:00:00+08:00`)
    const points = ((await request(tx.objectStore('servicePoints').getAll())) as { id: string; branchId: string; kind: string; number: number }[]).filter((p) => p.branchId === branchId).sort((a, b) => a.number - b.number)
    const staff = (await request(tx.objectStore('staff').getAll())) as { id: string; staffNo: string }[]
    const staffOf = (zone: string) => staff.find((s) => s.staffNo === ({ high_counter: '9011', low_counter: '9005', wealth_room: '9009' } as Record<string, string>)[zone])!
    const teller = staffOf('high_counter')
    const pointOf = (zone: string) => points.find((p) => p.kind === zone)!
    let counter = 0
    const base = (at: number) => ({ id: crypto.randomUUID(), createdAt: at, updatedAt: at, deviceId, hlc: `${String(at).padStart(13, '0')}-${(counter++).toString(16).padStart(4, '0')}-${deviceId}`, deleted: 0 })
    const seqs: Record<string, number> = {}
    for (const a of list) {
      const at = nine + a.arrive * 60_000
      const details = a.turnedAway ? { amountFen: null, endedAtDoor: 'anti_fraud' } : { quotedMinutes: null, amountFen: null }
      const visit = { ...base(at), branchId, businessDate, clientId: null, purpose: a.purpose, zone: a.zone, arrivedAt: at, createdBy: null, appointmentId: null, details }
      const event = (minute: number, kind: string, data: Record<string, unknown>, point: { id: string } | null = null) => {
        const when = nine + minute * 60_000
        return { ...base(when), visitId: visit.id, branchId, businessDate, at: when, kind, servicePointId: point?.id ?? null, staffId: point ? staffOf(a.zone).id : null, data }
      }
      tx.objectStore('visits').add(visit)
      const triggers = a.antiFraud ? ['elderly_transfer'] : []
      tx.objectStore('visitEvents').add(event(a.arrive, 'arrived', { purpose: a.purpose, zone: a.zone, priorityClass: a.isVip ? 'vip' : 'none', isVip: a.isVip ?? false, reasons: ['purpose_zone'], appointmentId: null, appointmentAt: null, antiFraudTriggers: triggers }))
      if (!a.turnedAway) {
        const seq = (seqs[a.prefix] = (seqs[a.prefix] ?? 0) + 1)
        const code = `${a.prefix}${String(seq).padStart(3, '0')}`
        const ticket = { ...base(at), branchId, businessDate, zone: a.zone, prefix: a.prefix, seq, code, visitId: visit.id }
        tx.objectStore('tickets').add(ticket)
        tx.objectStore('visitEvents').add(event(a.arrive, 'ticket_issued', { ticketId: ticket.id, code, prefix: a.prefix, seq }))
      }
      if (a.antiFraud) tx.objectStore('visitEvents').add(event(a.arrive, 'anti_fraud_checked', { outcome: a.antiFraud, triggers, flaggedQuestions: [], amountFen: null, note: '' }))
      if (a.served) {
        const point = pointOf(a.zone)
        tx.objectStore('visitEvents').add(event(a.served[0], 'called', { lane: 'normal' }, point))
        tx.objectStore('visitEvents').add(event(a.served[1], 'started', {}, point))
        tx.objectStore('visitEvents').add(event(a.served[2], 'finished', { services: ['cash'] }, point))
      }
      if (a.walkedAway !== undefined) tx.objectStore('visitEvents').add(event(a.walkedAway, 'walked_away', {}))
      if (a.turnedAway) tx.objectStore('visitEvents').add(event(a.arrive, 'walked_away', {}))
    }
    const hc1 = pointOf('high_counter')
    const start = nine - 30 * 60_000
    tx.objectStore('dutySessions').add({
      ...base(start),
      branchId,
      businessDate,
      servicePointId: hc1.id,
      staffId: teller.id,
      startedAt: start,
      endedAt: nine + 8 * 60 * 60_000,
      pauses: [{ reason: 'break', from: nine + 180 * 60_000, to: nine + 210 * 60_000 }],
    })
    await new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error))))
    db.close()
    return [businessDate, ymd(nine + 24 * 3600_000)] as const
  }, visits)
}

/** A morning and afternoon at a small branch: 13 arrivals, two walk-aways, one turned away at the door, a VIP, three anti-fraud prompts. */
const DAY: SeedVisit[] = [
  { zone: 'high_counter', prefix: 'A', purpose: 'cash', arrive: 0, served: [4, 5, 12] },
  { zone: 'high_counter', prefix: 'A', purpose: 'cash', arrive: 10, served: [14, 15, 22] },
  { zone: 'high_counter', prefix: 'A', purpose: 'cash', arrive: 20, served: [40, 41, 50] },
  { zone: 'high_counter', prefix: 'A', purpose: 'transfer', arrive: 35, served: [55, 56, 70], antiFraud: 'proceeded' },
  { zone: 'high_counter', prefix: 'A', purpose: 'transfer', arrive: 62, walkedAway: 80, antiFraud: 'dissuaded' },
  { zone: 'high_counter', prefix: 'A', purpose: 'cash', arrive: 75, served: [90, 91, 100] },
  { zone: 'low_counter', prefix: 'B', purpose: 'card', arrive: 70, served: [85, 87, 110] },
  { zone: 'low_counter', prefix: 'B', purpose: 'account_opening', arrive: 130, served: [140, 142, 170] },
  { zone: 'low_counter', prefix: 'B', purpose: 'card', arrive: 250, walkedAway: 300 },
  { zone: 'wealth_room', prefix: 'V', purpose: 'wealth', arrive: 95, served: [99, 100, 140], isVip: true },
  { zone: 'high_counter', prefix: 'A', purpose: 'cash', arrive: 300, served: [306, 307, 312] },
  { zone: 'high_counter', prefix: 'A', purpose: 'cash', arrive: 400, served: [402, 403, 409] },
  { zone: 'high_counter', prefix: 'A', purpose: 'transfer', arrive: 410, antiFraud: 'dissuaded', turnedAway: true },
]

describe('the lobby’s numbers', () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let errors: string[]
  let seededDate: string
  let dayAfter: string

  beforeAll(async () => {
    browser = await launchBrowser()
    ;({ context, page, errors } = await newTerminal(browser))
    await loadDemoBranch(page)
    ;[seededDate, dayAfter] = await seedDay(page, DAY)
    await page.goto('/sign-in?redirect=%2Flobby%2Fnumbers')
    await signIn(page, DEMO.lobbyManager.staffNo, DEMO.lobbyManager.pin)
    await page.waitForURL('**/lobby/numbers**')
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })

  it('the section tab leads to the numbers; a day without visits says so; stepping back a day shows that day’s arrivals and figures', async () => {
    await page.getByTestId('lobby-tab-numbers').waitFor()
    await page.goto(`/lobby/numbers?date=${dayAfter}`)
    await page.getByTestId('numbers-empty').waitFor()
    expect(await textOf(page, 'numbers-empty')).toContain(`${dayAfter}`)
    await page.getByTestId('day-previous').click()
    await page.waitForURL(`**/lobby/numbers?date=${seededDate}`)
    await page.getByTestId('figure-arrivals').waitFor()
    expect(await textOf(page, 'day-shown')).toContain(seededDate)
    expect(await page.locator('[data-testid="figure-arrivals"] [data-testid="figure-value"]').innerText()).toBe('13')
    // The client the anti-fraud check stopped at the door is counted as turned away, not as a walk-away.
    expect(await page.locator('[data-testid="figure-walk-aways"] [data-testid="figure-value"]').innerText()).toBe('2')
    expect(await page.locator('[data-testid="figure-turned-away"] [data-testid="figure-value"]').innerText()).toBe('1')
    expect(await page.locator('[data-testid="figure-af-dissuaded"] [data-testid="figure-value"]').innerText()).toBe('2')
    // High counter waits: 4, 4, 20, 20, 15, 2, 6 minutes called, one walked away uncalled after 18.
    expect(await page.locator('[data-testid="zone-wait-high_counter"] [data-testid="zone-p90"]').innerText()).toBe('20 分')
    // Served per staff member: the high-counter teller 7, the low-counter clerk 2, the wealth manager 1.
    expect((await page.locator('[data-testid="rows-staff"] [data-testid="server-served"]').allInnerTexts()).sort()).toEqual(['1', '2', '7'])
  })

  it('draws the arrivals-by-hour and wait-per-zone charts on canvas, with axis names in Chinese', async () => {
    for (const chart of ['chart-arrivals', 'chart-wait']) {
      const canvas = page.locator(`[data-testid="${chart}"] canvas`).first()
      await canvas.waitFor()
      const box = await canvas.boundingBox()
      expect(box && box.width > 200 && box.height > 200, chart).toBe(true)
    }
    const names = await axisNames(page, 'chart-arrivals')
    expect(names).toEqual(['时段', '人数'])
    expect(await axisNames(page, 'chart-wait')).toEqual(['功能区', '分钟'])
  })

  it('switching to English relabels the axes and the figures', async () => {
    const before = await pixels(page, 'chart-arrivals')
    await page.getByTestId('lang-en').click()
    await expect.poll(() => axisNames(page, 'chart-arrivals')).toEqual(['Hour', 'Clients'])
    await page.locator('[data-testid="chart-arrivals"] canvas').first().waitFor()
    await expect.poll(() => pixels(page, 'chart-arrivals')).not.toBe(before)
    expect(await axisNames(page, 'chart-wait')).toEqual(['Zone', 'Minutes'])
    expect(await page.locator('[data-testid="zone-wait-high_counter"] [data-testid="zone-p90"]').innerText()).toBe('20 min')
    expectNoPageErrors(errors)
  })
})

/** The x and y axis names the chart in a section is drawn with (the option's axis names). */
async function axisNames(page: Page, testid: string): Promise<string[]> {
  const section = page.getByTestId(testid)
  return [(await section.getAttribute('data-x-name')) ?? '', (await section.getAttribute('data-y-name')) ?? '']
}

/** The chart's pixels, to see that it was drawn again. */
async function pixels(page: Page, testid: string): Promise<string> {
  return page.locator(`[data-testid="${testid}"] canvas`).first().evaluate((c) => (c as HTMLCanvasElement).toDataURL())
}
