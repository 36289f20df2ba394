import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { freshDatabase } from '../../support/db'
import { saveHubSettings } from '@/db/sync/hubSettings'
import { isOnHub } from '@/db/sync/replicator'
import { HUB_RECHECK_MS, useDisplayStore, type DisplayCall } from '@/stores/display'

// The replicator, explicitly: each test says which calls the hub has; anything else fails loudly.
vi.mock('@/db/sync/replicator', () => ({
  isOnHub: vi.fn(() => {
    throw new Error("Unexpected call to the replicator's isOnHub")
  }),
}))

const STARTED = Date.UTC(2026, 11, 2, 2, 0)

function call(eventId: string, ticketCode: string, secondsAfterStart: number): DisplayCall {
  return { eventId, ticketCode, at: STARTED + secondsAfterStart * 1_000, kind: 'called', pointNumber: 3, pointKind: 'high_counter' }
}

/** What the TV said, through a speech engine that records instead of speaking. */
const spoken: string[] = []

beforeEach(async () => {
  vi.clearAllMocks()
  spoken.length = 0
  vi.stubGlobal('speechSynthesis', { speak: (utterance: { text: string }) => spoken.push(utterance.text) })
  vi.stubGlobal(
    'SpeechSynthesisUtterance',
    class {
      lang = ''
      rate = 1
      constructor(readonly text: string) {}
    },
  )
  await freshDatabase()
  setActivePinia(createPinia())
  useDisplayStore().start(STARTED)
})
afterEach(() => {
  useDisplayStore().stop()
  vi.unstubAllGlobals()
})

describe('the lobby TV announcing calls', () => {
  it('without a hub speaks every new call at once, each once', async () => {
    const display = useDisplayStore()
    expect(await display.announce([call('e1', 'A001', 5)])).toEqual(['请 A 零 零 一 号 到 3 号窗口'])
    expect(await display.announce([call('e1', 'A001', 5), call('e2', 'A002', 9)])).toEqual(['请 A 零 零 二 号 到 3 号窗口'])
    expect(spoken).toHaveLength(2)
    expect(isOnHub).not.toHaveBeenCalled()
  })

  describe('with a hub', () => {
    beforeEach(async () => {
      await saveHubSettings({ url: 'http://127.0.0.1:5992', database: 'branch', regionDatabase: '', username: '', password: '' })
    })

    it('speaks a call only once the hub has accepted it', async () => {
      const display = useDisplayStore()
      const accepted = new Set<string>()
      vi.mocked(isOnHub).mockImplementation(async (_table, id) => accepted.has(id))
      const calls = [call('e1', 'A001', 5)]
      expect(await display.announce(calls)).toEqual([])
      accepted.add('e1')
      await vi.waitFor(() => expect(spoken).toEqual(['请 A 零 零 一 号 到 3 号窗口']), { timeout: HUB_RECHECK_MS * 4 })
      expect(isOnHub).toHaveBeenCalledWith('visitEvents', 'e1')
    })

    it('never speaks a call that lost to another window before the hub accepted it', async () => {
      const display = useDisplayStore()
      vi.mocked(isOnHub).mockImplementation(async (_table, id) => id === 'winner')
      expect(await display.announce([call('ours', 'A001', 5)])).toEqual([])
      // The other window's earlier call arrives: ours is no longer among the accepted calls.
      expect(await display.announce([call('winner', 'A001', 4)])).toEqual(['请 A 零 零 一 号 到 3 号窗口'])
      await new Promise((resolve) => setTimeout(resolve, HUB_RECHECK_MS * 2))
      expect(spoken).toEqual(['请 A 零 零 一 号 到 3 号窗口'])
    })

    it('speaks calls from other terminals, which came through the hub, at once', async () => {
      const display = useDisplayStore()
      vi.mocked(isOnHub).mockResolvedValue(true)
      expect(await display.announce([call('e7', 'B007', 3)])).toEqual(['请 B 零 零 七 号 到 3 号窗口'])
    })
  })
})
