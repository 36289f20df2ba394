import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedCounterBranch, today, type CounterBranch } from '../../../support/counterSeed'
import SalesView from '@/views/counter/points/SalesView.vue'
import { personQuarter } from '@/db/repositories/counter/points'
import { confirmSale } from '@/db/repositories/counter/offers'
import { makeReferral } from '@/db/repositories/counter/referrals'
import { addDays } from '@/domain/time'
import { acceptedLine, sell } from './sales'
import { quarterOf } from '@/domain/quarters'

let b: CounterBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedCounterBranch()
})

const dialog = () => document.body.querySelector('[data-testid="confirm-dialog"]')
const click = (testid: string) => (document.body.querySelector(`[data-testid="${testid}"]`) as HTMLButtonElement).click()

describe('sales to confirm', () => {
  it('lists a seller’s pending sale with its product, points, masked client and referrer; confirming makes the points final and moves it to this week’s settled sales', async () => {
    const referral = await makeReferral({ branchId: b.branchId, referrerId: b.chen.id, clientId: b.mortgageClient.id, visitId: null, target: 'low_counter', toStaffId: null, productCode: null, note: '', today })
    const { offers } = await sell(b, [acceptedLine('CARD_CREDIT')], { referralId: referral.id })
    const sale = offers[0]!
    const { wrapper } = await mountWithApp(SalesView, { staff: b.zhou })
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="sale-${sale.id}"]`).exists()).toBe(true))
    const row = wrapper.get(`[data-testid="sale-${sale.id}"]`)
    expect(row.text()).toContain('信用卡')
    expect(row.text()).toContain('+15 分')
    expect(row.get('[data-testid="masked-name"]').text()).toBe('刘**')
    expect(row.get('[data-testid="sale-referrer"]').text()).toBe('转介人：陈静')
    expect(row.text()).toContain('今天接受')

    await row.get(`[data-testid="sale-confirm-${sale.id}"]`).trigger('click')
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="sale-${sale.id}"]`).exists()).toBe(false), { timeout: 3000 })
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="settled-${sale.id}"]`).exists()).toBe(true))
    expect(wrapper.get(`[data-testid="settled-${sale.id}"]`).get('[data-testid="sale-settled"]').text()).toContain(`${today} 已开通`)
    expect(wrapper.find('[data-testid="sales-empty"]').exists()).toBe(true)
    expect((await personQuarter(b.zhou.id, quarterOf(today))).totals).toEqual({ provisional: 0, final: 11, accepted: 1 })
    expect((await personQuarter(b.chen.id, quarterOf(today))).totals.final).toBe(4)
  })

  it('cancelling within the clawback window says the points will be clawed back, from whom, and claws them back', async () => {
    const { offers } = await sell(b, [acceptedLine('PAY_POS')])
    const sale = offers[0]!
    const { wrapper } = await mountWithApp(SalesView, { staff: b.zhou })
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="sale-cancel-${sale.id}"]`).exists()).toBe(true))
    await wrapper.get(`[data-testid="sale-cancel-${sale.id}"]`).trigger('click')
    await vi.waitFor(() => expect(dialog()?.textContent).toContain('90 天追回期内'))
    expect(dialog()?.textContent).toContain('撤销后，这笔销售的积分将被追回')
    expect(dialog()?.textContent).toContain('周婷 的 30 分将被追回')
    click('sale-cancel-confirm')
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="settled-${sale.id}"]`).exists()).toBe(true), { timeout: 3000 })
    expect(wrapper.get(`[data-testid="settled-${sale.id}"]`).text()).toContain('已撤销')
    expect((await personQuarter(b.zhou.id, quarterOf(today))).totals).toEqual({ provisional: 0, final: 0, accepted: 0 })
  })

  it('cancelling after the clawback window says the points stay, and keeps them', async () => {
    const soldOn = addDays(today, -91)
    const { offers } = await sell(b, [acceptedLine('PAY_POS')], { today: soldOn })
    const sale = offers[0]!
    const { wrapper } = await mountWithApp(SalesView, { staff: b.zhou })
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="sale-cancel-${sale.id}"]`).exists()).toBe(true))
    expect(wrapper.get(`[data-testid="sale-${sale.id}"]`).text()).toContain(`91 天前接受（${soldOn}）`)
    await wrapper.get(`[data-testid="sale-cancel-${sale.id}"]`).trigger('click')
    await vi.waitFor(() => expect(dialog()?.textContent).toContain('已超过 90 天追回期'))
    expect(dialog()?.textContent).toContain('撤销后积分保留，不再追回')
    click('sale-cancel-confirm')
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="settled-${sale.id}"]`).exists()).toBe(true), { timeout: 3000 })
    expect((await personQuarter(b.zhou.id, quarterOf(soldOn))).totals.provisional).toBe(30)
  })

  it('shows a seller only their own sales; the branch head sees every seller’s', async () => {
    const mine = (await sell(b, [acceptedLine('EB_SMS')])).offers[0]!
    const theirs = (await sell(b, [acceptedLine('CARD_DEBIT')], { staffId: b.wang.id, clientId: null })).offers[0]!
    const seller = await mountWithApp(SalesView, { staff: b.zhou })
    await vi.waitFor(() => expect(seller.wrapper.find(`[data-testid="sale-${mine.id}"]`).exists()).toBe(true))
    expect(seller.wrapper.find(`[data-testid="sale-${theirs.id}"]`).exists()).toBe(false)
    seller.wrapper.unmount()

    const head = await mountWithApp(SalesView, { staff: b.head })
    await vi.waitFor(() => expect(head.wrapper.find(`[data-testid="sale-${theirs.id}"]`).exists()).toBe(true))
    expect(head.wrapper.get(`[data-testid="sale-${theirs.id}"]`).text()).toContain('匿名客户')
    expect(head.wrapper.find(`[data-testid="sale-${mine.id}"]`).exists()).toBe(true)
  })

  it('a sale another terminal confirmed meanwhile is said so, and leaves the list', async () => {
    const { offers } = await sell(b, [acceptedLine('EB_SMS')])
    const sale = offers[0]!
    const { wrapper } = await mountWithApp(SalesView, { staff: b.zhou })
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="sale-confirm-${sale.id}"]`).exists()).toBe(true))
    // Another terminal confirms it a moment before the tap, before this live list can refresh: its
    // write is queued first, so the tap's finds the sale already settled.
    const button = wrapper.get(`[data-testid="sale-confirm-${sale.id}"]`)
    await Promise.all([confirmSale(sale.id, today, b.head.id), button.trigger('click')])
    await flushPromises()
    await vi.waitFor(() => expect(wrapper.get('[data-testid="sales-failure"]').text()).toBe('这笔销售已经确认或撤销过了，列表已更新。'))
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="sale-${sale.id}"]`).exists()).toBe(false))
  })
})
