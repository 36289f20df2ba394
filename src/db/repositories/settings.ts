/** Branch-wide settings: one record per key, the newest change (by clock stamp) wins. */
import { resolveSettings, type BranchSettingKey, type BranchSettings } from '@/domain/settings'
import type { Setting } from '@/domain/model/records'
import { compareHlc } from '@/domain/hlc'
import type { RuleSetValidation } from '@/domain/ruleSets'
import { database } from '../connection'
import { writeRecords } from '../write'

async function settingRecords(): Promise<Map<string, Setting>> {
  const latest = new Map<string, Setting>()
  for (const row of await database().records('settings').toArray()) {
    if (row.deleted) continue
    const seen = latest.get(row.key)
    if (!seen || compareHlc(seen.hlc, row.hlc) < 0) latest.set(row.key, row)
  }
  return latest
}

/** Every branch-wide setting as stored, by key (newest change of each key). */
export async function loadStoredSettings(): Promise<Record<string, unknown>> {
  const stored: Record<string, unknown> = {}
  for (const [key, row] of await settingRecords()) stored[key] = row.value
  return stored
}

export async function loadBranchSettings(): Promise<BranchSettings> {
  return resolveSettings(await loadStoredSettings())
}

/** Stores any branch-wide setting (e.g. the lobby rules) under its key, audited. */
export async function saveSettingValue(key: string, value: unknown): Promise<void> {
  const existing = (await settingRecords()).get(key)
  await writeRecords(['settings'], async (w) => {
    if (existing) await w.update('settings', existing.id, { value }, { action: `settings.${key}` })
    else await w.insert('settings', { key, value }, { action: `settings.${key}` })
  })
}

export async function saveBranchSetting<K extends BranchSettingKey>(key: K, value: BranchSettings[K]): Promise<void> {
  await saveSettingValue(key, value)
}

/**
 * A versioned rule set stored as one branch-wide setting (the wealth, counter and inspection
 * rules): `load` resolves what is stored over the defaults; `save` validates a whole set and stores
 * it as the next version (the version the caller sent is ignored).
 */
export function versionedRuleSet<R extends { version: number }>(key: string, resolve: (stored: Record<string, unknown>) => R, validate: (candidate: unknown) => RuleSetValidation<R>) {
  async function load(): Promise<R> {
    return resolve(((await loadStoredSettings())[key] ?? {}) as Record<string, unknown>)
  }
  async function save(candidate: unknown): Promise<RuleSetValidation<R>> {
    const current = await load()
    const checked = validate({ ...(candidate as object), version: current.version + 1 })
    if (checked.ok) await saveSettingValue(key, checked.rules)
    return checked
  }
  return { load, save }
}
