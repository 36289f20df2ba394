import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedCatalogue } from '../../../unit/db/counter-catalogue-seed'
import { branchTerminal } from '../../admin/fixtures'
import { byTestId, click, getByTestId, typeInto } from '../../admin/dom'
import { database } from '@/db/connection'
import { listProducts, retireProduct } from '@/db/repositories/counter/catalogue'
import { findStaffByNumber } from '@/db/repositories/staff'
import { addDays, businessDate, DEFAULT_TIME_ZONE } from '@/domain/time'
import { compareHlc } from '@/domain/hlc'
import { DEFAULT_PRODUCTS } from '@/domain/catalogue/defaults'
import CatalogueView from '@/views/admin/CatalogueView.vue'

const today = () => businessDate(Date.now(), DEFAULT_TIME_ZONE)
const productId = async (code: string) => (await listProducts()).find((p) => p.code === code)!.id

describe('the product catalogue in Administration', () => {
  beforeEach(async () => {
    await freshDatabase()
    await branchTerminal()
  })

  it('says what to do when the catalogue is empty, and starts it from the standard catalogue in one tap', async () => {
    const { wrapper } = await mountWithApp(CatalogueView, { route: '/admin/catalogue' })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="catalogue-empty"]').exists()).toBe(true))
    expect(wrapper.text()).toContain('产品目录还是空的')

    await wrapper.get('[data-testid="catalogue-standard"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="product-row-LOAN_MORTGAGE"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="catalogue-empty"]').exists()).toBe(false)
    expect(await listProducts()).toHaveLength(DEFAULT_PRODUCTS.length)
  })

  it('groups the products on sale by category, loans first, with points, risk level and eligibility; those off sale come last', async () => {
    await seedCatalogue()
    await retireProduct(await productId('PAY_POS'), today())
    const { wrapper } = await mountWithApp(CatalogueView, { route: '/admin/catalogue' })
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid^="product-group-"]').length).toBeGreaterThan(3))

    const groups = wrapper.findAll('[data-testid^="product-group-"]').map((g) => g.attributes('data-testid'))
    expect(groups[0]).toBe('product-group-loan')
    expect(groups.at(-1)).toBe('product-group-retired')
    expect(wrapper.get('[data-testid="product-group-retired"]').text()).toContain('POS 收单')
    expect(wrapper.get('[data-testid="product-group-payment"]').text()).not.toContain('POS 收单')
    expect(wrapper.get('[data-testid="catalogue-count"]').text()).toBe('在售 19 种')

    const fund = wrapper.get('[data-testid="product-row-FUND_EQUITY"]').text()
    expect(fund).toContain('成长精选股票基金')
    expect(fund).toContain('20 分')
    expect(fund).toContain('R4 中高风险')
    expect(fund).toContain('中端客户、高端客户')
    expect(fund).toContain('18–70 岁')
    expect(wrapper.get('[data-testid="product-row-PAY_POS"]').text()).toContain(`最后销售日 ${addDays(today(), -1)}`)
  })

  it('adds a fund only with a risk level, says so next to the field, and takes a lower-case code as meant', async () => {
    await seedCatalogue()
    const { wrapper } = await mountWithApp(CatalogueView, { route: '/admin/catalogue' })
    await wrapper.get('[data-testid="catalogue-add"]').trigger('click')
    await vi.waitFor(() => expect(byTestId('product-form')).not.toBeNull())

    await typeInto('product-code', 'fund_gold')
    await typeInto('product-name-zh', '黄金主题基金')
    await typeInto('product-name-en', 'Gold theme fund')
    await click('product-category-fund')
    await click('product-save')
    await vi.waitFor(() => expect(getByTestId('product-form').textContent).toContain('理财和基金必须选择风险等级'))
    expect((await listProducts()).some((p) => p.code === 'FUND_GOLD')).toBe(false)

    await click('product-risk-R4')
    await click('product-max-age-open')
    await typeInto('product-max-age', '70')
    await click('product-save')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="product-row-FUND_GOLD"]').exists()).toBe(true))
    expect((await listProducts()).find((p) => p.code === 'FUND_GOLD')).toMatchObject({ nameZh: '黄金主题基金', category: 'fund', riskLevel: 'R4', minAge: 18, maxAge: 70, activeFrom: today(), activeTo: null })
  })

  it('keeps a half-filled new product as a draft across a lock, and saving it forgets the draft', async () => {
    await seedCatalogue()
    const admin = (await findStaffByNumber('9002'))!
    const first = await mountWithApp(CatalogueView, { staff: admin, route: '/admin/catalogue?product=new' })
    await vi.waitFor(() => expect(byTestId('product-form')).not.toBeNull())
    await typeInto('product-code', 'DEP_LARGE')
    await typeInto('product-name-zh', '大额存单')
    first.wrapper.unmount() // what an idle lock does to the screen: the draft is flushed
    await vi.waitFor(async () => expect(await database().drafts.count()).toBe(1))

    await mountWithApp(CatalogueView, { staff: admin, route: '/admin/catalogue?product=new' })
    await vi.waitFor(() => expect(byTestId('draft-restored')).not.toBeNull())
    expect((getByTestId('product-name-zh') as HTMLInputElement).value).toBe('大额存单')
    await typeInto('product-name-en', 'Large-sum certificate of deposit')
    await click('product-save')
    await vi.waitFor(async () => expect((await listProducts()).some((p) => p.code === 'DEP_LARGE')).toBe(true))
    await vi.waitFor(async () => expect(await database().drafts.count()).toBe(0))
  })

  it('refuses a code another product has, next to the code', async () => {
    await seedCatalogue()
    await mountWithApp(CatalogueView, { route: '/admin/catalogue?product=new' })
    await vi.waitFor(() => expect(byTestId('product-form')).not.toBeNull())
    await typeInto('product-code', 'EB_SMS')
    await typeInto('product-name-zh', '短信通二代')
    await typeInto('product-name-en', 'SMS alerts 2')
    await click('product-save')
    await vi.waitFor(() => expect(getByTestId('product-form').textContent).toContain('已有产品使用代码 EB_SMS，请换一个'))
    expect((await listProducts()).filter((p) => p.code === 'EB_SMS')).toHaveLength(1)
  })

  it('edits a product without touching its code, and retires it only after the confirm dialog, audited', async () => {
    await seedCatalogue()
    const id = await productId('EB_SMS')
    const { wrapper } = await mountWithApp(CatalogueView, { route: `/admin/catalogue?product=${id}` })
    await vi.waitFor(() => expect(byTestId('product-form')).not.toBeNull())
    expect((getByTestId('product-code') as HTMLInputElement).disabled).toBe(true)

    await typeInto('product-points', '4')
    await click('product-save')
    await vi.waitFor(async () => expect((await listProducts()).find((p) => p.id === id)?.points).toBe(4))

    await wrapper.get('[data-testid="product-row-EB_SMS"]').trigger('click')
    await vi.waitFor(() => expect(byTestId('product-retire')).not.toBeNull())
    await click('product-retire')
    await vi.waitFor(() => expect(byTestId('product-retire-confirm')).not.toBeNull())
    expect(document.body.textContent).toContain('将会失去')
    expect((await listProducts()).find((p) => p.id === id)?.activeTo).toBeNull()

    await click('product-retire-confirm')
    await vi.waitFor(async () => expect((await listProducts()).find((p) => p.id === id)?.activeTo).toBe(addDays(today(), -1)))
    const entries = await database().records('auditLog').where('[entity+entityId]').equals(['products', id]).toArray()
    const actions = entries.sort((a, b) => compareHlc(a.hlc, b.hlc)).map((e) => e.action)
    expect(actions).toEqual(['product.update', 'product.retire'])
    await vi.waitFor(() => expect(wrapper.get('[data-testid="product-group-retired"]').text()).toContain('短信通'))
  })
})
