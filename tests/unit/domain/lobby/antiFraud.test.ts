import { describe, expect, it } from 'vitest'
import { parseYuanToFen } from '@/domain/money'
import { ANTI_FRAUD_OUTCOMES, antiFraudTriggers, DEFAULT_ANTI_FRAUD_QUESTIONS, needsAntiFraudCheck } from '@/domain/lobby/antiFraud'
import { DEFAULT_LOBBY_RULES } from '@/domain/lobby/purposes'

const rules = DEFAULT_LOBBY_RULES

describe('anti-fraud check (反电诈)', () => {
  it('an elderly client transferring money is asked the questions', () => {
    expect(antiFraudTriggers({ purpose: 'transfer', age: 60, amountFen: parseYuanToFen('3,000') }, rules)).toEqual(['elderly_transfer'])
    expect(needsAntiFraudCheck({ purpose: 'transfer', age: 78, amountFen: null }, rules)).toBe(true)
  })

  it('a large amount triggers it at any age and for any purpose, from 50,000.00 yuan inclusive', () => {
    expect(antiFraudTriggers({ purpose: 'cash', age: 30, amountFen: parseYuanToFen('50,000.00') }, rules)).toEqual(['large_amount'])
    expect(needsAntiFraudCheck({ purpose: 'transfer', age: 30, amountFen: parseYuanToFen('49,999.99') }, rules)).toBe(false)
  })

  it('an elderly client moving a large amount has both triggers', () => {
    expect(antiFraudTriggers({ purpose: 'transfer', age: 66, amountFen: parseYuanToFen('200,000') }, rules)).toEqual(['elderly_transfer', 'large_amount'])
  })

  it('a young client making a small transfer is not stopped', () => {
    expect(needsAntiFraudCheck({ purpose: 'transfer', age: 28, amountFen: parseYuanToFen('2,000') }, rules)).toBe(false)
  })

  it('an elderly client with other business is not stopped for their age', () => {
    expect(needsAntiFraudCheck({ purpose: 'cash', age: 80, amountFen: parseYuanToFen('2,000') }, rules)).toBe(false)
  })

  it('an unknown age never counts as elderly', () => {
    expect(needsAntiFraudCheck({ purpose: 'transfer', age: null, amountFen: null }, rules)).toBe(false)
  })

  it('age and amount thresholds are the branch’s', () => {
    const strict = { ...rules, antiFraud: { ...rules.antiFraud, elderlyAge: 55, largeAmountFen: parseYuanToFen('10,000') } }
    expect(antiFraudTriggers({ purpose: 'transfer', age: 55, amountFen: parseYuanToFen('10,000') }, strict)).toEqual(['elderly_transfer', 'large_amount'])
  })

  it('outcomes and questions are codes (texts come from i18n)', () => {
    expect(ANTI_FRAUD_OUTCOMES).toEqual(['proceeded', 'dissuaded', 'reported_to_police'])
    expect(DEFAULT_ANTI_FRAUD_QUESTIONS).toEqual(['unknown_caller_instruction', 'safe_account', 'investment_promise', 'remote_control_app', 'impersonating_officials', 'online_romance'])
    expect(rules.antiFraud.questions).toEqual([...DEFAULT_ANTI_FRAUD_QUESTIONS])
  })
})
