import type { CheckInInput } from '@/db/repositories/lobby/visits'

/** A walk-in for the high counter, as the check-in repository takes it, with any field replaced. */
export function walkInAt(branchId: string, businessDate: string, overrides: Partial<CheckInInput> = {}): CheckInInput {
  return {
    branchId,
    businessDate,
    clientId: null,
    zone: 'high_counter',
    prefix: 'A',
    arrival: { purpose: 'cash', zone: 'high_counter', priorityClass: 'none', isVip: false, reasons: [], appointmentId: null, appointmentAt: null, antiFraudTriggers: [] },
    alsoAtDoor: [],
    staffId: null,
    appointmentId: null,
    details: { quotedMinutes: null, amountFen: null },
    ...overrides,
  }
}
