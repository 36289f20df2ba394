import { describe, expect, it } from 'vitest'
import { parseYuanToFen } from '@/domain/money'
import { DEFAULT_LOBBY_RULES, type LobbyRules } from '@/domain/lobby/purposes'
import { applyOverride, clientTriageFacts, triage, type TriageInput } from '@/domain/lobby/triage'
import { issueTicket } from '@/domain/lobby/tickets'
import { at } from './events'

const TODAY = '2026-11-25'
const rules = DEFAULT_LOBBY_RULES

function arrival(purpose: string, extra: Partial<TriageInput> = {}): TriageInput {
  return { purpose, isVip: false, age: 35, disabled: false, pregnant: false, ...extra }
}

function ticketFor(zone: Parameters<typeof issueTicket>[0]['zone']): string {
  return issueTicket({ branchId: 'b1', zone, nowMs: at(0), timeZone: 'Asia/Shanghai', prefixes: rules.ticketPrefixes, existing: [] }).code
}

describe('triage sends each purpose to its zone', () => {
  it.each([
    ['cash', 'high_counter'],
    ['account_opening', 'low_counter'],
    ['card', 'low_counter'],
    ['loan', 'low_counter'],
    ['wealth_signing', 'low_counter'],
    ['investment_consultation', 'wealth_room'],
    ['transfer', 'self_service'],
    ['query_printing', 'self_service'],
    ['corporate', 'corporate_desk'],
    ['complaint', 'manager_desk'],
    ['other', 'low_counter'],
  ])('%s → %s', (purpose, zone) => {
    expect(triage(arrival(purpose), rules)).toEqual({ zone, priorityClass: 'none', reasons: ['purpose_zone'] })
  })

  it('cash goes to the high counter with an A ticket', () => {
    const result = triage(arrival('cash'), rules)
    expect(result.zone).toBe('high_counter')
    expect(ticketFor(result.zone)).toBe('A001')
  })

  it('a purpose the rules no longer know goes to the lobby manager', () => {
    expect(triage(arrival('safe_deposit_box'), rules)).toEqual({ zone: 'manager_desk', priorityClass: 'none', reasons: ['unknown_purpose'] })
  })

  it('follows the purpose map admin edited', () => {
    const edited: LobbyRules = { ...rules, purposes: rules.purposes.map((p) => (p.code === 'transfer' ? { ...p, zone: 'high_counter' } : p)) }
    expect(triage(arrival('transfer'), edited).zone).toBe('high_counter')
  })
})

describe('VIPs go to the wealth room or get priority', () => {
  it('a VIP for investment goes to the wealth room and gets a V ticket', () => {
    const result = triage(arrival('investment_consultation', { isVip: true }), rules)
    expect(result).toEqual({ zone: 'wealth_room', priorityClass: 'vip', reasons: ['purpose_zone', 'vip_wealth_room'] })
    expect(ticketFor(result.zone)).toBe('V001')
  })

  it('a VIP signing a wealth product goes to the wealth room rather than the low counter', () => {
    expect(triage(arrival('wealth_signing', { isVip: true }), rules).zone).toBe('wealth_room')
  })

  it('a VIP with cash business stays at the high counter, with priority', () => {
    expect(triage(arrival('cash', { isVip: true }), rules)).toEqual({ zone: 'high_counter', priorityClass: 'vip', reasons: ['purpose_zone', 'vip_priority'] })
  })

  it('under the "always" policy every VIP goes to the wealth room; under "priority only", none does', () => {
    expect(triage(arrival('cash', { isVip: true }), { ...rules, vipRouting: 'wealth_room_always' }).zone).toBe('wealth_room')
    expect(triage(arrival('investment_consultation', { isVip: true }), { ...rules, vipRouting: 'priority_only' })).toMatchObject({ zone: 'wealth_room', reasons: ['purpose_zone', 'vip_priority'] })
    expect(triage(arrival('wealth_signing', { isVip: true }), { ...rules, vipRouting: 'priority_only' }).zone).toBe('low_counter')
  })

  it('exactly 100,000.00 yuan of savings is a VIP; 99,999.99 is not', () => {
    const client = (savings: string) => ({ savingsFen: parseYuanToFen(savings), totalAssetsFen: parseYuanToFen(savings), vipDesignation: null, birthday: '1980-05-01' })
    const vip = triage({ ...arrival('investment_consultation'), ...clientTriageFacts(client('100,000.00'), TODAY) }, rules)
    const notVip = triage({ ...arrival('investment_consultation'), ...clientTriageFacts(client('99,999.99'), TODAY) }, rules)
    expect(vip).toMatchObject({ zone: 'wealth_room', priorityClass: 'vip' })
    expect(notVip).toMatchObject({ zone: 'wealth_room', priorityClass: 'none' })
    expect(triage({ ...arrival('cash'), ...clientTriageFacts(client('99,999.99'), TODAY) }, rules).priorityClass).toBe('none')
  })

  it('a designated client is a VIP whatever the savings', () => {
    const designated = { savingsFen: 0, totalAssetsFen: 0, vipDesignation: { until: TODAY }, birthday: null }
    expect(clientTriageFacts(designated, TODAY)).toEqual({ isVip: true, age: null })
  })
})

