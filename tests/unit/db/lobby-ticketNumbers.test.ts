// @vitest-environment node
// Node rather than jsdom: real fetch to the in-memory hub.
import { beforeEach, describe, expect, it } from 'vitest'
import { hubForThisFile, useHubDatabase } from '../../support/branchHub'
import { freshDatabase } from '../../support/db'
import { walkInAt } from '../../support/lobbyArrivals'
import { database } from '@/db/connection'
import { checkIn, transferVisit, type CheckInInput } from '@/db/repositories/lobby/visits'
import { keepOfflineReserve } from '@/db/sync/ticketCounter'
import { deriveVisits } from '@/domain/lobby/visitState'

const hub = hubForThisFile()

const BRANCH = '5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
const TODAY = '2026-11-26'
const ONLINE = { hubOffline: false }
const OFFLINE = { hubOffline: true }

const arrival = (overrides: Partial<CheckInInput> = {}) => walkInAt(BRANCH, TODAY, overrides)

async function useHub(): Promise<void> {
  await useHubDatabase(await hub.freshDatabase())
}

/** Checks one arrival in and waits for the background top-up of the offline reserve. */
async function ticketed(numbering = ONLINE, overrides: Partial<CheckInInput> = {}): Promise<string> {
  const { ticket } = await checkIn(arrival(overrides), numbering)
  await keepOfflineReserve({ branchId: BRANCH, businessDate: TODAY, prefix: ticket.prefix })
  return ticket.code
}

describe('ticket numbers at check-in', () => {
  beforeEach(async () => {
    await freshDatabase()
  })

  it('without a hub are numbered inside the check-in, as always', async () => {
    expect([await ticketed(), await ticketed(), await ticketed(OFFLINE)]).toEqual(['A001', 'A002', 'A003'])
  })

  it('with a hub come from its counter, and offline from the reserve, each code once', async () => {
    await useHub()
    const codes = [await ticketed(), await ticketed(), await ticketed(OFFLINE), await ticketed(OFFLINE), await ticketed()]
    expect(codes).toEqual(['A001', 'A002', 'A990', 'A991', 'A003'])
    const tickets = await database().records('tickets').toArray()
    expect(tickets.map((t) => t.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 990, 991])
  })

  it('the ticket_issued event carries the number the ticket was printed with', async () => {
    await useHub()
    const { visit, ticket } = await checkIn(arrival(), ONLINE)
    const state = deriveVisits(await database().records('visitEvents').toArray()).get(visit.id)
    expect(state?.ticket).toEqual({ ticketId: ticket.id, code: ticket.code, prefix: 'A', seq: ticket.seq })
  })

  it('a check-in that fails stores nothing, and the number it took is skipped', async () => {
    await useHub()
    expect(await ticketed()).toBe('A001')
    const failed = await checkIn(arrival({ appointmentId: crypto.randomUUID() }), ONLINE).catch((err: unknown) => err)
    expect(failed).toBeInstanceOf(Error)
    expect(await database().records('visits').count()).toBe(1)
    expect(await database().records('tickets').count()).toBe(1)
    expect(await ticketed()).toBe('A003')
  })

  it('a counter started afresh (another branch database) never repeats a number already held here', async () => {
    await useHub()
    await ticketed()
    await ticketed()
    await useHub()
    expect(await ticketed()).toBe('A003')
  })

  it('a terminal that put numbers in reserve at the start of the day tickets offline before it has issued online', async () => {
    await useHub()
    await keepOfflineReserve({ branchId: BRANCH, businessDate: TODAY, prefix: 'B' })
    expect(await ticketed(OFFLINE, { zone: 'low_counter', prefix: 'B' })).toBe('B990')
  })

  it('a transfer re-tickets the visit with a number from the hub', async () => {
    await useHub()
    const { visit } = await checkIn(arrival(), ONLINE)
    await ticketed(ONLINE, { zone: 'low_counter', prefix: 'B' })
    const transfer = { kind: 'transferred' as const, data: { toZone: 'low_counter' as const, placement: 'end' as const, priorityClass: null, reason: '', services: [] } }
    const ticket = await transferVisit(visit.id, transfer, 'B', { servicePointId: null, staffId: null }, ONLINE)
    expect(ticket.code).toBe('B002')
  })
})
