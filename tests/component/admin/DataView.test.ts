import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import { database } from '@/db/connection'
import { createBackup, databaseChecksum, decryptPayload, encryptPayload, setKdfIterationsForTests } from '@/db/backup'
import { findStaffByNumber } from '@/db/repositories/staff'
import { useSessionStore } from '@/stores/session'
import { useTerminalStore } from '@/stores/terminal'
import { RECORD_TABLES, type Staff } from '@/domain/model/records'
import DataView from '@/views/admin/DataView.vue'
import { addPerson, branchTerminal } from './fixtures'
import { byTestId, click, getByTestId, typeInto } from './dom'

const PASSPHRASE = '城东支行备份口令'

/** jsdom has no object URLs; the download link only needs one to exist. */
function provideObjectUrls(): void {
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:backup'), revokeObjectURL: vi.fn() }))
}

async function chooseBackupFile(file: Blob): Promise<void> {
  const input = getByTestId('restore-file') as HTMLInputElement
  Object.defineProperty(input, 'files', { value: [new File([file], 'lobbydesk-CD01.ldbackup')], configurable: true })
  input.dispatchEvent(new Event('change'))
}

describe('data and backup', () => {
  let branchId: string
  let admin: Staff
  beforeEach(async () => {
    await freshDatabase()
    setKdfIterationsForTests(1_000)
    provideObjectUrls()
    ;({ branchId, admin } = await branchTerminal())
  })
  afterEach(() => {
    setKdfIterationsForTests(null)
    vi.unstubAllGlobals()
  })

  it("shows the database's checksum and every table's row count", async () => {
    await mountWithApp(DataView, { staff: admin, route: '/admin/data' })
    const checksum = await databaseChecksum()
    await vi.waitFor(() => expect(byTestId('db-checksum')?.textContent).toBe(checksum))
    for (const table of RECORD_TABLES) expect(byTestId(`db-count-${table}`)).not.toBeNull()
    expect(getByTestId('db-count-staff').textContent).toBe('1')
    expect(byTestId('data-wipe-demo')).toBeNull() // not a demo branch
  })

  it('makes a backup once the passphrase is typed twice, and offers it for download with counts and checksum', async () => {
    await mountWithApp(DataView, { staff: admin, route: '/admin/data' })
    await typeInto('backup-passphrase', 'short')
    await typeInto('backup-passphrase-again', 'short')
    await click('backup-create')
    await vi.waitFor(() => expect(getByTestId('data-backup').textContent).toContain('口令至少要 8 个字符'))

    await typeInto('backup-passphrase', PASSPHRASE)
    await typeInto('backup-passphrase-again', `${PASSPHRASE}!`)
    await click('backup-create')
    await vi.waitFor(() => expect(getByTestId('data-backup').textContent).toContain('两次输入的口令不一致'))

    await typeInto('backup-passphrase-again', PASSPHRASE)
    await click('backup-create')
    await vi.waitFor(() => expect(byTestId('backup-download')).not.toBeNull(), { timeout: 5_000 })
    const link = getByTestId('backup-download') as HTMLAnchorElement
    expect(link.tagName).toBe('A')
    expect(link.getAttribute('href')).toBe('blob:backup')
    expect(link.getAttribute('download')).toMatch(/^lobbydesk-CD01-\d{8}-\d{4}\.ldbackup$/)
    expect(getByTestId('backup-count-staff').textContent).toBe('1')
    expect(getByTestId('backup-checksum').textContent).toMatch(/^[0-9a-f]{64}$/)
    // The backup's own audit entry changed the database after the snapshot: the block shows it.
    await vi.waitFor(() => expect(getByTestId('db-count-auditLog').textContent).toBe('3'))
  })

  it('restores only after inspecting the file and confirming what will be replaced', async () => {
    const backup = await createBackup(PASSPHRASE, { actorRoles: ['administrator'] })
    await addPerson(branchId, '1002', '张', '柜员', ['low_counter'])
    await mountWithApp(DataView, { staff: admin, route: '/admin/data' })

    await chooseBackupFile(backup.blob)
    await typeInto('restore-passphrase', PASSPHRASE)
    await click('restore-inspect')
    await vi.waitFor(() => expect(byTestId('restore-confirm')).not.toBeNull(), { timeout: 5_000 })
    expect(getByTestId('restore-summary').textContent).toContain(backup.checksum)
    expect(getByTestId('restore-count-staff').textContent).toBe('1')
    expect(document.body.textContent).toContain('员工：2 条') // what this terminal holds now
    expect(await findStaffByNumber('1002')).toBeDefined()

    await click('restore-confirm')
    await vi.waitFor(async () => expect(await findStaffByNumber('1002')).toBeUndefined(), { timeout: 5_000 })
    await vi.waitFor(() => expect(document.body.textContent).toContain('已恢复'))
    expect(useTerminalStore().branch?.id).toBe(branchId)
    expect(useSessionStore().isSignedIn).toBe(true)
  })

  it('says what is wrong with a file, and changes nothing', async () => {
    const backup = await createBackup(PASSPHRASE, { actorRoles: ['administrator'] })
    const payload = JSON.parse(await decryptPayload(backup.blob, PASSPHRASE)) as { tables: { staff: Record<string, unknown>[] } }
    payload.tables.staff[0]!.failedPinAttempts = 'five'
    const tampered = await encryptPayload(JSON.stringify(payload), PASSPHRASE)
    const before = await databaseChecksum()
    await mountWithApp(DataView, { staff: admin, route: '/admin/data' })

    await chooseBackupFile(backup.blob)
    await typeInto('restore-passphrase', 'not the passphrase')
    await click('restore-inspect')
    await vi.waitFor(() => expect(byTestId('restore-failure')?.textContent).toBe('口令不对，或者文件被改动过。请核对口令后重试。 本机数据没有任何改动。'), { timeout: 5_000 })

    await chooseBackupFile(tampered)
    await typeInto('restore-passphrase', PASSPHRASE)
    await click('restore-inspect')
    await vi.waitFor(() => expect(byTestId('restore-failure')?.textContent).toContain('员工表第 1 行：failedPinAttempts 类型不对'), { timeout: 5_000 })

    await chooseBackupFile(new Blob(['hello']))
    await click('restore-inspect')
    await vi.waitFor(() => expect(byTestId('restore-failure')?.textContent).toContain('这不是厅堂通的备份文件'))
    expect(byTestId('restore-confirm')).toBeNull()
    expect(await databaseChecksum()).toBe(before)
  })

  it('wipes a demo branch after the confirm dialog lists what goes, then returns to first run', async () => {
    // Mark this branch's records as the demo generator does.
    await database().records('branches').update(branchId, { demo: 1 })
    await database().records('staff').update(admin.id, { demo: 1 })
    const { router } = await mountWithApp(DataView, { staff: admin, route: '/admin/data' })
    await vi.waitFor(() => expect(byTestId('wipe-demo')).not.toBeNull())

    await click('wipe-demo')
    await vi.waitFor(() => expect(byTestId('wipe-demo-confirm')).not.toBeNull())
    expect(document.body.textContent).toContain('网点：1 条')
    expect(document.body.textContent).toContain('员工：1 条')
    await click('wipe-demo-confirm')

    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/setup'))
    expect(useTerminalStore().isSetUp).toBe(false)
    expect(useSessionStore().isSignedIn).toBe(false)
    expect(await database().records('branches').count()).toBe(0)
  })

  it('tells people without a backup role that they may not back up', async () => {
    await mountWithApp(DataView, { roles: ['lobby_manager'], route: '/admin/data' })
    expect(byTestId('backup-not-allowed')).not.toBeNull()
    expect(byTestId('backup-create')).toBeNull()
    expect(byTestId('restore-inspect')).toBeNull()
  })
})
