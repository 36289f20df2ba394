// @vitest-environment node
// Node rather than jsdom: real fetch to the in-memory hub.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import { beforeEach, describe, expect, it } from 'vitest'
import { hubForThisFile, useHubDatabase } from '../../support/branchHub'
import { freshDatabase } from '../../support/db'
import { terminal } from '../../support/terminals'
import { CouchClient, type HubConnection } from '@/db/sync/couch'
import { COUNTER_REQUEST_TIMEOUT_MS, keepOfflineReserve, NoTicketNumberError, takeTicketNumber, type TakenTicketNumber } from '@/db/sync/ticketCounter'
import { COUNTER_CEILING, SERIES_WIDTH } from '@/domain/lobby/ticketNumbers'
import type { TicketScope } from '@/domain/lobby/tickets'

const hub = hubForThisFile()

const SCOPE: TicketScope = { branchId: '0b6f4a52-3c1e-4d8a-9f3e-2a1b5c7d9e01', businessDate: '2026-11-26', prefix: 'A' }
const ONLINE = { hubOffline: false }
const OFFLINE = { hubOffline: true }

/** Points the open database at a branch database (a fresh one unless given), reached at the test hub unless another address is given. */
async function useHub(url = hub.url, database?: HubConnection): Promise<HubConnection> {
  const connection = database ?? (await hub.freshDatabase())
  await useHubDatabase(connection, url)
  return connection
}

/** One number, once its background top-up of the reserve has finished. */
async function take(options = ONLINE, scope = SCOPE): Promise<TakenTicketNumber> {
  const taken = await takeTicketNumber(scope, options)
  if (!taken) throw new Error('Expected a number with a hub configured')
  await taken.reserved
  return taken
}

async function takeMany(count: number, options = ONLINE): Promise<TakenTicketNumber[]> {
  const taken: TakenTicketNumber[] = []
  for (let i = 0; i < count; i++) taken.push(await take(options))
  return taken
}

async function refusal(promise: Promise<unknown>): Promise<NoTicketNumberError> {
  const err = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  if (!(err instanceof NoTicketNumberError)) throw new Error(`Expected a NoTicketNumberError, got ${String(err)}`)
  return err
}

/**
 * The test hub behind a switch: passes requests through until `silence()`, then swallows them and
 * never answers, as a network that has gone away without saying so.
 */