describe('elderly, disabled and pregnant clients get priority', () => {
  it('from 60, inclusive', () => {
    expect(triage(arrival('cash', { age: 60 }), rules)).toEqual({ zone: 'high_counter', priorityClass: 'elderly', reasons: ['purpose_zone', 'elderly'] })
    expect(triage(arrival('cash', { age: 59 }), rules).priorityClass).toBe('none')
    expect(triage(arrival('cash', { age: null }), rules).priorityClass).toBe('none')
  })

  it('the age comes from the birthday on the business date', () => {
    expect(clientTriageFacts({ savingsFen: 0, totalAssetsFen: 0, vipDesignation: null, birthday: '1966-11-25' }, TODAY).age).toBe(60)
    expect(clientTriageFacts({ savingsFen: 0, totalAssetsFen: 0, vipDesignation: null, birthday: '1966-11-26' }, TODAY).age).toBe(59)
  })

  it('disabled and pregnant clients', () => {
    expect(triage(arrival('card', { disabled: true }), rules).priorityClass).toBe('disabled')
    expect(triage(arrival('card', { pregnant: true }), rules).priorityClass).toBe('pregnant')
  })

  it('with several grounds, care needs name the class before VIP status, and every ground is a reason', () => {
    expect(triage(arrival('cash', { isVip: true, age: 72, disabled: true }), rules)).toEqual({
      zone: 'high_counter',
      priorityClass: 'disabled',
      reasons: ['purpose_zone', 'vip_priority', 'disabled', 'elderly'],
    })
  })
})

describe('the lobby manager can always override, with a reason', () => {
  const triaged = triage(arrival('cash', { age: 40 }), rules)

  it('the override is recorded with what it replaced and why', () => {
    const outcome = applyOverride(triaged, { zone: 'low_counter', priorityClass: 'pregnant', reason: ' just told us she is expecting ' })
    expect(outcome).toEqual({
      ok: true,
      result: { zone: 'low_counter', priorityClass: 'pregnant', reasons: ['purpose_zone', 'manager_override'] },
      override: { from: { zone: 'high_counter', priorityClass: 'none' }, to: { zone: 'low_counter', priorityClass: 'pregnant' }, reason: 'just told us she is expecting' },
    })
  })

  it('changing only the zone keeps the class', () => {
    const outcome = applyOverride(triaged, { zone: 'wealth_room', reason: 'wants advice first' })
    expect(outcome.ok && outcome.result).toMatchObject({ zone: 'wealth_room', priorityClass: 'none' })
  })

  it('needs a reason, and a change', () => {
    expect(applyOverride(triaged, { zone: 'low_counter', reason: '  ' })).toEqual({ ok: false, error: 'reason_required' })
    expect(applyOverride(triaged, { zone: 'high_counter', reason: 'same' })).toEqual({ ok: false, error: 'nothing_changed' })
  })
})
