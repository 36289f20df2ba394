/**
 * Branch-wide settings (replicated to every terminal of the branch) and their defaults. Terminal-
 * local values (this device's id, its language choice) are kept apart, in src/db/local.ts.
 */
import * as v from 'valibot'
import { DEFAULT_TIME_ZONE, isValidTimeZone } from './time'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

export const BranchSettings = v.object({
  /** Minutes without a touch before the terminal locks back to sign-in. */
  idleLockMinutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60)),
  defaultLocale: v.picklist(LOCALES),
  timeZone: v.pipe(v.string(), v.check(isValidTimeZone, 'not a time zone')),
})
export type BranchSettings = v.InferOutput<typeof BranchSettings>
export type BranchSettingKey = keyof BranchSettings

export const DEFAULT_BRANCH_SETTINGS: BranchSettings = {
  idleLockMinutes: 3,
  defaultLocale: 'zh-CN',
  timeZone: DEFAULT_TIME_ZONE,
}

/** Stored values merged over the defaults; a stored value that no longer validates is ignored. */
export function resolveSettings(stored: Partial<Record<string, unknown>>): BranchSettings {
  const merged: Record<string, unknown> = { ...DEFAULT_BRANCH_SETTINGS }
  for (const key of Object.keys(DEFAULT_BRANCH_SETTINGS) as BranchSettingKey[]) {
    if (!(key in stored)) continue
    const candidate = { ...DEFAULT_BRANCH_SETTINGS, [key]: stored[key] }
    if (v.safeParse(BranchSettings, candidate).success) merged[key] = stored[key]
  }
  return merged as BranchSettings
}
