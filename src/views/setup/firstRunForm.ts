import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { FormInstance, FormItemRule } from 'element-plus'
import { isWellFormedPin, PIN_LENGTH } from '@/domain/pin'
import { StorageError } from '@/db/errors'
import type { FirstPersonForm } from '@/stores/setup'
import type { FirstPersonModel } from './FirstPersonFields.vue'

/**
 * What the first-run forms share: required-field rules, the first person's rules, and a submit
 * that validates, saves, and turns a failure into a message next to the form.
 */
export function useFirstRunForm(person: () => FirstPersonModel) {
  const { t } = useI18n()
  const formRef = ref<FormInstance>()
  const saving = ref(false)
  const failure = ref('')

  const required = (field: string): FormItemRule => ({ required: true, whitespace: true, message: t('validation.required', { field: t(field) }), trigger: 'blur' })
  const personRules: Record<string, FormItemRule[]> = {
    'person.staffNo': [required('setup.person.staffNo'), { pattern: /^\d{4,8}$/, message: t('validation.staffNoDigits'), trigger: 'blur' }],
    'person.surname': [required('setup.person.surname')],
    'person.pin': [
      required('setup.person.pin'),
      { validator: (_r, value: string, cb) => (isWellFormedPin(value) ? cb() : cb(new Error(t('validation.pinDigits', PIN_LENGTH)))), trigger: 'blur' },
    ],
    'person.pinAgain': [{ validator: (_r, value: string, cb) => (value === person().pin ? cb() : cb(new Error(t('validation.pinMismatch')))), trigger: 'blur' }],
  }

  /** The first person as the setup store takes them: names trimmed. */
  function firstPerson(): FirstPersonForm {
    const p = person()
    return { staffNo: p.staffNo, surname: p.surname.trim(), givenName: p.givenName.trim(), pin: p.pin }
  }

  /** Validates, then runs `save`; `done` follows a success, a failure stays on the form. */
  async function submit(save: () => Promise<void>, done: () => void): Promise<void> {
    failure.value = ''
    if (!(await formRef.value?.validate().catch(() => false))) return
    saving.value = true
    try {
      await save()
      done()
    } catch (err) {
      failure.value = err instanceof StorageError ? t(`storage.error.${err.kind}`) : t('setup.failed')
    } finally {
      saving.value = false
    }
  }

  return { formRef, saving, failure, required, personRules, firstPerson, submit }
}

export function emptyPerson(): FirstPersonModel {
  return { staffNo: '', surname: '', givenName: '', pin: '', pinAgain: '' }
}
