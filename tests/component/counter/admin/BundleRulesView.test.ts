import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedCatalogue } from '../../../unit/db/counter-catalogue-seed'
import { branchTerminal } from '../../admin/fixtures'
import { byTestId, click, getByTestId, typeInto } from '../../admin/dom'
import { database } from '@/db/connection'
import { listBundleRules, listProducts, retireProduct } from '@/db/repositories/counter/catalogue'
import { businessDate, DEFAULT_TIME_ZONE } from '@/domain/time'
import { bundleRuleFor } from '@/domain/counter/proposals'
import type { Staff } from '@/domain/model/records'
import BundleRulesView from '@/views/admin/BundleRulesView.vue'

const today = businessDate(Date.now(), DEFAULT_TIME_ZONE)
const versionsOf = async (anchorCode: string) => (await listBundleRules()).filter((r) => r.anchorCode === anchorCode).map((r) => [r.version, r.active])

describe('the bundle rules in Administration', () => {
  let admin: Staff
  beforeEach(async () => {
    await freshDatabase()
    admin = (await branchTerminal()).admin
    await seedCatalogue()
  })

  it('shows one card per anchor with its bundle in order, both reasons, its version and that the branch started with it', async () => {
    const { wrapper } = await mountWithApp(BundleRulesView, { staff: admin, route: '/admin/bundles' })
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid^="bundle-card-"]')).toHaveLength(3))
    const mortgage = wrapper.get('[data-testid="bundle-card-LOAN_MORTGAGE"]').text()
    expect(mortgage).toContain('个人住房贷款')
    expect(mortgage).toMatch(/短信通.*稳健债券基金.*成长精选股票基金.*借款人意外伤害保险/)
    expect(mortgage).toContain('办理住房贷款的客户')
    expect(mortgage).toContain('Has a mortgage')
    expect(mortgage).toContain('网点初始规则')
    expect(wrapper.get('[data-testid="bundle-version-LOAN_MORTGAGE"]').text()).toBe('第 1 版')
  })

  it('marks an anchor or a bundled product that went off sale, where the card names it', async () => {
    const products = await listProducts()
    await retireProduct(products.find((p) => p.code === 'LOAN_SALARY')!.id, today)
    await retireProduct(products.find((p) => p.code === 'PAY_POS')!.id, today)
    const { wrapper } = await mountWithApp(BundleRulesView, { staff: admin, route: '/admin/bundles' })
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid^="bundle-card-"]')).toHaveLength(3))
    expect(wrapper.get('[data-testid="bundle-card-LOAN_SALARY"] h3').text()).toBe('随薪贷（已停售）')
    expect(wrapper.get('[data-testid="bundle-card-LOAN_BUSINESS"]').text()).toContain('POS 收单（已停售）')
  })

  it('saves an edit as the next version, says who changed it, and keeps the version before in the history', async () => {
    const { wrapper } = await mountWithApp(BundleRulesView, { staff: admin, route: '/admin/bundles' })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="bundle-edit-LOAN_MORTGAGE"]').exists()).toBe(true))
    await wrapper.get('[data-testid="bundle-edit-LOAN_MORTGAGE"]').trigger('click')
    await vi.waitFor(() => expect(byTestId('bundle-form')).not.toBeNull())
    expect(getByTestId('bundle-save').textContent).toContain('保存为第 2 版')

    await click('bundle-product-FUND_EQUITY')
    await click('bundle-product-INS_PARTICIPATING')
    expect(getByTestId('bundle-order').textContent).toBe('推荐顺序：短信通、稳健债券基金、借款人意外伤害保险、分红型终身寿险')
    await click('bundle-save')

    await vi.waitFor(() => expect(wrapper.get('[data-testid="bundle-version-LOAN_MORTGAGE"]').text()).toBe('第 2 版'))
    expect(wrapper.get('[data-testid="bundle-card-LOAN_MORTGAGE"]').text()).toContain('王管理 修改')
    expect(bundleRuleFor('LOAN_MORTGAGE', await listBundleRules())?.bundleCodes).toEqual(['EB_SMS', 'FUND_BOND', 'INS_ACCIDENT', 'INS_PARTICIPATING'])
    expect(await versionsOf('LOAN_MORTGAGE')).toEqual([
      [2, 1],
      [1, 0],
    ])

    await wrapper.get('[data-testid="bundle-history-LOAN_MORTGAGE"]').trigger('click')
    await vi.waitFor(() => expect(byTestId('bundle-history-v1')).not.toBeNull())
    expect(getByTestId('bundle-history-v2').textContent).toContain('在用')
    expect(getByTestId('bundle-history-v1').textContent).toContain('已被新版本取代')
    expect(getByTestId('bundle-history-v1').textContent).toContain('成长精选股票基金')
  })

  it('a new rule needs an anchor and a bundled product, said next to each, and writes nothing until it has them', async () => {
    const outboxBefore = await database().outbox.count()
    await mountWithApp(BundleRulesView, { staff: admin, route: '/admin/bundles?bundle=new' })
    await vi.waitFor(() => expect(byTestId('bundle-form')).not.toBeNull())
    // Anchors with a rule in use are not offered for a new one.
    expect(byTestId('bundle-anchor-LOAN_MORTGAGE')).toBeNull()
    await click('bundle-save')
    await vi.waitFor(() => expect(getByTestId('bundle-form').textContent).toContain('至少选择一个一起推荐的产品'))
    expect(getByTestId('bundle-form').textContent).toContain('请选择主产品')
    expect(getByTestId('bundle-form').textContent).toContain('请填写中文推荐理由')
    expect(await database().outbox.count()).toBe(outboxBefore)

    await click('bundle-anchor-CARD_CREDIT')
    expect(byTestId('bundle-product-CARD_CREDIT')).toBeNull()
    await click('bundle-product-EB_SMS')
    await typeInto('bundle-reason-zh', '新办信用卡的客户')
    await typeInto('bundle-reason-en', 'New credit card holder')
    await click('bundle-save')
    await vi.waitFor(async () => expect(await versionsOf('CARD_CREDIT')).toEqual([[1, 1]]))
  })

  it('stops a rule only after the confirm dialog; it waits at the end and can be used again as its next version', async () => {
    const { wrapper } = await mountWithApp(BundleRulesView, { staff: admin, route: '/admin/bundles' })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="bundle-retire-LOAN_SALARY"]').exists()).toBe(true))
    await wrapper.get('[data-testid="bundle-retire-LOAN_SALARY"]').trigger('click')
    await vi.waitFor(() => expect(byTestId('bundle-retire-confirm')).not.toBeNull())
    expect(document.body.textContent).toContain('低柜不再为「随薪贷」推荐捆绑产品')
    await click('bundle-retire-confirm')

    await vi.waitFor(() => expect(wrapper.get('[data-testid="bundle-card-LOAN_SALARY"]').text()).toContain('已停用'))
    const cards = wrapper.findAll('[data-testid^="bundle-card-"]').map((c) => c.attributes('data-testid'))
    expect(cards.at(-1)).toBe('bundle-card-LOAN_SALARY')
    expect(wrapper.text()).toContain('已停用的规则')
    expect(await versionsOf('LOAN_SALARY')).toEqual([[1, 0]])

    await wrapper.get('[data-testid="bundle-edit-LOAN_SALARY"]').trigger('click')
    await vi.waitFor(() => expect(byTestId('bundle-form')).not.toBeNull())
    await click('bundle-save')
    await vi.waitFor(async () => expect(await versionsOf('LOAN_SALARY')).toEqual([
      [2, 1],
      [1, 0],
    ]))
  })
})
