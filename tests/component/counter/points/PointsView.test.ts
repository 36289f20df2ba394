import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedCounterBranch, today, type CounterBranch } from '../../../support/counterSeed'
import PointsView from '@/views/counter/points/PointsView.vue'
import { confirmSale } from '@/db/repositories/counter/offers'
import { addAdjustment } from '@/db/repositories/counter/points'
import { makeReferral } from '@/db/repositories/counter/referrals'
import { acceptedLine, sell } from './sales'
import { previousQuarter, quarterOf, quarterBounds } from '@/domain/quarters'

let b: CounterBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedCounterBranch()
})

const body = (testid: string) => document.body.querySelector(`[data-testid="${testid}"]`)

describe('my points', () => {
  it('shows a seller’s final and provisional points, the pay band with what the next needs, and the ledger lines', async () => {
    const { offers } = await sell(b, [acceptedLine('CARD_CREDIT'), acceptedLine('PAY_POS')])
    await confirmSale(offers[0]!.id, today, b.zhou.id)
    await addAdjustment({ branchId: b.branchId, staffId: b.zhou.id, points: 4_000, reason: '补记网点活动积分', today, byStaffId: b.head.id })
    const { wrapper } = await mountWithApp(PointsView, { staff: b.zhou })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="points-final"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="points-final"]').text()).toBe('4,015')
    expect(wrapper.get('[data-testid="points-provisional"]').text()).toBe('30')
    expect(wrapper.get('[data-testid="points-accepted"]').text()).toBe('2')
    const band = wrapper.get('[data-testid="points-band"]')
    expect(band.get('[data-testid="points-band-name"]').text()).toBe('60% 绩效档')
    expect(band.text()).toContain('绩效工资按 60% 发放')
    expect(band.get('[data-testid="points-band-next"]').text()).toBe('再得 3,986 分进入 全额绩效档')
    expect(band.findAll('[data-testid="band-edge"]').map((e) => e.text())).toEqual(['4,000', '8,000'])
    expect(wrapper.text()).toContain('调整原因：补记网点活动积分')
    expect(wrapper.text()).toContain('POS 收单')
    // Not the branch head: no adjustments, no quarter close.
    expect(wrapper.find('[data-testid="adjust-form"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="quarter-close-panel"]').exists()).toBe(false)
  })

  it('marks a referrer’s share in their ledger, and steps back to an earlier quarter', async () => {
    const referral = await makeReferral({ branchId: b.branchId, referrerId: b.chen.id, clientId: b.mortgageClient.id, visitId: null, target: 'low_counter', toStaffId: null, productCode: null, note: '', today })
    await sell(b, [acceptedLine('PAY_POS')], { referralId: referral.id })
    const { wrapper } = await mountWithApp(PointsView, { staff: b.chen })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="ledger-referral"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="points-provisional"]').text()).toBe('9')
    expect(wrapper.get('[data-testid="points-band-next"]').text()).toBe('再得 4,000 分进入 60% 绩效档')

    await wrapper.get('[data-testid="quarter-prev"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="ledger-empty"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="quarter-label"]').text()).toBe(`${previousQuarter(quarterOf(today)).slice(0, 4)} 年第 ${previousQuarter(quarterOf(today)).slice(5)} 季度`)
  })

  it('lets the branch head pick a seller, adjust their points with a required reason, and see it in their ledger', async () => {
    const { wrapper } = await mountWithApp(PointsView, { staff: b.head })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="adjust-form"]').exists()).toBe(true))
    expect(wrapper.get('h1').text()).toBe('周婷 的积分')
    await wrapper.get('[data-testid="points-person-9011"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.get('h1').text()).toBe('陈静 的积分'))

    await wrapper.get('[data-testid="adjust-direction-deduct"]').trigger('click')
    await wrapper.get('[data-testid="adjust-save"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.text()).toContain('请填写调整原因。'))
    await wrapper.get('[data-testid="adjust-reason"]').setValue('重复登记的 POS 收单')
    await wrapper.get('[data-testid="adjust-save"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.text()).toContain('调整原因：重复登记的 POS 收单'), { timeout: 3000 })
    expect(wrapper.get('[data-testid="points-final"]').text()).toBe('-1')
  })

  it('the branch head verifies a past quarter, then closes it after confirming; it is listed as closed', async () => {
    const last = previousQuarter(quarterOf(today))
    const { offers } = await sell(b, [acceptedLine('CARD_CREDIT')], { today: quarterBounds(last).to })
    await confirmSale(offers[0]!.id, quarterBounds(last).to, b.zhou.id)
    const { wrapper } = await mountWithApp(PointsView, { staff: b.head })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="quarter-verify"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="quarter-close"]').attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid="verify-first"]').text()).toBe('请先核对这个季度，再结账。')

    await wrapper.get('[data-testid="quarter-verify"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="verify-result"]').text()).toContain('积分与台账一致。'))
    await vi.waitFor(() => expect(wrapper.get('[data-testid="quarter-close"]').attributes('disabled')).toBeUndefined())
    await wrapper.get('[data-testid="quarter-close"]').trigger('click')
    await vi.waitFor(() => expect(body('confirm-dialog')?.textContent).toContain('该季度不能再记入任何积分'))
    ;(body('quarter-close-confirm') as HTMLButtonElement).click()
    await vi.waitFor(() => expect(wrapper.find('[data-testid="quarter-closed"]').exists()).toBe(true), { timeout: 3000 })
    expect(wrapper.get(`[data-testid="closure-${last}"]`).text()).toContain('赵建华')
    expect(wrapper.get(`[data-testid="closure-${last}"]`).text()).toContain('已结账')
  })
})
