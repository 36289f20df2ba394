import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedCounterBranch, today, type CounterBranch } from '../../../support/counterSeed'
import { click, getByTestId } from '../../admin/dom'
import { panelHarness, type PanelProps } from './panelHarness'
import { database } from '@/db/connection'
import { writeRecords } from '@/db/write'
import { closeReferral, makeReferral } from '@/db/repositories/counter/referrals'
import { addDays } from '@/domain/time'

let b: CounterBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedCounterBranch()
})

async function mountPanel(props: PanelProps) {
  const harness = panelHarness(props)
  const { wrapper } = await mountWithApp(harness.component, { staff: b.zhou })
  await vi.waitFor(() => expect(wrapper.find('[data-testid="offer-anchor-LOAN_MORTGAGE"]').exists()).toBe(true))
  return { wrapper, ...harness }
}
async function tap(wrapper: VueWrapper, testid: string): Promise<void> {
  await wrapper.get(`[data-testid="${testid}"]`).trigger('click')
  await flushPromises()
}
const lineCodes = (wrapper: VueWrapper) => wrapper.findAll('[data-testid^="offer-line-"]').map((l) => l.attributes('data-testid')!.replace('offer-line-', ''))
const saveButton = (wrapper: VueWrapper) => wrapper.get('[data-testid="offer-save"]')

