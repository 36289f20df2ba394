import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedCounterBranch, today, type CounterBranch } from '../../../support/counterSeed'
import { withOfferRoutes } from './withOfferRoutes'
import { mortgageConversation } from './conversation'
import OfferView from '@/views/counter/offer/OfferView.vue'
import { database } from '@/db/connection'
import { makeReferral } from '@/db/repositories/counter/referrals'
import { draftLine } from '@/domain/counter/offerForm'

let b: CounterBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedCounterBranch()
})

/** The mortgage client said they would think about the accident insurance (due today) and bought SMS alerts. */
async function interestedToday() {
  const offers = await mortgageConversation(b, today, [{ ...draftLine('INS_ACCIDENT', 'bundle', 1), outcome: 'interested', followUpOn: today, followUpStaffId: b.zhou.id }, { ...draftLine('EB_SMS', 'bundle', 1), outcome: 'accepted' }])
  return offers.find((o) => o.outcome === 'interested')!
}

describe('the counter’s landing page', () => {
  it('says what waits for me, finds the client as at the door and shows their card with the pending offers above the panel', async () => {
    await interestedToday()
    await makeReferral({ branchId: b.branchId, referrerId: b.chen.id, clientId: b.carefulClient.id, visitId: null, target: 'low_counter', toStaffId: null, productCode: null, note: '', today })
    const { wrapper } = await mountWithApp(withOfferRoutes(OfferView), { staff: b.zhou })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="offer-waiting-follow-ups"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="offer-waiting-follow-ups"]').text()).toBe('到期跟进 1 位')
    expect(wrapper.get('[data-testid="offer-waiting-referrals"]').text()).toBe('待接转介 1 位')
    expect(wrapper.get('[data-testid="offer-waiting"]').attributes('href')).toBe('/counter/follow-ups')

    await wrapper.get('input[data-testid="offer-client-search"]').setValue('刘建')
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="offer-client-${b.mortgageClient.id}"]`).exists()).toBe(true), { timeout: 3000 })
    await wrapper.get(`[data-testid="offer-client-${b.mortgageClient.id}"]`).trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="client-offers-summary"]').exists()).toBe(true))
    const summary = wrapper.get('[data-testid="client-offers-summary"]').text()
    expect(summary).toMatch(new RegExp(`「借款人意外伤害保险」${today} 周. 跟进 · 周婷`))
    expect(summary).toContain('「短信通」已成交，待开通')
    expect(wrapper.find('[data-testid="offer-panel"]').exists()).toBe(true)
  })

  it('arriving from a follow-up puts its product first and saving its outcome closes the follow-up', async () => {
    const followUp = await interestedToday()
    const { wrapper, router } = await mountWithApp(withOfferRoutes(OfferView, `/counter?client=${b.mortgageClient.id}&followUp=${followUp.id}`), { staff: b.zhou })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="offer-context-follow-up"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="offer-context-follow-up"]').text()).toContain('借款人意外伤害保险')
    expect(wrapper.findAll('[data-testid^="offer-line-"]')[0]?.attributes('data-testid')).toBe('offer-line-INS_ACCIDENT')
    await wrapper.get('[data-testid="offer-outcome-INS_ACCIDENT-declined"]').trigger('click')
    await flushPromises()
    await wrapper.get('[data-testid="offer-decline-reason-INS_ACCIDENT-no_need"]').trigger('click')
    await flushPromises()
    await wrapper.get('[data-testid="offer-save"]').trigger('click')
    await vi.waitFor(async () => expect((await database().records('offers').get(followUp.id))?.followUpClosedAt).not.toBeNull())
    await vi.waitFor(() => expect(wrapper.find('input[data-testid="offer-client-search"]').exists()).toBe(true))
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({}))
  })

  it('keeps the client and the marked outcomes as a draft when the page is left, and brings them back', async () => {
    const first = await mountWithApp(withOfferRoutes(OfferView), { staff: b.zhou })
    await first.wrapper.get('input[data-testid="offer-client-search"]').setValue('刘建')
    await vi.waitFor(() => expect(first.wrapper.find(`[data-testid="offer-client-${b.mortgageClient.id}"]`).exists()).toBe(true), { timeout: 3000 })
    await first.wrapper.get(`[data-testid="offer-client-${b.mortgageClient.id}"]`).trigger('click')
    await vi.waitFor(() => expect(first.wrapper.find('[data-testid="offer-anchor-LOAN_MORTGAGE"]').exists()).toBe(true))
    await first.wrapper.get('[data-testid="offer-anchor-LOAN_MORTGAGE"]').trigger('click')
    await vi.waitFor(() => expect(first.wrapper.find('[data-testid="offer-outcome-EB_SMS-accepted"]').exists()).toBe(true))
    await first.wrapper.get('[data-testid="offer-outcome-EB_SMS-accepted"]').trigger('click')
    await flushPromises()
    first.wrapper.unmount()
    await vi.waitFor(async () => expect(await database().drafts.count()).toBe(1))

    const again = await mountWithApp(withOfferRoutes(OfferView), { staff: b.zhou })
    await vi.waitFor(() => expect(again.wrapper.find('[data-testid="draft-restored"]').exists()).toBe(true))
    await vi.waitFor(() => expect(again.wrapper.find('[data-testid="offer-outcome-EB_SMS-accepted"]').attributes('aria-pressed')).toBe('true'))
    expect(again.wrapper.get('[data-testid="client-greeting"]').text()).toBe('刘先生')
    expect(again.wrapper.get('[data-testid="offer-save"]').text()).toBe('保存 1 条')

    // Another client drops the marked outcomes, after saying so.
    await again.wrapper.get('[data-testid="offer-client-change"]').trigger('click')
    await vi.waitFor(() => expect(document.body.querySelector('[data-testid="offer-change-confirm"]')).not.toBeNull())
    expect(document.body.querySelector('[data-testid="confirm-dialog"]')?.textContent).toContain('不保存就换客户？')
    document.body.querySelector<HTMLButtonElement>('[data-testid="offer-change-confirm"]')?.click()
    await vi.waitFor(() => expect(again.wrapper.find('input[data-testid="offer-client-search"]').exists()).toBe(true))
  })

  it('records an anonymous client’s offers', async () => {
    const { wrapper } = await mountWithApp(withOfferRoutes(OfferView), { staff: b.zhou })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="offer-anonymous"]').exists()).toBe(true))
    await wrapper.get('[data-testid="offer-anonymous"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="offer-anchor-LOAN_BUSINESS"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="offer-anonymous-card"]').text()).toContain('匿名客户')
    await wrapper.get('[data-testid="offer-anchor-LOAN_BUSINESS"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="offer-outcome-PAY_POS-accepted"]').exists()).toBe(true))
    await wrapper.get('[data-testid="offer-outcome-PAY_POS-accepted"]').trigger('click')
    await flushPromises()
    await wrapper.get('[data-testid="offer-save"]').trigger('click')
    await vi.waitFor(async () => expect(await database().records('offers').count()).toBe(1))
    const [offer] = await database().records('offers').toArray()
    expect([offer?.clientId, offer?.productCode, offer?.saleStatus, offer?.anchorCode]).toEqual([null, 'PAY_POS', 'pending', 'LOAN_BUSINESS'])
  })
})
