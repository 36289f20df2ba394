import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedCounterBranch, today, type CounterBranch } from '../../../support/counterSeed'
import RankingsView from '@/views/counter/points/RankingsView.vue'
import { writeRecords } from '@/db/write'
import { confirmSale } from '@/db/repositories/counter/offers'
import { closeQuarter, verifyQuarter } from '@/db/repositories/counter/points'
import { acceptedLine, sell } from './sales'
import { previousQuarter, quarterOf, quarterBounds } from '@/domain/quarters'
import { outletStandingsId } from '@/domain/counter/outletStandings'

let b: CounterBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedCounterBranch()
  // Three more low-counter tellers, one at the region's other outlet (as it published this quarter
  // and the last): four ranked, so the fourth place is the bottom five.
  await writeRecords(['staff', 'outletStandings'], async (w) => {
    for (const staffNo of ['9006', '9016']) {
      await w.insert('staff', { branchId: b.branchId, staffNo, surname: staffNo === '9006' ? '吴' : '韩', givenName: '磊', roles: ['low_counter'], pin: null, failedPinAttempts: 0, lockedUntil: null, active: 1 })
    }
    const yang = { staffId: crypto.randomUUID(), staffNo: '9101', name: '杨磊', roles: ['low_counter' as const], finalPoints: 0, provisionalPoints: 0, acceptedProducts: 0, lastSaleAt: null }
    for (const quarter of [quarterOf(today), previousQuarter(quarterOf(today))]) {
      await w.insert('outletStandings', { id: outletStandingsId(b.otherBranchId, quarter), branchId: b.otherBranchId, quarter, closedAt: null, people: [yang] })
    }
  })
})

async function confirmedSale(productCode: string, day = today): Promise<void> {
  const { offers } = await sell(b, [acceptedLine(productCode)], { today: day })
  await confirmSale(offers[0]!.id, day, b.zhou.id)
}

describe('the rankings', () => {
  it('ranks each role across the outlets by final points, the top three rewarded, the signed-in person and home outlet marked; the bottom five stays hidden from a seller', async () => {
    await confirmedSale('PAY_POS')
    const { wrapper } = await mountWithApp(RankingsView, { staff: b.zhou })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="ranking-row-9005"]').exists()).toBe(true))
    expect(wrapper.findAll('[data-testid^="ranking-role-"]').map((c) => c.attributes('data-testid'))).toEqual(['ranking-role-low_counter', 'ranking-role-wealth_manager', 'ranking-role-high_counter'])
    const first = wrapper.get('[data-testid="ranking-row-9005"]')
    expect(first.get('[data-testid="ranking-rank"]').text()).toBe('1')
    expect(first.get('[data-testid="ranking-final"]').text()).toBe('30')
    expect(first.find('[data-testid="ranking-reward"]').exists()).toBe(true)
    expect(first.find('[data-testid="ranking-me"]').exists()).toBe(true)
    expect(first.text()).toContain('城东支行')
    expect(first.text()).toContain('本网点')
    expect(wrapper.get('[data-testid="ranking-row-9101"]').text()).toContain('江北支行')
    expect(wrapper.get('[data-testid="ranking-row-9101"]').text()).not.toContain('本网点')
    // Equal points: the lower staff number first.
    expect(wrapper.findAll('[data-testid^="ranking-row-"]').map((r) => r.attributes('data-testid'))).toEqual(['ranking-row-9005', 'ranking-row-9006', 'ranking-row-9016', 'ranking-row-9101'])
    expect(wrapper.text()).toContain('同分时依次比较')
    expect(wrapper.find('[data-testid="ranking-bottom"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="ranking-exit-rule"]').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('退出机制')
  })

  it('opens on the signed-in person’s own role', async () => {
    const { wrapper } = await mountWithApp(RankingsView, { staff: b.chen })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="ranking-row-9011"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="ranking-role-high_counter"]').attributes('aria-checked')).toBe('true')
    expect(wrapper.get('[data-testid="ranking-row-9011"]').find('[data-testid="ranking-me"]').exists()).toBe(true)
  })

  it('shows the branch head the bottom five and the 退出机制 warning of who was there the quarter before too', async () => {
    await confirmedSale('PAY_POS')
    const { wrapper } = await mountWithApp(RankingsView, { staff: b.head })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="ranking-row-9101"]').exists()).toBe(true))
    const last = wrapper.get('[data-testid="ranking-row-9101"]')
    expect(last.get('[data-testid="ranking-bottom"]').text()).toContain('末五名')
    expect(last.get('[data-testid="ranking-exit"]').text()).toContain('退出机制：连续两季末五名')
    expect(wrapper.get('[data-testid="ranking-row-9005"]').find('[data-testid="ranking-bottom"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="ranking-exit-rule"]').text()).toContain('连续两个季度在末五名')
  })

  it('a closed quarter shows the ranking as it was closed, with who closed it', async () => {
    const last = previousQuarter(quarterOf(today))
    await confirmedSale('CARD_CREDIT', quarterBounds(last).to)
    await verifyQuarter(b.branchId, last, today, b.head.id)
    await closeQuarter(b.branchId, last, today, b.head.id)
    const { wrapper } = await mountWithApp(RankingsView, { staff: b.zhou })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="ranking-row-9005"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="ranking-closed"]').exists()).toBe(false)

    await wrapper.get('[data-testid="quarter-prev"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="ranking-closed"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="ranking-closed"]').text()).toContain('已结账：按结账时的排名')
    expect(wrapper.get('[data-testid="ranking-closed"]').text()).toContain('赵建华')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="ranking-row-9005"]').get('[data-testid="ranking-final"]').text()).toBe('15'))
  })
})
