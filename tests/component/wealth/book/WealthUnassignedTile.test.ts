import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedBookBranch, type BookBranch } from '../../../unit/db/wealth-book-seed'
import { assignMaintainers } from '@/db/repositories/wealth/assignments'
import WealthUnassignedTile from '@/components/tiles/WealthUnassignedTile.vue'
import { withBookRoutes } from './withBookRoutes'

describe('the unassigned-VIPs tile', () => {
  let branch: BookBranch
  beforeEach(async () => {
    await freshDatabase()
    branch = await seedBookBranch()
  })

  it('counts the VIPs with no maintainer, names them and leads to the list, until every one is assigned', async () => {
    const { wrapper, router } = await mountWithApp(withBookRoutes(WealthUnassignedTile), { staff: branch.head })
    await vi.waitFor(() => expect(wrapper.get('[data-testid="unassigned-count"]').text()).toBe('1'))
    expect(wrapper.text()).toContain('李建国')
    expect(wrapper.text()).toContain('金卡贵宾')
    await wrapper.get('[data-testid="unassigned-tile-link"]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/wealth/vips?filter=unassigned'))

    await assignMaintainers([branch.li.id], { primaryId: branch.wang.id, productId: branch.zheng.id }, '2026-11-25', branch.head.id)
    await vi.waitFor(() => expect(wrapper.get('[data-testid="unassigned-count"]').text()).toBe('0'))
    expect(wrapper.text()).toContain('所有贵宾客户都已分户到人')
  })
})
