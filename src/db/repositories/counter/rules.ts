/** The low counter's rules, stored as one branch-wide setting; every saved change bumps the version. */
import { resolveCounterRules, validateCounterRules } from '@/domain/counter/rules'
import { versionedRuleSet } from '../settings'

const counterRules = versionedRuleSet('counterRules', resolveCounterRules, validateCounterRules)

export const loadCounterRules = counterRules.load
export const saveCounterRules = counterRules.save
