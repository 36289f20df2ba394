/**
 * How long to wait before retrying the hub after a failure: exponential back-off with full jitter
 * (a uniformly random wait up to a ceiling that doubles with each failed attempt, capped), so that
 * terminals which lost the hub together do not all come back at the same instant.
 */
export interface RetrySchedule {
  /** The ceiling of the first retry's wait. */
  baseMs: number
  /** The ceiling never grows past this. */
  maxMs: number
}

/**
 * The wait before retry number `attempt` (0 for the first retry after a failure), in whole
 * milliseconds; `random` returns a number in [0, 1), as Math.random does.
 */
export function retryDelay(attempt: number, { baseMs, maxMs }: RetrySchedule, random: () => number): number {
  if (!Number.isInteger(attempt) || attempt < 0) throw new RangeError(`A retry attempt is a whole number from 0, not ${attempt}`)
  const ceilingMs = Math.min(maxMs, baseMs * 2 ** attempt)
  return Math.floor(random() * ceilingMs)
}
