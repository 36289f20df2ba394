/**
 * A record as a hub document, and back. One branch database holds every replicated table, so a
 * document's id is `<table>:<record id>` and it names its table; the record's fields travel as they
 * are stored (soft deletion included: a deleted record is a document with `deleted: 1`, never a
 * CouchDB deletion, so the deletion itself replicates). An attachment's picture travels as the
 * document's inline CouchDB attachment. What arrives is checked against the table's schema before
 * it may be stored: a document from a newer app or a damaged one is refused with its reason.
 */
import * as v from 'valibot'
import { RECORD_SCHEMAS, RECORD_TABLES, type RecordOf, type RecordTableName } from '@/domain/model/records'
import { hubDocId } from '@/domain/sync/databases'
import type { CouchDoc } from './couch'

export { hubDocId }

/** The name of an attachment document's picture among its CouchDB attachments. */
const PICTURE = 'picture'

export interface HubDoc extends CouchDoc {
  table: RecordTableName
  record: Record<string, unknown>
  _attachments?: Record<string, { content_type: string; data: string }>
}

export type ArrivedRecord = { ok: true; table: RecordTableName; record: RecordOf<RecordTableName> } | { ok: false; id: string; reason: string }

export function isRecordTable(name: unknown): name is RecordTableName {
  return typeof name === 'string' && (RECORD_TABLES as readonly string[]).includes(name)
}

async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  let text = ''
  // In slices: String.fromCharCode takes its bytes as arguments, and a photo has hundreds of thousands.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(text)
}

function blobOf(base64: string, type: string): Blob {
  const text = atob(base64)
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i)
  return new Blob([bytes], { type })
}

/** The document for a stored record (with the hub revision it replaces, when it has one). */
export async function toHubDoc<T extends RecordTableName>(table: T, record: RecordOf<T>, rev?: string): Promise<HubDoc> {
  const doc: HubDoc = { _id: hubDocId(table, record.id), table, record: { ...record } }
  if (rev) doc._rev = rev
  if (table === 'attachments') {
    const { blob, ...rest } = record as RecordOf<'attachments'>
    doc.record = rest
    doc._attachments = { [PICTURE]: { content_type: blob.type || rest.mimeType, data: await base64Of(blob) } }
  }
  return doc
}

/** The record a document carries, checked against its table's schema; refused with the reason otherwise. */
export function fromHubDoc(doc: Partial<HubDoc> & { _id: string }): ArrivedRecord {
  if (!isRecordTable(doc.table)) return { ok: false, id: doc._id, reason: `unknown table ${String(doc.table)}` }
  const fields: Record<string, unknown> = { ...doc.record }
  if (doc.table === 'attachments') {
    const picture = doc._attachments?.[PICTURE]
    if (!picture || typeof picture.data !== 'string') return { ok: false, id: doc._id, reason: 'the picture is missing' }
    fields.blob = blobOf(picture.data, picture.content_type)
  }
  const checked = v.safeParse(RECORD_SCHEMAS[doc.table], fields)
  if (!checked.success) return { ok: false, id: doc._id, reason: v.summarize(checked.issues) }
  if (hubDocId(doc.table, (checked.output as { id: string }).id) !== doc._id) return { ok: false, id: doc._id, reason: 'the id does not match its record' }
  return { ok: true, table: doc.table, record: checked.output as RecordOf<RecordTableName> }
}
