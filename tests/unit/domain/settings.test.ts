import { describe, expect, it } from 'vitest'
import { DEFAULT_BRANCH_SETTINGS, resolveSettings } from '@/domain/settings'

describe('branch settings', () => {
  it('the idle lock defaults to 3 minutes, Chinese, and Shanghai time', () => {
    expect(resolveSettings({})).toEqual({ idleLockMinutes: 3, defaultLocale: 'zh-CN', timeZone: 'Asia/Shanghai' })
  })

  it('a stored value overrides its default', () => {
    expect(resolveSettings({ idleLockMinutes: 10, timeZone: 'UTC' })).toEqual({ ...DEFAULT_BRANCH_SETTINGS, idleLockMinutes: 10, timeZone: 'UTC' })
  })

  it('a stored value that is no longer valid falls back to the default instead of breaking the terminal', () => {
    expect(resolveSettings({ idleLockMinutes: 0, timeZone: 'Mars/Olympus', defaultLocale: 'fr' })).toEqual(DEFAULT_BRANCH_SETTINGS)
  })
})
