import type { RouteRecordRaw } from 'vue-router'

/** The lobby manager's home (the check-in at the door) and the ticket it issues; children of /lobby. */
export const checkInRoutes: RouteRecordRaw[] = [
  { path: '', name: 'lobby', component: () => import('./CheckInView.vue') },
  { path: 'ticket/:visitId', name: 'lobby-ticket', component: () => import('./TicketView.vue'), props: true },
]
