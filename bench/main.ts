/**
 * The benchmark page: the app's own stores and repositories in a production build, driven by
 * scripts/bench.mjs through `window.lobbyDeskBench`. Each measure returns the milliseconds of
 * each run; the script prints their median.
 */
import { createApp, h, nextTick } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { ensureMessages, i18n } from '@/i18n'
import { useTerminalStore } from '@/stores/terminal'
import { useSetupStore } from '@/stores/setup'
import { useLobbyStore } from '@/stores/lobby'
import { seedCounterScaleData, seedInspectionScaleData, seedScaleData, seedWealthScaleData } from '@/db/demo/scale'
import { quarterRanking } from '@/db/repositories/inspection/ranking'
import { standingsFor } from '@/db/repositories/counter/points'
import { useWealthCareStore } from '@/stores/wealthCare'
import { useSessionStore } from '@/stores/session'
import { findStaffByNumber } from '@/db/repositories/staff'
import type { Zone } from '@/domain/lobby/terms'
import ZoneCard from '@/components/lobby/queue/ZoneCard.vue'
import { quarterOf } from '@/domain/quarters'
import { syncBench } from './sync'

const pinia = createPinia()
setActivePinia(pinia)
createApp({ render: () => null }).use(pinia).use(i18n).mount('#app')
// The screens' words, as a signed-in terminal has them.
await ensureMessages()

const QUEUE_BOARD_SIZE = 200

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
  sync: syncBench,
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
  /** Adds the wealth part to a seeded profile when it is missing: maintained VIPs with their diaries. */
  async ensureWealthSeeded(vips: number, contacts: number): Promise<void> {
    const terminal = useTerminalStore()
    await seedWealthScaleData({ branchId: terminal.state.branchId!, today: terminal.today, zone: terminal.settings.timeZone, vips, contacts, onProgress: (what, done, total) => {
        if (done === total || done % 1_000 === 0) console.log(`seed ${what} ${done}/${total}`)
      },
    })
  },
  /** 王芳's due list (overdue, today, this week) through the store the screen uses; returns the runs' times and the list's length. */
  async wealthDueList(runs: number): Promise<{ times: number[]; clients: number }> {
    const wang = await findStaffByNumber('9009')
    if (!wang) throw new Error('No wealth manager 9009 in the seeded branch')
    useSessionStore().staff = wang
    const care = useWealthCareStore()
    let clients = 0
    const times = await timed(runs, async () => (clients = (await care.dueList(wang.id)).entries.length))
    return { times, clients }
  },
  /** Adds the counter part to a seeded profile when it is missing: offers with their points ledger. */
  async ensureCounterSeeded(offers: number): Promise<void> {
    const terminal = useTerminalStore()
    await seedCounterScaleData({ branchId: terminal.state.branchId!, today: terminal.today, zone: terminal.settings.timeZone, offers, onProgress: (what, done, total) => {
        if (done === total || done % 10_000 === 0) console.log(`seed ${what} ${done}/${total}`)
      },
    })
  },
  /** This quarter's rankings by role across the region with everyone's pay band, as the rankings page asks for them. */
  async quarterRanking(runs: number): Promise<{ times: number[]; people: number }> {
    const terminal = useTerminalStore()
    let people = 0
    const times = await timed(runs, async () => {
      const standings = await standingsFor(terminal.state.branchId!, quarterOf(terminal.today))
      people = standings.rankings.reduce((sum, r) => sum + r.standings.length, 0)
    })
    return { times, people }
  },
  /** Adds submitted inspections across the region's outlets to a seeded profile when they are missing. */
  async ensureInspectionsSeeded(inspections: number): Promise<void> {
    await seedInspectionScaleData({ today: useTerminalStore().today, inspections })
  },
  /** The quarter's ranking of every outlet with the red flag and penalties, as the rankings page asks for it. */
  async inspectionRanking(runs: number): Promise<{ times: number[]; branches: number }> {
    const terminal = useTerminalStore()
    let branches = 0
    const times = await timed(runs, async () => (branches = (await quarterRanking(quarterOf(terminal.today))).filter((s) => s.ranked).length))
    return { times, branches }
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
  /**
   * A busy zone's queue board: 200 clients waiting today at the corporate desk (checked in through
   * the real path, topped up once and kept in the profile), rendered by the real ZoneCard into a
   * detached element with the app's i18n and Pinia, until the next frame.
   */
  async queueBoard(runs: number): Promise<number[]> {
    const lobby = useLobbyStore()
    await lobby.loadRules()
    const zone: Zone = 'corporate_desk'
    const waitingNow = async () => (await lobby.picture()).boards.find((b) => b.zone === zone)!.waiting.length
    for (let waiting = await waitingNow(); waiting < QUEUE_BOARD_SIZE; waiting++) {
      await lobby.checkIn({ client: null, purpose: 'corporate', disabled: false, pregnant: false, age: null, amountFen: null }, {})
    }
    const picture = await lobby.picture()
    const full = picture.boards.find((b) => b.zone === zone)!
    const board = { ...full, waiting: full.waiting.slice(0, QUEUE_BOARD_SIZE) }
    if (board.waiting.length !== QUEUE_BOARD_SIZE) throw new Error(`Expected ${QUEUE_BOARD_SIZE} waiting, got ${board.waiting.length}`)
    const pointsById = new Map(picture.points.map((p) => [p.id, p]))
    const names = new Map<string, string>()
    const render = async () => {
      const host = document.createElement('div')
      const card = createApp({ render: () => h(ZoneCard, { board, names, pointsById }) }).use(pinia).use(i18n)
      card.mount(host)
      await nextTick()
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))
      card.unmount()
    }
    await timed(3, render) // warm-up
    return timed(runs, render)
  },
}

declare global {
  interface Window {
    lobbyDeskBench: typeof api
  }
}
window.lobbyDeskBench = api
