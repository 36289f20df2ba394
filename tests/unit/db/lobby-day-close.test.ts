import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { freshDatabase } from '../../support/db'
import { walkInAt } from '../../support/lobbyArrivals'
import { branchTerminal } from '../../component/admin/fixtures'
import { database } from '@/db/connection'
import { checkIn } from '@/db/repositories/lobby/visits'
import { closeBusinessDay, unclosedDaysWithVisits } from '@/db/repositories/lobby/duty'
import { saveSettingValue } from '@/db/repositories/settings'
import { DEFAULT_LOBBY_RULES } from '@/domain/lobby/purposes'
import { deriveVisits } from '@/domain/lobby/visitState'
import { startOfBusinessDate } from '@/domain/time'
import { useLobbyStore } from '@/stores/lobby'
import { useTerminalStore } from '@/stores/terminal'

const ZONE = 'Asia/Shanghai'
const TODAY = '2026-11-25' // a Wednesday
const YESTERDAY = '2026-11-24'
const at = (date: string, hh: number, mm = 0) => startOfBusinessDate(date, ZONE) + (hh * 60 + mm) * 60_000

async function arrival(branchId: string, businessDate: string): Promise<string> {
  const { visit } = await checkIn(walkInAt(branchId, businessDate))
  return visit.id
}

async function closures() {
  return (await database().records('dayClosures').toArray()).sort((a, b) => (a.businessDate < b.businessDate ? -1 : 1))
}

describe('closing the business day by itself', { timeout: 20_000 }, () => {
  let branchId: string

  beforeEach(async () => {
    await freshDatabase()
    // Only Date is pinned: fake IndexedDB keeps its own timers.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(at(TODAY, 10))
    ;({ branchId } = await branchTerminal())
    setActivePinia(createPinia())
    await useTerminalStore().refresh()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('closes today once the set time has come, as nobody, with the waiting clients recorded unserved', async () => {
    const waiting = [await arrival(branchId, TODAY), await arrival(branchId, TODAY)]
    const lobby = useLobbyStore()
    expect(await lobby.autoCloseDueDays(at(TODAY, 17, 59))).toEqual([])
    expect(await closures()).toEqual([])

    expect(await lobby.autoCloseDueDays(at(TODAY, 18))).toEqual([{ businessDate: TODAY, unserved: 2 }])
    const [closure] = await closures()
    expect(closure).toMatchObject({ branchId, businessDate: TODAY, closedBy: null, unservedCount: 2 })
    const states = deriveVisits(await database().records('visitEvents').toArray())
    for (const id of waiting) expect(states.get(id)?.status).toBe('unserved')
    expect((await lobby.picture(TODAY, at(TODAY, 18))).closed).toBe(true)
  })

  it('is idempotent: two tabs closing at the same moment close the day once; a later run finds it closed', async () => {
    await arrival(branchId, TODAY)
    const tab = async () => {
      setActivePinia(createPinia())
      await useTerminalStore().refresh()
      return useLobbyStore()
    }
    const [first, second] = [await tab(), await tab()]
    const results = await Promise.all([first.autoCloseDueDays(at(TODAY, 18, 5)), second.autoCloseDueDays(at(TODAY, 18, 5))])
    expect(results.flat()).toEqual([{ businessDate: TODAY, unserved: 1 }])
    expect(await first.autoCloseDueDays(at(TODAY, 18, 6))).toEqual([])
    expect((await closeBusinessDay(branchId, TODAY, [], null)).alreadyClosed).toBe(true)
    expect(await closures()).toHaveLength(1)
    expect((await database().records('visitEvents').toArray()).filter((e) => e.kind === 'unserved_at_close')).toHaveLength(1)
  })

  it('follows the rules: a later closing time, or none (by hand only)', async () => {
    await arrival(branchId, TODAY)
    const lobby = useLobbyStore()
    await saveSettingValue('lobbyRules', { ...DEFAULT_LOBBY_RULES, autoCloseAt: '19:30' })
    expect(await lobby.autoCloseDueDays(at(TODAY, 19, 29))).toEqual([])
    await saveSettingValue('lobbyRules', { ...DEFAULT_LOBBY_RULES, autoCloseAt: null })
    expect(await lobby.autoCloseDueDays(at(TODAY, 23, 59))).toEqual([])
    expect(await closures()).toEqual([])
  })

  it('closes an earlier day nobody closed (the terminal was off at closing time), even before today’s time', async () => {
    await arrival(branchId, YESTERDAY)
    await arrival(branchId, TODAY)
    expect(await unclosedDaysWithVisits(branchId, '2026-10-25', YESTERDAY)).toEqual([YESTERDAY])
    const lobby = useLobbyStore()
    expect(await lobby.autoCloseDueDays(at(TODAY, 9))).toEqual([{ businessDate: YESTERDAY, unserved: 1 }])
    expect((await closures()).map((c) => [c.businessDate, c.closedBy])).toEqual([[YESTERDAY, null]])
    expect(await unclosedDaysWithVisits(branchId, '2026-10-25', YESTERDAY)).toEqual([])
  })

  it('the manual close is idempotent too and records who closed the day', async () => {
    await arrival(branchId, TODAY)
    const first = await closeBusinessDay(branchId, TODAY, [], 'manager-1')
    expect(first).toMatchObject({ alreadyClosed: false, closure: { closedBy: 'manager-1' } })
    expect(await useLobbyStore().autoCloseDueDays(at(TODAY, 18))).toEqual([])
    expect(await closures()).toHaveLength(1)
  })
})
