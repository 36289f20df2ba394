import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { hubFeedsOf, readHubSettings, saveHubSettings, type HubSettings } from '@/db/sync/hubSettings'
import type { HubCheck } from '@/db/sync/hubCheck'
import type { JoinCandidate } from '@/db/sync/join'
import type { Arrival, SyncPhase, SyncStatus } from '@/db/sync/replicator'
import { useTerminalStore } from './terminal'

export type { HubCheck, JoinCandidate, SyncPhase, SyncStatus }

/** What screens may know of the saved hub settings: everything but the password. */
export interface SavedHubSettings {
  url: string
  database: string
  regionDatabase: string
  username: string
  hasPassword: boolean
}

/** The hub settings as a form holds them: an empty password keeps the saved one. */
export type HubSettingsForm = HubSettings

/** The form for no hub yet, or for the saved settings (the password is never shown: left empty, it stays). */
export function hubSettingsForm(saved: SavedHubSettings | null = null): HubSettingsForm {
  return { url: saved?.url ?? '', database: saved?.database ?? '', regionDatabase: saved?.regionDatabase ?? '', username: saved?.username ?? '', password: '' }
}

export type DownloadOutcome = { ok: true; received: number } | Extract<HubCheck, { ok: false }>

/** Several tabs share one database: only the tab holding this lock replicates. */
const LEADER_LOCK = 'lobbydesk-sync'
const CHANNEL = 'lobbydesk-sync'
/** How long a tab waits for the replicating tab to finish a round it asked for. */
const SYNC_NOW_WAIT_MS = 15_000

/** What the tabs of one browser tell each other. */
type TabMessage =
  | { type: 'status'; status: SyncStatus | null } // the replicating tab's status, whenever it changes
  | { type: 'hello' } // a tab just started listening: the replicating tab answers with its status
  | { type: 'settings' } // the hub settings were changed in some tab
  | { type: 'syncNow'; id: string } // please run a round now…
  | { type: 'synced'; id: string } // …done
  | { type: 'arrivals'; arrivals: readonly Arrival[] }

/** Tables whose arrival changes what the terminal store holds (branch name, branch-wide settings). */
const TERMINAL_TABLES: ReadonlySet<string> = new Set(['branches', 'settings'])

const replicatorModule = () => import('@/db/sync/replicator')

/**
 * Synchronisation as the terminal's people see it: whether a hub is configured, the replicator's
 * status (in every tab, though only one tab replicates), the hub settings with their connection
 * test, and onboarding a new terminal from the hub. The replicator and the record schemas load
 * only once a hub is configured: a terminal working alone never downloads them.
 */
