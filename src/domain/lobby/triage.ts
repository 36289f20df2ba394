/**
 * Triage (分流): where the lobby manager sends an arrival and whether they are served with
 * priority. The purpose decides the zone; VIPs go to the wealth room or get priority by the
 * branch's policy; elderly, disabled and pregnant clients get priority. The manager can always
 * override, and the override keeps what it replaced and why.
 */
import { isVip, type VipFacts } from '../clients/vip'
import { ageOn, type BusinessDate } from '../time'
import { purposeRule, type LobbyRules } from './purposes'
import type { PriorityClass, Zone } from './terms'

export interface TriageInput {
  purpose: string
  /** Computed by the caller with isVip (clients/vip.ts); see clientTriageFacts. */
  isVip: boolean
  /** Whole years, or null when unknown (a walk-in who gave no ID). */
  age: number | null
  disabled: boolean
  pregnant: boolean
}

/** Stable codes for i18n, saying why triage decided as it did. */
export type TriageReason =
  | 'purpose_zone'
  | 'unknown_purpose'
  | 'vip_wealth_room'
  | 'vip_priority'
  | 'elderly'
  | 'disabled'
  | 'pregnant'
  | 'manager_override'

export interface TriageResult {
  zone: Zone
  priorityClass: PriorityClass
  reasons: TriageReason[]
}

/** A purpose the rules do not know (switched off and removed) goes to the lobby manager's desk. */
export const UNKNOWN_PURPOSE_ZONE: Zone = 'manager_desk'

type TriageRules = Pick<LobbyRules, 'purposes' | 'vipRouting' | 'priorityElderlyAge'>

/**
 * The zone and priority class for an arrival. When several priority grounds apply, the class shown
 * is the first of disabled, pregnant, elderly, VIP (care needs before status); every ground is
 * still listed in the reasons.
 */
export function triage(input: TriageInput, rules: TriageRules): TriageResult {
  const purpose = purposeRule(input.purpose, rules)
  const reasons: TriageReason[] = [purpose ? 'purpose_zone' : 'unknown_purpose']
  let zone: Zone = purpose?.zone ?? UNKNOWN_PURPOSE_ZONE

  if (input.isVip) {
    const toWealthRoom = rules.vipRouting === 'wealth_room_always' || (rules.vipRouting === 'wealth_room_for_wealth_purposes_else_priority' && purpose?.wealth === true)
    if (toWealthRoom) zone = 'wealth_room'
    reasons.push(toWealthRoom ? 'vip_wealth_room' : 'vip_priority')
  }

  const grounds: Exclude<PriorityClass, 'none'>[] = []
  if (input.disabled) grounds.push('disabled')
  if (input.pregnant) grounds.push('pregnant')
  if (input.age !== null && input.age >= rules.priorityElderlyAge) grounds.push('elderly')
  if (input.isVip) grounds.push('vip')
  reasons.push(...grounds.filter((ground) => ground !== 'vip'))

  return { zone, priorityClass: grounds[0] ?? 'none', reasons }
}

/** The two facts triage needs from a client record: VIP today, and age from the birthday. */
export function clientTriageFacts(client: VipFacts & { birthday: string | null }, today: BusinessDate): Pick<TriageInput, 'isVip' | 'age'> {
  return { isVip: isVip(client, today), age: client.birthday === null ? null : ageOn(client.birthday, today) }
}

export interface OverrideRequest {
  zone?: Zone
  priorityClass?: PriorityClass
  /** Why the manager overrode triage: required, kept with the visit. */
  reason: string
}

/** What an override changed, as recorded on the visit. */
export interface TriageOverride {
  from: { zone: Zone; priorityClass: PriorityClass }
  to: { zone: Zone; priorityClass: PriorityClass }
  reason: string
}

export type OverrideOutcome =
  | { ok: true; result: TriageResult; override: TriageOverride }
  | { ok: false; error: 'reason_required' | 'nothing_changed' }

/** The manager's override of a triage result: the new result and the record of what changed. */
export function applyOverride(result: TriageResult, request: OverrideRequest): OverrideOutcome {
  const reason = request.reason.trim()
  if (reason === '') return { ok: false, error: 'reason_required' }
  const to = { zone: request.zone ?? result.zone, priorityClass: request.priorityClass ?? result.priorityClass }
  if (to.zone === result.zone && to.priorityClass === result.priorityClass) return { ok: false, error: 'nothing_changed' }
  const reasons: TriageReason[] = [...result.reasons.filter((r) => r !== 'manager_override'), 'manager_override']
  return {
    ok: true,
    result: { ...to, reasons },
    override: { from: { zone: result.zone, priorityClass: result.priorityClass }, to, reason },
  }
}
