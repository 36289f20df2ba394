/**
 * A small typed client for CouchDB's documented HTTP API: the calls a replicator needs, shaped like
 * the protocol. It speaks to Apache CouchDB 3 and to the in-memory hub of development and tests
 * (`npm run hub`), whose differences it absorbs: `seq` is kept opaque, the client ends its own
 * long-polls, every request declares JSON, and health is read from `/` (there is no `_up`).
 */

import type { HubErrorKind } from '@/domain/sync/status'

export type { HubErrorKind }

export class HubError extends Error {
  constructor(
    readonly kind: HubErrorKind,
    /** CouchDB's `reason`, or what failed on the way. */
    readonly reason: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(`Hub ${kind}${status === undefined ? '' : ` (${status})`}: ${reason}`, options)
    this.name = 'HubError'
  }
}

export interface HubConnection {
  /** The server's address, e.g. `https://hub.branch.example:6984`. */
  url: string
  database: string
  credentials?: { username: string; password: string }
  /** How long a request may wait for its answer before the hub counts as unreachable. */
  requestTimeoutMs?: number
}

/** CouchDB 3 sends strings, the test hub integers: only ever stored and sent back. */
export type Seq = string | number

export interface CouchDoc {
  _id: string
  _rev?: string
  _deleted?: boolean
}

/** One document's outcome in `_bulk_docs`: a refusal (conflict, forbidden…) is reported, not thrown. */
export type BulkDocResult = { ok: true; id: string; rev: string } | { ok: false; id: string; error: string; reason: string }

export interface ChangesOptions {
  since?: Seq
  limit?: number
  feed?: 'normal' | 'longpoll'
  /** The request's deadline; a long-poll reaching it answers an empty batch, as CouchDB's `timeout` does. */
  timeoutMs?: number
  signal?: AbortSignal
}

export interface Change<D extends CouchDoc> {
  id: string
  seq: Seq
  changes: { rev: string }[]
  deleted?: boolean
  doc?: D
}

export interface ChangesBatch<D extends CouchDoc> {
  results: Change<D>[]
  last_seq: Seq
  /** Changes left after this batch (CouchDB sends it; the test hub does not). */
  pending?: number
}

export interface RevsDiffEntry {
  missing: string[]
  possible_ancestors?: string[]
}

export type AllDocsRow<D extends CouchDoc> =
  | { id: string; key: string; value: { rev: string; deleted?: true }; doc?: D | null }
  | { key: string; error: string }

export interface ServerInfo {
  couchdb?: string
  version?: string
  vendor?: { name?: string; version?: string }
}

/** Whom the hub takes the credentials for; a server admin has the role '_admin'. */
export interface HubSession {
  /** null when no credentials were sent (a hub that lets anyone in). */
  name: string | null
  roles: string[]
}

export interface DatabaseInfo {
  docCount: number
  updateSeq: Seq | null
}

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000

interface RequestOptions {
  query?: Record<string, string>
  body?: unknown
  timeoutMs?: number
  signal?: AbortSignal
}

interface Answer {
  status: number
  body: unknown
}

const TIMED_OUT = Symbol('timed out')

export class CouchClient {
  constructor(private readonly connection: HubConnection) {}

  /** The server's welcome (GET /): answers whenever the hub is up. */
  async serverInfo(): Promise<ServerInfo> {
    const { body } = await this.call('GET', '', {})
    if (!isRecord(body)) throw badResponse('server info is not an object')
    return body as ServerInfo
  }

  /** Who these credentials are to the hub (GET /_session): wrong ones answer a HubError 'unauthorized'. */
  async session(): Promise<HubSession> {
    const { body } = await this.call('GET', '_session', {})
    const user = isRecord(body) ? body.userCtx : undefined
    if (!isRecord(user) || !Array.isArray(user.roles)) throw badResponse('_session without userCtx')
    return { name: typeof user.name === 'string' ? user.name : null, roles: user.roles.map(String) }
  }

  /** Creates the database unless it exists already. */
  async ensureDatabase(): Promise<'created' | 'existed'> {
    const { status, body } = await this.call('PUT', this.databasePath(), {}, [201, 202, 412])
    if (status !== 412) return 'created'
    if (isRecord(body) && body.error === 'file_exists') return 'existed'
    throw badResponse(`412 without file_exists: ${JSON.stringify(body)}`)
  }