export const useSyncStore = defineStore('sync', () => {
  const saved = ref<SavedHubSettings | null>(null)
  const status = shallowRef<SyncStatus | null>(null)
  const download = ref<{ received: number; total: number | null } | null>(null)
  const leading = ref(false)

  let booted: Promise<void> | null = null
  let channel: BroadcastChannel | null = null
  /** Ends this tab's hold on the leader lock (set while leading). */
  let releaseLock: (() => void) | null = null
  /** Cancels this tab's wait for the leader lock (set while waiting). */
  let stopWaiting: AbortController | null = null
  const arrivalListeners = new Set<(arrivals: readonly Arrival[]) => void>()
  const syncNowWaiters = new Map<string, () => void>()

  const configured = computed(() => saved.value !== null)
  /** 'alone' without a hub; until the replicating tab reports, 'connecting'. */
  const phase = computed<SyncPhase | 'alone'>(() => (saved.value ? (status.value?.phase ?? 'connecting') : 'alone'))

  function summarize(settings: HubSettings | null): SavedHubSettings | null {
    if (!settings) return null
    const { password, ...shown } = settings
    return { ...shown, hasPassword: password !== '' }
  }

  /** Re-reads the saved settings (without the password) for the screens. */
  async function load(): Promise<void> {
    saved.value = summarize(await readHubSettings())
  }

  /** Once the terminal is open and set up: joins the other tabs and, with a hub configured, replicates in the one tab that holds the lock. */
  function boot(): Promise<void> {
    booted ??= (async () => {
      channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL)
      if (channel) channel.onmessage = (event: MessageEvent<TabMessage>) => void onTabMessage(event.data)
      await followSettings()
      tell({ type: 'hello' })
    })()
    return booted
  }

  async function onTabMessage(message: TabMessage): Promise<void> {
    switch (message.type) {
      case 'status':
        if (!leading.value) status.value = message.status
        break
      case 'hello':
        if (leading.value) tell({ type: 'status', status: status.value })
        break
      case 'settings':
        await followSettings()
        break
      case 'syncNow':
        if (!leading.value) break
        await (await replicatorModule()).syncNow()
        tell({ type: 'synced', id: message.id })
        break
      case 'synced':
        syncNowWaiters.get(message.id)?.()
        break
      case 'arrivals':
        deliver(message.arrivals)
        break
    }
  }

  function tell(message: TabMessage): void {
    channel?.postMessage(message)
  }

  /** Brings this tab in line with the saved settings: replicate (or wait to), restart with new settings, or stop. */
  async function followSettings(): Promise<void> {
    const settings = await readHubSettings()
    saved.value = summarize(settings)
    if (!settings) {
      await resign()
      status.value = null
    } else if (leading.value) {
      await startReplicator(settings)
    } else {
      claimLead()
    }
  }

  /** Asks for the leader lock; the tab that gets it replicates until it resigns or closes. */
  function claimLead(): void {
    if (stopWaiting || releaseLock) return
    if (!navigator.locks) {
      // Without Web Locks (an old browser) every tab would replicate; they still share one outbox, so this tab simply leads.
      void lead()
      return
    }
    const waiting = new AbortController()
    stopWaiting = waiting
    navigator.locks
      .request(LEADER_LOCK, { signal: waiting.signal }, () => {
        stopWaiting = null
        return new Promise<void>((release) => {
          releaseLock = release
          void lead()
        })
      })
      .catch((err: unknown) => {
        // A wait given up on purpose (disconnected) rejects with AbortError; a lock refused outright
        // (a browser that blocks it) leaves this tab to replicate on its own.
        if (waiting.signal.aborted) return
        console.error(err)
        stopWaiting = null
        void lead()
      })
  }

  async function lead(): Promise<void> {
    leading.value = true
    const settings = await readHubSettings()
    if (settings) await startReplicator(settings)
    else await resign()
  }

  async function startReplicator(settings: HubSettings): Promise<void> {
    const { startSync } = await replicatorModule()
    await startSync(hubFeedsOf(settings), {
      onStatus: (next) => {
        status.value = next
        tell({ type: 'status', status: next })
      },
      onArrivals: (arrivals) => {
        deliver(arrivals)
        tell({ type: 'arrivals', arrivals })
      },
    })
  }

  /** Stops replicating in this tab and lets go of the lock (or of the wait for it). */
  async function resign(): Promise<void> {
    stopWaiting?.abort()
    stopWaiting = null
    if (!leading.value) return
    await (await replicatorModule()).stopSync()
    leading.value = false
    releaseLock?.()
    releaseLock = null
    tell({ type: 'status', status: null })
  }

  function deliver(arrivals: readonly Arrival[]): void {
    for (const listener of arrivalListeners) listener(arrivals)
    if (arrivals.some((a) => TERMINAL_TABLES.has(a.table))) void useTerminalStore().refresh()
  }

  /** Calls `listener` with the records other terminals wrote, as they arrive (in every tab); returns the unsubscribe. */
  function onArrivals(listener: (arrivals: readonly Arrival[]) => void): () => void {
    arrivalListeners.add(listener)
    return () => arrivalListeners.delete(listener)
  }

  /** Pushes and pulls one round now (through the replicating tab); resolves at once without a hub, never throws. */
  async function syncNow(): Promise<void> {
    if (!saved.value) return
    if (leading.value || !channel) {
      await (await replicatorModule()).syncNow()
      return
    }
    const id = crypto.randomUUID()
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, SYNC_NOW_WAIT_MS)
      function done(): void {
        clearTimeout(timer)
        syncNowWaiters.delete(id)
        resolve()
      }
      syncNowWaiters.set(id, done)
      tell({ type: 'syncNow', id })
    })
  }

  /** The form's settings with the saved password when the form leaves it empty for the same user. */
  async function completed(form: HubSettingsForm): Promise<HubSettings> {
    const trimmed = { url: form.url.trim(), database: form.database.trim(), regionDatabase: form.regionDatabase.trim(), username: form.username.trim(), password: form.password }
    if (trimmed.password !== '') return trimmed
    const before = await readHubSettings()
    return before && before.username === trimmed.username ? { ...trimmed, password: before.password } : trimmed
  }

  /** What is wrong with the address as typed (checked before anything is sent), for the form's field message. */
  async function addressProblem(url: string): Promise<'invalid_address' | 'insecure' | null> {
    return (await import('@/db/sync/hubCheck')).addressProblem(url)
  }

  /** What is wrong with the database name as typed, for the form's field message. */
  async function databaseProblem(name: string): Promise<'invalid_database' | null> {
    return (await import('@/db/sync/hubCheck')).databaseProblem(name)
  }

  /** Tests the settings against the hub without saving anything. */
  async function test(form: HubSettingsForm): Promise<HubCheck> {
    const { checkHub } = await import('@/db/sync/hubCheck')
    return checkHub(await completed(form))
  }

  /** Tests, and only when the test passes saves the settings and (re)starts synchronising in every tab. */
  async function save(form: HubSettingsForm): Promise<HubCheck> {
    const settings = await completed(form)
    const { checkHub } = await import('@/db/sync/hubCheck')
    const check = await checkHub(settings)
    if (!check.ok) return check
    await saveHubSettings(settings)
    await settingsChanged()
    return check
  }

  /** Stops synchronising and forgets the hub; the terminal keeps all its data and works alone. */
  async function disconnect(): Promise<void> {
    await saveHubSettings(null)
    await settingsChanged()
  }

  async function settingsChanged(): Promise<void> {
    tell({ type: 'settings' })
    // Before boot (first run) no tab replicates: the settings are only kept.
    if (booted) await followSettings()
    else await load()
  }

  /** Onboarding: keeps the settings (so a second try resumes where the first stopped) and downloads the branch's and the region's databases whole. */
  async function downloadBranch(form: HubSettingsForm): Promise<DownloadOutcome> {
    const settings = await completed(form)
    await saveHubSettings(settings)
    saved.value = summarize(settings)
    const [replicator, { failedCheck }, { HubError }] = await Promise.all([replicatorModule(), import('@/db/sync/hubCheck'), import('@/db/sync/couch')])
    let received = 0
    download.value = { received, total: null }
    try {
      await replicator.downloadHub(hubFeedsOf(settings), (progress) => {
        received = progress.received
        download.value = progress
      })
      return { ok: true, received }
    } catch (err) {
      if (err instanceof HubError) return failedCheck(err)
      throw err
    } finally {
      download.value = null
    }
  }

  /** Onboarding: the downloaded branches and the one to offer first. */
  async function joinCandidates(): Promise<{ candidates: JoinCandidate[]; suggested: string | null }> {
    const { joinCandidates: candidatesFor } = await import('@/db/sync/join')
    return candidatesFor(saved.value?.database ?? '')
  }

  /** Onboarding: makes this terminal the chosen branch's terminal; synchronisation starts as the terminal becomes ready. */
  async function join(branchId: string): Promise<void> {
    const { joinBranch } = await import('@/db/sync/join')
    await joinBranch(branchId, saved.value?.database ?? '')
    await useTerminalStore().refresh()
  }

  /** Onboarding given up: the terminal forgets the hub so that another first-run door starts clean. */
  async function abandonJoin(): Promise<void> {
    await saveHubSettings(null)
    saved.value = null
  }

  return { saved, status, download, leading, configured, phase, load, boot, onArrivals, syncNow, addressProblem, databaseProblem, test, save, disconnect, downloadBranch, joinCandidates, join, abandonJoin }
})
