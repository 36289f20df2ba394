import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import PurposeGrid from '@/components/lobby/PurposeGrid.vue'
import { activePurposes, DEFAULT_PURPOSES, type PurposeRule } from '@/domain/lobby/purposes'
import { i18n } from '@/i18n'

const custom: PurposeRule = { code: 'pension', zone: 'low_counter', antiFraud: false, wealth: false, active: true, label: { zh: '养老金', en: 'Pension' } }
const purposes = activePurposes({ purposes: [...DEFAULT_PURPOSES.map((p) => (p.code === 'corporate' ? { ...p, active: false } : p)), custom] })

describe('the purpose grid', () => {
  beforeEach(async () => {
    await freshDatabase()
  })

  it('shows a tile for each active purpose, labelled in Chinese by code or by the rule’s own label', async () => {
    const { wrapper } = await mountWithApp(PurposeGrid, { roles: ['lobby_manager'], props: { purposes, selected: null } })
    const tiles = wrapper.findAll('[data-testid^="purpose-"]:not([data-testid="purpose-grid"])')
    expect(tiles.map((t) => t.attributes('data-testid'))).toEqual(purposes.map((p) => `purpose-${p.code}`))
    expect(wrapper.find('[data-testid="purpose-corporate"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="purpose-cash"]').text()).toContain('现金')
    expect(wrapper.get('[data-testid="purpose-cash"]').text()).toContain('高柜')
    expect(wrapper.get('[data-testid="purpose-pension"]').text()).toContain('养老金')
  })

  it('emits the code of the tapped tile and marks the selected one', async () => {
    const { wrapper } = await mountWithApp(PurposeGrid, { roles: ['lobby_manager'], props: { purposes, selected: 'transfer' } })
    await wrapper.get('[data-testid="purpose-cash"]').trigger('click')
    expect(wrapper.emitted('select')).toEqual([['cash']])
    expect(wrapper.get('[data-testid="purpose-transfer"]').attributes('aria-pressed')).toBe('true')
    expect(wrapper.get('[data-testid="purpose-cash"]').attributes('aria-pressed')).toBe('false')
  })

  it('reads in English after the language switch', async () => {
    const { wrapper } = await mountWithApp(PurposeGrid, { roles: ['lobby_manager'], props: { purposes, selected: null } })
    i18n.global.locale.value = 'en'
    await wrapper.vm.$nextTick()
    expect(wrapper.get('[data-testid="purpose-cash"]').text()).toContain('Cash')
    expect(wrapper.get('[data-testid="purpose-pension"]').text()).toContain('Pension')
    i18n.global.locale.value = 'zh-CN'
  })
})
