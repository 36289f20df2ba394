/** The low counter's rules, stored as one branch-wide setting; every saved change bumps the version. */
import { resolveCounterRules, validateCounterRules, type CounterRules } from '@/domain/counter/rules'
import type { RuleSetValidation } from '@/domain/ruleSets'
import { loadStoredSettings, saveSettingValue } from '../settings'

const COUNTER_RULES_KEY = 'counterRules'

export async function loadCounterRules(): Promise<CounterRules> {
  return resolveCounterRules(((await loadStoredSettings())[COUNTER_RULES_KEY] ?? {}) as Record<string, unknown>)
}

/** Validates and stores a whole rule set as the next version (the version the caller sent is ignored). */
export async function saveCounterRules(candidate: unknown): Promise<RuleSetValidation<CounterRules>> {
  const current = await loadCounterRules()
  const checked = validateCounterRules({ ...(candidate as object), version: current.version + 1 })
  if (checked.ok) await saveSettingValue(COUNTER_RULES_KEY, checked.rules)
  return checked
}
