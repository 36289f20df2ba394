import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedCatalogue } from '../../../unit/db/counter-catalogue-seed'
import { branchTerminal } from '../../admin/fixtures'
import { typeInto } from '../../admin/dom'
import { loadCounterRules, saveCounterRules } from '@/db/repositories/counter/rules'
import { DEFAULT_COUNTER_RULES } from '@/domain/counter/rules'
import CounterRulesView from '@/views/admin/CounterRulesView.vue'

describe('the counter rules in Administration', () => {
  beforeEach(async () => {
    await freshDatabase()
    await branchTerminal()
    await seedCatalogue()
  })

  async function mounted() {
    const { wrapper } = await mountWithApp(CounterRulesView, { route: '/admin/counter-rules' })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="counter-rules-form"]').exists()).toBe(true))
    return wrapper
  }

  it('shows the rules in force with their pay bands in words and each segment’s recommendations in order', async () => {
    const wrapper = await mounted()
    expect(wrapper.get('[data-testid="counter-rules-version"]').text()).toBe('当前第 1 版')
    expect(wrapper.get('[data-testid="counter-rules-bands-summary"]').text()).toBe('季度积分不足 4,000 分只计件（绩效 0%）；4,000 到 8,000 分绩效发放 60%；高于 8,000 分发放 100%。')
    expect(wrapper.get('[data-testid="counter-rules-order-high"]').text()).toBe('推荐顺序：本外币通知存款、利得盈理财产品、信用卡')
    expect(wrapper.get('[data-testid="counter-rules-order-mass"]').text()).toBe('推荐顺序：本外币一本通、借记卡、代理缴费业务')
    expect(wrapper.findAll('[data-testid="counter-rules-reasons"] li').map((row) => row.find('.reason__label').text())).toEqual(['1暂时不需要', '2已在他行办理', '3嫌费用高或收益低', '4今天没时间办', '5担心风险', '6其他原因'])
  })

  it('saves the referral share, the decline reasons reordered and trimmed, and a segment’s products as the next version', async () => {
    const wrapper = await mounted()
    await typeInto('counter-rules-referral-share', '25')
    await wrapper.get('[data-testid="counter-rules-reason-up-cost"]').trigger('click')
    await wrapper.get('[data-testid="counter-rules-reason-remove-other"]').trigger('click')
    expect(wrapper.find('[data-testid="counter-rules-reason-add-other"]').exists()).toBe(true)
    await wrapper.get('[data-testid="counter-rules-recommend-mass-AGENCY_BILL_PAY"]').trigger('click')
    await wrapper.get('[data-testid="counter-rules-recommend-mass-EB_MOBILE"]').trigger('click')
    expect(wrapper.get('[data-testid="counter-rules-order-mass"]').text()).toBe('推荐顺序：本外币一本通、借记卡、手机银行')

    await wrapper.get('[data-testid="counter-rules-form"]').trigger('submit')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="counter-rules-version"]').text()).toBe('当前第 2 版'))
    expect(await loadCounterRules()).toMatchObject({
      version: 2,
      referralSharePercent: 25,
      declineReasons: ['no_need', 'cost', 'has_elsewhere', 'no_time', 'risk_averse'],
      segmentRecommendations: { mass: ['DEP_PASSBOOK', 'CARD_DEBIT', 'EB_MOBILE'], high: DEFAULT_COUNTER_RULES.segmentRecommendations.high },
    })
  })

  it('refuses a partial band starting above the full band, next to the field, and keeps the version', async () => {
    const wrapper = await mounted()
    await typeInto('counter-rules-partial-from', '9000')
    await wrapper.get('[data-testid="counter-rules-form"]').trigger('submit')
    await vi.waitFor(() => expect(wrapper.text()).toContain('部分绩效的起点不能高于全额绩效线'))
    expect(wrapper.find('[data-testid="counter-rules-invalid"]').exists()).toBe(true)
    expect((await loadCounterRules()).version).toBe(1)
  })

  it('refuses a recommendation the catalogue no longer holds until it is taken out', async () => {
    await saveCounterRules({ ...DEFAULT_COUNTER_RULES, segmentRecommendations: { ...DEFAULT_COUNTER_RULES.segmentRecommendations, high: ['DEP_NOTICE', 'GOLD_BAR'] } })
    const wrapper = await mounted()
    expect(wrapper.get('[data-testid="counter-rules-recommend-high-GOLD_BAR"]').text()).toContain('GOLD_BAR')
    await wrapper.get('[data-testid="counter-rules-form"]').trigger('submit')
    await vi.waitFor(() => expect(wrapper.text()).toContain('推荐的产品必须在产品目录中'))
    expect((await loadCounterRules()).version).toBe(2)

    await wrapper.get('[data-testid="counter-rules-recommend-high-GOLD_BAR"]').trigger('click')
    await wrapper.get('[data-testid="counter-rules-form"]').trigger('submit')
    await vi.waitFor(async () => expect(await loadCounterRules()).toMatchObject({ version: 3, segmentRecommendations: { high: ['DEP_NOTICE'] } }))
  })
})
