import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedCounterBranch, today, type CounterBranch } from '../../../support/counterSeed'
import { click } from '../../admin/dom'
import { mortgageConversation } from './conversation'
import CheckInView from '@/views/lobby/checkin/CheckInView.vue'
import { database } from '@/db/connection'
import { draftLine } from '@/domain/counter/offerForm'

let b: CounterBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedCounterBranch()
})

describe('the counter at the door', () => {
  it('the greeting card shows the client’s open follow-up and pending sale, and refers them to the low counter in two taps', async () => {
    await mortgageConversation(b, today, [{ ...draftLine('INS_ACCIDENT', 'bundle', 1), outcome: 'interested', followUpOn: today, followUpStaffId: b.zhou.id }, { ...draftLine('EB_SMS', 'bundle', 1), outcome: 'accepted' }])
    const { wrapper } = await mountWithApp(CheckInView, { roles: ['lobby_manager'] })
    await wrapper.get('input[data-testid="finder-input"]').setValue('刘建')
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="finder-result-${b.mortgageClient.id}"]`).exists()).toBe(true), { timeout: 3000 })
    await wrapper.get(`[data-testid="finder-result-${b.mortgageClient.id}"]`).trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="client-offers-summary"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="client-offers-summary"]').text()).toContain('「借款人意外伤害保险」')
    expect(wrapper.get('[data-testid="client-offers-summary"]').text()).toContain('「短信通」已成交，待开通')

    await wrapper.get('[data-testid="refer-client"]').trigger('click')
    await vi.waitFor(() => expect(document.body.querySelector('[data-testid="refer-to-low_counter"]')).not.toBeNull())
    await click('refer-to-low_counter')
    await vi.waitFor(async () => expect(await database().records('referrals').count()).toBe(1))
    const [referral] = await database().records('referrals').toArray()
    expect(referral).toMatchObject({ clientId: b.mortgageClient.id, target: 'low_counter', visitId: null })
  })
})
