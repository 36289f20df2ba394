/**
 * The wealth area's journeys in real Chromium on the demo branch: a VIP sent to the wealth room
 * pages their maintainer in another tab, is seated and served, the contact is logged and the due
 * list moves on; and a birthday greeting is due on its day and overdue after it.
 * The browser's clock is pinned to a weekday morning whenever the test runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, newTerminal } from './support/browser'
import { expectNoPageErrors, loadDemoBranch, readTable, signIn, textOf } from './support/app'
import { DEMO } from './support/accounts'

interface StoredClient {
  id: string
  surname: string
  phone: string | null
  birthdayMonthDay: string | null
  vipTier: string | null
  maintainerId: string | null
  careDone: string[]
  deleted: number
}
interface StoredStaff {
  id: string
  staffNo: string
}
interface StoredSession {
  visitId: string | null
  clientId: string | null
  startedAt: number
  endedAt: number | null
  outcome: string | null
}
interface StoredVisit {
  id: string
  clientId: string | null
  arrivedAt: number
}

/** A Wednesday, 10:30 in Shanghai. */
const START = new Date('2026-12-02T10:30:00+08:00')
const DAY = 86_400_000

/** Signs in again when the terminal locked itself (a clock moved on by days trips the idle lock). */
async function signInIfLocked(page: Page, account: { staffNo: string; pin: string }): Promise<void> {
  await page.waitForLoadState('networkidle')
  if (new URL(page.url()).pathname.startsWith('/sign-in')) await signIn(page, account.staffNo, account.pin)
}

