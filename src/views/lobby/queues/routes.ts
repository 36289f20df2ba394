import type { RouteRecordRaw } from 'vue-router'

/** Inside the signed-in shell: the lobby manager's queue board and every service point's own screen. */
export const queueRoutes: RouteRecordRaw[] = [
  { path: 'lobby/queues', name: 'lobby-queues', component: () => import('./QueueBoardView.vue'), meta: { area: 'lobby' } },
  { path: 'station', name: 'station', component: () => import('./StationView.vue'), meta: { area: 'station' } },
]

/** Public, outside the shell: the lobby TV (no sign-in; it reads this terminal's branch). */
export const displayRoutes: RouteRecordRaw[] = [{ path: '/display', name: 'display', component: () => import('@/views/display/DisplayView.vue'), meta: { public: true } }]
