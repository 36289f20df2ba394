import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { createBackup, databaseChecksum, inspectBackup, restoreBackup, tableCounts, type BackupSummary, type CreatedBackup, type TableCounts } from '@/db/backup'
import { wipeDemoData, type DemoWipeResult } from '@/db/demo/wipe'
import { countDemoRecords } from '@/db/repositories/demoData'
import { requestPersistentStorage, storageEstimate } from '@/db/storage'
import { getLocal, LOCAL_KEYS } from '@/db/local'
import { BACKUP_ROLES } from '@/domain/roles'
import { useTerminalStore } from './terminal'
import { useSessionStore } from './session'

export { BackupError, MIN_PASSPHRASE_LENGTH, BACKUP_FILE_EXTENSION, type BackupErrorDetails, type BackupSummary, type CreatedBackup, type TableCounts } from '@/db/backup'
export type { DemoWipeResult } from '@/db/demo/wipe'

export interface Integrity {
  checksum: string
  counts: TableCounts
}

/** Keeping the branch's data safe: storage, encrypted backups and restores, wiping the demo. */
export const useDataSafetyStore = defineStore('dataSafety', () => {
  const terminal = useTerminalStore()
  const session = useSessionStore()
  /** The database's checksum and row counts as last computed: compared before and after a backup or restore. */
  const integrity = shallowRef<Integrity | null>(null)
  const persistent = ref<boolean | null>(null)

  const mayBackUp = computed(() => session.roles.some((role) => BACKUP_ROLES.includes(role)))
  /** The demo generator marks its records, the branch among them. */
  const isDemoBranch = computed(() => terminal.branch?.demo === 1)

  /** Recomputes the checksum and counts of every replicated table. */
  async function refreshIntegrity(): Promise<Integrity> {
    const [checksum, counts] = await Promise.all([databaseChecksum(), tableCounts()])
    integrity.value = { checksum, counts }
    return integrity.value
  }

  /** Space used and the quota; null when the browser does not say. */
  function storage(): Promise<{ usage: number; quota: number } | null> {
    return storageEstimate()
  }

  /** Reads whether the browser granted persistent storage when last asked (at start-up). */
  async function loadPersistence(): Promise<void> {
    persistent.value = (await getLocal<boolean>(LOCAL_KEYS.persistGranted)) ?? false
  }

  /** Asks the browser again not to evict this terminal's data. */
  async function askPersistence(): Promise<boolean> {
    persistent.value = await requestPersistentStorage()
    return persistent.value
  }

  /** Makes an encrypted backup file of everything on this terminal (refused to roles without BACKUP_ROLES). */
  async function backUp(passphrase: string): Promise<CreatedBackup> {
    const created = await createBackup(passphrase, { actorRoles: session.roles })
    await refreshIntegrity()
    return created
  }

  /** Decrypts and checks a backup file, writing nothing. */
  function inspect(file: Blob, passphrase: string): Promise<BackupSummary> {
    return inspectBackup(file, passphrase)
  }

  /** Replaces everything on this terminal with the file's contents, then re-reads what the terminal is. */
  async function restore(file: Blob, passphrase: string): Promise<BackupSummary> {
    const summary = await restoreBackup(file, passphrase, { actorRoles: session.roles })
    await terminal.refresh()
    // The restored data decides who exists: a person missing from it is signed out.
    await session.reload()
    if (!session.isSignedIn) session.signOut()
    await refreshIntegrity()
    return summary
  }

  /** At first run: fills this empty terminal from a backup file (its passphrase is the credential). */
  async function restoreAtFirstRun(file: Blob, passphrase: string): Promise<BackupSummary> {
    const summary = await restoreBackup(file, passphrase, { firstRun: true })
    await terminal.refresh()
    return summary
  }

  /** What wiping the demo would remove, per table. */
  function demoCounts(): ReturnType<typeof countDemoRecords> {
    return countDemoRecords()
  }

  /** Removes the demo branch; when the terminal is back at first run, nobody stays signed in. */
  async function wipeDemo(): Promise<DemoWipeResult> {
    const result = await wipeDemoData()
    await terminal.refresh()
    if (!terminal.isSetUp) session.signOut()
    else await refreshIntegrity()
    return result
  }

  return { integrity, persistent, mayBackUp, isDemoBranch, refreshIntegrity, storage, loadPersistence, askPersistence, backUp, inspect, restore, restoreAtFirstRun, demoCounts, wipeDemo }
})
