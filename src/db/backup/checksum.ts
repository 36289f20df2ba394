/**
 * Row counts and a checksum of every replicated table, computed the same way from the live
 * database (`databaseChecksum`) and from the rows decoded out of a backup file (`checksumOf`), so a
 * restore can be proven to give back exactly what was saved.
 *
 * The checksum is the SHA-256 (hex) of the lines `<table> <rows> <table digest>\n` of the
 * tables that have rows, in RECORD_TABLES order, where a table digest is the SHA-256 of its rows sorted by id, one canonical
 * JSON text per line (keys sorted, each Blob written as its type and the SHA-256 of its bytes).
 * Hashing table by table keeps only one table's text in memory at a time.
 */
import { RECORD_TABLES, type RecordOf, type RecordTableName } from '@/domain/model/records'
import { database } from '../connection'
import { invalidRecord, RowValueError } from './errors'

/** Every replicated table's rows, as read from the database or decoded from a file. */
export type RowsByTable = { [K in RecordTableName]: RecordOf<K>[] }
/** The same, before validation tells us what the rows are. */
export type UncheckedRowsByTable = Readonly<Record<RecordTableName, readonly unknown[]>>
export type TableCounts = Record<RecordTableName, number>

/** The key that marks an encoded Blob in a backup file: ordinary data may not use it. */
export const BLOB_MARKER = '$blob'

function isPlainObject(value: object): value is Record<string, unknown> {
  // Checked through the prototype chain rather than `=== Object.prototype`, which differs between realms.
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === null || Object.getPrototypeOf(proto) === null
}

const JSON_VALUE = 'JSON value or Blob'

/**
 * JSON text with sorted keys: the same data always gives the same text. Throws RowValueError for
 * what JSON would silently change (a Date, NaN, undefined in an array, a key named $blob).
 * Properties holding `undefined` are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown, writeBlob: (blob: Blob) => string, path = ''): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RowValueError(path, 'json_value', JSON_VALUE)
    return JSON.stringify(value)
  }
  if (value instanceof Blob) return writeBlob(value)
  if (Array.isArray(value)) {
    return `[${value.map((item, i) => (item === undefined ? fail(join(path, i)) : canonicalJson(item, writeBlob, join(path, i)))).join(',')}]`
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    const parts: string[] = []
    for (const key of Object.keys(value).sort()) {
      const keyPath = join(path, key)
      if (key === BLOB_MARKER) throw new RowValueError(keyPath, 'reserved_key', `no key named ${BLOB_MARKER}`)
      const item = value[key]
      if (item !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(item, writeBlob, keyPath)}`)
    }
    return `{${parts.join(',')}}`
  }
  return fail(path)
}

function fail(path: string): never {
  throw new RowValueError(path, 'json_value', JSON_VALUE)
}

export function join(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`
}

/** One row as canonical JSON; a value that cannot be written names its table and row. */
export function rowJson(table: RecordTableName, index: number, row: unknown, writeBlob: (blob: Blob) => string): string {
  try {
    return canonicalJson(row, writeBlob)
  } catch (err) {
    if (err instanceof RowValueError) throw invalidRecord(table, index, row, err)
    throw err
  }
}

/** Every Blob inside a value (photos in attachments, but a setting may hold one too). */
export function collectBlobs(value: unknown, into: Set<Blob>): Set<Blob> {
  if (value instanceof Blob) into.add(value)
  else if (Array.isArray(value)) for (const item of value) collectBlobs(item, into)
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) collectBlobs(item, into)
  return into
}

export async function sha256Hex(data: Uint8Array<ArrayBuffer> | ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data))
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function idOf(row: unknown): string {
  return String((row as { id?: unknown }).id)
}

export async function checksumOf(tables: UncheckedRowsByTable): Promise<string> {
  const lines: string[] = []
  for (const table of RECORD_TABLES) {
    // Empty (or, in an older file, absent) tables add no line: adding a table in a later schema
    // version leaves the checksum of older data unchanged.
    const rows = tables[table] ?? []
    if (rows.length === 0) continue
    const blobTexts = new Map<Blob, string>()
    for (const blob of collectBlobs(rows, new Set())) {
      blobTexts.set(blob, `Blob(${JSON.stringify(blob.type)},${await sha256Hex(await blob.arrayBuffer())})`)
    }
    // Code-unit order, the order IndexedDB keeps string keys in: no locale involved.
    const sorted = rows.map((row, index) => ({ row, index, id: idOf(row) })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    const text = sorted.map(({ row, index }) => rowJson(table, index, row, (blob) => blobTexts.get(blob)!)).join('\n')
    lines.push(`${table} ${rows.length} ${await sha256Hex(new TextEncoder().encode(text))}\n`)
  }
  return sha256Hex(new TextEncoder().encode(lines.join('')))
}

export function countRows(tables: UncheckedRowsByTable): TableCounts {
  return Object.fromEntries(RECORD_TABLES.map((table) => [table, tables[table].length])) as TableCounts
}

/** Every replicated table read in one transaction, so the tables agree with each other. */
export async function snapshotRecords(): Promise<RowsByTable> {
  const db = database()
  return db.transaction('r', RECORD_TABLES, async () => {
    const entries = await Promise.all(RECORD_TABLES.map(async (table) => [table, await db.table(table).toArray()] as const))
    return Object.fromEntries(entries) as RowsByTable
  })
}

export async function databaseChecksum(): Promise<string> {
  return checksumOf(await snapshotRecords())
}

export async function tableCounts(): Promise<TableCounts> {
  const db = database()
  return db.transaction('r', RECORD_TABLES, async () => {
    const entries = await Promise.all(RECORD_TABLES.map(async (table) => [table, await db.table(table).count()] as const))
    return Object.fromEntries(entries) as TableCounts
  })
}
