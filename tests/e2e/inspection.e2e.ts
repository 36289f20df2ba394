/**
 * The inspection's journeys in real Chromium on the demo region. An inspector scores the branch with
 * the network off: a sideways 4000 × 3000 camera photo comes out upright and small, a veto makes the
 * visit 不合格, a reload resumes where it stopped; signs with the mouse, submits; the visit is locked
 * and is corrected by an amendment with its reason. The branch head acknowledges it later on the
 * terminal. The scorecard prints to PDF. A visit exported from one tablet and imported on another
 * terminal gives the same quarterly ranking. The browser's clock is pinned (a Wednesday in Shanghai).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { baseURL, launchBrowser, newTerminal, TABLET_LANDSCAPE } from './support/browser'
import { expectNoPageErrors, loadDemoBranch, lockTerminal, readTable, signIn } from './support/app'
import { DEMO } from './support/accounts'
import { sidewaysCameraJpeg, storedPhoto } from './support/photos'
import { activeTemplate, exportVisits, importVisits, passEveryItem, rankingRows, signAndSubmit, signWithMouse, startVisit, visitIdOnPage, visitOnPage, type StoredInspection } from './support/inspection'

const NOW = new Date('2026-12-02T10:30:00+08:00')
const OWN_BRANCH = 'BJ001'

interface StoredAction {
  id: string
  inspectionId: string
  code: string
  status: string
  deleted: number
}

describe('window-service inspection', () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const errors: string[] = []
  let visitId = ''
  let amendmentId = ''

  beforeAll(async () => {
    browser = await launchBrowser()
    // The service worker caches the app, so the tablet keeps working with the network off.
    context = await browser.newContext({ viewport: TABLET_LANDSCAPE, baseURL: baseURL(), serviceWorkers: 'allow' })
    page = await context.newPage()
    page.on('pageerror', (err) => errors.push(err.message))
    await page.clock.install({ time: NOW })
    await loadDemoBranch(page)
    await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)
    // From now on the service worker serves the page and every lazy screen, online or not.
    await page.reload()
    await signIn(page, DEMO.inspector.staffNo, DEMO.inspector.pin)
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })

  it('scores the branch offline with a sideways photo and a veto, resumes after a reload, signs with the mouse and submits; the visit is locked', async () => {
    await page.waitForURL('**/inspection')
    const template = await activeTemplate(page)
    const photo = await sidewaysCameraJpeg(page)
    await context.setOffline(true)

    visitId = await startVisit(page, OWN_BRANCH)

    await passEveryItem(page, template)
    // A1 (signage) is deducted once, with the photo the sheet requires for it.
    await page.getByTestId('section-A').click()
    await page.getByTestId('item-A1-plus').click()
    await page.getByTestId('item-A1-photo-missing').waitFor()
    await page.getByTestId('item-A1-photo').getByTestId('photo-gallery-file').setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: photo })
    await page.getByTestId('item-A1-photo-thumbs').waitFor()
    expect(await page.getByTestId('item-A1-photo-missing').count()).toBe(0)
    expect(await page.getByTestId('score-grade').innerText()).not.toContain('不合格')

    // A veto: a teller argued with a client. Whatever the points, the visit fails.
    await page.getByTestId('section-vetoes').click()
    await page.getByTestId('veto-V1').click()
    await page.getByTestId('veto-V1-finding').fill('3 号窗口柜员与客户争执，声音较大，持续约两分钟')
    await page.getByTestId('veto-V1-photo').getByTestId('photo-gallery-file').setInputFiles({ name: 'IMG_2042.jpg', mimeType: 'image/jpeg', buffer: photo })
    await page.getByTestId('veto-V1-photo-thumbs').waitFor()
    await expect.poll(() => page.getByTestId('score-grade').innerText()).toContain('不合格')

    // The tablet restarts mid-visit: the draft comes back where it stopped, still offline.
    await expect.poll(async () => (await visitOnPage(page)).vetoes.length, { timeout: 5_000 }).toBe(1)
    await page.reload()
    await page.getByTestId('signin-next').or(page.getByTestId('score-total')).first().waitFor()
    if (page.url().includes('/sign-in')) await signIn(page, DEMO.inspector.staffNo, DEMO.inspector.pin)
    await page.getByTestId('visit-resume-' + visitId).or(page.getByTestId('veto-V1-finding')).first().click()
    await page.getByTestId('veto-V1-finding').waitFor()
    expect(await page.getByTestId('veto-V1-finding').inputValue()).toContain('3 号窗口')

    const draft = await visitOnPage(page)
    const photoId = draft.answers.A1!.occurrences![0]!.photoIds[0]!
    const stored = await storedPhoto(page, photoId)
    expect(stored).toMatchObject({ width: 1200, height: 1600, redTopRight: true })
    expect(stored.bytes).toBeLessThan(600_000)

    await signAndSubmit(page)
    await context.setOffline(false)

    expect(await page.getByTestId('visit-grade').innerText()).toBe('不合格')
    await page.getByTestId('visit-vetoed').waitFor()
    // Locked: no answer can be changed in place.
    expect(await page.locator('[data-testid$="-pass"]').count()).toBe(0)
    const submitted = await visitOnPage(page)
    expect(submitted.status).toBe('submitted')
    await page.goto(`/inspection/visits/${visitId}/submit`)
    await page.getByTestId('visit-not-draft').waitFor()
  })

  it('corrects the submitted visit by an amendment with its reason; the original stays as it was', async () => {
    await page.goto(`/inspection/visits/${visitId}`)
    await page.getByTestId('visit-amend').click()
    await page.getByTestId('amend-flow').waitFor()
    await page.getByTestId('section-C').click()
    await page.getByTestId('item-C1-plus').click()
    await page.getByTestId('amend-next').click()
    await page.getByTestId('amend-reason').fill('漏记：4 号窗口柜员未佩戴工号牌')
    await signWithMouse(page)
    await page.getByTestId('amend-submit').click()
    await page.getByTestId('visit-amends').waitFor()
    amendmentId = visitIdOnPage(page)
    expect(amendmentId).not.toBe(visitId)

    const visits = await readTable<StoredInspection>(page, 'inspections')
    const original = visits.find((v) => v.id === visitId)!
    const amendment = visits.find((v) => v.id === amendmentId)!
    expect(amendment.amends).toBe(visitId)
    expect(amendment.answers.C1?.kind).toBe('deduct')
    expect(original.answers.C1?.kind).toBe('pass')
    await page.getByTestId('visit-open-original').click()
    await page.getByTestId('visit-amended-by').waitFor()
  })

  it('the branch head acknowledges the amended visit later on the branch terminal, signing with the mouse', async () => {
    await lockTerminal(page)
    await signIn(page, DEMO.branchHead.staffNo, DEMO.branchHead.pin)
    await page.goto('/inspection')
    await page.getByTestId(`visit-ack-${amendmentId}`).click()
    await page.getByTestId('ack-form').waitFor()
    await page.getByTestId('ack-role-branch_head').click()
    await signWithMouse(page)
    await page.getByTestId('ack-submit').click()
    await expect.poll(async () => (await readTable<StoredInspection>(page, 'inspections')).find((v) => v.id === amendmentId)?.status).toBe('acknowledged')
    await page.getByTestId('visit-ack-signature').waitFor()
  })

  it('the branch head puts the signage right with a photo as evidence; the inspector’s re-check verifies it', async () => {
    const actions = await readTable<StoredAction>(page, 'correctiveActions')
    const signage = actions.find((a) => a.inspectionId === amendmentId && a.code === 'A1' && a.deleted === 0)!
    await page.goto(`/inspection/actions?action=${signage.id}`)
    await page.getByTestId('action-fix').click()
    await page.getByTestId('action-fix-note').fill('营业时间牌已更换，区分工作日与节假日')
    await page.getByTestId('action-fix-photo').getByTestId('photo-gallery-file').setInputFiles({ name: 'IMG_2101.jpg', mimeType: 'image/jpeg', buffer: await sidewaysCameraJpeg(page) })
    await page.getByTestId('action-fix-save').click()
    await expect.poll(async () => (await readTable<StoredAction>(page, 'correctiveActions')).find((a) => a.id === signage.id)?.status).toBe('fixed')

    await page.goto('/inspection')
    await lockTerminal(page)
    await signIn(page, DEMO.inspector.staffNo, DEMO.inspector.pin)
    await page.goto(`/inspection/actions/recheck/${amendmentId}`)
    await page.getByTestId('recheck-item-A1-pass').click()
    await page.getByTestId('recheck-save').click()
    await expect.poll(async () => (await readTable<StoredAction>(page, 'correctiveActions')).find((a) => a.id === signage.id)?.status).toBe('verified')
  })

  it('prints the scorecard like the paper form, to a PDF', async () => {
    await page.goto(`/inspection/visits/${amendmentId}/scorecard`)
    await page.getByTestId('scorecard').waitFor()
    await page.emulateMedia({ media: 'print' })
    // The shell and the buttons are not printed.
    expect(await page.getByTestId('scorecard-print').isVisible()).toBe(false)
    await page.emulateMedia({ media: 'screen' })
    const pdf = await page.pdf({ format: 'A4', printBackground: true })
    const text = pdf.toString('latin1')
    expect(text.startsWith('%PDF-')).toBe(true)
    const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? []
    expect(pages.length).toBeGreaterThanOrEqual(1)
    expect(pages.length).toBeLessThanOrEqual(6)
  })

  it('a visit exported from this tablet and imported on another terminal gives the same quarterly ranking', async () => {
    await lockTerminal(page)
    await signIn(page, DEMO.inspector.staffNo, DEMO.inspector.pin)
    const here = await rankingRows(page)

    const file = await exportVisits(page, [visitId, amendmentId], 'binjiang-2026-q4')

    const other = await newTerminal(browser)
    await other.page.clock.install({ time: NOW })
    await loadDemoBranch(other.page)
    await signIn(other.page, DEMO.inspector.staffNo, DEMO.inspector.pin)
    // Without the file, the other terminal does not know the branch's failed visit.
    expect(await rankingRows(other.page)).not.toEqual(here)
    await importVisits(other.page, file, 'binjiang-2026-q4')
    expect(await rankingRows(other.page)).toEqual(here)
    expectNoPageErrors(other.errors)
    await other.context.close()
  })

  it('raised no uncaught error in the page', () => {
    expectNoPageErrors(errors)
  })
})
