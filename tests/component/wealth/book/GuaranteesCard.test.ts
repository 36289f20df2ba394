import { describe, expect, it } from 'vitest'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { i18n } from '@/i18n'
import GuaranteesCard from '@/components/wealth/book/GuaranteesCard.vue'
import type { FourGuarantees } from '@/domain/wealth/guarantees'

const card: FourGuarantees = {
  notLost: { state: 'missed', lastActiveOn: '2026-03-02', noSavings: false, spanDays: 180 },
  assetsGrowing: { state: 'met', baselineAsOf: '2026-09-30', changeFen: 12_345_600 },
  privileges: { state: 'missed', count: 0 },
  fileComplete: { state: 'missed', missing: ['phone', 'riskRating'], riskRatingExpired: true },
}

describe('the 四包 card', () => {
  it('shows four states in words, with what lies behind each', async () => {
    await freshDatabase()
    const { wrapper } = await mountWithApp(GuaranteesCard, { roles: ['wealth_manager'], props: { guarantees: card, showAmounts: true } })
    expect(wrapper.get('[data-testid="guarantee-notLost"]').text()).toBe('包不流失 · 未做到超过 180 天无到访或联系（最近 2026-03-02）')
    expect(wrapper.get('[data-testid="guarantee-assetsGrowing"]').text()).toContain('较上季末（2026-09-30）增加 12.35 万元')
    expect(wrapper.get('[data-testid="guarantee-privileges"]').text()).toContain('今年尚未提供增值服务')
    expect(wrapper.get('[data-testid="guarantee-fileComplete"]').text()).toContain('缺少：手机号码、有效风险评估')
    expect(wrapper.get('[data-testid="guarantee-fileComplete"]').text()).toContain('风险评估已过期')
  })

  it('gives no amount to someone who may not see balances, and reads in English', async () => {
    await freshDatabase()
    const { wrapper } = await mountWithApp(GuaranteesCard, { roles: ['wealth_manager'], props: { guarantees: card, showAmounts: false } })
    expect(wrapper.get('[data-testid="guarantee-assetsGrowing"]').text()).toContain('较上季末增加')
    expect(wrapper.text()).not.toContain('12.35')
    i18n.global.locale.value = 'en'
    await wrapper.vm.$nextTick()
    expect(wrapper.get('[data-testid="guarantee-fileComplete"]').text()).toContain('Missing: mobile, valid risk rating')
    i18n.global.locale.value = 'zh-CN'
  })
})
