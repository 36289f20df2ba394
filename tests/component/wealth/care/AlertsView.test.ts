import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { database } from '@/db/connection'
import AlertsView from '@/views/wealth/care/AlertsView.vue'
import { seedCareBranch } from './seed'

const click = (testid: string) => (document.body.querySelector(`[data-testid="${testid}"]`) as HTMLElement).click()

describe('the alerts list', () => {
  beforeEach(async () => {
    await freshDatabase()
  })

  it('raises the no-contact alert on opening, and handles it only with an action', async () => {
    // Diamond, contacted monthly: silent since June is far past 1.5 months.
    const { wang, chen } = await seedCareBranch({ lastContactAt: Date.parse('2026-06-01T04:00:00Z') })
    const { wrapper } = await mountWithApp(AlertsView, { staff: wang })
    await vi.waitFor(async () => expect(await database().records('wealthAlerts').count()).toBe(1))
    const [alert] = await database().records('wealthAlerts').toArray()
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="alert-${alert!.id}"]`).exists()).toBe(true))
    expect(wrapper.get(`[data-testid="alert-${alert!.id}"]`).text()).toContain('长期未联系')
    expect(wrapper.text()).toContain('陈女士')

    await wrapper.get(`[data-testid="alert-handle-${alert!.id}"]`).trigger('click')
    await vi.waitFor(() => expect(document.body.querySelector('[data-testid="alert-ack-submit"]')).not.toBeNull())
    click('alert-ack-submit')
    await vi.waitFor(() => expect(document.body.textContent).toContain('请选择采取的措施'))
    expect((await database().records('wealthAlerts').get(alert!.id))?.status).toBe('open')

    click('alert-action-other')
    await flushPromises()
    click('alert-ack-submit')
    await vi.waitFor(() => expect(document.body.textContent).toContain('选择“其他”时请写明做了什么'))

    click('alert-action-called_client')
    await flushPromises()
    click('alert-ack-submit')
    await vi.waitFor(async () => expect((await database().records('wealthAlerts').get(alert!.id))?.status).toBe('acknowledged'))
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="alert-${alert!.id}"]`).exists()).toBe(false))
    expect(chen.id).toBe(alert!.clientId)

    await wrapper.get('[data-testid="alerts-filter-acknowledged"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="alert-handled"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="alert-handled"]').text()).toContain('已电话联系客户')
  })

  it('a manager sees only their own clients’ alerts', async () => {
    const { head } = await seedCareBranch({ lastContactAt: Date.parse('2026-06-01T04:00:00Z') })
    const other = await database().records('staff').where('staffNo').equals('9001').first()
    expect(other?.id).toBe(head.id)
    const { wrapper } = await mountWithApp(AlertsView, { roles: ['wealth_manager'] })
    await vi.waitFor(async () => expect(await database().records('wealthAlerts').count()).toBe(1))
    await vi.waitFor(() => expect(wrapper.find('[data-testid="alerts-empty"]').exists()).toBe(true))
  })
})
