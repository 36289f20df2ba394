import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, newTerminal } from './support/browser'
import { expectNoPageErrors, loadDemoBranch, signIn, textOf } from './support/app'
import { DEMO } from './support/accounts'

const PASSPHRASE = '城东支行-backup-2026'
const TABLES = ['branches', 'servicePoints', 'staff', 'clients', 'products', 'bundleRules', 'inspectionTemplates', 'settings'] as const

async function integrity(page: Page): Promise<{ checksum: string; counts: Record<string, string> }> {
  await page.getByTestId('integrity-refresh').click()
  await page.waitForTimeout(300)
  const counts: Record<string, string> = {}
  for (const table of [...TABLES, 'auditLog']) counts[table] = await textOf(page, `db-count-${table}`)
  return { checksum: await textOf(page, 'db-checksum'), counts }
}

async function chooseBackup(page: Page, file: string, passphrase: string): Promise<void> {
  await page.getByTestId('restore-file').setInputFiles(file)
  await page.getByTestId('restore-passphrase').fill(passphrase)
  await page.getByTestId('restore-inspect').click()
}

describe('encrypted backup → wipe → restore', () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let errors: string[]
  const dir = mkdtempSync(join(tmpdir(), 'lobbydesk-backup-'))
  const backupFile = join(dir, 'branch.ldbackup')
  let beforeBackup: { checksum: string; counts: Record<string, string> }

  beforeAll(async () => {
    browser = await launchBrowser()
    ;({ context, page, errors } = await newTerminal(browser))
    await loadDemoBranch(page)
    await signIn(page, DEMO.administrator.staffNo, DEMO.administrator.pin)
    await page.goto('/admin/data')
    await page.getByTestId('db-checksum').waitFor()
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })

  it('an administrator makes an encrypted backup whose checksum is the database’s', async () => {
    beforeBackup = await integrity(page)
    expect(beforeBackup.counts.clients).toBe('2,000')
    await page.getByTestId('backup-passphrase').fill(PASSPHRASE)
    await page.getByTestId('backup-passphrase-again').fill(PASSPHRASE)
    await page.getByTestId('backup-create').click()
    await page.getByTestId('backup-result').waitFor({ timeout: 30_000 })
    expect(await textOf(page, 'backup-checksum')).toBe(beforeBackup.checksum)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click()])
    await download.saveAs(backupFile)
    expect(download.suggestedFilename()).toMatch(/^lobbydesk-BJ001-\d{8}-\d{4}\.ldbackup$/)
    const text = readFileSync(backupFile, 'utf8')
    expect(text).not.toContain('城东支行') // encrypted: no client or branch data in clear
  })

  it('a wrongly encrypted backup is refused and changes nothing', async () => {
    const before = await integrity(page)
    await chooseBackup(page, backupFile, 'not-the-passphrase')
    const failure = page.getByTestId('restore-failure')
    await failure.waitFor({ timeout: 30_000 })
    expect(await failure.innerText()).toContain('口令')
    expect(await integrity(page)).toEqual(before)
  })

  it('a corrupted (cut short) backup is refused and changes nothing', async () => {
    const before = await integrity(page)
    const cut = join(dir, 'cut.ldbackup')
    const bytes = readFileSync(backupFile)
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)))
    await chooseBackup(page, cut, PASSPHRASE)
    const failure = page.getByTestId('restore-failure')
    await failure.waitFor({ timeout: 30_000 })
    expect(await failure.innerText()).toMatch(/不完整|损坏/)
    expect(await integrity(page)).toEqual(before)
  })

  it('wiping the demo returns the terminal to first run', async () => {
    await page.getByTestId('wipe-demo').click()
    await page.getByTestId('wipe-demo-confirm').click()
    await page.waitForURL('**/setup', { timeout: 30_000 })
  })

  it('restoring the file at first run gives back identical counts, and the file’s checksum is the one taken before', async () => {
    await page.getByTestId('open-restore').click()
    await chooseBackup(page, backupFile, PASSPHRASE)
    await page.getByTestId('restore-summary').waitFor({ timeout: 30_000 })
    expect(await textOf(page, 'restore-checksum')).toBe(beforeBackup.checksum)
    await page.getByTestId('restore-confirm').click()
    await page.waitForURL('**/sign-in', { timeout: 30_000 })
    await signIn(page, DEMO.administrator.staffNo, DEMO.administrator.pin)
    await page.goto('/admin/data')
    await page.getByTestId('db-checksum').waitFor()
    const after = await integrity(page)
    for (const table of TABLES) expect(after.counts[table], table).toBe(beforeBackup.counts[table])
    // The audit log holds what the backup held plus what happened since: the restore itself and this sign-in.
    expect(Number(after.counts.auditLog!.replace(/,/g, ''))).toBeGreaterThan(Number(beforeBackup.counts.auditLog!.replace(/,/g, '')))
  })

  it('raised no uncaught error in the page', () => {
    expectNoPageErrors(errors)
  })
})
