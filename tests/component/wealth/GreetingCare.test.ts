import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import { seedBookBranch, today, type BookBranch } from '../../unit/db/wealth-book-seed'
import { writeRecords } from '@/db/write'
import { addDays } from '@/domain/time'
import { COUNTER_BOOKING } from '@/domain/lobby/appointments'
import GreetingCare from '@/components/wealth/GreetingCare.vue'

describe('the care lines of the lobby greeting card', () => {
  let branch: BookBranch
  beforeEach(async () => {
    await freshDatabase()
    branch = await seedBookBranch()
  })

  it('names both maintainers and today’s wealth booking with its manager and room', async () => {
    const at = Date.parse(`${today}T06:30:00Z`)
    await writeRecords(['servicePoints', 'appointments'], async (w) => {
      const room = await w.insert('servicePoints', { branchId: branch.branchId, kind: 'wealth_room', number: 1, name: '1号理财室', active: 1 })
      await w.insert('appointments', { ...COUNTER_BOOKING, branchId: branch.branchId, businessDate: today, at, clientId: branch.ouyang.id, name: '', phone: null, purpose: 'investment_consultation', zone: 'wealth_room', note: '', status: 'booked', visitId: null, createdBy: null, staffId: branch.wang.id, servicePointId: room.id })
    })
    const { wrapper } = await mountWithApp(GreetingCare, { staff: branch.head, props: { client: branch.ouyang } })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="greeting-booking"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="greeting-maintainers"]').text()).toBe('主维护 郑欣 · 产品维护 王芳')
    expect(wrapper.get('[data-testid="greeting-booking"]').text()).toBe('今天 14:30 约了王芳，1号理财室')
  })

  it('says when a VIP has no maintainer yet, and when a downgrade is pending', async () => {
    const pending = { ...branch.li, tierPending: { tier: null, since: today, effectiveOn: addDays(today, 90), ruleVersion: 1 } }
    const { wrapper } = await mountWithApp(GreetingCare, { staff: branch.head, props: { client: pending } })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="greeting-care"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="greeting-unassigned"]').text()).toBe('未分户')
    expect(wrapper.get('[data-testid="greeting-pending"]').text()).toBe(`${addDays(today, 90)} 起不再是贵宾`)
    expect(wrapper.find('[data-testid="greeting-booking"]').exists()).toBe(false)
  })
})
