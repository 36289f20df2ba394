import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedBookBranch, type BookBranch } from '../../../unit/db/wealth-book-seed'
import { database } from '@/db/connection'
import VipBookView from '@/views/wealth/book/VipBookView.vue'
import { withBookRoutes } from './withBookRoutes'

const click = (testid: string) => (document.body.querySelector(`[data-testid="${testid}"]`) as HTMLElement).click()

describe('the VIP book', () => {
  let branch: BookBranch
  beforeEach(async () => {
    await freshDatabase()
    branch = await seedBookBranch()
  })

  it('shows the branch head every VIP with tier, maintainers and flags', async () => {
    const { wrapper } = await mountWithApp(withBookRoutes(VipBookView), { staff: branch.head })
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="vip-${branch.li.id}"]`).exists()).toBe(true))
    expect(wrapper.get('[data-testid="vip-count"]').text()).toBe('共 2 位')
    const ouyang = wrapper.get(`[data-testid="vip-${branch.ouyang.id}"]`).text()
    expect(ouyang).toContain('欧阳娜')
    expect(ouyang).toContain('白金贵宾')
    expect(ouyang).toContain('主维护 郑欣')
    expect(ouyang).toContain('产品维护 王芳')
    expect(ouyang).toContain('60.00 万元')
    expect(wrapper.get(`[data-testid="vip-${branch.li.id}"]`).find('[data-testid="flag-unassigned"]').exists()).toBe(true)
    expect(wrapper.find(`[data-testid="vip-${branch.zhang.id}"]`).exists()).toBe(false)
  })

  it('lets the branch head assign several unassigned VIPs at once, the product maintainer being someone else', async () => {
    const { wrapper } = await mountWithApp(withBookRoutes(VipBookView), { staff: branch.head })
    await wrapper.get('[data-testid="vip-scope-unassigned"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="vip-count"]').text()).toBe('共 1 位'))
    await wrapper.get('[data-testid="vip-select"]').trigger('click')
    await wrapper.get('[data-testid="vip-choose-page"]').trigger('click')
    expect(wrapper.get('[data-testid="vip-bulk"]').text()).toContain('已选 1 位')
    await wrapper.get('[data-testid="vip-assign"]').trigger('click')
    await vi.waitFor(() => expect(document.body.querySelector('[data-testid="assign-primary-9009"]')).not.toBeNull())

    click('assign-save')
    await vi.waitFor(() => expect(document.body.textContent).toContain('请选择主维护人'))
    expect(document.body.textContent).toContain('请选择产品维护人')

    click('assign-primary-9009')
    await flushPromises()
    expect((document.body.querySelector('[data-testid="assign-product-9009"]') as HTMLButtonElement).disabled).toBe(true)
    click('assign-product-9010')
    await flushPromises()
    click('assign-save')
    await vi.waitFor(async () => expect((await database().records('clients').get(branch.li.id))?.maintainerId).toBe(branch.wang.id))
    expect((await database().records('clients').get(branch.li.id))?.productMaintainerId).toBe(branch.feng.id)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="vip-empty"]').text()).toContain('所有贵宾客户都已分户到人'))
  })

  it("shows a manager their own book in full and other clients' assets masked", async () => {
    const { wrapper } = await mountWithApp(withBookRoutes(VipBookView), { staff: branch.wang })
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="vip-${branch.ouyang.id}"]`).exists()).toBe(true))
    expect(wrapper.get('[data-testid="vip-scope-mine"]').attributes('aria-checked')).toBe('true')
    expect(wrapper.find(`[data-testid="vip-${branch.li.id}"]`).exists()).toBe(false)
    expect(wrapper.get(`[data-testid="vip-${branch.ouyang.id}"]`).text()).toContain('60.00 万元')
    expect(wrapper.find('[data-testid="vip-select"]').exists()).toBe(false)

    await wrapper.get('[data-testid="vip-scope-all"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="vip-${branch.li.id}"]`).exists()).toBe(true))
    const li = wrapper.get(`[data-testid="vip-${branch.li.id}"]`).text()
    expect(li).toContain('¥ ****')
    expect(li).not.toContain('15.00 万元')
  })

  it('finds a VIP by pinyin initials', async () => {
    const { wrapper } = await mountWithApp(withBookRoutes(VipBookView), { staff: branch.head })
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="vip-${branch.li.id}"]`).exists()).toBe(true))
    await wrapper.get('input[data-testid="vip-search"]').setValue('oyn')
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="vip-${branch.li.id}"]`).exists()).toBe(false))
    expect(wrapper.find(`[data-testid="vip-${branch.ouyang.id}"]`).exists()).toBe(true)
  })
})
