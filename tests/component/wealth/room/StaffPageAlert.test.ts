import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedRoomBranch, today, vipArrives, type RoomBranch } from './roomSeed'
import { database } from '@/db/connection'
import { openDuty } from '@/db/repositories/lobby/duty'
import { pageForArrival } from '@/db/repositories/wealth/pages'
import StaffPageAlert from '@/components/wealth/StaffPageAlert.vue'

let branch: RoomBranch
beforeEach(async () => {
  await freshDatabase()
  branch = await seedRoomBranch()
  await openDuty(branch.branchId, today, branch.room1.id, branch.zheng.id)
})
const until = (check: () => unknown) => vi.waitFor(check, { timeout: 15_000, interval: 50 })

describe('the page alert', { timeout: 30_000 }, () => {
  it('shows the signed-in manager a VIP who has just arrived, on any screen, with greeting, tier, where they wait and why', async () => {
    const { wrapper } = await mountWithApp(StaffPageAlert, { staff: branch.zheng })
    expect(wrapper.find('[data-testid="staff-page-alert"]').exists()).toBe(false)
    const visit = await vipArrives(branch)
    const page = await pageForArrival(visit.id, Date.now())
    await until(() => expect(wrapper.find(`[data-testid="staff-page-${page!.id}"]`).exists()).toBe(true)) // live query
    const item = wrapper.get(`[data-testid="staff-page-${page!.id}"]`)
    expect(item.text()).toContain('贵宾到店')
    expect(item.text()).toContain('欧阳先生')
    expect(item.text()).toContain('钻石贵宾')
    expect(item.text()).toContain('您维护的客户到了。')
    expect(item.text()).toContain('在理财室等候 · 号码 V001')
  })

  it('says when the browser keeps the chime off, and “seen” marks the page read', async () => {
    const visit = await vipArrives(branch)
    const page = await pageForArrival(visit.id, Date.now())
    const { wrapper } = await mountWithApp(StaffPageAlert, { staff: branch.zheng })
    await until(() => expect(wrapper.find('[data-testid="staff-page-sound"]').exists()).toBe(true)) // jsdom has no Web Audio
    expect(wrapper.get('[data-testid="staff-page-sound"]').text()).toContain('提示音未开启')
    await wrapper.get(`[data-testid="staff-page-seen-${page!.id}"]`).trigger('click')
    await until(() => expect(wrapper.find('[data-testid="staff-page-alert"]').exists()).toBe(false))
    expect((await database().records('staffPages').get(page!.id))!.read).toBe(1)
  })

  it('shows nothing to someone who was not paged', async () => {
    const visit = await vipArrives(branch)
    await pageForArrival(visit.id, Date.now())
    const { wrapper } = await mountWithApp(StaffPageAlert, { staff: branch.feng })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(wrapper.find('[data-testid="staff-page-alert"]').exists()).toBe(false)
  })

  it('shows only the newest page whole and says how many wait behind it; seeing it brings the next', async () => {
    const first = await pageForArrival((await vipArrives(branch)).id, Date.now() - 60_000)
    const second = await pageForArrival((await vipArrives(branch)).id, Date.now())
    const { wrapper } = await mountWithApp(StaffPageAlert, { staff: branch.zheng })
    await until(() => expect(wrapper.find(`[data-testid="staff-page-${second!.id}"]`).exists()).toBe(true))
    expect(wrapper.find(`[data-testid="staff-page-${first!.id}"]`).exists()).toBe(false)
    expect(wrapper.get('[data-testid="staff-page-more"]').text()).toBe('还有 1 条到店提醒，处理完这一条后显示')
    await wrapper.get(`[data-testid="staff-page-seen-${second!.id}"]`).trigger('click')
    await until(() => expect(wrapper.find(`[data-testid="staff-page-${first!.id}"]`).exists()).toBe(true))
    expect(wrapper.find('[data-testid="staff-page-more"]').exists()).toBe(false)
  })
})