  /**
   * Writes documents in one request. With `newEdits: false` each document keeps the `_rev` it
   * carries (a revision mirrored from elsewhere), and CouchDB reports only failures. Match results
   * by id: the test hub lists refused documents first, CouchDB in the order sent.
   */
  async bulkDocs<D extends CouchDoc>(docs: readonly D[], { newEdits = true }: { newEdits?: boolean } = {}): Promise<BulkDocResult[]> {
    const { body } = await this.call('POST', `${this.databasePath()}/_bulk_docs`, { body: newEdits ? { docs } : { docs, new_edits: false } })
    if (!Array.isArray(body)) throw badResponse('_bulk_docs did not answer a list')
    return body.map((item: unknown): BulkDocResult => {
      if (!isRecord(item) || typeof item.id !== 'string') throw badResponse('_bulk_docs result without an id')
      if (typeof item.rev === 'string' && item.error === undefined) return { ok: true, id: item.id, rev: item.rev }
      return { ok: false, id: item.id, error: String(item.error), reason: String(item.reason ?? '') }
    })
  }

  /** One batch of the changes feed, documents included. */
  async changes<D extends CouchDoc>({ since = 0, limit, feed = 'normal', timeoutMs, signal }: ChangesOptions = {}): Promise<ChangesBatch<D>> {
    const deadlineMs = timeoutMs ?? this.requestTimeoutMs()
    // Attachments inline (base64): a photo arrives with its record, never half of it.
    const query: Record<string, string> = { include_docs: 'true', attachments: 'true', since: String(since), feed }
    if (limit !== undefined) query.limit = String(limit)
    // Real CouchDB ends the long-poll itself at `timeout`; the test hub ignores it and the deadline does.
    if (feed === 'longpoll') query.timeout = String(deadlineMs)
    const answer = await this.send('GET', `${this.databasePath()}/_changes`, { query, timeoutMs: deadlineMs, signal })
    if (answer === TIMED_OUT) {
      if (feed === 'longpoll') return { results: [], last_seq: since }
      throw timedOut(deadlineMs)
    }
    const { body } = expectStatus(answer, [200])
    if (!isRecord(body) || !Array.isArray(body.results) || !isSeq(body.last_seq)) throw badResponse('_changes without results and last_seq')
    const batch: ChangesBatch<D> = { results: body.results as Change<D>[], last_seq: body.last_seq }
    if (typeof body.pending === 'number') batch.pending = body.pending
    return batch
  }

  /** The database's size and position (GET /<db>): how much a first download will take in. */
  async databaseInfo(): Promise<DatabaseInfo> {
    const { body } = await this.call('GET', this.databasePath(), {})
    if (!isRecord(body) || typeof body.doc_count !== 'number') throw badResponse('database info without doc_count')
    return { docCount: body.doc_count, updateSeq: isSeq(body.update_seq) ? body.update_seq : null }
  }

  /** Which of these revisions the hub lacks, per document id. */
  async revsDiff(revisions: Record<string, string[]>): Promise<Record<string, RevsDiffEntry>> {
    const { body } = await this.call('POST', `${this.databasePath()}/_revs_diff`, { body: revisions })
    if (!isRecord(body)) throw badResponse('_revs_diff is not an object')
    return body as Record<string, RevsDiffEntry>
  }

  /** The rows for these ids, in their order; an unknown id is a row with `error: 'not_found'`. */
  async allDocs<D extends CouchDoc>({ keys, includeDocs = false, attachments = false }: { keys: readonly string[]; includeDocs?: boolean; attachments?: boolean }): Promise<AllDocsRow<D>[]> {
    const query = { include_docs: String(includeDocs), attachments: String(attachments) }
    const { body } = await this.call('POST', `${this.databasePath()}/_all_docs`, { query, body: { keys } })
    if (!isRecord(body) || !Array.isArray(body.rows)) throw badResponse('_all_docs without rows')
    return body.rows as AllDocsRow<D>[]
  }

  /** The current documents whose ids start with `prefix`, in id order: `_all_docs` over that range of ids. */
  async docsWithPrefix<D extends CouchDoc>(prefix: string): Promise<D[]> {
    // U+FFF0 sorts after every character an id may hold: CouchDB's own advice for a prefix range.
    const query = { include_docs: 'true', startkey: JSON.stringify(prefix), endkey: JSON.stringify(`${prefix}\ufff0`) }
    const { body } = await this.call('GET', `${this.databasePath()}/_all_docs`, { query })
    if (!isRecord(body) || !Array.isArray(body.rows)) throw badResponse('_all_docs without rows')
    return body.rows.flatMap((row: unknown) => (isRecord(row) && isRecord(row.doc) ? [row.doc as unknown as D] : []))
  }

