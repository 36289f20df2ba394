/**
 * Anti-telecom-fraud checks (反电诈). A transfer or remittance by an elderly client, or any large
 * amount, prompts the lobby manager with the branch's questions; the outcome is recorded with the
 * visit (an `anti_fraud_checked` event). Question texts come from i18n: only codes live here.
 */
import { purposeRule, type LobbyRules } from './purposes'

export { DEFAULT_ANTI_FRAUD_QUESTIONS } from './purposes'

/** What the conversation led to. */
export const ANTI_FRAUD_OUTCOMES = ['proceeded', 'dissuaded', 'reported_to_police'] as const
export type AntiFraudOutcome = (typeof ANTI_FRAUD_OUTCOMES)[number]

/** Why the check is needed (stable codes for i18n). */
export const ANTI_FRAUD_TRIGGERS = ['elderly_transfer', 'large_amount'] as const
export type AntiFraudTrigger = (typeof ANTI_FRAUD_TRIGGERS)[number]

export interface AntiFraudInput {
  purpose: string
  /** Whole years, or null when unknown. */
  age: number | null
  /** The amount the client means to move, in fen, or null when not said. */
  amountFen: number | null
}

type AntiFraudRules = Pick<LobbyRules, 'purposes' | 'antiFraud'>

/**
 * The reasons a check is needed, empty when none: an anti-fraud purpose (transfer) by a client of
 * the elderly age or older, and an amount at or above the large-amount threshold, whatever the
 * purpose. An unknown age never counts as elderly.
 */
export function antiFraudTriggers(input: AntiFraudInput, rules: AntiFraudRules): AntiFraudTrigger[] {
  const triggers: AntiFraudTrigger[] = []
  const flaggedPurpose = purposeRule(input.purpose, rules)?.antiFraud === true
  if (flaggedPurpose && input.age !== null && input.age >= rules.antiFraud.elderlyAge) triggers.push('elderly_transfer')
  if (input.amountFen !== null && input.amountFen >= rules.antiFraud.largeAmountFen) triggers.push('large_amount')
  return triggers
}

/** Whether the lobby manager must go through the anti-fraud questions before the client proceeds. */
export function needsAntiFraudCheck(input: AntiFraudInput, rules: AntiFraudRules): boolean {
  return antiFraudTriggers(input, rules).length > 0
}

/** What a visit's details say when the anti-fraud check ended it at the door (dissuaded or reported, no ticket). */
export const ENDED_AT_DOOR_ANTI_FRAUD = 'anti_fraud'

/** Whether a visit ended at the door because of the anti-fraud check, from the visit's details. */
export function turnedAwayByAntiFraud(details: Readonly<Record<string, unknown>>): boolean {
  return details.endedAtDoor === ENDED_AT_DOOR_ANTI_FRAUD
}
