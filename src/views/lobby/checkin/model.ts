import type { AntiFraudOutcome } from '@/domain/lobby/antiFraud'
import type { PriorityClass, Zone } from '@/domain/lobby/terms'
import type { Gender } from '@/domain/clients/identity'
import type { IdType } from '@/domain/model/records'

/** What the lobby manager has typed and tapped for a new client, kept in the check-in draft. */
export interface RegistrationFields {
  fullName: string
  gender: Gender | null
  addressAs: string
  phone: string
  idType: IdType | null
  idNumber: string
}

/** The arrival in progress at the door: everything here survives a reload (useDraft). */
export interface CheckInModel {
  purpose: string | null
  clientId: string | null
  query: string
  care: { elderly: boolean; disabled: boolean; pregnant: boolean }
  /** Amount as typed (yuan), for transfers and withdrawals. */
  amount: string
  registering: boolean
  registration: RegistrationFields
  override: { open: boolean; zone: Zone | null; priorityClass: PriorityClass | null; reason: string }
  antiFraud: { flagged: string[]; outcome: AntiFraudOutcome | null; note: string }
  /** The booking this arrival honours, tapped at the door or found for the client (restored after a reload). */
  appointmentId: string | null
}

export function blankRegistration(): RegistrationFields {
  return { fullName: '', gender: null, addressAs: '', phone: '', idType: null, idNumber: '' }
}

export function blankCheckIn(): CheckInModel {
  return {
    purpose: null,
    clientId: null,
    query: '',
    care: { elderly: false, disabled: false, pregnant: false },
    amount: '',
    registering: false,
    registration: blankRegistration(),
    override: { open: false, zone: null, priorityClass: null, reason: '' },
    antiFraud: { flagged: [], outcome: null, note: '' },
    appointmentId: null,
  }
}

/** Whether nothing has been entered yet (a restored draft like this is not worth a notice). */
export function isBlank(model: CheckInModel): boolean {
  return JSON.stringify(model) === JSON.stringify(blankCheckIn())
}

/** A mainland mobile number: 11 digits starting with 1. */
export const MOBILE_PATTERN = /^1\d{10}$/
