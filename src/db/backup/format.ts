/**
 * The backup file format.
 *
 * The file (the envelope) is JSON text in UTF-8:
 *   { format: 'lobbydesk-backup', formatVersion: 1, createdAt,
 *     kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt }, cipher: { name: 'AES-GCM', iv },
 *     payload }
 * salt, iv and payload are base64; payload is the AES-GCM ciphertext (tag included) of the payload
 * text. Every envelope field but the payload is authenticated with it as associated data, so none
 * of them can be edited either.
 *
 * The payload, once decrypted, is JSON:
 *   { app: 'lobbydesk', schemaVersion, createdAt, deviceId, branchId, region, counts: { [table]: n },
 *     checksum, tables: { [table]: rows[] } }
 * with every replicated table (RECORD_TABLES) and no terminal-local one (outbox, drafts, local).
 * A Blob inside a row is written { $blob: <base64 of its bytes>, type }.
 *
 * Nothing here touches the database: reading a file only checks it and decodes it.
 */
import * as v from 'valibot'
import { Timestamp } from '@/domain/model/base'
import { RECORD_SCHEMAS, RECORD_TABLES, type RecordTableName } from '@/domain/model/records'
import { CURRENT_SCHEMA_VERSION, ROW_UPGRADES } from '../schema'
import { now } from '../write'
import { BLOB_MARKER, collectBlobs, join, rowJson, type RowsByTable, type UncheckedRowsByTable } from './checksum'
import { decryptBytes, encryptBytes, freshSealParams, IV_BYTES, MAX_KDF_ITERATIONS, SALT_BYTES, type SealParams } from './crypto'
import { BackupError, invalidRecord, RowValueError } from './errors'

export const BACKUP_FORMAT = 'lobbydesk-backup'
export const BACKUP_FORMAT_VERSION = 1
export const BACKUP_APP = 'lobbydesk'
export const BACKUP_MIME_TYPE = 'application/json'

export const BackupEnvelope = v.object({
  format: v.literal(BACKUP_FORMAT),
  formatVersion: v.literal(BACKUP_FORMAT_VERSION),
  createdAt: Timestamp,
  kdf: v.object({
    name: v.literal('PBKDF2'),
    hash: v.literal('SHA-256'),
    iterations: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_KDF_ITERATIONS)),
    salt: v.string(),
  }),
  cipher: v.object({ name: v.literal('AES-GCM'), iv: v.string() }),
  // Base64 is checked while decoding: a second pass over a large payload would cost as much.
  payload: v.string(),
})
export type BackupEnvelope = v.InferOutput<typeof BackupEnvelope>

function perTable<S extends v.GenericSchema>(schema: S): Record<RecordTableName, S> {
  return Object.fromEntries(RECORD_TABLES.map((table) => [table, schema])) as Record<RecordTableName, S>
}

/** Read before the rest, so that a newer backup is called newer rather than malformed. */
const PayloadIdentity = v.object({ app: v.string(), schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)) })

export const BackupPayload = v.object({
  app: v.literal(BACKUP_APP),
  schemaVersion: v.literal(CURRENT_SCHEMA_VERSION),
  createdAt: Timestamp,
  /** The terminal that made the backup. */
  deviceId: v.pipe(v.string(), v.minLength(1)),
  /** That terminal's branch; null on an inspector's tablet. */
  branchId: v.nullable(v.pipe(v.string(), v.uuid())),
  /** That terminal's region, so a restore onto an empty terminal knows where it belongs. */
  region: v.nullable(v.object({ code: v.string(), name: v.string() })),
  counts: v.strictObject(perTable(v.pipe(v.number(), v.integer(), v.minValue(0)))),
  checksum: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  // Rows are checked one by one against RECORD_SCHEMAS once their Blobs are decoded.
  tables: v.strictObject(perTable(v.array(v.unknown()))),
})
export type PayloadHeader = Omit<v.InferOutput<typeof BackupPayload>, 'tables'>

// ---- base64 -------------------------------------------------------------------------------

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/
/** Slices of whole 3-byte groups (and 4-character groups back): no padding mid-text, no huge binary string. */
const BYTES_PER_SLICE = 3 * 8192
const CHARS_PER_SLICE = 4 * 8192

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  for (let start = 0; start < bytes.length; start += BYTES_PER_SLICE) {
    parts.push(btoa(String.fromCharCode(...bytes.subarray(start, start + BYTES_PER_SLICE))))
  }
  return parts.join('')
}

/** Strict, padded base64 only; null for anything else. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 !== 0 || !BASE64.test(text)) return null
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  const bytes = new Uint8Array((text.length / 4) * 3 - padding)
  let offset = 0
  for (let start = 0; start < text.length; start += CHARS_PER_SLICE) {
    const binary = atob(text.slice(start, start + CHARS_PER_SLICE))
    for (let i = 0; i < binary.length; i++) bytes[offset++] = binary.charCodeAt(i)
  }
  return bytes
}

// ---- envelope -----------------------------------------------------------------------------

type EnvelopeHeader = Omit<BackupEnvelope, 'payload'>

/** The associated data: the header's fields in a fixed order, whatever order the file has them in. */
function headerBytes(header: EnvelopeHeader): Uint8Array<ArrayBuffer> {
  const { format, formatVersion, createdAt, kdf, cipher } = header
  return new TextEncoder().encode(JSON.stringify([format, formatVersion, createdAt, kdf.name, kdf.hash, kdf.iterations, kdf.salt, cipher.name, cipher.iv]))
}

