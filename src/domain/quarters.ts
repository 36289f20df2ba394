/**
 * Calendar quarters as the bank counts them ('2026Q4'): the product points and the inspection
 * rankings are both kept and closed by quarter.
 */
import { addDays, type BusinessDate } from './time'

/** A calendar quarter, e.g. '2026Q4'. */
export type QuarterKey = `${number}Q${1 | 2 | 3 | 4}`

export function quarterOf(date: BusinessDate): QuarterKey {
  const month = Number(date.slice(5, 7))
  return `${Number(date.slice(0, 4))}Q${Math.ceil(month / 3) as 1 | 2 | 3 | 4}`
}

export function previousQuarter(quarter: QuarterKey): QuarterKey {
  const year = Number(quarter.slice(0, 4))
  const q = Number(quarter.slice(5))
  return q === 1 ? `${year - 1}Q4` : `${year}Q${(q - 1) as 1 | 2 | 3}`
}

/** The first and last day of a quarter. */
export function quarterBounds(quarter: QuarterKey): { from: BusinessDate; to: BusinessDate } {
  const year = Number(quarter.slice(0, 4))
  const firstMonth = (Number(quarter.slice(5)) - 1) * 3 + 1
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`
  const nextStart = firstMonth === 10 ? `${year + 1}-01-01` : `${year}-${String(firstMonth + 3).padStart(2, '0')}-01`
  return { from, to: addDays(nextStart, -1) }
}

export function nextQuarter(quarter: QuarterKey): QuarterKey {
  return quarterOf(addDays(quarterBounds(quarter).to, 1))
}
