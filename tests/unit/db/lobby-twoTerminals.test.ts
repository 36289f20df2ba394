// @vitest-environment node
// Two terminals of one branch through the test hub: the same ticket called at two windows, and
// tickets issued on both while apart. Node rather than jsdom: real fetch to the in-memory hub.
import { describe, expect, it } from 'vitest'
import { hubForThisFile, useHubDatabase } from '../../support/branchHub'
import { terminal, type Terminal } from '../../support/terminals'
import { walkInAt } from '../../support/lobbyArrivals'
import { database } from '@/db/connection'
import { deviceId } from '@/db/local'
import { checkIn, lobbyDay, recordVisitStep } from '@/db/repositories/lobby/visits'
import type { HubConnection } from '@/db/sync/couch'
import { syncOnce } from '@/db/sync/replicator'
import { keepOfflineReserve } from '@/db/sync/ticketCounter'
import { lostCalls } from '@/domain/lobby/lostCalls'
import { duplicateTickets } from '@/domain/lobby/tickets'
import { deriveVisits } from '@/domain/lobby/visitState'

const hub = hubForThisFile()

const BRANCH = '7a0c3e51-2b4d-4f6a-8c9e-1d2f3a4b5c6d'
const TODAY = '2026-11-26'
const WINDOW_3 = '3c0d2a1b-4e5f-4a6b-9c7d-8e9f0a1b2c33'
const WINDOW_5 = '5c0d2a1b-4e5f-4a6b-9c7d-8e9f0a1b2c55'

/** Two terminals on a fresh branch database of the hub, each configured for it. */
async function twoTerminals(): Promise<{ a: Terminal; b: Terminal; hubDb: HubConnection }> {
  const hubDb = await hub.freshDatabase()
  const [a, b] = [terminal(`lobby-a-${hubDb.database}`), terminal(`lobby-b-${hubDb.database}`)]
  for (const t of [a, b]) await t.as(() => useHubDatabase(hubDb))
  return { a, b, hubDb }
}

/** This terminal's calls that lost, as its station would be told. */
async function ourLostCalls() {
  const { events } = await lobbyDay(BRANCH, TODAY)
  const me = await deviceId()
  const byId = new Map(events.map((e) => [e.id, e]))
  return lostCalls(
    deriveVisits(events).values(),
    (id) => byId.get(id)?.deviceId === me,
    (id) => byId.get(id)?.servicePointId ?? null,
  )
}

describe('two terminals through the hub', () => {
  it('both windows call the same ticket while apart: the earlier call keeps the client everywhere, and only the other window hears it lost', async () => {
    const { a, b, hubDb } = await twoTerminals()
    const visitId = await a.as(async () => {
      const { visit } = await checkIn(walkInAt(BRANCH, TODAY), { hubOffline: false })
      // The reserve is topped up in the background: done before the other terminal's database is opened.
      await keepOfflineReserve({ branchId: BRANCH, businessDate: TODAY, prefix: 'A' })
      await syncOnce(hubDb)
      return visit.id
    })
    await b.as(() => syncOnce(hubDb))

    // Window 3 (terminal B) calls first, window 5 (terminal A) a moment later, neither seeing the other.
    await b.as(() => recordVisitStep(visitId, { kind: 'called', data: { lane: 'normal' } }, { servicePointId: WINDOW_3, staffId: null }))
    await new Promise((resolve) => setTimeout(resolve, 5))
    await a.as(() => recordVisitStep(visitId, { kind: 'called', data: { lane: 'normal' } }, { servicePointId: WINDOW_5, staffId: null }))

    await a.as(() => syncOnce(hubDb))
    await b.as(() => syncOnce(hubDb))
    await a.as(() => syncOnce(hubDb))

    for (const t of [a, b]) {
      const state = await t.as(async () => deriveVisits((await lobbyDay(BRANCH, TODAY)).events).get(visitId))
      expect(state).toMatchObject({ status: 'called', servicePointId: WINDOW_3 })
    }
    expect(await a.as(ourLostCalls)).toMatchObject([{ visitId, ticketCode: 'A001', lostAt: WINDOW_5, heldBy: WINDOW_3 }])
    expect(await b.as(ourLostCalls)).toEqual([])
  })

  it('tickets issued on both terminals, online and then offline, are all different once both have synchronised', async () => {
    const { a, b, hubDb } = await twoTerminals()
    for (const t of [a, b]) {
      await t.as(async () => {
        await checkIn(walkInAt(BRANCH, TODAY), { hubOffline: false })
        await keepOfflineReserve({ branchId: BRANCH, businessDate: TODAY, prefix: 'A' })
      })
    }
    for (let i = 0; i < 12; i++) {
      for (const t of [a, b]) await t.as(() => checkIn(walkInAt(BRANCH, TODAY), { hubOffline: true }))
    }
    await a.as(() => syncOnce(hubDb))
    await b.as(() => syncOnce(hubDb))
    await a.as(() => syncOnce(hubDb))

    for (const t of [a, b]) {
      const tickets = await t.as(() => database().records('tickets').toArray())
      expect(tickets).toHaveLength(26)
      expect(duplicateTickets(tickets)).toEqual([])
    }
    const codes = (await a.as(() => database().records('tickets').toArray())).map((t) => t.code).sort()
    expect(codes.slice(0, 2)).toEqual(['A001', 'A002'])
    expect(codes.filter((c) => c.length === 5)).toEqual(['A1001', 'A1002', 'A2001', 'A2002'])
  })
})
