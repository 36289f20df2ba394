import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { RouterView } from 'vue-router'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { today } from '../../../support/counterSeed'
import { loadInspectionRules, saveInspectionRules } from '@/db/repositories/inspection/rules'
import { quarterOf } from '@/domain/quarters'
import { seedActionsBranch, type ActionsBranch } from './seed'

// jsdom draws no canvas: the chart stands in as a box that shows the figures it was given.
vi.mock('vue-echarts', () => ({
  default: defineComponent({ props: { option: { type: Object, required: true } }, setup: (props) => () => h('div', { 'data-testid': 'chart' }, JSON.stringify((props.option as { series: { data: unknown[] }[] }).series.map((s) => s.data))) }),
}))

let b: ActionsBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedActionsBranch()
  await saveInspectionRules({ ...(await loadInspectionRules()), minVisitsToRank: 2 })
})

describe('what the visits show', () => {
  it('per person, the items most deducted, and the outlet’s trend with its rank', async () => {
    const { wrapper } = await mountWithApp(RouterView, { staff: b.inspector, route: '/inspection/analysis' })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="analysis-staff"]').exists()).toBe(true))
    // The visit was ten days ago: last quarter's early in a quarter.
    if (quarterOf(b.visitDate) !== quarterOf(today)) await wrapper.get('[data-testid="analysis-period-lastQuarter"]').trigger('click')

    await vi.waitFor(() => expect(wrapper.find('[data-testid="analysis-staff-9005"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="analysis-staff-9005"]').text()).toMatch(/周婷（9005）\s*城东支行\s*2\s*−2\.0\s*C4/)
    expect(wrapper.get('[data-testid="analysis-staff-9011"]').text()).toContain('−1.0')

    const items = wrapper.get('[data-testid="analysis-items"]')
    expect(items.find('[data-testid="analysis-item-C4"]').text()).toContain('1 次检查扣分 · 1 个网点')
    expect(items.get('[data-testid="chart"]').text()).toBe('[[2,2,1]]')

    const trend = wrapper.get('[data-testid="analysis-trend"]')
    await vi.waitFor(() => expect(trend.find(`[data-testid="analysis-trend-${quarterOf(b.visitDate)}"]`).exists()).toBe(true))
    expect(trend.get(`[data-testid="analysis-trend-${quarterOf(b.visitDate)}"]`).text()).toMatch(/95\.0 分\s*优秀\s*1\s*未排名（1 \/ 2 次）/)
  })
})
