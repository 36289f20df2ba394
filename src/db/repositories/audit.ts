/**
 * Reading the audit log: newest first, a page at a time. Entries are only ever appended, by the
 * write path (src/db/write.ts); nothing here changes them.
 */
import type { AuditEntry } from '@/domain/model/records'
import { database } from '../connection'

export interface AuditFilter {
  /** Only entries about this kind of record: a table name such as 'staff' or 'servicePoints'. */
  entities?: readonly string[]
  /** Only entries written by one of these people; an empty list matches nothing. */
  actorIds?: readonly string[]
}

/** The last entry of the previous page: the next page starts just after it. */
export interface AuditCursor {
  at: number
  id: string
}

export interface AuditPage {
  entries: AuditEntry[]
  /** Where to continue, or null when this was the last page. */
  next: AuditCursor | null
}

/** Entries at the same millisecond (one transaction) come in descending id order, as the `at` index walks them backwards. */
function isAfter(entry: AuditEntry, cursor: AuditCursor): boolean {
  return entry.at < cursor.at || (entry.at === cursor.at && entry.id < cursor.id)
}

/**
 * One page of the log, newest first. The `at` index gives the order; the filters are checked while
 * walking it, and the walk stops as soon as the page is full. A cursor (rather than an offset)
 * keeps "load more" from repeating entries that were written while the person was reading.
 */
export async function listAuditEntries(filter: AuditFilter, after: AuditCursor | null, pageSize: number): Promise<AuditPage> {
  const { entities, actorIds } = filter
  if (actorIds?.length === 0) return { entries: [], next: null }
  const entitySet = entities?.length ? new Set(entities) : null
  const actorSet = actorIds ? new Set(actorIds) : null
  const table = database().records('auditLog')
  const walk = after ? table.where('at').belowOrEqual(after.at).reverse() : table.orderBy('at').reverse()
  const rows = await walk
    .filter((e) => e.deleted === 0 && (!after || isAfter(e, after)) && (!entitySet || entitySet.has(e.entity)) && (!actorSet || (e.actorId !== null && actorSet.has(e.actorId))))
    .limit(pageSize + 1)
    .toArray()
  const entries = rows.slice(0, pageSize)
  const last = entries.at(-1)
  return { entries, next: rows.length > pageSize && last ? { at: last.at, id: last.id } : null }
}

export async function getAuditEntry(id: string): Promise<AuditEntry | undefined> {
  return database().records('auditLog').get(id)
}

