import { useI18n } from 'vue-i18n'
import type { FormItemRule } from 'element-plus'

/** Validation rules whose messages follow the language, even when it is switched with the form open. */
export function useFieldRules() {
  const { t } = useI18n()
  return {
    /** A field that may not be left empty (spaces alone count as empty). */
    required: (labelKey: string): FormItemRule => ({ required: true, whitespace: true, message: () => t('validation.required', { field: t(labelKey) }), trigger: 'blur' }),
    /** A message in the current language, for rules of other kinds. */
    message: (key: string): (() => string) => () => t(key),
  }
}
