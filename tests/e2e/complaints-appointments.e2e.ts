/**
 * Complaints and appointments at the door, in real Chromium on the demo branch, on a controlled
 * clock (a Wednesday, 10:02 in Shanghai): an appointment booked for now is shown at the check-in,
 * survives a reload mid-check-in, and is checked in and ticketed; a complaint raised at the door is recorded and assigned, goes overdue
 * when its deadline passes, reaches the branch head's dashboard escalated, is handed over to another
 * lobby manager, and is closed with its resolution.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, newTerminal } from './support/browser'
import { expectNoPageErrors, loadDemoBranch, lockTerminal, readTable, signIn, textOf } from './support/app'
import { DEMO } from './support/accounts'

interface StoredAppointment {
  id: string
  name: string
  status: string
  visitId: string | null
  at: number
}
interface StoredComplaint {
  id: string
  visitId: string | null
  what: string
  severity: string
  assigneeId: string | null
  dueAt: number
  status: string
  escalatedAt: number | null
  resolution: string
  clientAccepted: number | null
}
interface StoredEvent {
  visitId: string
  kind: string
  data: Record<string, unknown>
}
interface StoredAudit {
  action: string
  entityId: string | null
}

const START = new Date('2026-12-02T10:02:00+08:00') // a Wednesday
const WHAT = '排队四十分钟无人引导，态度冷淡'

/** The demo branch brings its own history of complaints: ours is found by its text. */
async function ourComplaint(page: Page): Promise<StoredComplaint> {
  const found = (await readTable<StoredComplaint>(page, 'complaints')).find((c) => c.what === WHAT)
  if (!found) throw new Error('the complaint was not stored')
  return found
}

/** What the dashboard tile should count, from what is stored, at the page's clock. */
async function expectedCounts(page: Page): Promise<{ open: string; overdue: string; escalated: string }> {
  const nowMs = await page.evaluate(() => Date.now())
  const all = (await readTable<StoredComplaint & { deleted: number; branchId: string }>(page, 'complaints')).filter((c) => c.deleted === 0)
  const open = all.filter((c) => c.status !== 'closed')
  return { open: String(open.length), overdue: String(open.filter((c) => nowMs > c.dueAt).length), escalated: String(all.filter((c) => c.status === 'escalated').length) }
}

