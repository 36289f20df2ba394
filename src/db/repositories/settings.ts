/** Branch-wide settings: one record per key, the newest change (by clock stamp) wins. */
import { resolveSettings, type BranchSettingKey, type BranchSettings } from '@/domain/settings'
import type { Setting } from '@/domain/model/records'
import { compareHlc } from '@/domain/hlc'
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

export async function loadBranchSettings(): Promise<BranchSettings> {
  const stored: Record<string, unknown> = {}
  for (const [key, row] of await settingRecords()) stored[key] = row.value
  return resolveSettings(stored)
}

export async function saveBranchSetting<K extends BranchSettingKey>(key: K, value: BranchSettings[K]): Promise<void> {
  const existing = (await settingRecords()).get(key)
  await writeRecords(['settings'], async (w) => {
    if (existing) await w.update('settings', existing.id, { value }, { action: `settings.${key}` })
    else await w.insert('settings', { key, value }, { action: `settings.${key}` })
  })
}
