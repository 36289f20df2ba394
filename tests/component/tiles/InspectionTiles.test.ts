import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, type Component } from 'vue'
import { useRouter } from 'vue-router'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import { picture } from '../../support/inspectionSeed'
import InspectionLatestTile from '@/components/tiles/InspectionLatestTile.vue'
import InspectionStandingTile from '@/components/tiles/InspectionStandingTile.vue'
import InspectionActionsTile from '@/components/tiles/InspectionActionsTile.vue'
import { acknowledgeInspection } from '@/db/repositories/inspection/visits'
import { loadInspectionRules, saveInspectionRules } from '@/db/repositories/inspection/rules'
import { seedActionsBranch, type ActionsBranch } from '../inspection/actions/seed'

/** A tile on the dashboard, with a stand-in for the visit screen its link leads to. */
const onDashboard = (tile: Component) =>
  defineComponent({
    setup() {
      const router = useRouter()
      if (!router.hasRoute('inspection-visit')) router.addRoute({ path: '/inspection/visits/:id', name: 'inspection-visit', component: { render: () => null } })
      return () => h(tile)
    },
  })

let b: ActionsBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedActionsBranch()
})

describe('the branch head’s inspection tiles', () => {
  it('the latest visit: score, grade, when and by whom, whether the outlet has signed, and the way to it', async () => {
    const { wrapper } = await mountWithApp(onDashboard(InspectionLatestTile), { staff: b.head })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="inspection-latest-score"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="inspection-latest-score"]').text()).toBe('95.0 分')
    expect(wrapper.text()).toContain('优秀')
    expect(wrapper.text()).toContain(`${b.visitDate} · 蒋平`)
    expect(wrapper.get('[data-testid="inspection-latest-ack"]').text()).toContain('待网点确认签字')
    expect(wrapper.get('[data-testid="inspection-latest-link"]').attributes('href')).toBe(`/inspection/visits/${b.visit.id}`)

    await acknowledgeInspection(b.visit.id, { image: picture('head'), name: '赵建华', staffId: b.head.id, role: 'branch_head' })
    await vi.waitFor(() => expect(wrapper.get('[data-testid="inspection-latest-ack"]').text()).toContain('网点已确认签字'))
  })

  it('the standing in the group: not ranked below the minimum visits, then the place of N', async () => {
    await saveInspectionRules({ ...(await loadInspectionRules()), minVisitsToRank: 2 })
    const first = await mountWithApp(InspectionStandingTile, { staff: b.head })
    await vi.waitFor(() => expect(first.wrapper.find('[data-testid="inspection-standing-unranked"]').exists()).toBe(true))
    expect(first.wrapper.text()).toContain('暂未排名：已检查 1 次，满 2 次参与排名')
    first.wrapper.unmount()

    await saveInspectionRules({ ...(await loadInspectionRules()), minVisitsToRank: 1 })
    const { wrapper } = await mountWithApp(InspectionStandingTile, { staff: b.head })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="inspection-standing-rank"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="inspection-standing-rank"]').text()).toBe('第 1 名 / 共 1 名')
    expect(wrapper.text()).toContain('骨干网点')
    expect(wrapper.text()).toContain('平均 95.0 分')
  })

  it('open and overdue corrective actions, and the most overdue with its item', async () => {
    const { wrapper } = await mountWithApp(InspectionActionsTile, { staff: b.head })
    await vi.waitFor(() => expect(wrapper.get('[data-testid="inspection-actions-open"]').text()).toBe('2'))
    expect(wrapper.get('[data-testid="inspection-actions-overdue"]').text()).toBe('2')
    expect(wrapper.get('[data-testid="inspection-actions-fixed"]').text()).toBe('0')
    expect(wrapper.get('[data-testid="inspection-actions-worst"]').text()).toContain('（3 天）')
    expect(wrapper.get('[data-testid="inspection-actions-link"]').attributes('href')).toBe('/inspection/actions')
  })
})
