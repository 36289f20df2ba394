/**
 * Ticket numbers with a hub (the rules are in src/domain/lobby/ticketNumbers.ts). Online, the number
 * is taken from the hub's counter for (branch, business date, prefix) by compare-and-swap before the
 * check-in's transaction; the terminal then tops up, in the background, a small reserved block and
 * makes sure it holds a terminal slot. Offline (or when the hub does not answer within 1.5 s, so a
 * dead network never holds up the lobby manager) it issues from its block, then from its own series.
 *
 * The counters are CouchDB local documents (`_local/…`): compare-and-swap works on them as on any
 * document, but they stay out of the changes feed, so terminals do not download every number taken
 * and the replicator never meets a document that is not a record. The terminal's reserve lives in
 * the `local` table, tagged with the hub it came from: pointing the terminal at another hub or
 * database leaves the old reserve unused.
 */
import type { Ticket } from '@/domain/model/records'
import { BLOCK_SIZE, counterOf, needsRefill, refilled, seriesHasRoom, seriesNumber, takeBlock, takeFromBlock, takeNextNumber, type ReservedBlock, type TicketCounter } from '@/domain/lobby/ticketNumbers'
import type { TicketScope } from '@/domain/lobby/tickets'
import { database } from '../connection'
import { getLocal } from '../local'
import { CouchClient, HubError, type CouchDoc } from './couch'
import { hubConnectionOf } from './hubSettings'
import { readHubSettings, type HubSettings } from './hubSettings'

/** How long one request to the counter may take before the terminal issues from its reserve. */
export const COUNTER_REQUEST_TIMEOUT_MS = 1500
/** Compare-and-swap attempts before giving up on a counter several terminals keep changing. */
const SWAP_ATTEMPTS = 12

/** Why no number could be issued; the lobby says it in words. */
export type NoTicketNumberReason =
  /** Offline, and this terminal has neither reserved numbers nor a series yet (it has never reached the hub). */
  | 'no_reserve'
  /** Offline, and this terminal's series for the prefix is used up for the day. */
  | 'series_full'

export class NoTicketNumberError extends Error {
  constructor(readonly reason: NoTicketNumberReason) {
    super(`No ticket number can be issued: ${reason}`)
    this.name = 'NoTicketNumberError'
  }
}

export type TicketNumberSource = 'hub' | 'block' | 'series'

export interface TakenTicketNumber {
  seq: number
  from: TicketNumberSource
  /** The background top-up of the offline reserve after an online number; it never rejects. */
  reserved: Promise<void>
}

interface CounterDoc extends CouchDoc {
  last: number
  reservedFrom: number
}

interface SlotsDoc extends CouchDoc {
  last: number
}

/** The terminal's slot (its own series), kept with the hub that gave it. */
interface StoredSlot {
  hub: string
  slot: number
}

interface StoredBlock extends ReservedBlock {
  hub: string
}

const counterDocId = (scope: TicketScope) => `_local/ticketCounter:${scope.branchId}:${scope.businessDate}:${scope.prefix}`
const slotsDocId = (branchId: string) => `_local/ticketSlots:${branchId}`
const blockKey = (scope: TicketScope) => `ticketBlock:${scope.branchId}:${scope.businessDate}:${scope.prefix}`
const seriesKey = (scope: TicketScope) => `ticketSeries:${scope.branchId}:${scope.businessDate}:${scope.prefix}`
const slotKey = (branchId: string) => `ticketSlot:${branchId}`
const hubTag = (settings: HubSettings) => `${settings.url}|${settings.database}`
const resolved = Promise.resolve()

/**
 * The number for a new ticket in this scope, taken before the check-in's transaction; null when no
 * hub is configured (the transaction numbers the ticket itself, as always). `hubOffline`
 * (synchronisation knows the hub is gone) skips the attempt to reach it.
 */
export async function takeTicketNumber(scope: TicketScope, { hubOffline }: { hubOffline: boolean }): Promise<TakenTicketNumber | null> {
  const settings = await readHubSettings()
  if (!settings) return null
  if (!hubOffline) {
    try {
      const held = await heldNumbers(scope)
      const seq = await swapCounter(clientFor(settings), counterDocId(scope), (counter) => {
        const taken = takeNextNumber(counter, held)
        return taken && { value: taken.seq, counter: taken.counter }
      })
      if (seq !== null) return { seq, from: 'hub', reserved: keepOfflineReserve(scope).catch(() => undefined) }
      // The counter's range is full for the day: the terminal's reserve takes over.
    } catch (err) {
      if (!(err instanceof HubError)) throw err
    }
  }
  const fromBlock = await takeReservedNumber(scope, hubTag(settings))
  if (fromBlock !== null) return { seq: fromBlock, from: 'block', reserved: resolved }
  return { seq: await takeSeriesNumber(scope, hubTag(settings)), from: 'series', reserved: resolved }
}

const topUps = new Map<string, Promise<void>>()

/**
 * Makes sure this terminal can go on issuing in this scope when the hub is gone: it holds a
 * terminal slot for its own series, and a reserved block topped up once half of it is used.
 * Throws a HubError when the hub cannot be reached (the next online ticket tries again). Calls
 * while one is under way share it, so quick tickets in a row reserve one block, not several.
 */
export function keepOfflineReserve(scope: TicketScope): Promise<void> {
  const key = blockKey(scope)
  const running = topUps.get(key)
  if (running) return running
  const work = topUp(scope).finally(() => topUps.delete(key))
  topUps.set(key, work)
  return work
}

