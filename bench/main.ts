/**
 * The benchmark page: the app's own stores and repositories in a production build, driven by
 * scripts/bench.mjs through `window.lobbyDeskBench`. Each measure returns the milliseconds of
 * each run; the script prints their median.
 */
import { createApp } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '@/i18n'
import { useTerminalStore } from '@/stores/terminal'
import { useSetupStore } from '@/stores/setup'
import { useLobbyStore } from '@/stores/lobby'
import { seedScaleData } from '@/db/demo/scale'

const pinia = createPinia()
setActivePinia(pinia)
createApp({ render: () => null }).use(pinia).use(i18n).mount('#app')

const SEARCHES = ['8888', '1234', 'wjg', 'zhang', '王', '李明', 'lj', '1390', '欧阳', 'chen', '5721', 'zw', '刘', 'hx', '0000', 'liu']

async function timed(runs: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await work(i)
    times.push(performance.now() - start)
  }
  return times
}

/** The same prefix lookups on the same index, with raw IndexedDB: the baseline the app is held to. */
function rawSearch(db: IDBDatabase, key: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const request = db.transaction('clients', 'readonly').objectStore('clients').index('searchKeys').getAll(IDBKeyRange.bound(key, `${key}\uffff`), 40)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

function openRaw(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('lobbydesk')
    open.onsuccess = () => resolve(open.result)
    open.onerror = () => reject(open.error)
  })
}

const api = {
  /** Loads the demo branch once, then grows it to bank scale (kept in the bench profile). */
  async ensureSeeded(clients: number, pastVisits: number): Promise<string> {
    const terminal = useTerminalStore()
    await terminal.boot()
    if (!terminal.isSetUp) await useSetupStore().loadDemo()
    await seedScaleData({ branchId: terminal.state.branchId!, today: terminal.today, zone: terminal.settings.timeZone, clients, pastVisits, onProgress: (what, done, total) => {
        if (done === total || done % 50_000 === 0) console.log(`seed ${what} ${done}/${total}`)
      },
    })
    return terminal.state.branchId!
  },
  async clientSearch(runs: number): Promise<number[]> {
    const lobby = useLobbyStore()
    return timed(runs, (i) => lobby.search(SEARCHES[i % SEARCHES.length]!))
  },
  async clientSearchRaw(runs: number): Promise<number[]> {
    const db = await openRaw()
    try {
      return await timed(runs, (i) => rawSearch(db, SEARCHES[i % SEARCHES.length]!))
    } finally {
      db.close()
    }
  },
  async issueTicket(runs: number): Promise<number[]> {
    const lobby = useLobbyStore()
    await lobby.loadRules()
    return timed(runs, () => lobby.checkIn({ client: null, purpose: 'cash', disabled: false, pregnant: false, age: null, amountFen: null }, {}))
  },
}

declare global {
  interface Window {
    lobbyDeskBench: typeof api
  }
}
window.lobbyDeskBench = api
