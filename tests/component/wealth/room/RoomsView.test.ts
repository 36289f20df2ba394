import { beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedRoomBranch, today, vipArrives, type RoomBranch } from './roomSeed'
import { database } from '@/db/connection'
import { openDuty } from '@/db/repositories/lobby/duty'
import { lobbyDay } from '@/db/repositories/lobby/visits'
import { deriveVisits } from '@/domain/lobby/visitState'
import RoomsView from '@/views/wealth/room/RoomsView.vue'

let branch: RoomBranch
beforeEach(async () => {
  await freshDatabase()
  branch = await seedRoomBranch()
  await openDuty(branch.branchId, today, branch.room1.id, branch.zheng.id)
})

const body = () => document.body
/** Live queries answer after a few IndexedDB round trips: allow a loaded machine its time. */
const until = (check: () => unknown) => vi.waitFor(check, { timeout: 15_000, interval: 50 })

/** Types into a field of the drawer (teleported to <body>, outside the mounted wrapper). */
async function type(selector: string, text: string): Promise<void> {
  const element = body().querySelector<HTMLInputElement>(selector)
  if (!element) throw new Error(`No ${selector} on the screen`)
  await new DOMWrapper(element).setValue(text)
  await flushPromises()
}

async function click(testid: string): Promise<void> {
  const element = body().querySelector<HTMLElement>(`[data-testid="${testid}"]`)
  if (!element) throw new Error(`No ${testid} on the screen`)
  element.click()
  await flushPromises()
}

describe('the wealth rooms page', { timeout: 30_000 }, () => {
  it('shows a VIP the lobby sent in at once, with tier, maintainer and who should seat them; seating starts the session and the visit', async () => {
    const { wrapper } = await mountWithApp(RoomsView, { staff: branch.zheng })
    await until(() => expect(wrapper.find('[data-testid="wealth-arrivals-none"]').exists()).toBe(true))
    const visit = await vipArrives(branch)
    await until(() => expect(wrapper.find(`[data-testid="arrival-${visit.id}"]`).exists()).toBe(true)) // live query
    const card = wrapper.get(`[data-testid="arrival-${visit.id}"]`)
    expect(card.text()).toContain('欧阳先生')
    expect(card.text()).toContain('钻石贵宾')
    expect(card.text()).toContain('维护经理：郑欣（在岗空闲）')
    expect(card.get('[data-testid="arrival-proposed"]').text()).toContain('请维护经理 郑欣 接待')

    await card.get(`[data-testid="arrival-seat-${visit.id}"]`).trigger('click')
    await until(() => expect(body().querySelector('[data-testid="room-start-form"]')).not.toBeNull())
    expect(body().querySelector(`[data-testid="room-start-manager-${branch.zheng.id}"]`)!.getAttribute('aria-checked')).toBe('true')
    await click(`room-start-room-${branch.room2.id}`)
    await click('room-start-save')
    await until(() => expect(wrapper.find(`[data-testid="arrival-${visit.id}"]`).exists()).toBe(false))
    await until(() => expect(wrapper.get(`[data-testid="room-${branch.room2.id}"]`).attributes('data-state')).toBe('in_session'))
    expect(wrapper.get(`[data-testid="room-${branch.room2.id}"]`).text()).toContain('欧阳**')
    const state = deriveVisits((await lobbyDay(branch.branchId, today)).events).get(visit.id)!
    expect(state).toMatchObject({ status: 'serving', servicePointId: branch.room2.id, staffId: branch.zheng.id })
  })

  it('ends a session only with purpose and outcome, finishes the visit, and keeps a confidential note from other managers', async () => {
    const visit = await vipArrives(branch)
    const { wrapper } = await mountWithApp(RoomsView, { staff: branch.zheng })
    await until(() => expect(wrapper.find(`[data-testid="arrival-seat-${visit.id}"]`).exists()).toBe(true))
    await wrapper.get(`[data-testid="arrival-seat-${visit.id}"]`).trigger('click')
    await until(() => expect(body().querySelector('[data-testid="room-start-save"]')).not.toBeNull())
    await click('room-start-save')
    await until(() => expect(wrapper.find(`[data-testid="room-end-${branch.room1.id}"]`).exists()).toBe(true))

    await wrapper.get(`[data-testid="room-end-${branch.room1.id}"]`).trigger('click')
    await until(() => expect(body().querySelector('[data-testid="room-end-form"]')).not.toBeNull())
    await click('room-end-save')
    expect(body().textContent).toContain('请填写本次沟通的目的。')
    expect(body().textContent).toContain('请选择本次接待的结果。')
    expect((await database().records('roomSessions').toArray())[0]!.endedAt).toBeNull()

    await type('input[data-testid="room-end-purpose"]', '资产配置方案沟通')
    await click('room-end-outcome-interested')
    await type('textarea[data-testid="room-end-note"]', '客户企业资金紧张')
    await click('room-end-confidential')
    await click('room-end-save')
    await until(async () => expect((await database().records('roomSessions').toArray())[0]!.endedAt).not.toBeNull())
    const [session] = await database().records('roomSessions').toArray()
    expect(session).toMatchObject({ purpose: '资产配置方案沟通', outcome: 'interested', note: '客户企业资金紧张', confidential: 1 })
    expect(deriveVisits((await lobbyDay(branch.branchId, today)).events).get(visit.id)!.status).toBe('done')
    await until(() => expect(wrapper.get(`[data-testid="room-session-${session!.id}"]`).text()).toContain('客户企业资金紧张'))

    const other = await mountWithApp(RoomsView, { staff: branch.feng })
    await until(() => expect(other.wrapper.find(`[data-testid="room-session-${session!.id}"]`).exists()).toBe(true))
    expect(other.wrapper.get(`[data-testid="room-session-${session!.id}"]`).text()).not.toContain('客户企业资金紧张')
    expect(other.wrapper.get(`[data-testid="room-session-${session!.id}"]`).text()).toContain('保密备注')
  })

  it('shows a room used without a client in amber words, with the reason, and the branch head sees utilisation', async () => {
    const head = await database().records('staff').get(branch.wang.id)
    const { wrapper } = await mountWithApp(RoomsView, { staff: { ...head!, roles: ['branch_head', 'wealth_manager'] } })
    await until(() => expect(wrapper.find(`[data-testid="room-office-${branch.room1.id}"]`).exists()).toBe(true))
    await wrapper.get(`[data-testid="room-office-${branch.room1.id}"]`).trigger('click')
    await until(() => expect(body().querySelector('[data-testid="room-office-form"]')).not.toBeNull())
    await click('room-office-save')
    expect(body().textContent).toContain('请说明无客户使用理财室的原因。')
    await type('input[data-testid="room-office-reason"]', '整理客户资料')
    await click('room-office-save')
    await until(() => expect(wrapper.get(`[data-testid="room-${branch.room1.id}"]`).attributes('data-state')).toBe('without_client'))
    expect(wrapper.get(`[data-testid="room-state-${branch.room1.id}"]`).text()).toBe('无客户占用')
    expect(wrapper.get(`[data-testid="room-${branch.room1.id}"]`).text()).toContain('整理客户资料')
    expect(wrapper.find('[data-testid="wealth-use"]').exists()).toBe(true)
    expect(wrapper.get(`[data-testid="room-use-${branch.room1.id}"]`).text()).toContain('无客户占用')
  })
})
