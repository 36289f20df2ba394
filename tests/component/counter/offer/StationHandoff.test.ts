import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedCounterBranch, today, type CounterBranch } from '../../../support/counterSeed'
import { click } from '../../admin/dom'
import StationView from '@/views/lobby/queues/StationView.vue'
import { database } from '@/db/connection'
import { writeRecords } from '@/db/write'
import { makeReferral } from '@/db/repositories/counter/referrals'
import { useLobbyStore } from '@/stores/lobby'
import { visitEventBody } from '@/domain/lobby/visitState'
import type { ServicePoint, Staff } from '@/domain/model/records'

let b: CounterBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedCounterBranch()
})

const body = (testid: string) => document.body.querySelector<HTMLElement>(`[data-testid="${testid}"]`)

/** A point of the given kind with `staff` on duty serving the mortgage client (checked in for a loan or cash). */
async function serving(kind: 'low_counter' | 'high_counter', staff: Staff) {
  const point: ServicePoint = await writeRecords(['servicePoints'], (w) => w.insert('servicePoints', { branchId: b.branchId, kind, number: 1, name: kind === 'low_counter' ? '1 号低柜' : '1 号高柜', active: 1 }))
  const { wrapper } = await mountWithApp(StationView, { staff })
  const lobby = useLobbyStore()
  await lobby.signOn(point)
  const issued = await lobby.checkIn({ client: b.mortgageClient, purpose: kind === 'low_counter' ? 'loan' : 'cash', disabled: false, pregnant: false, age: null, amountFen: null }, {})
  await lobby.callNext(point)
  await lobby.step(issued.visit.id, visitEventBody('started', {}), point.id)
  await vi.waitFor(() => expect(wrapper.find('[data-testid="current-client"]').attributes('data-status')).toBe('serving'), { timeout: 5000 })
  return { wrapper, visitId: issued.visit.id }
}

describe('the counter at the station', () => {
  it('finishing a ticket at a low counter opens the offer panel for that client with their open referral', async () => {
    await makeReferral({ branchId: b.branchId, referrerId: b.chen.id, clientId: b.mortgageClient.id, visitId: null, target: 'low_counter', toStaffId: null, productCode: 'CARD_CREDIT', note: '', today })
    const { wrapper } = await serving('low_counter', b.zhou)
    expect(wrapper.find('[data-testid="refer-client"]').exists()).toBe(false)
    await wrapper.get('[data-testid="action-finish"]').trigger('click')
    await vi.waitFor(() => expect(body('finish-submit')).not.toBeNull())
    await click('finish-submit')
    await vi.waitFor(() => expect(body('offer-drawer-client')?.textContent).toBe('刘先生'), { timeout: 5000 })
    await vi.waitFor(() => expect(body('offer-context-referral')?.textContent).toContain('陈静 转介'))
    expect(body('offer-line-CARD_CREDIT')).not.toBeNull()
  })

  it('closing the drawer after marking an outcome asks first, then closes without saving', async () => {
    const { wrapper } = await serving('low_counter', b.zhou)
    await wrapper.get('[data-testid="action-finish"]').trigger('click')
    await vi.waitFor(() => expect(body('finish-submit')).not.toBeNull())
    await click('finish-submit')
    await vi.waitFor(() => expect(body('offer-anchor-LOAN_MORTGAGE')).not.toBeNull(), { timeout: 5000 })
    await click('offer-anchor-LOAN_MORTGAGE')
    await vi.waitFor(() => expect(body('offer-outcome-EB_SMS-declined')).not.toBeNull())
    await click('offer-outcome-EB_SMS-declined')
    body('offer-drawer')?.querySelector<HTMLButtonElement>('.el-drawer__close-btn')?.click()
    await vi.waitFor(() => expect(body('offer-close-confirm')).not.toBeNull())
    expect(body('confirm-dialog')?.textContent).toContain('1 个产品的营销结果')
    await click('offer-close-confirm')
    await vi.waitFor(() => expect(body('offer-drawer-client')).toBeNull(), { timeout: 3000 })
    expect(await database().records('offers').count()).toBe(0)
  })

  it('the high counter refers the client being served in two taps', async () => {
    const { wrapper, visitId } = await serving('high_counter', b.chen)
    await wrapper.get('[data-testid="refer-client"]').trigger('click')
    await vi.waitFor(() => expect(body('refer-to-low_counter')).not.toBeNull())
    await click('refer-to-low_counter')
    await vi.waitFor(async () => expect(await database().records('referrals').count()).toBe(1))
    const [made] = await database().records('referrals').toArray()
    expect(made).toMatchObject({ referrerId: b.chen.id, clientId: b.mortgageClient.id, visitId, target: 'low_counter' })
  })
})