function malformed(issue: v.BaseIssue<unknown>): BackupError {
  return new BackupError({ kind: 'malformed', path: v.getDotPath(issue) ?? '' })
}

/** How our own files begin: a file that does but does not parse was cut short. */
const ENVELOPE_START = /^\s*\{\s*"format"\s*:\s*"lobbydesk-backup"/

function parseEnvelope(text: string): BackupEnvelope {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    throw new BackupError({ kind: ENVELOPE_START.test(text) ? 'truncated' : 'not_a_backup' }, err)
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupError({ kind: 'not_a_backup' })
  }
  const formatVersion = (raw as { formatVersion?: unknown }).formatVersion
  if (typeof formatVersion === 'number' && formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError({ kind: 'foreign_schema', reason: 'newer_format', found: formatVersion, supported: BACKUP_FORMAT_VERSION })
  }
  const parsed = v.safeParse(BackupEnvelope, raw)
  if (!parsed.success) throw malformed(parsed.issues[0])
  return parsed.output
}

function decodeParam(text: string, length: number, path: string): Uint8Array<ArrayBuffer> {
  const bytes = base64ToBytes(text)
  if (bytes?.length !== length) throw new BackupError({ kind: 'malformed', path })
  return bytes
}

/** Seals a payload text into a backup file. Exported for tests that craft bad payloads. */
export async function encryptPayload(payloadJson: string, passphrase: string, createdAt = now()): Promise<Blob> {
  const params = freshSealParams()
  const header: EnvelopeHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: params.iterations, salt: bytesToBase64(params.salt) },
    cipher: { name: 'AES-GCM', iv: bytesToBase64(params.iv) },
  }
  const ciphertext = await encryptBytes(new TextEncoder().encode(payloadJson), passphrase, params, headerBytes(header))
  const envelope: BackupEnvelope = { ...header, payload: bytesToBase64(ciphertext) }
  return new Blob([JSON.stringify(envelope)], { type: BACKUP_MIME_TYPE })
}

/** The payload text of a backup file, checked only as far as the envelope and the decryption go. */
export async function decryptPayload(file: Blob, passphrase: string): Promise<string> {
  const envelope = parseEnvelope(await file.text())
  const params: SealParams = {
    iterations: envelope.kdf.iterations,
    salt: decodeParam(envelope.kdf.salt, SALT_BYTES, 'kdf.salt'),
    iv: decodeParam(envelope.cipher.iv, IV_BYTES, 'cipher.iv'),
  }
  const ciphertext = base64ToBytes(envelope.payload)
  if (!ciphertext) throw new BackupError({ kind: 'malformed', path: 'payload' })
  return new TextDecoder().decode(await decryptBytes(ciphertext, passphrase, params, headerBytes(envelope)))
}

// ---- payload ------------------------------------------------------------------------------

/** The payload text for these rows, Blobs encoded as base64. */
export async function encodePayload(header: PayloadHeader, tables: RowsByTable): Promise<string> {
  const tableTexts: string[] = []
  for (const table of RECORD_TABLES) {
    const rows = tables[table]
    const blobTexts = new Map<Blob, string>()
    for (const blob of collectBlobs(rows, new Set())) {
      blobTexts.set(blob, JSON.stringify({ [BLOB_MARKER]: bytesToBase64(new Uint8Array(await blob.arrayBuffer())), type: blob.type }))
    }
    tableTexts.push(`${JSON.stringify(table)}:[${rows.map((row, index) => rowJson(table, index, row, (blob) => blobTexts.get(blob)!)).join(',')}]`)
  }
  // Assembled as text so the rows are not first copied into a second object tree; the tables
  // come last so the identity fields open the payload.
  return `${JSON.stringify(header).slice(0, -1)},"tables":{${tableTexts.join(',')}}}`
}

function blobFromMarker(marker: Record<string, unknown>, path: string): Blob {
  const encoded = marker[BLOB_MARKER]
  const bytes = typeof encoded === 'string' ? base64ToBytes(encoded) : null
  if (!bytes || typeof marker.type !== 'string' || Object.keys(marker).length !== 2) {
    throw new RowValueError(path, 'blob', `{ ${BLOB_MARKER}: base64, type }`)
  }
  return new Blob([bytes], { type: marker.type })
}

