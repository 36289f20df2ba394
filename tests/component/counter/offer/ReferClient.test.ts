import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedCounterBranch, today, type CounterBranch } from '../../../support/counterSeed'
import { click, typeInto } from '../../admin/dom'
import ReferClient from '@/components/counter/referral/ReferClient.vue'
import { database } from '@/db/connection'

let b: CounterBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedCounterBranch()
})

const visitId = crypto.randomUUID()
const button = (testid: string) => document.body.querySelector<HTMLButtonElement>(`[data-testid="${testid}"]`)

describe('转推介', () => {
  it('refers the client to the low counter in two taps, credited to the teller', async () => {
    const { wrapper } = await mountWithApp(ReferClient, { staff: b.chen, props: { clientId: b.mortgageClient.id, visitId } })
    await wrapper.get('[data-testid="refer-client"]').trigger('click')
    await vi.waitFor(() => expect(button('refer-to-low_counter')).not.toBeNull())
    await click('refer-to-low_counter')
    await vi.waitFor(async () => expect(await database().records('referrals').count()).toBe(1))
    const [referral] = await database().records('referrals').toArray()
    expect(referral).toMatchObject({ referrerId: b.chen.id, clientId: b.mortgageClient.id, visitId, target: 'low_counter', toStaffId: null, note: '', status: 'open', businessDate: today })
    await vi.waitFor(() => expect(document.body.textContent).toContain('已转介给低柜'))
    expect(wrapper.emitted('referred')).toHaveLength(1)
  })

  it('behind “more”, names a colleague and adds a note; a target the colleague does not take is not offered', async () => {
    const { wrapper } = await mountWithApp(ReferClient, { staff: b.chen, props: { clientId: b.carefulClient.id } })
    await wrapper.get('[data-testid="refer-client"]').trigger('click')
    await vi.waitFor(() => expect(button('refer-more')).not.toBeNull())
    await click('refer-more')
    await vi.waitFor(() => expect(button(`refer-colleague-${b.wang.staffNo}`)).not.toBeNull())
    await click(`refer-colleague-${b.wang.staffNo}`)
    await typeInto('refer-note', '客户想了解基金定投')
    await vi.waitFor(() => expect(button('refer-to-low_counter')?.disabled).toBe(true))
    await click('refer-to-wealth_manager')
    await vi.waitFor(async () => expect(await database().records('referrals').count()).toBe(1))
    const [referral] = await database().records('referrals').toArray()
    expect(referral).toMatchObject({ target: 'wealth_manager', toStaffId: b.wang.id, note: '客户想了解基金定投', visitId: null })
    await vi.waitFor(() => expect(document.body.textContent).toContain('已转介给 王芳'))
  })
})
