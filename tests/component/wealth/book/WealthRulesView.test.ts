import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedBookBranch, type BookBranch } from '../../../unit/db/wealth-book-seed'
import { database } from '@/db/connection'
import { loadWealthRules } from '@/db/repositories/wealth/rules'
import WealthRulesView from '@/views/admin/WealthRulesView.vue'

describe('the wealth rules in Administration', () => {
  let branch: BookBranch
  beforeEach(async () => {
    await freshDatabase()
    branch = await seedBookBranch()
  })

  it('refuses an amount that is not one, next to its field, and saves nothing', async () => {
    const { wrapper } = await mountWithApp(WealthRulesView, { staff: branch.head, route: '/admin/wealth-rules' })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="wealth-rules-form"]').exists()).toBe(true))
    await wrapper.get('input[data-testid="rules-threshold"]').setValue('十万')
    await wrapper.get('input[data-testid="rules-tier-platinum"]').setValue('50')
    await wrapper.get('[data-testid="wealth-rules-form"]').trigger('submit')
    // element-plus shows each field's message after its own 100 ms debounce: wait for both.
    await vi.waitFor(() => {
      expect(wrapper.text()).toContain('请输入大于 0 的金额，最多两位小数')
      expect(wrapper.text()).toContain('金卡 ≤ 白金 ≤ 钻石 ≤ 私人银行')
    })
    expect((await loadWealthRules()).version).toBe(1)
  })

  it('saves the VIP line in fen as the next version and offers to re-evaluate every client under it', async () => {
    const { wrapper } = await mountWithApp(WealthRulesView, { staff: branch.head, route: '/admin/wealth-rules' })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="wealth-rules-form"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="wealth-rules-version"]').text()).toBe('当前第 1 版')
    await wrapper.get('input[data-testid="rules-threshold"]').setValue('50,000.00')
    await wrapper.get('[data-testid="wealth-rules-form"]').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="rules-reevaluate-offer"]').exists()).toBe(true))
    expect(await loadWealthRules()).toMatchObject({ version: 2, vipSavingsThresholdFen: 5_000_000 })

    await wrapper.get('[data-testid="rules-reevaluate"]').trigger('click')
    await vi.waitFor(() => expect(document.body.querySelector('[data-testid="rules-reevaluate-confirm"]')).not.toBeNull())
    ;(document.body.querySelector('[data-testid="rules-reevaluate-confirm"]') as HTMLElement).click()
    await vi.waitFor(async () => expect((await database().records('clients').get(branch.zhang.id))?.vipTier).toBe('gold'))
    const [change] = await database().records('tierChanges').where('clientId').equals(branch.zhang.id).toArray()
    expect(change).toMatchObject({ cause: 'rules_changed', ruleVersion: 2 })
  })
})
