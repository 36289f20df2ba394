import { beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedRoomBranch, today, type RoomBranch } from './roomSeed'
import { database } from '@/db/connection'
import { addDays } from '@/domain/time'
import BookingsView from '@/views/wealth/room/BookingsView.vue'

let branch: RoomBranch
beforeEach(async () => {
  await freshDatabase()
  branch = await seedRoomBranch()
})
const until = (check: () => unknown) => vi.waitFor(check, { timeout: 15_000, interval: 50 })
const body = () => document.body
async function click(testid: string): Promise<void> {
  const element = body().querySelector<HTMLElement>(`[data-testid="${testid}"]`)
  if (!element) throw new Error(`No ${testid} on the screen`)
  element.click()
  await flushPromises()
}
async function type(selector: string, text: string): Promise<void> {
  await new DOMWrapper(body().querySelector<HTMLInputElement>(selector)!).setValue(text)
  await flushPromises()
}

/** Books tomorrow 14:00 for an hour, for someone not on file, with this manager in this room. */
async function book(name: string, staffId: string, roomId: string): Promise<void> {
  await click('wealth-bookings-new')
  await until(() => expect(body().querySelector('[data-testid="wealth-booking-form"]')).not.toBeNull())
  await click('wealth-booking-not-on-file')
  await type('input[data-testid="wealth-booking-name"]', name)
  await type('input[data-testid="wealth-booking-phone"]', '13800001234')
  await click('wealth-booking-hour-14')
  await click('wealth-booking-minute-0')
  await click(`wealth-booking-manager-${staffId}`)
  await click(`wealth-booking-room-${roomId}`)
  await click('wealth-booking-save')
}

describe('the wealth bookings day plan', { timeout: 30_000 }, () => {
  it('books a manager and a room, shows it in the room’s column, and refuses a clash naming the booking', async () => {
    const tomorrow = addDays(today, 1)
    const { wrapper, router } = await mountWithApp(BookingsView, { roles: ['wealth_manager'], route: `/admin?date=${tomorrow}` })
    await until(() => expect(wrapper.find('[data-testid="day-plan"]').exists()).toBe(true))
    expect(router.currentRoute.value.query.date).toBe(tomorrow)

    await book('李女士', branch.wang.id, branch.room1.id)
    await until(async () => expect(await database().records('appointments').count()).toBe(1))
    const [first] = await database().records('appointments').toArray()
    expect(first).toMatchObject({ zone: 'wealth_room', staffId: branch.wang.id, servicePointId: branch.room1.id, durationMinutes: 60, name: '李女士', status: 'booked' })
    await until(() => expect(wrapper.find(`[data-testid="plan-booking-${first!.id}"]`).exists()).toBe(true))
    expect(wrapper.get(`[data-testid="plan-booking-${first!.id}"]`).text()).toContain('14:00–15:00')

    await book('张先生', branch.feng.id, branch.room1.id)
    await until(() => expect(body().querySelector('[data-testid="wealth-booking-failure"]')).not.toBeNull())
    expect(body().querySelector('[data-testid="wealth-booking-failure"]')!.textContent).toContain('与 14:00–15:00 李女士 在 1号理财室 的预约冲突')
    expect(await database().records('appointments').count()).toBe(1)
  })

  it('says next to each field what a booking still needs', async () => {
    await mountWithApp(BookingsView, { roles: ['wealth_manager'] })
    await click('wealth-bookings-new')
    await until(() => expect(body().querySelector('[data-testid="wealth-booking-form"]')).not.toBeNull())
    await click('wealth-booking-save')
    await until(() => expect(body().textContent).toContain('请选择理财经理。'))
    expect(body().textContent).toContain('请选择客户，或填写非本行客户的姓名。')
    expect(body().textContent).toContain('请选择预约时间。')
    expect(body().textContent).toContain('请选择理财室。')
  })
})