describe('VIP care and the wealth room', () => {
  let browser: Browser
  let context: BrowserContext
  let wealth: Page
  let errors: string[]
  let clients: StoredClient[]
  let wang: StoredStaff

  beforeAll(async () => {
    browser = await launchBrowser()
    ;({ context, page: wealth, errors } = await newTerminal(browser))
    await wealth.clock.install({ time: START })
    await loadDemoBranch(wealth)
    await signIn(wealth, DEMO.wealthManager.staffNo, DEMO.wealthManager.pin)
    clients = (await readTable<StoredClient>(wealth, 'clients')).filter((c) => c.deleted === 0)
    wang = (await readTable<StoredStaff>(wealth, 'staff')).find((s) => s.staffNo === DEMO.wealthManager.staffNo)!
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })

  it('a VIP sent to the wealth room pages their maintainer in another tab; seated, served, the contact logged, the due list moves on', async () => {
    // The maintainer's due list names a VIP whose regular contact is due; that VIP walks in.
    await wealth.goto('/wealth/due')
    const row = wealth.locator('[data-testid^="due-"]:has([data-testid="due-item-regular"])').first()
    await row.waitFor()
    const clientId = (await row.getAttribute('data-testid'))!.slice('due-'.length)
    const vip = clients.find((c) => c.id === clientId)!
    expect(vip.maintainerId).toBe(wang.id)
    expect(vip.phone, 'the demo VIP has a phone').toBeTruthy()

    const lobby = await context.newPage()
    lobby.on('pageerror', (err) => errors.push(err.message))
    await signIn(lobby, DEMO.lobbyManager.staffNo, DEMO.lobbyManager.pin)
    await lobby.goto('/lobby')
    await lobby.getByTestId('finder-input').fill(vip.phone!.slice(-4))
    await lobby.getByTestId(`finder-result-${vip.id}`).click()
    expect(await textOf(lobby, 'greeting-maintainers')).toContain('主维护 王芳')
    await lobby.getByTestId('purpose-investment_consultation').click()
    expect(await lobby.getByTestId('triage-zone').getAttribute('data-zone')).toBe('wealth_room')
    await lobby.getByTestId('issue-ticket').click()
    expect(await textOf(lobby, 'ticket-code')).toMatch(/^V\d{3}$/)

    // The maintainer is paged on the screen they are on, with the client's name.
    const alert = wealth.getByTestId('staff-page-alert')
    await alert.waitFor({ timeout: 10_000 })
    const ourPage = wealth.locator('article[data-testid^="staff-page-"]').filter({ hasText: vip.surname })
    await ourPage.locator('[data-testid^="staff-page-go-"]').click()
    await wealth.waitForURL('**/wealth')
    // Taking the page up clears it; pages for clients who were waiting before stay until seen.
    await ourPage.waitFor({ state: 'detached' })
    for (let seen = wealth.locator('[data-testid^="staff-page-seen-"]').first(); await seen.count(); ) {
      const testId = (await seen.getAttribute('data-testid'))!
      await seen.click()
      await wealth.getByTestId(testId).waitFor({ state: 'detached' })
    }

    // 王芳 is with another client in a room this morning: the next available wealth manager is
    // proposed and seats the VIP in the free room.
    const visit = (await readTable<StoredVisit>(wealth, 'visits')).filter((v) => v.clientId === vip.id).sort((a, b) => b.arrivedAt - a.arrivedAt)[0]!
    await wealth.getByTestId(`arrival-${visit.id}`).waitFor()
    expect(await textOf(wealth, 'arrival-proposed')).toMatch(/建议由 \S+ 接待/)
    await wealth.getByTestId(`arrival-seat-${visit.id}`).click()
    await wealth.getByTestId('room-start-form').waitFor()
    expect(await wealth.getByTestId(`room-start-manager-${wang.id}`).isDisabled()).toBe(true)
    await wealth.getByTestId('room-start-save').click()
    await wealth.getByTestId(`arrival-${visit.id}`).waitFor({ state: 'detached' })
    const seated = (await readTable<StoredSession & { servicePointId: string }>(wealth, 'roomSessions')).find((s) => s.visitId === visit.id)!
    const roomTestId = `room-${seated.servicePointId}`
    await wealth.waitForFunction((id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-state') === 'in_session', roomTestId)
    expect(await textOf(wealth, roomTestId)).toContain(`${vip.surname}*`)

    // The session ends with what was discussed and its outcome; the room is free again.
    await wealth.getByTestId(roomTestId.replace('room-', 'room-end-')).click()
    await wealth.getByTestId('room-end-form').waitFor()
    await wealth.getByTestId('room-end-purpose').fill('资产配置方案沟通')
    await wealth.getByTestId('room-end-outcome-interested').click()
    await wealth.getByTestId('room-end-save').click()
    await wealth.getByTestId('room-end-form').waitFor({ state: 'detached' })
    await wealth.waitForFunction((id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-state') === 'free', roomTestId)
    const session = (await readTable<StoredSession>(wealth, 'roomSessions')).find((s) => s.visitId === visit.id)!
    expect(session).toMatchObject({ clientId: vip.id, outcome: 'interested' })
    expect(session.endedAt).not.toBeNull()
    // Time from arrival to seated is on record.
    expect(session.startedAt).toBeGreaterThanOrEqual(visit.arrivedAt)

    // The contact is logged from the due list in a few taps, and the regular contact leaves the list.
    await wealth.goto('/wealth/due')
    const dueRow = wealth.getByTestId(`due-${vip.id}`)
    await dueRow.getByTestId('due-item-regular').waitFor()
    await dueRow.getByTestId(`log-contact-${vip.id}`).click()
    await wealth.getByTestId('log-contact-form').waitFor()
    await wealth.getByTestId('log-occasion-regular').click()
    await wealth.getByTestId('log-channel-visit').click()
    await wealth.getByTestId('log-note').fill('到店面谈，介绍稳健型理财')
    await wealth.getByTestId('log-save').click()
    await wealth.getByTestId('log-contact-form').waitFor({ state: 'detached' })
    await wealth.waitForFunction((id) => !document.querySelector(`[data-testid="due-${id}"] [data-testid="due-item-regular"]`), vip.id)
    const stored = (await readTable<StoredClient & { lastContactAt: number | null; nextCareOn: string | null }>(wealth, 'clients')).find((c) => c.id === vip.id)!
    expect(stored.lastContactAt).not.toBeNull()
    await lobby.close()
  })

  it('a birthday greeting is not on the due list weeks ahead, is due on the day and overdue the day after', async () => {
    // A VIP of 王芳 whose next birthday falls two weeks to three months after the pinned morning:
    // beyond the list's week ahead.
    const nextBirthday = (mmdd: string) => {
      const thisYear = Date.parse(`2026-${mmdd}T10:30:00+08:00`)
      return thisYear >= START.getTime() ? { at: thisYear, year: 2026 } : { at: Date.parse(`2027-${mmdd}T10:30:00+08:00`), year: 2027 }
    }
    const ahead = (mmdd: string) => (nextBirthday(mmdd).at - START.getTime()) / DAY
    const vip = clients.find((c) => c.maintainerId === wang.id && c.vipTier && c.birthdayMonthDay && c.birthdayMonthDay !== '02-29' && ahead(c.birthdayMonthDay) >= 14 && ahead(c.birthdayMonthDay) <= 90)
    expect(vip, 'the demo has a VIP of 王芳 with a birthday in the coming weeks').toBeDefined()
    if (!vip?.birthdayMonthDay) return
    const { at: birthday, year } = nextBirthday(vip.birthdayMonthDay)
    const item = () => wealth.locator(`[data-testid="due-${vip.id}"] [data-testid="due-item-birthday:${year}"]`)

    await wealth.goto('/wealth/due')
    // The list has loaded once some client's row is there.
    await wealth.locator('[data-testid^="due-item-"]').first().waitFor()
    expect(await item().count()).toBe(0)

    for (const [at, expected] of [
      [birthday, /今天/],
      [birthday + DAY, /逾期 1 天/],
    ] as const) {
      await wealth.clock.setSystemTime(new Date(at))
      await wealth.goto('/wealth/due')
      await signInIfLocked(wealth, DEMO.wealthManager)
      if (!wealth.url().endsWith('/wealth/due')) await wealth.goto('/wealth/due')
      await item().waitFor({ timeout: 10_000 })
      expect(await item().innerText()).toMatch(expected)
    }
  })

  it('raised no uncaught error in the pages', () => {
    expectNoPageErrors(errors)
  })
})
