/** The wealth area's rules, stored as one branch-wide setting; every saved change bumps the version. */
import { resolveWealthRules, validateWealthRules, type WealthRules } from '@/domain/wealth/rules'
import type { RuleSetValidation } from '@/domain/ruleSets'
import { loadStoredSettings, saveSettingValue } from '../settings'

const WEALTH_RULES_KEY = 'wealthRules'

export async function loadWealthRules(): Promise<WealthRules> {
  return resolveWealthRules(((await loadStoredSettings())[WEALTH_RULES_KEY] ?? {}) as Record<string, unknown>)
}

/** Validates and stores a whole rule set as the next version (the version the caller sent is ignored). */
export async function saveWealthRules(candidate: unknown): Promise<RuleSetValidation<WealthRules>> {
  const current = await loadWealthRules()
  const checked = validateWealthRules({ ...(candidate as object), version: current.version + 1 })
  if (checked.ok) await saveSettingValue(WEALTH_RULES_KEY, checked.rules)
  return checked
}
