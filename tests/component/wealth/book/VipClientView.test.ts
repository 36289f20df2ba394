import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedBookBranch, today, type BookBranch } from '../../../unit/db/wealth-book-seed'
import { database } from '@/db/connection'
import { grantAccess } from '@/db/repositories/wealth/access'
import { addDays } from '@/domain/time'
import VipClientView from '@/views/wealth/book/VipClientView.vue'
import { withBookRoutes } from './withBookRoutes'

const click = (testid: string) => (document.body.querySelector(`[data-testid="${testid}"]`) as HTMLElement).click()
async function type(testid: string, value: string): Promise<void> {
  const input = document.body.querySelector(`input[data-testid="${testid}"]`) as HTMLInputElement
  input.value = value
  input.dispatchEvent(new Event('input'))
  await flushPromises()
}

describe('the VIP client page', () => {
  let branch: BookBranch
  beforeEach(async () => {
    await freshDatabase()
    branch = await seedBookBranch()
  })

  it('shows the tier and why, the four guarantees and the maintainers to the client’s own manager', async () => {
    const { wrapper } = await mountWithApp(withBookRoutes(VipClientView, `/wealth/clients/${branch.ouyang.id}`), { staff: branch.zheng })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="tier-basis"]').exists()).toBe(true))
    expect(wrapper.get('h1').text()).toBe('欧阳娜')
    expect(wrapper.get('[data-testid="tier-basis"]').text()).toContain('储蓄存款达到贵宾标准 10.00 万元（含）')
    expect(wrapper.get('[data-testid="tier-basis"]').text()).toContain('按金融资产定为白金贵宾')
    expect(wrapper.get('[data-testid="basis-assets"]').text()).toBe('60.00 万元')
    expect(wrapper.get('[data-testid="guarantee-notLost"]').attributes('data-state')).toBe('missed')
    expect(wrapper.get('[data-testid="guarantee-assetsGrowing"]').attributes('data-state')).toBe('unknown')
    expect(wrapper.get('[data-testid="guarantee-fileComplete"]').attributes('data-state')).toBe('met')
    expect(wrapper.get('[data-testid="maintainer-primary"]').text()).toBe('郑欣')
    expect(wrapper.get('[data-testid="maintainer-product"]').text()).toBe('王芳')
    expect(wrapper.find('[data-testid="maintainer-assign"]').exists()).toBe(false) // only the branch head assigns
    expect(wrapper.find('[data-testid="designation-grant"]').exists()).toBe(false)
  })

  it('checks typed balances, then saves them with the pending downgrade shown', async () => {
    const { wrapper } = await mountWithApp(withBookRoutes(VipClientView, `/wealth/clients/${branch.ouyang.id}`), { staff: branch.zheng })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="balance-edit"]').exists()).toBe(true))
    await wrapper.get('[data-testid="balance-edit"]').trigger('click')
    await vi.waitFor(() => expect(document.body.querySelector('[data-testid="balance-form"]')).not.toBeNull())

    await type('balance-savings', '1,000.001')
    await type('balance-total', '-3')
    click('balance-save')
    await vi.waitFor(() => expect(document.body.textContent).toContain('请输入不小于 0 的金额，最多两位小数'))
    expect(await database().records('balanceSnapshots').count()).toBe(0)

    await type('balance-savings', '100,000.00')
    await type('balance-total', '80,000')
    click('balance-save')
    await vi.waitFor(() => expect(document.body.textContent).toContain('储蓄存款不能大于金融资产总额'))

    await type('balance-total', '120,000.00')
    click('balance-save')
    await vi.waitFor(async () => expect((await database().records('clients').get(branch.ouyang.id))?.savingsFen).toBe(10_000_000))
    await vi.waitFor(() => expect(wrapper.find('[data-testid="basis-pending"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="basis-pending"]').text()).toContain(`宽限期内保留现等级，${addDays(today, 90)} 起降为金卡贵宾`)
    expect(wrapper.get('[data-testid="tier-log"]').text()).toContain('待降级')
    expect(wrapper.get('[data-testid="balance-history"]').text()).toContain('手工录入')
  })

  it("masks another manager's client: no balances, masked ID, nothing to edit", async () => {
    const { wrapper } = await mountWithApp(withBookRoutes(VipClientView, `/wealth/clients/${branch.ouyang.id}`), { staff: branch.feng })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="tier-basis"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="basis-assets"]').text()).toBe('¥ ****')
    expect(wrapper.get('[data-testid="id-masked"]').text()).toBe('330106**********18')
    expect(wrapper.find('[data-testid="balance-edit"]').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('60.00 万元')
  })

  it('a grant from the branch head opens that book to another manager', async () => {
    await grantAccess({ branchId: branch.branchId, granteeId: branch.feng.id, ownerStaffId: branch.zheng.id, grantedBy: branch.head.id, until: today })
    const { wrapper } = await mountWithApp(withBookRoutes(VipClientView, `/wealth/clients/${branch.ouyang.id}`), { staff: branch.feng })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="basis-assets"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="basis-assets"]').text()).toBe('60.00 万元')
  })

  it('lets the branch head designate a supporting client, refusing one without a reason', async () => {
    const { wrapper } = await mountWithApp(withBookRoutes(VipClientView, `/wealth/clients/${branch.zhang.id}`), { staff: branch.head })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="designation-grant"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="tier-basis"]').text()).toContain('目前不是贵宾客户')
    await wrapper.get('[data-testid="designation-grant"]').trigger('click')
    await vi.waitFor(() => expect(document.body.querySelector('[data-testid="designation-save"]')).not.toBeNull())
    click('designation-save')
    await vi.waitFor(() => expect(document.body.textContent).toContain('请填写认定理由'))
    await type('designation-reason', '代发工资单位负责人')
    click('designation-save')
    await vi.waitFor(async () => expect((await database().records('clients').get(branch.zhang.id))?.vipTier).toBe('gold'))
    await vi.waitFor(() => expect(wrapper.get('[data-testid="designation"]').text()).toContain('代发工资单位负责人'))
    expect(wrapper.get('[data-testid="designation"]').text()).toContain(`有效期至 ${addDays(today, 90)}`)
    expect(wrapper.get('[data-testid="tier-basis"]').text()).toContain('网点主任认定的支持类客户')
  })
})
