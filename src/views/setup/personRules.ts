import type { FormItemRule } from 'element-plus'
import type { ComposerTranslation } from 'vue-i18n'
import { isWellFormedPin, PIN_LENGTH } from '@/domain/pin'
import type { FirstPersonModel } from './FirstPersonFields.vue'

/** Validation of the first person's fields, with messages next to each field. */
export function personRules(t: ComposerTranslation, person: () => FirstPersonModel): Record<string, FormItemRule[]> {
  const required = (field: string): FormItemRule => ({ required: true, whitespace: true, message: t('validation.required', { field: t(field) }), trigger: 'blur' })
  return {
    'person.staffNo': [required('setup.person.staffNo'), { pattern: /^\d{4,8}$/, message: t('validation.staffNoDigits'), trigger: 'blur' }],
    'person.surname': [required('setup.person.surname')],
    'person.pin': [
      required('setup.person.pin'),
      { validator: (_r, value: string, cb) => (isWellFormedPin(value) ? cb() : cb(new Error(t('validation.pinDigits', PIN_LENGTH)))), trigger: 'blur' },
    ],
    'person.pinAgain': [{ validator: (_r, value: string, cb) => (value === person().pin ? cb() : cb(new Error(t('validation.pinMismatch')))), trigger: 'blur' }],
  }
}

export function emptyPerson(): FirstPersonModel {
  return { staffNo: '', surname: '', givenName: '', pin: '', pinAgain: '' }
}
