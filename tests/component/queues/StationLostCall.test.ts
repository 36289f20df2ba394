import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import { seedCounterBranch, type CounterBranch } from '../../support/counterSeed'
import { callFromAnotherTerminal } from './otherTerminal'
import StationView from '@/views/lobby/queues/StationView.vue'
import { createServicePoint } from '@/db/repositories/servicePoints'
import { useLobbyStore } from '@/stores/lobby'
import { useSyncStore } from '@/stores/sync'
import type { ServicePoint } from '@/domain/model/records'

// Nothing here may reach the replicator itself: the sync store stands in, online, a round bringing in what the test says.
vi.mock('@/db/sync/replicator', async () => (await import('./otherTerminal')).replicatorNotToBeCalled())

/** 2026-12-02 10:00 in Shanghai; the call comes half a minute later. */
const ARRIVED_AT = Date.UTC(2026, 11, 2, 2, 0)

let b: CounterBranch
let window3: ServicePoint
let window5: ServicePoint
beforeEach(async () => {
  vi.clearAllMocks()
  await freshDatabase()
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(ARRIVED_AT)
  b = await seedCounterBranch()
  window3 = await createServicePoint({ branchId: b.branchId, kind: 'high_counter', number: 3, name: '3号窗口', active: 1 })
  window5 = await createServicePoint({ branchId: b.branchId, kind: 'high_counter', number: 5, name: '5号窗口', active: 1 })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('a station whose call lost to another window', () => {
  it('says at once where the client was called, leaves the client to that window and offers the next call', async () => {
    const { wrapper } = await mountWithApp(StationView, { staff: b.chen })
    const lobby = useLobbyStore()
    await lobby.signOn(window5)
    const { visit } = await lobby.checkIn({ client: null, purpose: 'cash', disabled: false, pregnant: false, age: null, amountFen: null }, {})
    vi.setSystemTime(ARRIVED_AT + 30_000)
    const sync = useSyncStore()
    sync.saved = { url: 'http://127.0.0.1:5992', database: 'branch', regionDatabase: '', username: '', hasPassword: false }
    sync.status = { phase: 'current', pending: 0, offlineSince: null, problem: null, problemDatabase: null, lastSyncedAt: null, download: null, refusedDocs: 0, refusedChanges: 0 }
    vi.spyOn(sync, 'syncNow').mockImplementation(async () => void (await callFromAnotherTerminal(visit.id, window3)))

    await vi.waitFor(() => expect(wrapper.find('[data-testid="call-next"]').attributes('disabled')).toBeUndefined(), { timeout: 5000 })
    await wrapper.get('[data-testid="call-next"]').trigger('click')

    await vi.waitFor(() => expect(wrapper.find('[data-testid="lost-call-A001"]').exists()).toBe(true), { timeout: 5000 })
    expect(wrapper.get('[data-testid="lost-call-A001"]').text()).toContain('A001 已在3号窗口叫号，客户会到那里办理。请叫下一位。')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="current-client"]').exists()).toBe(false), { timeout: 5000 })
    expect(wrapper.find('[data-testid="call-next"]').exists()).toBe(true)

    await wrapper.get('[data-testid="lost-call-seen-A001"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="lost-call-A001"]').exists()).toBe(false))
  })
})
