import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, type Component } from 'vue'
import { useRouter } from 'vue-router'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedCounterBranch, today, type CounterBranch } from '../../../support/counterSeed'
import CounterTodayTile from '@/components/tiles/CounterTodayTile.vue'
import CounterReferralsTile from '@/components/tiles/CounterReferralsTile.vue'
import CounterBandsTile from '@/components/tiles/CounterBandsTile.vue'
import { confirmSale } from '@/db/repositories/counter/offers'
import { addAdjustment } from '@/db/repositories/counter/points'
import { makeReferral } from '@/db/repositories/counter/referrals'
import { pointsRoutes } from '@/views/counter/points/routes'
import type { OfferLine } from '@/domain/counter/offers'
import { acceptedLine, sell } from './sales'

let b: CounterBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedCounterBranch()
})

/** A tile as the dashboard holds it, with the counter routes its links lead to. */
const onDashboard = (tile: Component) =>
  defineComponent({
    setup() {
      const router = useRouter()
      for (const route of pointsRoutes) router.addRoute({ ...route, path: `/counter/${route.path}` } as Parameters<typeof router.addRoute>[0])
      return () => h(tile)
    },
  })

describe('the counter tiles', () => {
  it('counts today’s offers and acceptances with the rate, and leads to the figures', async () => {
    const declined: OfferLine = { ...acceptedLine('PAY_POS'), outcome: 'declined', declineReason: 'cost' }
    await sell(b, [acceptedLine('EB_SMS'), acceptedLine('CARD_CREDIT'), declined])
    const { wrapper } = await mountWithApp(onDashboard(CounterTodayTile), { staff: b.head })
    await vi.waitFor(() => expect(wrapper.get('[data-testid="counter-today-offered"]').text()).toBe('3'))
    expect(wrapper.get('[data-testid="counter-today-accepted"]').text()).toBe('2')
    expect(wrapper.get('[data-testid="counter-today-rate"]').text()).toBe('67%')
    expect(wrapper.get('[data-testid="counter-today-link"]').attributes('href')).toBe('/counter/figures')
  })

  it('says when nothing was offered today', async () => {
    const { wrapper } = await mountWithApp(onDashboard(CounterTodayTile), { staff: b.head })
    await vi.waitFor(() => expect(wrapper.text()).toContain('今天还没有营销记录'))
    expect(wrapper.get('[data-testid="counter-today-rate"]').text()).toBe('—')
  })

  it('counts the referrals waiting and how long the oldest has waited', async () => {
    const referral = (day: string) => makeReferral({ branchId: b.branchId, referrerId: b.chen.id, clientId: null, visitId: null, target: 'low_counter', toStaffId: null, productCode: null, note: '', today: day })
    await referral(today)
    await referral(today)
    const { wrapper } = await mountWithApp(onDashboard(CounterReferralsTile), { staff: b.head })
    await vi.waitFor(() => expect(wrapper.get('[data-testid="counter-referrals-waiting"]').text()).toBe('2'))
    expect(wrapper.get('[data-testid="counter-referrals-oldest"]').text()).toBe('最早一条已等 0 分钟')
  })

  it('lists each home seller’s points and pay band this quarter, most points first', async () => {
    const { offers } = await sell(b, [acceptedLine('PAY_POS')])
    await confirmSale(offers[0]!.id, today, b.zhou.id)
    await addAdjustment({ branchId: b.branchId, staffId: b.zhou.id, points: 4_000, reason: '网点活动', today, byStaffId: b.head.id })
    const { wrapper } = await mountWithApp(onDashboard(CounterBandsTile), { staff: b.head })
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="counter-band-${b.zhou.id}"]`).exists()).toBe(true))
    expect(wrapper.get(`[data-testid="counter-band-${b.zhou.id}"]`).text()).toMatch(/周婷\s*60% 绩效档\s*4,030/)
    // The teller and the wealth manager refer and sell elsewhere: they are not counter sellers.
    expect(wrapper.find(`[data-testid="counter-band-${b.chen.id}"]`).exists()).toBe(false)
    expect(wrapper.get('[data-testid="counter-bands-link"]').attributes('href')).toBe('/counter/rankings')
  })
})