async function topUp(scope: TicketScope): Promise<void> {
  const settings = await readHubSettings()
  if (!settings) return
  const client = clientFor(settings)
  const tag = hubTag(settings)
  await holdSlot(client, scope.branchId, tag)
  if (!needsRefill(await storedBlock(scope, tag))) return
  const held = await heldNumbers(scope)
  const numbers = await swapCounter(client, counterDocId(scope), (counter) => {
    const block = takeBlock(counter, held, BLOCK_SIZE)
    return block && { value: block.numbers, counter: block.counter }
  })
  if (!numbers) return
  const db = database()
  await db.transaction('rw', db.local, async () => {
    await db.local.put({ key: blockKey(scope), value: { hub: tag, ...refilled(await storedBlock(scope, tag), numbers) } satisfies StoredBlock })
  })
  await forgetEarlierDays(scope)
}

const slotRequests = new Map<string, Promise<void>>()

/**
 * Makes sure this terminal holds a slot of the branch from this hub. The zones' top-ups run side by
 * side and share one request, so the terminal takes one slot, not one per zone.
 */
function holdSlot(client: CouchClient, branchId: string, tag: string): Promise<void> {
  const running = slotRequests.get(branchId)
  if (running) return running
  const work = (async () => {
    if ((await getLocal<StoredSlot>(slotKey(branchId)))?.hub === tag) return
    const slot = await swapDoc<SlotsDoc, number>(client, slotsDocId(branchId), (stored) => {
      const next = (Number.isSafeInteger(stored?.last) ? stored!.last : 0) + 1
      return { doc: { last: next }, value: next }
    })
    await database().local.put({ key: slotKey(branchId), value: { hub: tag, slot } satisfies StoredSlot })
  })().finally(() => slotRequests.delete(branchId))
  slotRequests.set(branchId, work)
  return work
}

function clientFor(settings: HubSettings): CouchClient {
  return new CouchClient(hubConnectionOf(settings, COUNTER_REQUEST_TIMEOUT_MS))
}

/** The numbers this terminal already holds tickets with in the scope (its own and those synchronised). */
async function heldNumbers(scope: TicketScope): Promise<number[]> {
  const today: Ticket[] = await database().records('tickets').where('[branchId+businessDate]').equals([scope.branchId, scope.businessDate]).toArray()
  return today.filter((ticket) => ticket.prefix === scope.prefix).map((ticket) => ticket.seq)
}

/** Changes a scope's counter by compare-and-swap: `take` returns what it gives out with the new counter, or null. */
async function swapCounter<T>(client: CouchClient, id: string, take: (counter: TicketCounter) => { value: T; counter: TicketCounter } | null): Promise<T | null> {
  return swapDoc<CounterDoc, T | null>(client, id, (stored) => {
    const taken = take(counterOf(stored))
    return taken ? { doc: taken.counter, value: taken.value } : { doc: null, value: null }
  })
}

/**
 * Reads a document, computes its next content and writes it with the revision read; when another
 * terminal wrote in between (a conflict), reads and tries again. A null `doc` writes nothing.
 */
async function swapDoc<D extends CouchDoc, T>(client: CouchClient, id: string, change: (stored: D | undefined) => { doc: Omit<D, '_id' | '_rev'> | null; value: T }): Promise<T> {
  for (let attempt = 0; attempt < SWAP_ATTEMPTS; attempt++) {
    const stored = await client.getDoc<D>(id)
    const changed = change(stored)
    if (!changed.doc) return changed.value
    try {
      await client.putDoc({ ...changed.doc, _id: id, ...(stored?._rev ? { _rev: stored._rev } : {}) })
      return changed.value
    } catch (err) {
      if (!(err instanceof HubError) || err.kind !== 'conflict') throw err
      // Terminals racing for the same counter: a short random pause lets them fall out of step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * (attempt + 1)))
    }
  }
  throw new HubError('conflict', `${id} kept changing`)
}

async function storedBlock(scope: TicketScope, tag: string): Promise<ReservedBlock> {
  const stored = await getLocal<StoredBlock>(blockKey(scope))
  return stored?.hub === tag ? { available: stored.available } : { available: [] }
}

/** The next number of the terminal's reserved block, or null when it has none left. */
async function takeReservedNumber(scope: TicketScope, tag: string): Promise<number | null> {
  const db = database()
  return db.transaction('rw', db.local, async () => {
    const taken = takeFromBlock(await storedBlock(scope, tag))
    if (!taken) return null
    await db.local.put({ key: blockKey(scope), value: { hub: tag, ...taken.block } satisfies StoredBlock })
    return taken.seq
  })
}

/** The next number of the terminal's own series for the scope. */
async function takeSeriesNumber(scope: TicketScope, tag: string): Promise<number> {
  const db = database()
  return db.transaction('rw', db.local, async () => {
    const slot = await getLocal<StoredSlot>(slotKey(scope.branchId))
    if (slot?.hub !== tag) throw new NoTicketNumberError('no_reserve')
    const n = ((await getLocal<number>(seriesKey(scope))) ?? 0) + 1
    if (!seriesHasRoom(n)) throw new NoTicketNumberError('series_full')
    await db.local.put({ key: seriesKey(scope), value: n })
    return seriesNumber(slot.slot, n)
  })
}

/** Reserves and series counts of earlier business dates are of no further use. */
async function forgetEarlierDays(scope: TicketScope): Promise<void> {
  for (const kind of ['ticketBlock', 'ticketSeries']) {
    const branch = `${kind}:${scope.branchId}:`
    await database()
      .local.where('key')
      .startsWith(branch)
      .and((entry) => !entry.key.startsWith(`${branch}${scope.businessDate}:`))
      .delete()
  }
}
