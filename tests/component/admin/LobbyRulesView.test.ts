import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import { database } from '@/db/connection'
import { loadStoredSettings } from '@/db/repositories/settings'
import { setActor } from '@/db/write'
import type { Staff } from '@/domain/model/records'
import type { LobbyRules } from '@/domain/lobby/purposes'
import LobbyRulesView from '@/views/admin/LobbyRulesView.vue'
import { branchTerminal } from './fixtures'
import { byTestId, click, getByTestId, typeInto } from './dom'

async function stored(): Promise<LobbyRules | undefined> {
  return (await loadStoredSettings()).lobbyRules as LobbyRules | undefined
}

function inputValue(id: string): string {
  const element = getByTestId(id)
  return (element instanceof HTMLInputElement ? element : element.querySelector('input')!).value
}

async function mountRules(admin: Staff) {
  const mounted = await mountWithApp(LobbyRulesView, { staff: admin, route: '/admin/lobby-rules' })
  await vi.waitFor(() => expect(byTestId('lobby-rules-form')).not.toBeNull())
  return mounted
}

async function save(): Promise<void> {
  await click('rules-save')
  await flushPromises()
}

describe('lobby rules editor', () => {
  let admin: Staff
  beforeEach(async () => {
    await freshDatabase()
    ;({ admin } = await branchTerminal())
    setActor(admin.id)
  })
  afterEach(() => setActor(null))

  it('shows the defaults and saves edited rules, audited as settings.lobbyRules', async () => {
    await mountRules(admin)
    expect(getByTestId('rules-purposes').textContent).toContain('现金')
    expect(inputValue('rules-large-amount')).toBe('50000.00')

    await typeInto('rules-ratio-normal', '3')
    await typeInto('rules-large-amount', '80,000')
    await typeInto('rules-prefix-wealth_room', 'vp')
    await click('rules-vip-wealth_room_always')
    await save()

    await vi.waitFor(async () => expect((await stored())?.priorityRatio).toEqual({ normal: 3, priority: 1 }))
    const rules = (await stored())!
    expect(rules.antiFraud.largeAmountFen).toBe(8_000_000)
    expect(rules.ticketPrefixes.wealth_room).toBe('VP')
    expect(rules.vipRouting).toBe('wealth_room_always')
    const audit = await database().records('auditLog').toArray()
    expect(audit.some((entry) => entry.action === 'settings.lobbyRules')).toBe(true)
  })

  it('adds a custom purpose with both labels and changes a purpose’s zone and flags', async () => {
    await mountRules(admin)
    await typeInto('rules-new-code', 'pension')
    await typeInto('rules-new-zh', '养老金')
    await click('rules-new-add')
    expect(byTestId('rules-error-new')?.textContent).toContain('中文和英文')
    await typeInto('rules-new-en', 'Pension')
    await click('rules-new-add')
    await vi.waitFor(() => expect(byTestId('rules-purpose-pension')).not.toBeNull())
    await click('rules-purpose-active-other')
    await save()
    await vi.waitFor(async () => expect((await stored())?.purposes.some((p) => p.code === 'pension')).toBe(true))
    const rules = (await stored())!
    expect(rules.purposes.find((p) => p.code === 'pension')).toMatchObject({ zone: 'low_counter', active: true, label: { zh: '养老金', en: 'Pension' } })
    expect(rules.purposes.find((p) => p.code === 'other')?.active).toBe(false)
  })

  it('shows each problem next to its field and saves nothing', async () => {
    await mountRules(admin)
    await typeInto('rules-prefix-low_counter', 'A') // the high counter's
    await typeInto('rules-amber', '40') // after red (30)
    await save()
    await vi.waitFor(() => expect(byTestId('rules-invalid')).not.toBeNull())
    expect(getByTestId('rules-error-ticketPrefixes').textContent).toContain('不能相同')
    expect(getByTestId('rules-error-waitThresholds').textContent).toContain('变黄须早于变红')
    expect(byTestId('rules-error-priorityRatio')).toBeNull()
    expect(await stored()).toBeUndefined()

    await typeInto('rules-large-amount', '五万')
    await save()
    await vi.waitFor(() => expect(byTestId('rules-error-largeAmount')).not.toBeNull())
    expect(await stored()).toBeUndefined()
  })
})
