import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedRoomBranch, today, vipArrives, type RoomBranch } from './roomSeed'
import { startRoomSession } from '@/db/repositories/wealth/rooms'
import WealthRoomsTile from '@/components/tiles/WealthRoomsTile.vue'
import WealthArrivalsTile from '@/components/tiles/WealthArrivalsTile.vue'

let branch: RoomBranch
beforeEach(async () => {
  await freshDatabase()
  branch = await seedRoomBranch()
})
const until = (check: () => unknown) => vi.waitFor(check, { timeout: 15_000, interval: 50 })

describe('the wealth tiles', { timeout: 30_000 }, () => {
  it('rooms: each room’s state now, in words, with the manager in it', async () => {
    await startRoomSession({ branchId: branch.branchId, businessDate: today, servicePointId: branch.room2.id, staffId: branch.feng.id, clientId: null, visitId: null, appointmentId: null, purpose: '整理客户资料' }, Date.now())
    const { wrapper } = await mountWithApp(WealthRoomsTile, { roles: ['branch_head'] })
    await until(() => expect(wrapper.find(`[data-testid="tile-room-${branch.room2.id}"]`).exists()).toBe(true))
    expect(wrapper.get(`[data-testid="tile-room-${branch.room1.id}"]`).text()).toContain('空闲')
    expect(wrapper.get(`[data-testid="tile-room-${branch.room2.id}"]`).text()).toContain('无客户占用 · 冯涛')
    expect(wrapper.get(`[data-testid="tile-room-${branch.room2.id}"]`).text()).toMatch(/使用率 \d+%/)
  })

  it('arrivals: VIPs waiting now and today’s time to seat', async () => {
    const seated = await vipArrives(branch)
    await startRoomSession({ branchId: branch.branchId, businessDate: today, servicePointId: branch.room1.id, staffId: branch.wang.id, clientId: branch.vip.id, visitId: seated.id, appointmentId: null, purpose: '' }, Date.now())
    await vipArrives(branch)
    const { wrapper } = await mountWithApp(WealthArrivalsTile, { roles: ['branch_head'] })
    await until(() => expect(wrapper.get('[data-testid="tile-arrivals-waiting"]').text()).toBe('1'))
    expect(wrapper.get('[data-testid="tile-arrivals-average"]').text()).toBe('0 分')
    expect(wrapper.text()).toContain('今日已入座 1 位')
  })
})
