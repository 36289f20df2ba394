import { useI18n } from 'vue-i18n'
import { BackupError, type BackupErrorDetails } from '@/stores/dataSafety'
import { useFeedback } from '@/components/common/useFeedback'

/** valibot issue types grouped by what a person can understand of them. */
const PROBLEM_OF_CHECK: Record<string, 'type' | 'range' | 'format' | 'choice' | 'duplicate' | 'value'> = {
  string: 'type',
  number: 'type',
  boolean: 'type',
  object: 'type',
  strict_object: 'type',
  array: 'type',
  instance: 'type',
  nullable: 'type',
  integer: 'range',
  safe_integer: 'range',
  min_value: 'range',
  max_value: 'range',
  min_length: 'range',
  max_length: 'range',
  regex: 'format',
  uuid: 'format',
  picklist: 'choice',
  literal: 'choice',
  unique: 'duplicate',
  json_value: 'value',
  blob: 'value',
  reserved_key: 'value',
}

/** A backup problem as what happened and what to do now; other failures as useFeedback says them. */
export function useBackupErrorText() {
  const { t } = useI18n()
  const { failureText } = useFeedback()
  const tableLabel = (table: string) => t(`setup.table.${table}`)

  function detailsText(d: BackupErrorDetails): string {
    switch (d.kind) {
      case 'invalid_record': {
        const where = { table: tableLabel(d.table), row: d.index + 1 }
        if (!d.path) return t('admin.backup.error.invalid_row', where)
        return t('admin.backup.error.invalid_record', { ...where, path: d.path, problem: t(`admin.backup.problem.${PROBLEM_OF_CHECK[d.check] ?? 'other'}`) })
      }
      case 'foreign_schema':
        return t(`admin.backup.error.foreign_schema.${d.reason}`, { found: String(d.found), supported: String(d.supported) })
      case 'count_mismatch':
        return t('admin.backup.error.count_mismatch', { table: tableLabel(d.table), declared: d.declared, actual: d.actual })
      case 'not_allowed':
        return t('admin.backup.error.not_allowed', { roles: d.requiredRoles.map((r) => t(`role.${r}`)).join(' / ') })
      case 'malformed':
        return t('admin.backup.error.malformed', { path: d.path || '/' })
      case 'passphrase_too_short':
        return t('admin.backup.error.passphrase_too_short', { n: d.minLength })
      default:
        return t(`admin.backup.error.${d.kind}`)
    }
  }

  return (err: unknown): string => (err instanceof BackupError ? detailsText(err.details) : failureText(err))
}
