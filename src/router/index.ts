import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { AREAS, homeArea, mayUseArea, type Area } from '@/domain/roles'
import { ensureMessages, i18n } from '@/i18n'
import { useTerminalStore } from '@/stores/terminal'
import { useSessionStore } from '@/stores/session'
import { useNoticeStore } from '@/stores/notice'
import { adminRoutes } from '@/views/admin/routes'
import { displayRoutes, lobbyRoutes } from '@/views/lobby/routes'
import { wealthRoutes } from '@/views/wealth/routes'
import { counterRoutes } from '@/views/counter/routes'
import { inspectionRoutes } from '@/views/inspection/routes'

declare module 'vue-router' {
  interface RouteMeta {
    /** The area a route belongs to; its roles are checked by the guard. */
    area?: Area
    /** Reachable without signing in (first run, sign-in, the lobby display). */
    public?: boolean
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'root', component: () => import('@/views/RootRedirect.vue'), meta: { public: true } },
  { path: '/setup', name: 'setup', component: () => import('@/views/setup/FirstRunView.vue'), meta: { public: true } },
  { path: '/sign-in', name: 'sign-in', component: () => import('@/views/signin/SignInView.vue'), meta: { public: true } },
  ...displayRoutes,
  {
    path: '/',
    component: () => import('@/components/shell/AppShell.vue'),
    children: [
      { path: 'dashboard', name: 'dashboard', component: () => import('@/views/dashboard/DashboardView.vue'), meta: { area: 'dashboard' } },
      { path: 'workbench', name: 'workbench', component: () => import('@/views/workbench/WorkbenchView.vue'), meta: { area: 'workbench' } },
      ...lobbyRoutes,
      ...wealthRoutes,
      ...counterRoutes,
      ...inspectionRoutes,
      ...adminRoutes,
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

/** Areas this build has a screen for; a role's home falls back to the workbench until its area exists. */
export const AVAILABLE_AREAS: readonly Area[] = AREAS.filter((area) => routes.some((r) => r.meta?.area === area || r.children?.some((c) => c.meta?.area === area)))

export const router = createRouter({ history: createWebHistory(), routes })

/** The route name of an area's landing page. */
export function areaRoute(area: Area): string {
  return area === 'admin' ? 'admin-profile' : area
}

router.beforeEach(async (to) => {
  if (to.name !== 'sign-in') await ensureMessages()
  const terminal = useTerminalStore()
  const session = useSessionStore()
  await terminal.boot()
  if (terminal.status !== 'ready') return true // the shell shows the storage problem instead
  if (!terminal.isSetUp) return to.name === 'setup' ? true : { name: 'setup' }
  if (to.name === 'setup') return { name: 'root' }
  if (!session.isSignedIn) await session.resume(terminal.settings.idleLockMinutes * 60_000)
  if (to.meta.public) return true
  if (!session.isSignedIn) return { name: 'sign-in', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  const area = to.meta.area
  if (area && !mayUseArea(session.roles, area)) {
    useNoticeStore().warn(i18n.global.t('guard.notAllowed', { area: i18n.global.t(`area.${area}`) }))
    return { name: areaRoute(homeArea(session.roles, AVAILABLE_AREAS)) }
  }
  return true
})