  /** The current revision of a document, or undefined when it does not exist or was deleted. */
  async getDoc<D extends CouchDoc>(id: string): Promise<D | undefined> {
    const answer = await this.call('GET', this.documentPath(id), {}, [200, 404])
    const { status, body } = answer
    if (status === 404) {
      // A missing database answers 404 too, with another reason.
      if (isRecord(body) && (body.reason === 'missing' || body.reason === 'deleted')) return undefined
      throw errorFor(answer)
    }
    if (!isRecord(body) || typeof body._id !== 'string') throw badResponse('document without _id')
    return body as unknown as D
  }

  /** Writes one document: a stale `_rev` is a HubError 'conflict', which makes compare-and-swap. */
  async putDoc<D extends CouchDoc>(doc: D): Promise<{ id: string; rev: string }> {
    const { body } = await this.call('PUT', this.documentPath(doc._id), { body: doc })
    if (!isRecord(body) || typeof body.id !== 'string' || typeof body.rev !== 'string') throw badResponse('PUT answered no id and rev')
    return { id: body.id, rev: body.rev }
  }

  private databasePath(): string {
    return encodeURIComponent(this.connection.database)
  }

  private documentPath(id: string): string {
    // Design and local documents keep their slash: CouchDB routes them by it.
    const special = /^(_design|_local)\/(.+)$/.exec(id)
    const path = special ? `${special[1]}/${encodeURIComponent(special[2]!)}` : encodeURIComponent(id)
    return `${this.databasePath()}/${path}`
  }

  private requestTimeoutMs(): number {
    return this.connection.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
  }

  /** A request whose answer must have one of the expected statuses. */
  private async call(method: string, path: string, options: RequestOptions, expected: number[] = [200, 201, 202]): Promise<Answer> {
    const answer = await this.send(method, path, options)
    if (answer === TIMED_OUT) throw timedOut(options.timeoutMs ?? this.requestTimeoutMs())
    return expectStatus(answer, expected)
  }

  /** The request and its JSON answer; a caller's abort is rethrown as it came. */
  private async send(method: string, path: string, { query, body, timeoutMs, signal }: RequestOptions): Promise<Answer | typeof TIMED_OUT> {
    const deadline = AbortSignal.timeout(timeoutMs ?? this.requestTimeoutMs())
    const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' }
    if (this.connection.credentials) headers.Authorization = basicAuthorization(this.connection.credentials)
    const search = query ? `?${new URLSearchParams(query)}` : ''
    let status: number
    let text: string
    try {
      const response = await fetch(`${this.connection.url.replace(/\/+$/, '')}/${path}${search}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
      })
      status = response.status
      text = await response.text()
    } catch (err) {
      if (signal?.aborted) throw signal.reason
      if (deadline.aborted) return TIMED_OUT
      throw new HubError('unreachable', err instanceof Error ? err.message : String(err), undefined, { cause: err })
    }
    try {
      return { status, body: JSON.parse(text) as unknown }
    } catch (err) {
      throw new HubError('bad_response', `not JSON: ${text.slice(0, 80)}`, status, { cause: err })
    }
  }
}

function expectStatus(answer: Answer, expected: number[]): Answer {
  if (expected.includes(answer.status)) return answer
  throw errorFor(answer)
}

function errorFor({ status, body }: Answer): HubError {
  const reason = isRecord(body) ? String(body.reason ?? body.error ?? '') : ''
  return new HubError(kindOfStatus(status), reason, status)
}

function kindOfStatus(status: number): HubErrorKind {
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not_found'
  if (status === 409) return 'conflict'
  if (status >= 500) return 'server'
  return 'bad_response'
}

function timedOut(ms: number): HubError {
  return new HubError('unreachable', `no answer within ${ms} ms`)
}

function badResponse(reason: string): HubError {
  return new HubError('bad_response', reason)
}

function basicAuthorization({ username, password }: { username: string; password: string }): string {
  // btoa takes Latin-1 only: encode the UTF-8 bytes so names in Chinese go through.
  const bytes = new TextEncoder().encode(`${username}:${password}`)
  return `Basic ${btoa(String.fromCharCode(...bytes))}`
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isSeq(value: unknown): value is Seq {
  return typeof value === 'string' || typeof value === 'number'
}
