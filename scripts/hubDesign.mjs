/**
 * The design document every LobbyDesk database on a hub carries (issue 9): its `validate_doc_update`
 * is how the hub itself, not the app, keeps a branch from rewriting what it may not. The setup script
 * (scripts/hubSetup.mjs) installs it; the tests run it on the in-memory hub.
 *
 * The function is written here as JavaScript so that it is read and linted like code; CouchDB gets its
 * source text and runs it in its own engine, which takes ES5 only: no let/const, arrows or spread,
 * and nothing from outside the function.
 */

/**
 * The role the setup script gives inspectors' tablets: only they may write an amendment, and in the
 * regional database what the inspectors keep (score sheets, plans, visits, period vetoes, awards).
 */
export const INSPECTOR_ROLE = 'lobbydesk-inspector'

/**
 * @param {{ _id: string, _deleted?: boolean, table?: unknown, record?: any }} newDoc
 * @param {{ record?: any } | null} oldDoc the stored document, null when there is none
 * @param {{ roles: string[], db?: string }} userCtx
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
  // 'lobbydesk-inspector' is INSPECTOR_ROLE, spelt out: the hub runs this function on its own. A
  // branch's own database is 'branch-<code>' (scripts/hubSetup.mjs); every other one is a region's.
  var inspector = userCtx.roles.indexOf('lobbydesk-inspector') !== -1
  var regional = typeof userCtx.db === 'string' && userCtx.db.indexOf('branch-') !== 0

  if (table === 'inspections' && record.amends !== null && record.amends !== undefined && (!stored || stored.amends !== record.amends) && !inspector) {
    refuse("only an inspector's tablet may write an amendment to an inspection")
  }

  // In the regional database a branch's terminals write what the app has them write there: a
  // visit's acknowledgement, a corrective action put right, the shipped score sheet installed where
  // none had arrived yet, their own outlet's records. (In a branch's own database, which holds
  // everything while a branch has no region, the branch's terminals keep its inspections too.)
  if (regional && !inspector) {
    if (table === 'inspectionPlans' || table === 'periodVetoes' || table === 'inspectionAwards') {
      refuse("half-month plans, period vetoes and awards are written on an inspector's tablet only")
    }
    // '5f0c2e7a-…' is the shipped sheet's id (SHIPPED_TEMPLATE_ID in src/domain/inspection/defaultTemplate.ts).
    if (table === 'inspectionTemplates' && (stored ? !sameExcept(stored, record, []) : record.version !== 1 || record.id !== '5f0c2e7a-9b41-4d3e-8a6c-1e2b3c4d5e6f')) {
      refuse("score sheets are edited on an inspector's tablet only; a branch terminal may only install the shipped sheet")
    }
    if (table === 'inspections' && !stored) refuse("an inspection is recorded on an inspector's tablet only")
    if (table === 'inspections' && stored.status === 'draft' && !sameExcept(stored, record, [])) refuse("an inspection in progress is changed on the inspector's tablet only")
    if (table === 'correctiveActions' && (!stored || !(sameExcept(stored, record, []) || marksFixed(stored, record)))) {
      refuse("a branch terminal may only mark a corrective action fixed: it is raised and re-checked on an inspector's tablet")
    }
  }

  if (table === 'inspections' && stored && stored.status !== 'draft' && !acknowledgesOnly(stored, record)) {
    refuse("a submitted inspection cannot be changed: amend it from the inspector's tablet")
  }
  var appendOnly = ['pointEntries', 'auditLog', 'visitEvents', 'contacts', 'tierChanges', 'dayClosures', 'inspectionAwards']
  if (stored && appendOnly.indexOf(table) !== -1 && !sameExcept(stored, record, [])) {
    refuse('a ' + table + ' record is written once and never changed: record a correction instead')
  }
  // A quarter's close and the outlet's standings published with it.
  var closedOnce = ['quarterClosures', 'outletStandings']
  if (stored && closedOnce.indexOf(table) !== -1 && stored.closedAt !== null && !sameExcept(stored, record, [])) {
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

  /** An open action marked fixed: one 'fixed' step added to its timeline, nothing else changed. */
  function marksFixed(before, after) {
    if (!sameExcept(before, after, ['status', 'timeline']) || before.status !== 'open' || after.status !== 'fixed') return false
    var steps = before.timeline.length
    if (!Array.isArray(after.timeline) || after.timeline.length !== steps + 1 || after.timeline[steps].status !== 'fixed') return false
    return same(before.timeline, after.timeline.slice(0, steps))
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
