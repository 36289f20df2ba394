import { useI18n } from 'vue-i18n'
import type { FormItemRule } from 'element-plus'
import { MIN_PASSPHRASE_LENGTH } from '@/stores/dataSafety'

/** A file's passphrase, checked as the backup checks it: characters after NFC (eight Chinese characters are enough), typed twice alike. */
export function usePassphraseRules(model: { passphrase: string }) {
  const { t } = useI18n()
  const length = (text: string) => [...text.normalize('NFC')].length
  const rules: Record<'passphrase' | 'again', FormItemRule[]> = {
    passphrase: [{ validator: (_r, value: string, cb) => (length(value) >= MIN_PASSPHRASE_LENGTH ? cb() : cb(new Error(t('admin.backup.error.passphrase_too_short', { n: MIN_PASSPHRASE_LENGTH })))), trigger: 'blur' }],
    again: [{ validator: (_r, value: string, cb) => (value === model.passphrase ? cb() : cb(new Error(t('admin.backup.passphraseMismatch')))), trigger: 'blur' }],
  }
  return { rules, minLength: MIN_PASSPHRASE_LENGTH }
}
