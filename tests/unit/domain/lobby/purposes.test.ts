import { describe, expect, it } from 'vitest'
import { activePurposes, DEFAULT_LOBBY_RULES, DEFAULT_PURPOSE_CODES, resolveLobbyRules, validateLobbyRules } from '@/domain/lobby/purposes'

describe('the purpose grid', () => {
  it('has the issue’s purposes, with wealth split into signing (low counter) and investment advice (wealth room)', () => {
    expect(DEFAULT_LOBBY_RULES.purposes.map((p) => p.code)).toEqual([...DEFAULT_PURPOSE_CODES])
    expect(DEFAULT_PURPOSE_CODES).toEqual(['cash', 'account_opening', 'card', 'loan', 'wealth_signing', 'investment_consultation', 'transfer', 'query_printing', 'corporate', 'complaint', 'other'])
  })

  it('only transfers trigger the anti-fraud questions by purpose, and only wealth business sends VIPs to the wealth room', () => {
    expect(DEFAULT_LOBBY_RULES.purposes.filter((p) => p.antiFraud).map((p) => p.code)).toEqual(['transfer'])
    expect(DEFAULT_LOBBY_RULES.purposes.filter((p) => p.wealth).map((p) => p.code)).toEqual(['wealth_signing', 'investment_consultation'])
  })

  it('a purpose switched off leaves the grid', () => {
    const rules = { ...DEFAULT_LOBBY_RULES, purposes: DEFAULT_LOBBY_RULES.purposes.map((p) => (p.code === 'corporate' ? { ...p, active: false } : p)) }
    expect(activePurposes(rules).map((p) => p.code)).not.toContain('corporate')
  })
})

describe('lobby rules as admin edits them', () => {
  it('the defaults: 2 normal to 1 priority, 15-minute check-in window, 3 recalls, amber at 15 and red at 30, elderly from 60, 50,000 yuan large amount', () => {
    expect(validateLobbyRules(DEFAULT_LOBBY_RULES)).toEqual({ ok: true, rules: DEFAULT_LOBBY_RULES })
    expect(DEFAULT_LOBBY_RULES).toMatchObject({
      priorityRatio: { normal: 2, priority: 1 },
      appointmentWindow: { beforeMinutes: 15, afterMinutes: 15 },
      recallsBeforeNoShow: 3,
      waitThresholds: { amberMinutes: 15, redMinutes: 30 },
      priorityElderlyAge: 60,
      antiFraud: { elderlyAge: 60, largeAmountFen: 5_000_000 },
    })
  })

  it('a custom purpose needs its own labels and a code no other purpose has', () => {
    const custom = { code: 'safe_deposit_box', zone: 'low_counter', antiFraud: false, wealth: false, active: true, label: { zh: '保管箱', en: 'Safe deposit box' } }
    expect(validateLobbyRules({ ...DEFAULT_LOBBY_RULES, purposes: [...DEFAULT_LOBBY_RULES.purposes, custom] }).ok).toBe(true)
    const duplicate = validateLobbyRules({ ...DEFAULT_LOBBY_RULES, purposes: [...DEFAULT_LOBBY_RULES.purposes, { ...custom, code: 'cash' }] })
    expect(duplicate).toEqual({ ok: false, issues: [{ path: 'purposes', message: 'purpose codes must be unique' }] })
  })

  it('says where each mistake is, for the form', () => {
    const result = validateLobbyRules({
      ...DEFAULT_LOBBY_RULES,
      waitThresholds: { amberMinutes: 30, redMinutes: 15 },
      ticketPrefixes: { ...DEFAULT_LOBBY_RULES.ticketPrefixes, low_counter: 'A' },
      priorityRatio: { normal: 0, priority: 1 },
    })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.issues.map((i) => i.path).sort()).toEqual(['priorityRatio.normal', 'ticketPrefixes', 'waitThresholds'])
  })

  it('stored rules override their defaults key by key; a stored value that no longer validates falls back', () => {
    const rules = resolveLobbyRules({ priorityRatio: { normal: 3, priority: 1 }, waitThresholds: { amberMinutes: 40, redMinutes: 20 }, autoCloseAt: '25:00' })
    expect(rules).toEqual({ ...DEFAULT_LOBBY_RULES, priorityRatio: { normal: 3, priority: 1 } })
  })
})