/** Replaces, in place, every { $blob, type } in a parsed row by the Blob it stands for. */
function decodeBlobs(value: unknown, path: string): unknown {
  if (typeof value !== 'object' || value === null) return value
  const container = value as Record<string, unknown>
  if (!Array.isArray(value) && Object.hasOwn(container, BLOB_MARKER)) return blobFromMarker(container, path)
  for (const key of Object.keys(container)) {
    const item = container[key]
    const decoded = decodeBlobs(item, join(path, key))
    // defineProperty, not assignment: a key named __proto__ (legal in JSON) must stay a plain key.
    if (decoded !== item) Object.defineProperty(container, key, { value: decoded, enumerable: true, writable: true, configurable: true })
  }
  return value
}

/** Every row against its table's schema, and ids unique per table: what a restore could not add. */
export function assertValidRecords(tables: UncheckedRowsByTable): void {
  for (const table of RECORD_TABLES) {
    const schema: v.GenericSchema = RECORD_SCHEMAS[table]
    const ids = new Set<string>()
    tables[table].forEach((row, index) => {
      const result = v.safeParse(schema, row, { abortEarly: true })
      if (!result.success) {
        const issue = result.issues[0]
        throw invalidRecord(table, index, row, { path: v.getDotPath(issue) ?? '', check: issue.type, expected: issue.expected })
      }
      const id = (row as { id: string }).id
      if (ids.has(id)) throw invalidRecord(table, index, row, { path: 'id', check: 'unique', expected: 'an id no other row has' })
      ids.add(id)
    })
  }
}

export interface DecodedPayload {
  header: PayloadHeader
  /** The rows ready to store: Blobs decoded, brought to today's schema, validated. */
  tables: RowsByTable
  /** The rows as the file has them (only Blobs decoded): what its checksum was computed over. */
  asStored: RowsByTable
}

/** An older file lacks the tables added since: they start empty, as they do in Dexie's upgrade. */
function addMissingTables(raw: Record<string, unknown>): void {
  const tables = raw.tables
  const counts = raw.counts
  if (typeof tables !== 'object' || tables === null || typeof counts !== 'object' || counts === null) return
  for (const table of RECORD_TABLES) {
    if (!(table in tables)) (tables as Record<string, unknown>)[table] = []
    if (!(table in counts)) (counts as Record<string, unknown>)[table] = 0
  }
  raw.schemaVersion = CURRENT_SCHEMA_VERSION
}

/** Applies every version's row upgrades after `fromVersion`, copying the rows it changes. */
function upgradeRows(fromVersion: number, tables: Record<RecordTableName, unknown[]>): Record<RecordTableName, unknown[]> {
  const upgraded = { ...tables }
  for (let version = fromVersion + 1; version <= CURRENT_SCHEMA_VERSION; version++) {
    for (const [table, upgrade] of Object.entries(ROW_UPGRADES[version] ?? {}) as [RecordTableName, (row: Record<string, unknown>) => void][]) {
      upgraded[table] = upgraded[table].map((row) => {
        const copy = { ...(row as Record<string, unknown>) }
        upgrade(copy)
        return copy
      })
    }
  }
  return upgraded
}

/** Checks a payload text all the way down to every field of every row; the checksum is left to the caller. */
export function decodePayload(json: string): DecodedPayload {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch (err) {
    throw new BackupError({ kind: 'malformed', path: '' }, err)
  }
  const identity = v.safeParse(PayloadIdentity, raw)
  if (!identity.success) throw malformed(identity.issues[0])
  const { app, schemaVersion } = identity.output
  if (app !== BACKUP_APP) throw new BackupError({ kind: 'foreign_schema', reason: 'other_app', found: app, supported: BACKUP_APP })
  if (schemaVersion > CURRENT_SCHEMA_VERSION) {
    throw new BackupError({ kind: 'foreign_schema', reason: 'newer_schema', found: schemaVersion, supported: CURRENT_SCHEMA_VERSION })
  }
  // An older backup is brought to today's schema in two steps: here its structure (tables added
  // since start empty), below its rows (ROW_UPGRADES, the same functions Dexie's upgrades run). Its
  // checksum is verified over the rows as the file has them, before they are upgraded.
  if (schemaVersion < CURRENT_SCHEMA_VERSION) addMissingTables(raw as Record<string, unknown>)
  const parsed = v.safeParse(BackupPayload, raw)
  if (!parsed.success) throw malformed(parsed.issues[0])
  const { tables: encoded, ...header } = parsed.output

  for (const table of RECORD_TABLES) {
    const actual = encoded[table].length
    if (header.counts[table] !== actual) throw new BackupError({ kind: 'count_mismatch', table, declared: header.counts[table], actual })
  }
  const asStored = {} as Record<RecordTableName, unknown[]>
  for (const table of RECORD_TABLES) {
    asStored[table] = encoded[table].map((row, index) => {
      try {
        return decodeBlobs(row, '')
      } catch (err) {
        if (err instanceof RowValueError) throw invalidRecord(table, index, row, err)
        throw err
      }
    })
  }
  const tables = upgradeRows(schemaVersion, asStored)
  assertValidRecords(tables)
  return { header, tables: tables as RowsByTable, asStored: asStored as RowsByTable }
}