describe('the offer panel', () => {
  it('proposes the anchor’s bundle and the segment’s recommendations with their reasons, leaving out what the client holds', async () => {
    await writeRecords(['holdings'], (w) => w.insert('holdings', { branchId: b.branchId, clientId: b.mortgageClient.id, productCode: 'EB_SMS', amountFen: 0, purchasedOn: '2025-03-01', maturesOn: null, staffId: null }))
    const { wrapper } = await mountPanel({ clientId: b.mortgageClient.id })
    await tap(wrapper, 'offer-anchor-LOAN_MORTGAGE')
    await vi.waitFor(() => expect(lineCodes(wrapper)).toEqual(['FUND_BOND', 'FUND_EQUITY', 'INS_ACCIDENT', 'DEP_NOTICE', 'WM_LIDEYING', 'CARD_CREDIT']))
    expect(wrapper.get('[data-testid="offer-line-FUND_BOND"]').text()).toContain('办理住房贷款的客户')
    expect(wrapper.get('[data-testid="offer-line-DEP_NOTICE"]').text()).toContain('中高端客户推荐')
    expect(saveButton(wrapper).text()).toBe('保存 0 条')
    expect(saveButton(wrapper).attributes('disabled')).toBeDefined()
  })

  it('an R4 fund cannot be accepted for a C2 client: it says why and offers to re-rate, after which it can', async () => {
    const { wrapper } = await mountPanel({ clientId: b.carefulClient.id })
    await tap(wrapper, 'offer-anchor-LOAN_MORTGAGE')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="offer-line-FUND_EQUITY"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="offer-outcome-FUND_EQUITY-accepted"]').attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid="offer-unsuitable-FUND_EQUITY"]').text()).toContain('客户风险评级 C2，低于产品风险等级 R4：不能办理')
    // The R2 bond fund suits a C2 client.
    expect(wrapper.get('[data-testid="offer-outcome-FUND_BOND-accepted"]').attributes('disabled')).toBeUndefined()

    await tap(wrapper, 'offer-rerate-FUND_EQUITY')
    await vi.waitFor(() => expect(document.body.querySelector('[data-testid="offer-rating-C4"]')).not.toBeNull())
    await click('offer-rating-C4')
    await click('offer-rating-save')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="offer-unsuitable-FUND_EQUITY"]').exists()).toBe(false))
    expect(wrapper.get('[data-testid="offer-outcome-FUND_EQUITY-accepted"]').attributes('disabled')).toBeUndefined()
    const rated = await database().records('clients').get(b.carefulClient.id)
    expect([rated?.riskRating, rated?.riskRatedOn]).toEqual(['C4', today])
  })

  it('an expired rating is said with the day it was made', async () => {
    const { wrapper } = await mountPanel({ clientId: b.staleClient.id })
    await tap(wrapper, 'offer-anchor-LOAN_MORTGAGE')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="offer-unsuitable-FUND_BOND"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="offer-unsuitable-FUND_BOND"]').text()).toContain(`风险评级已过期（${b.staleClient.riskRatedOn} 评定）`)
  })

  it('a fund sale cannot be saved until its 双录 recording reference and risk disclosure are there', async () => {
    const { wrapper } = await mountPanel({ clientId: b.mortgageClient.id })
    await tap(wrapper, 'offer-anchor-LOAN_MORTGAGE')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="offer-line-FUND_BOND"]').exists()).toBe(true))
    await tap(wrapper, 'offer-outcome-FUND_BOND-accepted')
    expect(saveButton(wrapper).attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid="offer-save-status"]').text()).toContain('「稳健债券基金」双录未完成：缺录音录像编号、风险揭示确认')

    await wrapper.get('input[data-testid="offer-recording-ref-FUND_BOND"]').setValue('SL-0042')
    await flushPromises()
    expect(wrapper.get('[data-testid="offer-save-status"]').text()).toContain('缺风险揭示确认')
    await tap(wrapper, 'offer-disclosure-FUND_BOND')
    expect(wrapper.get('[data-testid="offer-disclosure-FUND_BOND"]').attributes('aria-checked')).toBe('true')
    expect(saveButton(wrapper).attributes('disabled')).toBeUndefined()
    expect(saveButton(wrapper).text()).toBe('保存 1 条')
  })

  it('saves the marked lines as one conversation, the follow-up due on the rules’ day with me as owner, and clears the form', async () => {
    const { wrapper, form, saved } = await mountPanel({ clientId: b.mortgageClient.id })
    await tap(wrapper, 'offer-anchor-LOAN_MORTGAGE')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="offer-line-EB_SMS"]').exists()).toBe(true))
    await tap(wrapper, 'offer-outcome-EB_SMS-accepted')
    await tap(wrapper, 'offer-outcome-INS_ACCIDENT-interested')
    expect(wrapper.get(`[data-testid="offer-follow-up-INS_ACCIDENT-date"]`).text()).toContain(addDays(today, 3))
    await tap(wrapper, 'offer-outcome-CARD_CREDIT-declined')
    expect(saveButton(wrapper).attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid="offer-save-status"]').text()).toContain('「信用卡」请选婉拒原因')
    await tap(wrapper, 'offer-decline-reason-CARD_CREDIT-cost')
    expect(saveButton(wrapper).text()).toBe('保存 3 条')
    expect(wrapper.get('[data-testid="offer-save-status"]').text()).toContain('另有 4 个产品没选结果，不保存')

    await tap(wrapper, 'offer-save')
    await vi.waitFor(() => expect(saved).toEqual([{ accepted: 1, points: 2 }]))
    const offers = await database().records('offers').toArray()
    expect(offers.map((o) => [o.productCode, o.outcome]).sort()).toEqual([['CARD_CREDIT', 'declined'], ['EB_SMS', 'accepted'], ['INS_ACCIDENT', 'interested']])
    expect(new Set(offers.map((o) => o.groupId)).size).toBe(1)
    expect(offers.every((o) => o.anchorCode === 'LOAN_MORTGAGE' && o.staffId === b.zhou.id && o.clientId === b.mortgageClient.id)).toBe(true)
    const followUp = offers.find((o) => o.outcome === 'interested')
    expect([followUp?.followUpOn, followUp?.followUpStaffId]).toEqual([addDays(today, 3), b.zhou.id])
    expect(offers.find((o) => o.outcome === 'declined')?.declineReason).toBe('cost')
    expect(form().anchorCode).toBeNull()
    expect(form().lines.filter((l) => l.outcome !== null)).toEqual([])
  })

  it('a failed save keeps the whole form and says why', async () => {
    const referral = await makeReferral({ branchId: b.branchId, referrerId: b.chen.id, clientId: b.mortgageClient.id, visitId: null, target: 'low_counter', toStaffId: null, productCode: 'CARD_CREDIT', note: '客户问信用卡', today })
    const { wrapper, form } = await mountPanel({ clientId: b.mortgageClient.id, referralId: referral.id })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="offer-context-referral"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="offer-context-referral"]').text()).toContain('陈静 转介')
    expect(lineCodes(wrapper)[0]).toBe('CARD_CREDIT')
    await tap(wrapper, 'offer-outcome-CARD_CREDIT-accepted')
    // Meanwhile someone else closes the referral.
    await closeReferral(referral.id, 'not_reached', b.head.id)

    await tap(wrapper, 'offer-save')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="offer-save-failure"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="offer-save-failure"]').text()).toContain('这条转介已经被处理，没有保存')
    expect(form().lines.find((l) => l.productCode === 'CARD_CREDIT')?.outcome).toBe('accepted')
    expect(wrapper.get('[data-testid="offer-outcome-CARD_CREDIT-accepted"]').attributes('aria-pressed')).toBe('true')
    expect(await database().records('offers').count()).toBe(0)
  })

  it('an anonymous client gets the anchor’s bundle only, and a risk-rated product says to find the client first', async () => {
    const { wrapper } = await mountPanel({ clientId: null })
    expect(wrapper.get('[data-testid="offer-lines-empty"]').text()).toContain('选客户办理的产品')
    await tap(wrapper, 'offer-anchor-LOAN_MORTGAGE')
    await vi.waitFor(() => expect(lineCodes(wrapper)).toEqual(['EB_SMS', 'FUND_BOND', 'FUND_EQUITY', 'INS_ACCIDENT']))
    expect(wrapper.get('[data-testid="offer-unsuitable-FUND_BOND"]').text()).toContain('匿名客户不能办理有风险等级的产品')
    expect(wrapper.find('[data-testid="offer-rerate-FUND_BOND"]').exists()).toBe(false)
  })

  it('adds any other product on sale by hand, and removes it again', async () => {
    const { wrapper } = await mountPanel({ clientId: b.mortgageClient.id })
    await tap(wrapper, 'offer-add')
    await vi.waitFor(() => expect(document.body.querySelector('[data-testid="offer-add-PAY_POS"]')).not.toBeNull())
    getByTestId('offer-add-PAY_POS').click()
    await vi.waitFor(() => expect(wrapper.find('[data-testid="offer-line-PAY_POS"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="offer-line-PAY_POS"]').text()).toContain('手动添加')
    await tap(wrapper, 'offer-remove-PAY_POS')
    expect(wrapper.find('[data-testid="offer-line-PAY_POS"]').exists()).toBe(false)
  })
})