async function hubBehindSwitch(): Promise<{ url: string; silence(): void; stop(): Promise<void> }> {
  const target = new URL(hub.url)
  let silent = false
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    if (silent) return
    const forwarded = request({ host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(outgoing)
    })
    incoming.pipe(forwarded)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('The switch is not listening on a TCP port')
  return {
    url: `http://127.0.0.1:${address.port}`,
    silence: () => (silent = true),
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

describe('ticket numbers from the hub', () => {
  beforeEach(async () => {
    await freshDatabase()
  })

  it('without a hub configured are left to the check-in', async () => {
    expect(await takeTicketNumber(SCOPE, ONLINE)).toBeNull()
  })

  it('online, count up from 1 on the counter', async () => {
    await useHub()
    expect((await takeMany(3)).map((t) => [t.seq, t.from])).toEqual([
      [1, 'hub'],
      [2, 'hub'],
      [3, 'hub'],
    ])
  })

  it('count per prefix and per business date', async () => {
    await useHub()
    await take()
    expect((await take(ONLINE, { ...SCOPE, prefix: 'B' })).seq).toBe(1)
    expect((await take(ONLINE, { ...SCOPE, businessDate: '2026-11-27' })).seq).toBe(1)
    expect((await take()).seq).toBe(2)
  })

  it('racing terminals never get the same number', async () => {
    await useHub()
    const raced = await Promise.all(Array.from({ length: 16 }, () => takeTicketNumber(SCOPE, ONLINE)))
    await Promise.all(raced.map((t) => t?.reserved))
    const numbers = raced.map((t) => t?.seq ?? 0)
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1))
  })

  it('offline, come from a block of ten kept at the top of the range, then from the terminal’s own series', async () => {
    await useHub()
    await take()
    expect((await takeMany(10, OFFLINE)).map((t) => [t.seq, t.from])).toEqual(Array.from({ length: 10 }, (_, i) => [COUNTER_CEILING - 9 + i, 'block']))
    expect(await take(OFFLINE)).toMatchObject({ seq: SERIES_WIDTH + 1, from: 'series' })
    expect(await take(OFFLINE)).toMatchObject({ seq: SERIES_WIDTH + 2, from: 'series' })
    // Online again: the counter goes on where it was, with no gap for the block.
    expect((await take()).seq).toBe(2)
  })

  it('top the block up once half of it is used', async () => {
    await useHub()
    await take()
    await takeMany(5, OFFLINE)
    expect((await take()).seq).toBe(2)
    expect((await takeMany(15, OFFLINE)).map((t) => t.seq)).toEqual([995, 996, 997, 998, 999, 980, 981, 982, 983, 984, 985, 986, 987, 988, 989])
  })

  it('reserving numbers for every zone at once takes one terminal slot, not one per zone', async () => {
    const hubDb = await useHub()
    await Promise.all(['A', 'B', 'V'].map((prefix) => keepOfflineReserve({ ...SCOPE, prefix })))
    const slots = await new CouchClient(hubDb).getDoc<{ _id: string; last: number }>(`_local/ticketSlots:${SCOPE.branchId}`)
    expect(slots?.last).toBe(1)
    expect((await takeMany(10, OFFLINE)).map((t) => t.from)).toEqual(Array.from({ length: 10 }, () => 'block'))
    expect((await take(OFFLINE)).seq).toBe(SERIES_WIDTH + 1)
  })

  it('offline on a terminal that never reached the hub: none is issued, and it says why', async () => {
    await useHub()
    expect((await refusal(takeTicketNumber(SCOPE, OFFLINE))).reason).toBe('no_reserve')
  })

  it('a reserve from another hub or branch database is not used', async () => {
    await useHub()
    await take()
    await useHub()
    expect((await refusal(takeTicketNumber(SCOPE, OFFLINE))).reason).toBe('no_reserve')
  })
})

describe('when the hub goes away', () => {
  it('the terminal issues from its reserve without waiting long for a hub that no longer answers', async () => {
    await freshDatabase()
    const hubSwitch = await hubBehindSwitch()
    try {
      await useHub(hubSwitch.url)
      expect((await take()).seq).toBe(1)
      hubSwitch.silence()
      const startedAt = Date.now()
      expect(await take()).toMatchObject({ seq: 990, from: 'block' })
      expect(Date.now() - startedAt).toBeLessThan(COUNTER_REQUEST_TIMEOUT_MS + 1_000)
      await takeMany(9, OFFLINE)
      expect(await take()).toMatchObject({ seq: SERIES_WIDTH + 1, from: 'series' })
    } finally {
      await hubSwitch.stop()
    }
  })

  it('two offline terminals never issue the same number, nor one the counter gave out', async () => {
    const hubSwitch = await hubBehindSwitch()
    const database = await hub.freshDatabase()
    const [a, b] = [terminal('ticket-a'), terminal('ticket-b')]
    try {
      const online = [await a.as(async () => (await useHub(hubSwitch.url, database), await take())), await b.as(async () => (await useHub(hubSwitch.url, database), await take()))]
      hubSwitch.silence()
      const offlineA = await a.as(() => takeMany(14, OFFLINE))
      const offlineB = await b.as(() => takeMany(14, OFFLINE))
      const all = [...online, ...offlineA, ...offlineB].map((t) => t.seq)
      expect(new Set(all).size).toBe(all.length)
      expect(offlineA.filter((t) => t.from === 'series').map((t) => t.seq)).toEqual([1001, 1002, 1003, 1004])
      expect(offlineB.filter((t) => t.from === 'series').map((t) => t.seq)).toEqual([2001, 2002, 2003, 2004])
    } finally {
      await hubSwitch.stop()
    }
  })
})
