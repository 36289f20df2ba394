/**
 * The design document every LobbyDesk database on a hub carries (issue 9): its `validate_doc_update`
 * is how the hub itself, not the app, keeps a branch from rewriting what it may not. The setup script
 * (scripts/hubSetup.mjs) installs it; the tests run it on the in-memory hub.
 *
 * The function is written here as JavaScript so that it is read and linted like code; CouchDB gets its
 * source text and runs it in its own engine, which takes ES5 only: no let/const, arrows or spread,
 * and nothing from outside the function.
 */

/** The role the setup script gives inspectors' tablets; only they may write an amendment. */
export const INSPECTOR_ROLE = 'lobbydesk-inspector'

/**
 * @param {{ _id: string, _deleted?: boolean, table?: unknown, record?: any }} newDoc
 * @param {{ record?: any } | null} oldDoc the stored document, null when there is none
 * @param {{ roles: string[] }} userCtx
 */
function validateDocUpdate(newDoc, oldDoc, userCtx) {
  // Server admins (this script, a repair) may write anything.
  if (userCtx.roles.indexOf('_admin') !== -1) return
  // Design documents are for database admins only (CouchDB's own rule); local documents (ticket
  // counters, checkpoints) are not replicated records.
  if (newDoc._id.indexOf('_design/') === 0 || newDoc._id.indexOf('_local/') === 0) return
  if (newDoc._deleted) refuse('a record is never deleted on the hub: the app marks it deleted instead')

  var table = newDoc.table
  var record = newDoc.record
  if (typeof table !== 'string' || typeof record !== 'object' || record === null || newDoc._id !== table + ':' + record.id) {
    refuse('a document must be named <table>:<record id> and carry that table and a record with that id')
  }
  var stored = oldDoc && oldDoc.record

  if (table === 'inspections') {
    if (record.amends !== null && record.amends !== undefined && (!stored || stored.amends !== record.amends) && userCtx.roles.indexOf('lobbydesk-inspector') === -1) {
      // 'lobbydesk-inspector' is INSPECTOR_ROLE, spelt out: the hub runs this function on its own.
      refuse("only an inspector's tablet may write an amendment to an inspection")
    }
    if (stored && stored.status !== 'draft' && !acknowledgesOnly(stored, record)) {
      refuse("a submitted inspection cannot be changed: amend it from the inspector's tablet")
    }
  }
  var appendOnly = ['pointEntries', 'auditLog', 'visitEvents', 'contacts', 'tierChanges', 'dayClosures', 'inspectionAwards']
  if (stored && appendOnly.indexOf(table) !== -1 && !sameExcept(stored, record, [])) {
    refuse('a ' + table + ' record is written once and never changed: record a correction instead')
  }
  if (stored && table === 'quarterClosures' && stored.closedAt !== null && !sameExcept(stored, record, [])) {
    refuse('a closed quarter cannot be reopened or changed: correct it with an adjustment in an open quarter')
  }

  function refuse(reason) {
    throw { forbidden: reason }
  }

  /** The branch's acknowledgement (submitted to acknowledged, signature added), or no change at all. */
  function acknowledgesOnly(before, after) {
    if (!sameExcept(before, after, ['status', 'acknowledgement'])) return false
    if (before.status === after.status && same(before.acknowledgement, after.acknowledgement)) return true
    return before.status === 'submitted' && after.status === 'acknowledged' && before.acknowledgement === null && typeof after.acknowledgement === 'object' && after.acknowledgement !== null
  }

  /** Equal records, leaving out the write stamps and the fields named. */
  function sameExcept(before, after, fields) {
    var ignored = ['hlc', 'updatedAt', 'deviceId'].concat(fields)
    var keys = Object.keys(before).concat(Object.keys(after))
    for (var i = 0; i < keys.length; i++) {
      if (ignored.indexOf(keys[i]) === -1 && !same(before[keys[i]], after[keys[i]])) return false
    }
    return true
  }

  function same(a, b) {
    if (a === b) return true
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
    if (Array.isArray(a) !== Array.isArray(b)) return false
    var keysA = Object.keys(a)
    if (keysA.length !== Object.keys(b).length) return false
    for (var i = 0; i < keysA.length; i++) {
      if (!Object.prototype.hasOwnProperty.call(b, keysA[i]) || !same(a[keysA[i]], b[keysA[i]])) return false
    }
    return true
  }
}

export const DESIGN_DOC_ID = '_design/lobbydesk'

/** The design document as the hub should hold it (without `_rev`). */
export function designDocument() {
  return { _id: DESIGN_DOC_ID, language: 'javascript', validate_doc_update: validateDocUpdate.toString() }
}
