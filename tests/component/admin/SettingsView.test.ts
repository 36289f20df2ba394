import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import { database } from '@/db/connection'
import { useTerminalStore } from '@/stores/terminal'
import SettingsView from '@/views/admin/SettingsView.vue'
import { branchTerminal } from './fixtures'
import { click, getByTestId, typeInto } from './dom'

describe('settings', () => {
  beforeEach(async () => {
    await freshDatabase()
  })

  it('saves only what changed, each change audited as settings.<key>', async () => {
    const { admin } = await branchTerminal()
    const { wrapper } = await mountWithApp(SettingsView, { staff: admin, route: '/admin/settings' })
    await typeInto('settings-idle-minutes', '10')
    await wrapper.get('[data-testid="settings-locale-en"] input').setValue(true)
    await click('settings-save')

    await vi.waitFor(() => expect(document.body.textContent).toContain('设置已保存'))
    expect(useTerminalStore().settings).toMatchObject({ idleLockMinutes: 10, defaultLocale: 'en', timeZone: 'Asia/Shanghai' })
    const actions = (await database().records('auditLog').toArray()).map((e) => e.action)
    expect(actions.filter((a) => a.startsWith('settings.')).sort()).toEqual(['settings.defaultLocale', 'settings.idleLockMinutes'])
  })

  it('keeps the idle lock between 1 and 60 minutes', async () => {
    const { admin } = await branchTerminal()
    await mountWithApp(SettingsView, { staff: admin, route: '/admin/settings' })
    await typeInto('settings-idle-minutes', '600')
    expect((getByTestId('settings-idle-minutes').querySelector('input') as HTMLInputElement).value).toBe('60')
    await click('settings-save')
    await vi.waitFor(() => expect(useTerminalStore().settings.idleLockMinutes).toBe(60))
  })
})
