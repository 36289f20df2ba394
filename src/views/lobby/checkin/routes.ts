import type { RouteRecordRaw } from 'vue-router'

/** The lobby manager's home (the check-in at the door) and the ticket it issues. */
export const checkInRoutes: RouteRecordRaw[] = [
  { path: 'lobby', name: 'lobby', component: () => import('./CheckInView.vue'), meta: { area: 'lobby' } },
  { path: 'lobby/ticket/:visitId', name: 'lobby-ticket', component: () => import('./TicketView.vue'), props: true, meta: { area: 'lobby' } },
]