describe('appointments and complaints at the door', () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    browser = await launchBrowser()
    ;({ context, page, errors } = await newTerminal(browser))
    await page.clock.install({ time: START })
    await loadDemoBranch(page)
    await signIn(page, DEMO.lobbyManager.staffNo, DEMO.lobbyManager.pin)
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })

  it('an appointment booked for now is shown at check-in, checked in with it, and ticketed', async () => {
    await page.goto('/lobby/appointments')
    await page.getByTestId('appointments-new').click()
    const form = page.getByTestId('appointment-form')
    await form.waitFor()
    await page.getByTestId('appointment-not-on-file').click()
    await page.getByTestId('appointment-name').fill('预约测')
    await page.getByTestId('appointment-phone').fill('13900001111')
    await form.getByTestId('purpose-cash').click()
    expect(await page.getByTestId('appointment-zone-high_counter').getAttribute('aria-checked')).toBe('true')
    await page.getByTestId('appointment-note').fill('取现 20 万元')
    // "Now" is the nearest 15-minute slot: 10:00.
    expect(await textOf(page, 'appointment-time')).toContain('10:00')
    await page.getByTestId('appointment-save').click()
    await page.getByTestId('appointment-form').waitFor({ state: 'detached' })

    const booked = (await readTable<StoredAppointment>(page, 'appointments')).find((a) => a.name === '预约测')
    if (!booked) throw new Error('no appointment stored')
    expect(booked).toMatchObject({ status: 'booked', visitId: null })
    expect(await page.getByTestId(`appointment-${booked.id}`).innerText()).toContain('10:00')

    await page.goto('/lobby')
    await page.getByTestId(`due-appointment-${booked.id}`).click()
    await page.getByTestId('appointment-in-use').waitFor()
    expect(await textOf(page, 'appointment-in-use')).toContain('预约测')
    expect(await page.getByTestId('purpose-cash').getAttribute('aria-pressed')).toBe('true')

    // A reload mid-check-in keeps the booking, though its client is not on file (nothing else leads back to it).
    await page.waitForTimeout(800) // the draft saves 300 ms after the last change
    await page.reload()
    if (page.url().includes('/sign-in')) await signIn(page, DEMO.lobbyManager.staffNo, DEMO.lobbyManager.pin)
    await page.getByTestId('appointment-in-use').waitFor()
    expect(await textOf(page, 'appointment-in-use')).toContain('预约测')
    expect(await page.getByTestId('purpose-cash').getAttribute('aria-pressed')).toBe('true')
    expect(await page.getByTestId('draft-restored').isVisible()).toBe(true)
    await page.getByTestId('issue-ticket').click()
    await page.getByTestId('ticket-code').waitFor()
    expect(await textOf(page, 'ticket-code')).toMatch(/^A\d{3}$/)

    const after = (await readTable<StoredAppointment>(page, 'appointments')).find((a) => a.id === booked.id)
    expect(after?.status).toBe('arrived')
    const arrived = (await readTable<StoredEvent>(page, 'visitEvents')).find((e) => e.visitId === after?.visitId && e.kind === 'arrived')
    expect(arrived?.data).toMatchObject({ appointmentId: booked.id, appointmentAt: booked.at })
  })

  it('a complaint raised at the door is recorded from its check-in and assigned; the client still gets the ticket', async () => {
    await page.goto('/lobby')
    await page.getByTestId('new-arrival').click()
    await page.getByTestId('purpose-complaint').click()
    await page.getByTestId('issue-ticket').click()
    await page.locator('.complaint-offer__record').click()
    await page.waitForURL('**/lobby/complaints?**')
    await page.getByTestId('complaint-from-visit').waitFor()

    // Saving with nothing filled in says what is missing.
    await page.getByTestId('complaint-save').click()
    await page.getByText('请填写投诉内容').waitFor()
    await page.getByTestId('complaint-what').fill(WHAT)
    await page.getByTestId('complaint-severity-high').click()
    expect(await page.getByTestId('complaint-days').locator('input').inputValue()).toBe('1')
    expect(await textOf(page, 'complaint-due')).toContain('2026-12-03')
    await page.getByTestId('complaint-assignee').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '网点主任' }).first().click()
    await page.getByTestId('complaint-save').click()
    await page.getByTestId('ticket-code').waitFor()

    const complaint = await ourComplaint(page)
    expect(complaint).toMatchObject({ severity: 'high', status: 'open', escalatedAt: null })
    expect(complaint.visitId).not.toBeNull()
    expect(complaint.assigneeId).not.toBeNull()
    // One business day: Thursday, the same time of day.
    expect(complaint.dueAt - new Date('2026-12-03T10:02:00+08:00').getTime()).toBeGreaterThanOrEqual(0)
    expect(complaint.dueAt - new Date('2026-12-03T10:02:00+08:00').getTime()).toBeLessThan(5 * 60_000)

    await page.goto('/lobby/complaints')
    const row = page.getByTestId(`complaint-${complaint.id}`)
    await row.getByTestId('status-open').waitFor()
    expect(await row.getByTestId('status-overdue').count()).toBe(0)
  })

  it('once past its deadline it shows overdue and is escalated to the branch head, who sees it on the dashboard', async () => {
    await page.clock.fastForward('25:00:00')
    // A day without a touch locks the terminal.
    await page.waitForURL('**/sign-in', { timeout: 15_000 })
    await signIn(page, DEMO.lobbyManager.staffNo, DEMO.lobbyManager.pin)
    await page.goto('/lobby/complaints')
    const before = await ourComplaint(page)
    const row = page.getByTestId(`complaint-${before.id}`)
    await row.getByTestId('status-overdue').waitFor()
    await row.getByTestId('status-escalated').waitFor()
    const escalated = await ourComplaint(page)
    expect(escalated.status).toBe('escalated')
    expect(escalated.escalatedAt).toBeGreaterThan(escalated.dueAt)
    const audit = await readTable<StoredAudit>(page, 'auditLog')
    expect(audit.filter((a) => a.entityId === escalated.id).map((a) => a.action)).toEqual(expect.arrayContaining(['complaint.create', 'complaint.escalate']))

    await lockTerminal(page)
    await signIn(page, DEMO.branchHead.staffNo, DEMO.branchHead.pin)
    await page.waitForURL('**/dashboard')
    const tile = page.getByTestId('tile-lobby-complaints')
    await tile.waitFor()
    const expected = await expectedCounts(page)
    expect(Number(expected.escalated)).toBeGreaterThanOrEqual(1)
    await expect.poll(() => textOf(page, 'complaints-escalated')).toBe(expected.escalated)
    expect(await textOf(page, 'complaints-overdue')).toBe(expected.overdue)
    expect(await textOf(page, 'complaints-open')).toBe(expected.open)
  })

  it('the branch head hands it over to the other lobby manager: the person in charge changes, who had it stays on record', async () => {
    const before = await ourComplaint(page)
    await page.goto('/lobby/complaints')
    await page.getByTestId(`complaint-${before.id}`).click()
    await page.getByTestId('complaint-detail').waitFor()
    // Nobody chosen yet: the field says what to do.
    await page.getByTestId('complaint-reassign').click()
    await page.getByText('请选择新的责任人').waitFor()
    await page.getByTestId('complaint-reassign-to').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '李强' }).first().click()
    await page.getByTestId('complaint-reassign').click()
    await page.getByTestId('complaint-detail-assignee').filter({ hasText: '李强' }).waitFor()
    await page.getByTestId('complaint-handovers').waitFor()
    expect(await textOf(page, 'complaint-handovers')).toContain('→ 李强')

    const after = await ourComplaint(page)
    expect(after.assigneeId).not.toBe(before.assigneeId)
    expect(after.dueAt).toBe(before.dueAt)
    const audit = await readTable<StoredAudit>(page, 'auditLog')
    expect(audit.filter((a) => a.entityId === after.id).map((a) => a.action)).toContain('complaint.reassign')
    await page.goto('/dashboard')
    await page.getByTestId('tile-lobby-complaints').waitFor()
  })

  it('the branch head closes it with the resolution and whether the client accepted it', async () => {
    await page.getByTestId('complaints-tile-link').click()
    await page.waitForURL('**/lobby/complaints?**')
    const complaint = await ourComplaint(page)
    const openBefore = Number((await expectedCounts(page)).open)
    await page.getByTestId(`complaint-${complaint.id}`).click()
    await page.getByTestId('complaint-detail').waitFor()
    await page.getByTestId('complaint-close').click()
    await page.getByText('请填写处理结果').waitFor()
    expect(await page.getByText('请选择客户是否接受处理结果').isVisible()).toBe(true)
    await page.getByTestId('complaint-resolution').fill('当面致歉，说明分流安排，已加派引导员')
    await page.getByTestId('complaint-accepted-yes').click()
    await page.getByTestId('complaint-close').click()
    await page.getByTestId('complaint-detail').waitFor({ state: 'detached' })

    const closed = await ourComplaint(page)
    expect(closed).toMatchObject({ status: 'closed', resolution: '当面致歉，说明分流安排，已加派引导员', clientAccepted: 1 })
    const audit = await readTable<StoredAudit>(page, 'auditLog')
    expect(audit.some((a) => a.entityId === closed.id && a.action === 'complaint.close')).toBe(true)

    await page.goto('/dashboard')
    await expect.poll(() => textOf(page, 'complaints-open')).toBe(String(openBefore - 1))
    expect(await textOf(page, 'complaints-escalated')).toBe((await expectedCounts(page)).escalated)
    expectNoPageErrors(errors)
  })
})
