import { useI18n } from 'vue-i18n'
import { DEFAULT_PURPOSE_CODES, type PurposeRule } from '@/domain/lobby/purposes'

/** A purpose's label: built-ins from i18n by code, custom ones from their own rule, in the current language. */
export function usePurposeLabel() {
  const { t, locale } = useI18n()
  return (purpose: Pick<PurposeRule, 'code' | 'label'> | undefined, code = purpose?.code ?? ''): string => {
    if (purpose?.label) return locale.value === 'en' ? purpose.label.en : purpose.label.zh
    return (DEFAULT_PURPOSE_CODES as readonly string[]).includes(code) ? t(`lobby.purpose.${code}`) : code
  }
}
