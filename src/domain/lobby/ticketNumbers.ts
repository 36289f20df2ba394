/**
 * Ticket numbers shared by several terminals of one branch. Without a hub a terminal numbers its
 * own tickets (tickets.ts); with one, every number is given out so that no two terminals can ever
 * print the same code on one business day, offline included, and a number never changes once shown.
 *
 * The numbers of one scope (branch, business date, prefix) fall into two disjoint ranges:
 * - 1 … COUNTER_CEILING belong to the hub's counter for the scope. Online tickets count up from 1,
 *   so the numbers the lobby sees stay consecutive. Each terminal also reserves a small block for
 *   when the network is gone, carved from the top of the same range downwards (990–999, then
 *   980–989, …): blocks never leave gaps among the online numbers, and since the counter hands out
 *   both ends by compare-and-swap on one document, the two ends can meet but never overlap.
 * - Above COUNTER_CEILING each terminal has a series of its own: terminal slot s (taken once per
 *   branch from the hub's slot counter, so no two terminals share one) issues s·1000+1 …
 *   s·1000+999, printed A1001, A1002 … for slot 1, A2001 … for slot 2. A terminal falls back to it
 *   when it is offline with its block used up (or when the counter's range is full).
 * A number taken and then not used (a check-in that failed to save) is simply skipped.
 */

/** The highest number the counter hands out: three digits, as tickets have always been printed. */
export const COUNTER_CEILING = 999
/** How many numbers a terminal keeps in reserve per prefix for when it is offline. */
export const BLOCK_SIZE = 10
/** Each terminal slot's series is one thousand wide (the slot's thousand, without its round number). */
export const SERIES_WIDTH = 1000

/** A scope's counter on the hub: the last number given out online and the lowest one reserved as a block. */
export interface TicketCounter {
  last: number
  /** COUNTER_CEILING + 1 while no block has been reserved. */
  reservedFrom: number
}

export function emptyCounter(): TicketCounter {
  return { last: 0, reservedFrom: COUNTER_CEILING + 1 }
}

/** A counter read from the hub, or a fresh one when the document holds something else. */
export function counterOf(stored: unknown): TicketCounter {
  const fields = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {}
  const { last, reservedFrom } = fields
  const valid = (n: unknown, min: number, max: number): n is number => Number.isSafeInteger(n) && (n as number) >= min && (n as number) <= max
  if (!valid(last, 0, COUNTER_CEILING) || !valid(reservedFrom, 1, COUNTER_CEILING + 1) || last >= reservedFrom) return emptyCounter()
  return { last, reservedFrom }
}

/**
 * The lowest number the counter may still give out. Numbers this terminal already holds tickets
 * with (`held`) count as given out too, so a counter started afresh mid-day (a hub replaced) does not
 * repeat them; numbers among the reserved blocks are left to the blocks.
 */
function lowestFree(counter: TicketCounter, held: Iterable<number>): number {
  let highest = counter.last
  for (const seq of held) if (seq > highest && seq < counter.reservedFrom) highest = seq
  return highest + 1
}

/** The next online number, or null when it would reach the reserved blocks: the counter's range is full. */
export function takeNextNumber(counter: TicketCounter, held: Iterable<number> = []): { seq: number; counter: TicketCounter } | null {
  const seq = lowestFree(counter, held)
  if (seq >= counter.reservedFrom) return null
  return { seq, counter: { ...counter, last: seq } }
}

/**
 * A block of up to `size` numbers from the top of what is still free, in ascending order (fewer
 * when the free range is smaller); null when nothing is free.
 */
export function takeBlock(counter: TicketCounter, held: Iterable<number> = [], size = BLOCK_SIZE): { numbers: number[]; counter: TicketCounter } | null {
  const free = lowestFree(counter, held)
  const to = counter.reservedFrom - 1
  const from = Math.max(free, to - size + 1)
  if (from > to) return null
  return { numbers: range(from, to), counter: { ...counter, reservedFrom: from } }
}

/** A terminal's reserved numbers not yet used, in the order they are issued. */
export interface ReservedBlock {
  available: number[]
}

/** The next reserved number and what is left, or null when the block is used up. */
export function takeFromBlock(block: ReservedBlock): { seq: number; block: ReservedBlock } | null {
  const [seq, ...rest] = block.available
  return seq === undefined ? null : { seq, block: { available: rest } }
}

/** A block is topped up in the background once half of it has been used. */
export function needsRefill(block: ReservedBlock, size = BLOCK_SIZE): boolean {
  return block.available.length <= size / 2
}

/** A block with newly reserved numbers added after those still available. */
export function refilled(block: ReservedBlock, numbers: readonly number[]): ReservedBlock {
  return { available: [...block.available, ...numbers] }
}

/** The n-th number (from 1) of a terminal slot's own series: slot 3 issues 3001, 3002, … */
export function seriesNumber(slot: number, n: number): number {
  if (!Number.isSafeInteger(slot) || slot < 1) throw new RangeError(`Not a terminal slot: ${slot}`)
  if (!Number.isSafeInteger(n) || n < 1 || n >= SERIES_WIDTH) throw new RangeError(`Not a number of a series: ${n}`)
  return slot * SERIES_WIDTH + n
}

/** Whether a series can issue its n-th number (a slot's series holds 999 a day per prefix). */
export function seriesHasRoom(n: number): boolean {
  return n < SERIES_WIDTH
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}
