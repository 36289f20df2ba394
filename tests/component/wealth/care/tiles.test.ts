import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, type Component } from 'vue'
import { useRouter } from 'vue-router'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import WealthDueTile from '@/components/tiles/WealthDueTile.vue'
import WealthAlertsTile from '@/components/tiles/WealthAlertsTile.vue'
import { careRoutes } from '@/views/wealth/care/routes'
import { seedCareBranch } from './seed'

/** A tile as the dashboard holds it, with the care routes its links lead to. */
const onDashboard = (tile: Component) =>
  defineComponent({
    setup() {
      const router = useRouter()
      for (const route of careRoutes) router.addRoute({ ...route, path: `/wealth/${route.path}` } as Parameters<typeof router.addRoute>[0])
      return () => h(tile)
    },
  })

describe('the wealth care tiles', () => {
  beforeEach(async () => {
    await freshDatabase()
  })

  it('shows contacts overdue per manager', async () => {
    // Never contacted since 2015: the regular contact is long overdue.
    const { head, wang } = await seedCareBranch({ lastContactAt: null })
    const { wrapper } = await mountWithApp(onDashboard(WealthDueTile), { staff: head })
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="tile-due-${wang.id}"]`).exists()).toBe(true))
    expect(wrapper.get(`[data-testid="tile-due-${wang.id}"]`).text()).toBe('王芳')
    expect(wrapper.text()).toContain('逾期 1')
    expect(wrapper.get(`[data-testid="tile-due-${wang.id}"]`).attributes('href')).toBe(`/wealth/due?manager=${wang.id}`)
  })

  it('counts the open alerts by kind after the no-contact sweep', async () => {
    const { head } = await seedCareBranch({ lastContactAt: Date.parse('2026-06-01T04:00:00Z') })
    const { wrapper } = await mountWithApp(onDashboard(WealthAlertsTile), { staff: head })
    await vi.waitFor(() => expect(wrapper.get('[data-testid="alerts-open"]').text()).toBe('1'))
    expect(wrapper.text()).toContain('长期未联系')
    expect(wrapper.get('[data-testid="alerts-tile-link"]').attributes('href')).toBe('/wealth/alerts')
  })
})
