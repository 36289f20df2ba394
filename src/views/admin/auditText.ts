import { useI18n } from 'vue-i18n'
import { maskIdNumber, maskName, maskPhone } from '@/domain/clients/mask'
import { useFormat } from '@/composables/useFormat'
import { useTerminalStore } from '@/stores/terminal'
import type { AuditRow } from '@/stores/admin'

/** One field of a record as the audit entry saw it before and after the change. */
export interface FieldChange {
  field: string
  before: unknown
  after: unknown
  changed: boolean
  /** What to show for a field that did not change: the value it has (or had, when removed). */
  value: unknown
}

/** Bookkeeping the write path adds to every stored record: noise in a diff. */
const BOOKKEEPING = new Set(['id', 'hlc', 'deviceId', 'createdAt', 'updatedAt', 'searchKeys'])
/** Secrets are never shown, not even hashed. */
const SECRET_FIELDS = new Set(['pin'])
export const REDACTED = '••••'

function asFields(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return {}
  return typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value }
}

/** Whether an audit side is a whole stored record (rather than a note such as a sign-in outcome). */
export function isStoredRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'hlc' in value
}

/** A missing field and a null one both show as empty: not a change. */
const sameValue = (x: unknown, y: unknown) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null)

/**
 * Field-by-field comparison of an entry's before and after, changed fields first. With one side
 * absent (a record created or removed, a note such as a sign-in outcome) nothing is "changed":
 * the fields are listed as they are.
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const b = asFields(before)
  const a = asFields(after)
  const comparable = before !== null && before !== undefined && after !== null && after !== undefined
  const records = isStoredRecord(before) || isStoredRecord(after)
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !(records && BOOKKEEPING.has(f)))
  const changes = fields.map((field) => ({ field, before: b[field], after: a[field], changed: comparable && !sameValue(b[field], a[field]), value: field in a ? a[field] : b[field] }))
  return [...changes.filter((c) => c.changed), ...changes.filter((c) => !c.changed)]
}

/** A copy with every secret (at any depth) replaced by dots. */
function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_FIELDS.has(k) ? REDACTED : redact(v)]))
}

/** Client data stays masked here as everywhere: the audit log is no way around the eye icon. */
const CLIENT_MASKS: Record<string, (value: string) => string> = { phone: maskPhone, idNumber: maskIdNumber, givenName: () => '**' }

const isTimestampField = (field: string) => /(At|Until)$/.test(field)

/** Labels and values of audit entries in the person's language, secrets redacted and client data masked. */
export function useAuditText() {
  const { t, te } = useI18n()
  const format = useFormat()
  const terminal = useTerminalStore()
  const translated = (key: string, fallback: string) => (te(key) ? t(key) : fallback)

  const actionLabel = (action: string) => translated(`admin.audit.action.${action}`, action)
  const entityLabel = (entity: string) => translated(`setup.table.${entity}`, entity)
  const fieldLabel = (field: string) => translated(`admin.audit.field.${field}`, field)

  function personLabel(person: { surname: string; givenName: string; staffNo: string }): string {
    return `${person.surname}${person.givenName} · ${person.staffNo}`
  }

  function actorLabel(row: AuditRow): string {
    if (row.actor) return personLabel(row.actor)
    return row.entry.actorId ? t('admin.audit.unknownActor') : t('admin.audit.system')
  }

  const shortId = (id: string | null) => (id ? id.slice(0, 8) : t('format.emptyValue'))

  /** Which record: a person, a service point, a setting… named as staff would name it. */
  function recordLabel(row: AuditRow): string {
    const { entry, subject } = row
    if (subject) return personLabel(subject)
    const record = asFields(entry.after ?? entry.before)
    const text = (field: string) => (typeof record[field] === 'string' ? (record[field] as string) : '')
    switch (entry.entity) {
      case 'servicePoints':
        return `${translated(`servicePointKind.${text('kind')}`, text('kind'))} ${t('admin.servicePoints.numberShort', { n: String(record.number ?? '') })} · ${text('name')}`
      case 'settings':
        return fieldLabel(text('key'))
      case 'clients':
        return maskName({ surname: text('surname'), givenName: text('givenName') })
      case 'branches':
        // A note about the branch (the demo load) does not carry its name: this terminal knows it.
        return text('name') || (entry.entityId === terminal.state.branchId ? (terminal.branch?.name ?? '') : '') || shortId(entry.entityId)
      default:
        return text('name') || text('code') || text('staffNo') || shortId(entry.entityId)
    }
  }

  /** A value of a field as text; never HTML. */
  function valueText(entity: string, field: string, value: unknown): string {
    if (value === null || value === undefined || value === '') return t('format.emptyValue')
    if (SECRET_FIELDS.has(field)) return REDACTED
    const mask = entity === 'clients' ? CLIENT_MASKS[field] : undefined
    if (mask && typeof value === 'string') return mask(value)
    if (field === 'active' && (value === 0 || value === 1)) return value ? t('state.active') : t('state.inactive')
    if (field === 'roles' && Array.isArray(value)) return value.map((r) => translated(`role.${String(r)}`, String(r))).join('、')
    if (field === 'group' && typeof value === 'string') return translated(`group.${value}`, value)
    if (field === 'kind' && typeof value === 'string') return translated(`servicePointKind.${value}`, value)
    if (isTimestampField(field) && typeof value === 'number') return format.dateTime(value)
    if (typeof value === 'object') return JSON.stringify(redact(value))
    return String(value)
  }

  return { actionLabel, entityLabel, fieldLabel, actorLabel, recordLabel, valueText }
}
