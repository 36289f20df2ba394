import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedCounterBranch, today, type CounterBranch } from '../../../support/counterSeed'
import { click } from '../../admin/dom'
import { withOfferRoutes } from './withOfferRoutes'
import { mortgageConversation } from './conversation'
import FollowUpsView from '@/views/counter/offer/FollowUpsView.vue'
import { database } from '@/db/connection'
import { makeReferral } from '@/db/repositories/counter/referrals'
import { draftLine } from '@/domain/counter/offerForm'
import { addDays } from '@/domain/time'
import { i18n } from '@/i18n'

let b: CounterBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedCounterBranch()
})

/** An interested offer made five days ago, due two days ago: overdue by two days. */
async function overdueFollowUp() {
  const [offer] = await mortgageConversation(b, addDays(today, -5), [{ ...draftLine('INS_ACCIDENT', 'bundle', 1), outcome: 'interested', followUpOn: addDays(today, -2), followUpStaffId: b.zhou.id }])
  return offer!
}
const referTo = (productCode: string | null) => makeReferral({ branchId: b.branchId, referrerId: b.chen.id, clientId: b.carefulClient.id, visitId: null, target: 'low_counter', toStaffId: null, productCode, note: '想办信用卡', today })

describe('follow-ups and referrals', () => {
  it('lists my overdue follow-up with client, product and lateness; tapping it opens the offer page on that follow-up', async () => {
    const offer = await overdueFollowUp()
    const { wrapper, router } = await mountWithApp(withOfferRoutes(FollowUpsView), { staff: b.zhou })
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="follow-up-${offer.id}"]`).exists()).toBe(true))
    const row = wrapper.get(`[data-testid="follow-up-${offer.id}"]`)
    expect(row.text()).toContain('刘先生')
    expect(row.text()).toContain('借款人意外伤害保险')
    expect(row.text()).toContain(`${addDays(today, -5)}`)
    expect(row.get(`[data-testid="follow-up-due-${offer.id}"]`).text()).toBe('⚠ 逾期 2 天')
    i18n.global.locale.value = 'en'
    try {
      await flushPromises()
      expect(row.get(`[data-testid="follow-up-due-${offer.id}"]`).text()).toBe('⚠ 2 days overdue')
      expect(row.text()).toContain('Mr Liu')
    } finally {
      i18n.global.locale.value = 'zh-CN'
    }
    await row.trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('counter'))
    expect(router.currentRoute.value.query).toEqual({ client: b.mortgageClient.id, followUp: offer.id })
  })

  it('shows a referral waiting for the low counter with who referred it, its age and note; taking it opens the offer page with the referral', async () => {
    const referral = await referTo('CARD_CREDIT')
    const { wrapper, router } = await mountWithApp(withOfferRoutes(FollowUpsView), { staff: b.zhou })
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="referral-${referral.id}"]`).exists()).toBe(true))
    const row = wrapper.get(`[data-testid="referral-${referral.id}"]`)
    expect(row.text()).toContain('孙先生')
    expect(row.text()).toContain('陈静 转介')
    expect(row.text()).toContain('建议：信用卡')
    expect(row.text()).toContain('想办信用卡')
    expect(row.get(`[data-testid="referral-age-${referral.id}"]`).text()).toBe('刚转来')
    await row.get(`[data-testid="referral-take-${referral.id}"]`).trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('counter'))
    expect(router.currentRoute.value.query).toEqual({ client: b.carefulClient.id, referral: referral.id })
  })

  it('closes a referral as not reached after the confirmation, and it leaves the list', async () => {
    const referral = await referTo(null)
    const { wrapper } = await mountWithApp(withOfferRoutes(FollowUpsView), { staff: b.zhou })
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="referral-not-reached-${referral.id}"]`).exists()).toBe(true))
    await wrapper.get(`[data-testid="referral-not-reached-${referral.id}"]`).trigger('click')
    await vi.waitFor(() => expect(document.body.querySelector('[data-testid="referral-close-confirm"]')).not.toBeNull())
    expect(document.body.querySelector('[data-testid="confirm-dialog"]')?.textContent).toContain('孙先生 的转介（陈静 转介）')
    await click('referral-close-confirm')
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="referral-${referral.id}"]`).exists()).toBe(false), { timeout: 3000 })
    const closed = await database().records('referrals').get(referral.id)
    expect([closed?.status, closed?.outcome, closed?.closedBy]).toEqual(['closed', 'not_reached', b.zhou.id])
  })

  it('a wealth manager’s referral is not in the low counter’s list, and empty lists say what brings work here', async () => {
    await makeReferral({ branchId: b.branchId, referrerId: b.chen.id, clientId: b.carefulClient.id, visitId: null, target: 'wealth_manager', toStaffId: null, productCode: null, note: '', today })
    const { wrapper } = await mountWithApp(withOfferRoutes(FollowUpsView), { staff: b.zhou })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="referrals-empty"]').exists()).toBe(true))
    await flushPromises()
    expect(wrapper.get('[data-testid="follow-ups-empty"]').text()).toContain('考虑中')
    expect(wrapper.get('[data-testid="referrals-empty"]').text()).toContain('高柜或大堂转介客户给低柜')
  })
})
