import type { RouteRecordRaw } from 'vue-router'

/** The lobby manager's queue board; a child of /lobby. */
export const queueBoardRoutes: RouteRecordRaw[] = [{ path: 'queues', name: 'lobby-queues', component: () => import('./QueueBoardView.vue') }]

/** Every service point's own screen, inside the signed-in shell. */
export const stationRoutes: RouteRecordRaw[] = [{ path: 'station', name: 'station', component: () => import('./StationView.vue'), meta: { area: 'station' } }]

/** Public, outside the shell: the lobby TV (no sign-in; it reads this terminal's branch). */
export const displayRoutes: RouteRecordRaw[] = [{ path: '/display', name: 'display', component: () => import('@/views/display/DisplayView.vue'), meta: { public: true } }]
