// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CouchClient, HubError, type CouchDoc, type HubErrorKind } from '@/db/sync/couch'
import { startHub } from '../../support/hub'

interface Note extends CouchDoc {
  text: string
}

let hub: Awaited<ReturnType<typeof startHub>>
let databaseCount = 0

/** A client on a database of its own, so tests do not see each other's changes. */
async function freshDatabase(): Promise<CouchClient> {
  databaseCount += 1
  const client = new CouchClient({ url: hub.url, database: `branch-${databaseCount}` })
  await client.ensureDatabase()
  return client
}

async function hubErrorKind(promise: Promise<unknown>): Promise<HubErrorKind> {
  const err: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  if (!(err instanceof HubError)) throw new Error(`Expected a HubError, got ${String(err)}`)
  return err.kind
}

beforeAll(async () => {
  hub = await startHub()
})

afterAll(async () => {
  await hub.stop()
})

describe('CouchDB client against the test hub', () => {
  it('reads the server welcome as its health check', async () => {
    const info = await new CouchClient({ url: hub.url, database: 'unused' }).serverInfo()
    expect(info.version).toEqual(expect.any(String))
  })

  it('creates a database once and finds it there the second time', async () => {
    const client = new CouchClient({ url: `${hub.url}/`, database: 'twice' })
    expect(await client.ensureDatabase()).toBe('created')
    expect(await client.ensureDatabase()).toBe('existed')
  })

  it('writes documents in bulk and reports a conflict for the one document that is stale', async () => {
    const client = await freshDatabase()
    const [first, second] = await client.bulkDocs([
      { _id: 'note-1', text: 'a' },
      { _id: 'note-2', text: 'b' },
    ] satisfies Note[])
    expect(first).toMatchObject({ ok: true, id: 'note-1', rev: expect.stringMatching(/^1-/) })
    expect(second).toMatchObject({ ok: true, id: 'note-2' })

    const results = await client.bulkDocs([
      { _id: 'note-1', text: 'edited without its revision' },
      { _id: 'note-2', _rev: second?.ok ? second.rev : '', text: 'edited on its revision' },
    ] satisfies Note[])
    expect(results).toEqual([
      { ok: false, id: 'note-1', error: 'conflict', reason: expect.any(String) },
      { ok: true, id: 'note-2', rev: expect.stringMatching(/^2-/) },
    ])
    expect(await client.getDoc<Note>('note-1')).toMatchObject({ text: 'a' })
  })

  it('stores a replicated revision as it came with new_edits false, and a second copy changes nothing', async () => {
    const client = await freshDatabase()
    const mirrored = { _id: 'note-m', _rev: '3-0123456789abcdef0123456789abcdef', text: 'written on another terminal' }
    expect(await client.bulkDocs([mirrored], { newEdits: false })).toEqual([])
    expect(await client.bulkDocs([mirrored], { newEdits: false })).toEqual([])
    expect(await client.getDoc<Note>('note-m')).toEqual(mirrored)
    const batch = await client.changes()
    expect(batch.results.map((change) => change.id)).toEqual(['note-m'])
  })

  it('reads the changes feed from the start and from a checkpoint, in batches, with documents', async () => {
    const client = await freshDatabase()
    await client.bulkDocs(['a', 'b', 'c', 'd', 'e'].map((letter) => ({ _id: `note-${letter}`, text: letter })))

    const first = await client.changes<Note>({ since: 0, limit: 2 })
    expect(first.results.map((change) => change.doc?.text)).toEqual(['a', 'b'])
    const second = await client.changes<Note>({ since: first.last_seq, limit: 2 })
    expect(second.results.map((change) => change.id)).toEqual(['note-c', 'note-d'])
    const rest = await client.changes<Note>({ since: second.last_seq })
    expect(rest.results.map((change) => change.id)).toEqual(['note-e'])
    expect(await client.changes({ since: rest.last_seq })).toEqual({ results: [], last_seq: rest.last_seq })
  })

  it('a long-poll waits for a write made by another client and returns it', async () => {
    const waiting = await freshDatabase()
    const writer = new CouchClient({ url: hub.url, database: `branch-${databaseCount}` })
    const { last_seq: since } = await waiting.changes()

    const poll = waiting.changes<Note>({ since, feed: 'longpoll', timeoutMs: 10_000 })
    await new Promise((resolve) => setTimeout(resolve, 100))
    await writer.putDoc({ _id: 'note-live', text: 'called at window 3' } satisfies Note)

    const batch = await poll
    expect(batch.results.map((change) => change.doc?.text)).toEqual(['called at window 3'])
    expect(batch.last_seq).not.toEqual(since)
  })

  it('a long-poll with no change is ended by the client at its timeout, as an empty batch at the same checkpoint', async () => {
    const client = await freshDatabase()
    await client.putDoc({ _id: 'note-old', text: 'before' } satisfies Note)
    const { last_seq: since } = await client.changes()

    const started = Date.now()
    const batch = await client.changes({ since, feed: 'longpoll', timeoutMs: 300 })
    expect(batch).toEqual({ results: [], last_seq: since })
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('a long-poll stopped by its caller rejects with the caller’s reason', async () => {
    const client = await freshDatabase()
    const { last_seq: since } = await client.changes()
    const stop = new AbortController()
    const poll = client.changes({ since, feed: 'longpoll', timeoutMs: 10_000, signal: stop.signal })
    stop.abort(new Error('replication stopped'))
    await expect(poll).rejects.toThrow('replication stopped')
  })

  it('tells which revisions the hub is missing', async () => {
    const client = await freshDatabase()
    const [written] = await client.bulkDocs([{ _id: 'note-1', text: 'a' }])
    const known = written?.ok ? written.rev : ''
    const diff = await client.revsDiff({ 'note-1': [known, '2-feedface'], 'note-2': ['1-abc'] })
    expect(diff).toEqual({ 'note-1': { missing: ['2-feedface'] }, 'note-2': { missing: ['1-abc'] } })
  })

  it('reads documents by id in the order asked, an unknown id as a not_found row', async () => {
    const client = await freshDatabase()
    await client.bulkDocs([
      { _id: 'note-1', text: 'a' },
      { _id: 'note-2', text: 'b' },
    ])
    const rows = await client.allDocs<Note>({ keys: ['note-2', 'note-9', 'note-1'], includeDocs: true })
    expect(rows).toEqual([
      expect.objectContaining({ id: 'note-2', doc: expect.objectContaining({ text: 'b' }) }),
      { key: 'note-9', error: 'not_found' },
      expect.objectContaining({ id: 'note-1', doc: expect.objectContaining({ text: 'a' }) }),
    ])
  })

  it('finds no document where none was written, and a put on a stale revision is a conflict', async () => {
    const client = await freshDatabase()
    expect(await client.getDoc('counter')).toBeUndefined()
    const { rev } = await client.putDoc({ _id: 'counter', next: 1 })
    await client.putDoc({ _id: 'counter', _rev: rev, next: 2 })
    expect(await hubErrorKind(client.putDoc({ _id: 'counter', _rev: rev, next: 3 }))).toBe('conflict')
  })

  it('a database that does not exist is not_found', async () => {
    const client = new CouchClient({ url: hub.url, database: 'never-created' })
    expect(await hubErrorKind(client.changes())).toBe('not_found')
    expect(await hubErrorKind(client.getDoc('anything'))).toBe('not_found')
  })

  it('wrong credentials are unauthorized once the hub has an administrator', async () => {
    const otherHub = await startHub()
    try {
      const response = await fetch(`${otherHub.url}/_config/admins/hub-admin`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify('right') })
      expect(response.ok).toBe(true)
      const wrong = new CouchClient({ url: otherHub.url, database: 'branch', credentials: { username: 'hub-admin', password: 'wrong' } })
      expect(await hubErrorKind(wrong.ensureDatabase())).toBe('unauthorized')
      const right = new CouchClient({ url: otherHub.url, database: 'branch', credentials: { username: 'hub-admin', password: 'right' } })
      expect(await right.ensureDatabase()).toBe('created')
    } finally {
      await otherHub.stop()
    }
  })

  it('a stopped hub is unreachable', async () => {
    const goneHub = await startHub()
    await goneHub.stop()
    const client = new CouchClient({ url: goneHub.url, database: 'branch' })
    expect(await hubErrorKind(client.serverInfo())).toBe('unreachable')
  })

  it('a write refused by a validate_doc_update function is forbidden, per document in bulk and as an error on a put', async () => {
    const client = await freshDatabase()
    await client.putDoc({
      _id: '_design/guard',
      validate_doc_update: 'function (newDoc) { if (newDoc.sealed) throw { forbidden: "sealed records are read-only" } }',
    })

    const results = await client.bulkDocs([{ _id: 'open', text: 'ok' }, { _id: 'sealed', sealed: true }])
    // The test hub lists refused documents first, CouchDB in the order sent: results go by id.
    expect(results).toHaveLength(2)
    expect(results).toEqual(
      expect.arrayContaining([
        { ok: true, id: 'open', rev: expect.any(String) },
        { ok: false, id: 'sealed', error: 'forbidden', reason: 'sealed records are read-only' },
      ]),
    )
    const refusal = await client.putDoc({ _id: 'sealed', sealed: true }).catch((err: unknown) => err)
    expect(refusal).toBeInstanceOf(HubError)
    expect(refusal).toMatchObject({ kind: 'forbidden', status: 403, reason: 'sealed records are read-only' })
  })
})
