/** The wealth area's rules, stored as one branch-wide setting; every saved change bumps the version. */
import { resolveWealthRules, validateWealthRules } from '@/domain/wealth/rules'
import { versionedRuleSet } from '../settings'

const wealthRules = versionedRuleSet('wealthRules', resolveWealthRules, validateWealthRules)

export const loadWealthRules = wealthRules.load
export const saveWealthRules = wealthRules.save
