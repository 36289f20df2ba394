import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { RouterView } from 'vue-router'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { picture } from '../../../support/inspectionSeed'
import { database } from '@/db/connection'
import PhotoInput from '@/components/inspection/capture/PhotoInput.vue'
import { changeCorrectiveAction } from '@/db/repositories/inspection/actions'
import { seedActionsBranch, stubPictureUrls, type ActionsBranch } from './seed'

let b: ActionsBranch
beforeEach(async () => {
  await freshDatabase()
  stubPictureUrls()
  b = await seedActionsBranch()
})

describe('a re-check', () => {
  it('shows only the items whose actions are not verified, re-rates the visit as the inspector answers, and saves every action it concerns at once', async () => {
    const c4Raised = await b.action('C4')
    await changeCorrectiveAction(c4Raised.id, { to: 'fixed', on: b.visitDate, by: '9001', byInspector: false, via: 'manual', note: '晨会点评', photoIds: [] })
    const { wrapper, router } = await mountWithApp(RouterView, { staff: b.inspector, route: `/inspection/actions/recheck/${b.visit.id}` })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="recheck-item-C4"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="recheck-item-D1"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="recheck-item-C1"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="recheck-item-C4"]').text()).toContain('检查时：扣 2.0 分（满分 3.0 分）；玩手机；闲聊')
    expect(wrapper.get('[data-testid="recheck-item-C4-branch-fix"]').text()).toBe(`网点整改（${b.visitDate}）：晨会点评`)

    await wrapper.get('[data-testid="recheck-save"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="recheck-none-answered"]').exists()).toBe(true))

    // Lost 2 (C4) + 2 (D1) + 1 (C1) of 100: C4 put right brings it to 97.
    expect(wrapper.get('[data-testid="recheck-score"]').text()).toContain('检查时 95.0 分 · 优秀')
    await wrapper.get('[data-testid="recheck-item-C4-pass"]').trigger('click')
    await wrapper.get('[data-testid="recheck-item-D1-fail"]').trigger('click')
    expect(wrapper.get('[data-testid="recheck-score-after"]').text()).toBe('复查后 97.0 分 · 优秀')
    const note = wrapper.get('textarea[data-testid="recheck-item-D1-note"]')
    await note.setValue('仍晚开门 3 分钟')
    wrapper.getComponent('[data-testid="recheck-item-D1"]').findComponent(PhotoInput).vm.$emit('captured', picture('late'))
    await flushPromises()

    await wrapper.get('[data-testid="recheck-save"]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('inspection-actions'))
    const c4 = await b.action('C4')
    const d1 = await b.action('D1')
    expect(c4.status).toBe('verified')
    expect(c4.timeline.at(-1)).toMatchObject({ via: 'recheck', by: '9014' })
    // D1 was open and stays open: the domain records no change, the re-check's audit keeps its note and photo.
    expect(d1.status).toBe('open')
    const audit = (await database().records('auditLog').toArray()).find((e) => e.action === 'correctiveAction.recheck' && e.entityId === b.visit.id)
    expect(audit?.after).toMatchObject({ by: '9014', answers: { D1: { kind: 'deduct', note: '仍晚开门 3 分钟', occurrences: [{ photoIds: [expect.any(String)] }] } } })
  })

  it('is the inspector’s: a branch head is told so', async () => {
    const { wrapper } = await mountWithApp(RouterView, { staff: b.head, route: `/inspection/actions/recheck/${b.visit.id}` })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="recheck-not-inspector"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="recheck-save"]').exists()).toBe(false)
  })
})
