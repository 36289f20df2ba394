/**
 * Mounts a component the way the app runs it: a fresh Pinia, the real i18n (Chinese), a memory
 * router holding the real admin routes, the terminal store read from the (fake) database, and a
 * signed-in person. Nothing is stubbed besides what @vue/test-utils stubs by default (transitions).
 * Tests call freshDatabase() first; element-plus drawers and dialogs render into document.body.
 */
import { defineComponent, h, type Component } from 'vue'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView, type Router } from 'vue-router'
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach } from 'vitest'
import { ensureMessages, i18n } from '@/i18n'
import { adminRoutes } from '@/views/admin/routes'
import { inspectionRoutes } from '@/views/inspection/routes'
import { useTerminalStore } from '@/stores/terminal'
import { useSessionStore } from '@/stores/session'
import { createStaff } from '@/db/repositories/staff'
import { setActor } from '@/db/write'
import type { Role } from '@/domain/roles'
import type { Staff } from '@/domain/model/records'

enableAutoUnmount(afterEach)
afterEach(() => {
  document.body.innerHTML = ''
})

/** Where the app would go outside the admin area: marked so tests can see they arrived. */
function placeholder(name: string): Component {
  return defineComponent({ name: `Placeholder-${name}`, render: () => h('div', { 'data-testid': `route-${name}` }) })
}

export interface MountOptions {
  /** Roles of the person signed in for the test (created in the database); ignored when `staff` is given. */
  roles?: Role[]
  /** Sign in this existing person instead. */
  staff?: Staff
  /** Nobody signed in. */
  signedOut?: boolean
  /** The route the memory router starts at. */
  route?: string
  props?: Record<string, unknown>
}

export interface Mounted {
  wrapper: VueWrapper
  router: Router
  pinia: Pinia
}

/** The person a test signs in as unless it brings its own. */
export async function createSignedInPerson(roles: Role[], branchId: string | null): Promise<Staff> {
  return createStaff({ branchId, staffNo: '9900', surname: '测', givenName: '试员', roles, pin: null, failedPinAttempts: 0, lockedUntil: null, active: 1 })
}

export async function mountWithApp(component: Component, options: MountOptions = {}): Promise<Mounted> {
  await ensureMessages()
  const pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'zh-CN'

  const terminal = useTerminalStore()
  await terminal.refresh()
  terminal.status = 'ready'

  if (!options.signedOut) {
    const person = options.staff ?? (await createSignedInPerson(options.roles ?? ['administrator'], terminal.state.branchId))
    useSessionStore().staff = person
    setActor(person.id)
  }

  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      // The areas whose screens read route params and link by route name (admin, inspection).
      { path: '/', component: RouterView, children: [...adminRoutes, ...inspectionRoutes] },
      { path: '/sign-in', name: 'sign-in', component: placeholder('sign-in') },
      { path: '/setup', name: 'setup', component: placeholder('setup') },
    ],
  })
  await router.push(options.route ?? '/admin')
  await router.isReady()

  const wrapper = mount(component, { props: options.props, attachTo: document.body, global: { plugins: [pinia, i18n, router] } })
  await flushPromises()
  return { wrapper, router, pinia }
}
