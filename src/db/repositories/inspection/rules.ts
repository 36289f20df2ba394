/** The inspection settings (ranking, red flag, penalties, corrective due days, photo size), stored as one branch-wide setting; every saved change bumps the version. */
import { resolveInspectionRules, validateInspectionRules } from '@/domain/inspection/rules'
import { versionedRuleSet } from '../settings'

const inspectionRules = versionedRuleSet('inspectionRules', resolveInspectionRules, validateInspectionRules)

export const loadInspectionRules = inspectionRules.load
export const saveInspectionRules = inspectionRules.save
