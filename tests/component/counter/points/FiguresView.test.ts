import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ExcelJS from 'exceljs'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedCounterBranch, today, type CounterBranch } from '../../../support/counterSeed'
import FiguresView from '@/views/counter/points/FiguresView.vue'
import { confirmSale } from '@/db/repositories/counter/offers'
import { makeReferral } from '@/db/repositories/counter/referrals'
import { periodOf } from '@/domain/counter/figures'
import { addDays } from '@/domain/time'
import type { OfferLine } from '@/domain/counter/offers'
import { acceptedLine, sell } from './sales'

let b: CounterBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedCounterBranch()
})

const declined = (productCode: string): OfferLine => ({ ...acceptedLine(productCode), outcome: 'declined', declineReason: 'no_need' })

async function seedFigures(): Promise<void> {
  const referral = await makeReferral({ branchId: b.branchId, referrerId: b.chen.id, clientId: b.mortgageClient.id, visitId: null, target: 'low_counter', toStaffId: null, productCode: null, note: '', today })
  const { offers } = await sell(b, [acceptedLine('EB_SMS'), acceptedLine('CARD_CREDIT'), declined('PAY_POS')], { referralId: referral.id })
  await confirmSale(offers[0]!.id, today, b.zhou.id)
  await sell(b, [declined('CARD_CREDIT')], { clientId: null, anchorCode: null })
}

describe('the counter figures', () => {
  let captured: Blob | null
  let fileName: string
  beforeEach(() => {
    captured = null
    fileName = ''
    URL.createObjectURL = vi.fn((blob: Blob) => {
      captured = blob
      return 'blob:figures'
    })
    URL.revokeObjectURL = vi.fn()
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      fileName = this.download
    })
  })
  afterEach(() => {
    Reflect.deleteProperty(URL, 'createObjectURL')
    Reflect.deleteProperty(URL, 'revokeObjectURL')
  })

  it('shows this quarter’s funnel, bundle depth and rates by person, product, anchor and referrer', async () => {
    await seedFigures()
    const { wrapper } = await mountWithApp(FiguresView, { staff: b.head })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="figures-funnel"]').exists()).toBe(true))
    const period = periodOf('this_quarter', today)
    expect(wrapper.get('[data-testid="figures-range"]').text()).toBe(`${period.from} 至 ${period.to}`)
    expect(wrapper.get('[data-testid="funnel-offered"]').text()).toContain('4')
    expect(wrapper.get('[data-testid="funnel-accepted"]').text()).toContain('2')
    expect(wrapper.get('[data-testid="funnel-fulfilled"]').text()).toContain('占推荐 25%')
    expect(wrapper.get('[data-testid="depth-conversation"]').text()).toBe('2')
    expect(wrapper.get(`[data-testid="figures-person-${b.zhou.id}"]`).text()).toMatch(/周婷\s*4\s*2\s*50%/)
    expect(wrapper.get('[data-testid="figures-product-CARD_CREDIT"]').text()).toMatch(/信用卡\s*2\s*1\s*50%/)
    expect(wrapper.get('[data-testid="figures-anchor-none"]').text()).toMatch(/未选办理产品\s*1\s*0\s*0%/)
    expect(wrapper.get(`[data-testid="figures-referrer-${b.chen.id}"]`).text()).toMatch(/陈静\s*1\s*1\s*100%/)
  })

  it('exports one sheet per figure with the header in the user’s language, named for the period', async () => {
    await seedFigures()
    const { wrapper } = await mountWithApp(FiguresView, { staff: b.zhou })
    await vi.waitFor(() => expect(wrapper.get('[data-testid="figures-export"]').attributes('disabled')).toBeUndefined())
    await wrapper.get('[data-testid="figures-export"]').trigger('click')
    await vi.waitFor(() => expect(captured).not.toBeNull(), { timeout: 5000 })
    const period = periodOf('this_quarter', today)
    expect(fileName).toBe(`低柜营销统计_${period.from}_${period.to}.xlsx`)

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await captured!.arrayBuffer())
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['按人员', '按产品', '按办理产品', '转介转化', '捆绑深度', '营销漏斗'])
    const person = workbook.getWorksheet('按人员')!
    expect(person.getRow(1).values).toEqual([undefined, '人员', '推荐', '接受', '接受率'])
    expect(person.getRow(2).values).toEqual([undefined, '周婷', 4, 2, 0.5])
    const funnel = workbook.getWorksheet('营销漏斗')!
    expect(funnel.getRow(5).values).toEqual([undefined, '已开通', 1, 0.25])
  })

  it('a custom period running backwards is refused in words, and the figures wait for a good one', async () => {
    const { wrapper } = await mountWithApp(FiguresView, { staff: b.zhou })
    await wrapper.get('[data-testid="figures-period-custom"]').trigger('click')
    const vm = wrapper.findComponent({ name: 'ElDatePicker' })
    vm.vm.$emit('update:modelValue', addDays(today, 1))
    await vi.waitFor(() => expect(wrapper.get('[data-testid="figures-problem"]').text()).toBe('开始日期不能晚于结束日期。'))
    expect(wrapper.get('[data-testid="figures-export"]').attributes('disabled')).toBeDefined()
    await wrapper.get('[data-testid="figures-period-last_quarter"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="figures-empty"]').exists()).toBe(true))
  })
})
