import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import { createServicePoint, listServicePoints } from '@/db/repositories/servicePoints'
import { database } from '@/db/connection'
import ServicePointsView from '@/views/admin/ServicePointsView.vue'
import { branchTerminal } from './fixtures'
import { byTestId, click, getByTestId, typeInto } from './dom'


describe('service points', () => {
  let branchId: string
  beforeEach(async () => {
    await freshDatabase()
    branchId = (await branchTerminal()).branchId
  })

  it('says what to do when there are none, and adds the first from the drawer', async () => {
    const { wrapper, router } = await mountWithApp(ServicePointsView, { route: '/admin/service-points' })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="service-points-empty"]').exists()).toBe(true))

    await wrapper.get('[data-testid="service-point-add"]').trigger('click')
    await vi.waitFor(() => expect(byTestId('service-point-form')).not.toBeNull())
    expect(router.currentRoute.value.query.point).toBe('new')
    getByTestId('service-point-kind-wealth_room').querySelector('input')?.click()
    await typeInto('service-point-name', '1 号理财室')
    await click('service-point-save')

    await vi.waitFor(() => expect(wrapper.find('[data-testid="service-point-row-wealth_room-1"]').exists()).toBe(true))
    expect(await listServicePoints(branchId)).toMatchObject([{ kind: 'wealth_room', number: 1, name: '1 号理财室', active: 1 }])
    expect(router.currentRoute.value.query.point).toBeUndefined()
  })

  it('groups points by kind and refuses a number the kind already has, next to the field', async () => {
    await createServicePoint({ branchId, kind: 'low_counter', number: 1, name: '低柜 1', active: 1 })
    const taken = await createServicePoint({ branchId, kind: 'low_counter', number: 2, name: '低柜 2', active: 1 })
    await createServicePoint({ branchId, kind: 'high_counter', number: 1, name: '高柜 1', active: 1 })
    const { wrapper } = await mountWithApp(ServicePointsView, { route: '/admin/service-points' })
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid^="service-point-group-"]')).toHaveLength(2))

    await wrapper.get('[data-testid="service-point-row-low_counter-1"]').trigger('click')
    await vi.waitFor(() => expect(byTestId('service-point-form')).not.toBeNull())
    await typeInto('service-point-number', '2')
    await click('service-point-save')

    await vi.waitFor(() => expect(getByTestId('service-point-form').textContent).toContain('低柜已有 2 号，请换一个号码。'))
    expect((await listServicePoints(branchId)).find((p) => p.id === taken.id)?.name).toBe('低柜 2')
    expect((await listServicePoints(branchId)).filter((p) => p.number === 2 && p.kind === 'low_counter')).toHaveLength(1)
  })

  it('deactivates only after the confirm dialog, keeps the point and audits it', async () => {
    const point = await createServicePoint({ branchId, kind: 'low_counter', number: 3, name: '低柜 3', active: 1 })
    const { wrapper } = await mountWithApp(ServicePointsView, { route: `/admin/service-points?point=${point.id}` })
    await vi.waitFor(() => expect(byTestId('service-point-deactivate')).not.toBeNull())

    await click('service-point-deactivate')
    await vi.waitFor(() => expect(byTestId('service-point-deactivate-confirm')).not.toBeNull())
    expect(document.body.textContent).toContain('将会失去')
    expect((await listServicePoints(branchId))[0]?.active).toBe(1)

    await click('service-point-deactivate-confirm')
    await vi.waitFor(async () => expect((await listServicePoints(branchId))[0]?.active).toBe(0))
    const actions = (await database().records('auditLog').where('[entity+entityId]').equals(['servicePoints', point.id]).toArray()).map((e) => e.action)
    expect(actions).toContain('service_point.deactivate')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="service-point-row-low_counter-3"]').text()).toContain('已停用'))
  })
})
