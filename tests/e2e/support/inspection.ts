/** What inspection journeys do on a page: score a visit, sign it, read the ranking, move visits by file. */
import type { Page } from 'playwright-core'
import { readTable } from './app'

export interface StoredTemplate {
  id: string
  active: number
  sections: { code: string; items: { code: string; rule: 'PER' | 'ALL' | 'GRADE' }[] }[]
}

export interface StoredInspection {
  id: string
  branchId: string
  status: string
  amends: string | null
  answers: Record<string, { kind: string; occurrences?: { photoIds: string[] }[] }>
  vetoes: { vetoCode: string; photoIds: string[] }[]
  summary: { normalised: number; grade: string } | null
}

/** Draws a signature with the mouse on the pad and confirms it. */
export async function signWithMouse(page: Page): Promise<void> {
  const pad = page.getByTestId('signature-canvas')
  await pad.scrollIntoViewIfNeeded()
  const box = (await pad.boundingBox())!
  await page.mouse.move(box.x + 30, box.y + box.height * 0.7)
  await page.mouse.down()
  for (let step = 1; step <= 12; step++) await page.mouse.move(box.x + 30 + step * 22, box.y + box.height * (0.7 - 0.4 * Math.sin(step / 2)), { steps: 3 })
  await page.mouse.up()
  await page.getByTestId('signature-confirm').click()
  await page.getByTestId('signature-done').waitFor()
}

/** Every item of the sheet passed (GRADE at its best level), section by section. */
export async function passEveryItem(page: Page, template: StoredTemplate): Promise<void> {
  for (const section of template.sections) {
    await page.getByTestId(`section-${section.code}`).click()
    for (const item of section.items) await page.getByTestId(item.rule === 'GRADE' ? `item-${item.code}-level-0` : `item-${item.code}-pass`).click()
  }
}

export async function activeTemplate(page: Page): Promise<StoredTemplate> {
  const templates = await readTable<StoredTemplate>(page, 'inspectionTemplates')
  return templates.find((t) => t.active === 1)!
}

/** The visit the page shows (/inspection/visits/<id>/…). */
export function visitIdOnPage(page: Page): string {
  return new URL(page.url()).pathname.split('/')[3]!
}

export async function visitOnPage(page: Page): Promise<StoredInspection> {
  const id = visitIdOnPage(page)
  return (await readTable<StoredInspection>(page, 'inspections')).find((i) => i.id === id)!
}

/** Starts an on-site visit of the outlet from the visits page (the inspection area's landing page). */
export async function startVisit(page: Page, outletCode: string): Promise<string> {
  await page.getByTestId('visit-start').click()
  await page.getByTestId('visit-branch-search').fill(outletCode)
  await page.getByTestId(`visit-branch-${outletCode}`).click()
  await page.getByTestId('visit-kind-on_site').click()
  await page.getByTestId('visit-begin').click()
  await page.getByTestId('score-total').waitFor()
  return visitIdOnPage(page)
}

/** Reviews the scored visit, signs it and submits it: it is locked from then on. */
export async function signAndSubmit(page: Page): Promise<void> {
  await page.getByTestId('visit-review').click()
  await page.getByTestId('blockers-none').waitFor()
  await signWithMouse(page)
  await page.getByTestId('visit-submit').click()
  await page.getByTestId('visit-locked').waitFor()
}

/** The quarter's ranking as the rankings page shows it: each outlet's row text. */
export async function rankingRows(page: Page): Promise<string[]> {
  await page.goto('/inspection/rankings')
  await page.getByTestId('ranking-view-overall').click()
  const rows = page.locator('[data-testid^="ranking-row-"]')
  await rows.first().waitFor()
  return rows.allInnerTexts()
}

/** The outlets the rankings page shows with a red flag, by code. */
export async function redFlagOutlets(page: Page): Promise<string[]> {
  const flags = await page.locator('[data-testid^="ranking-red-flag-"]').evaluateAll((elements) => elements.map((e) => e.getAttribute('data-testid')!.replace('ranking-red-flag-', '')))
  return [...new Set(flags)].sort()
}

/** Seals the visits into an exchange file (File exchange); returns the file's path. */
export async function exportVisits(page: Page, visitIds: readonly string[], passphrase: string): Promise<string> {
  await page.goto('/inspection/exchange')
  for (const id of visitIds) await page.getByTestId(`exchange-visit-${id}`).click()
  await page.getByTestId('exchange-passphrase').fill(passphrase)
  await page.getByTestId('exchange-passphrase-again').fill(passphrase)
  await page.getByTestId('exchange-export').click()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('exchange-download').click()])
  return download.path()
}

/** Takes an exchange file in (File exchange) and waits for its report. */
export async function importVisits(page: Page, file: string, passphrase: string): Promise<void> {
  await page.goto('/inspection/exchange')
  await page.getByTestId('exchange-import-file').setInputFiles(file)
  await page.getByTestId('exchange-import-passphrase').fill(passphrase)
  await page.getByTestId('exchange-import').click()
  await page.getByTestId('exchange-report').waitFor()
}
