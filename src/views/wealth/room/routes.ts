import type { RouteRecordRaw } from 'vue-router'

/**
 * The wealth room's sections, children of /wealth: the rooms and VIP arrivals now (the area's
 * landing page; a drawer in `?act=`), and the bookings' day plan (`?date=YYYY-MM-DD&by=room|manager`).
 */
export const roomRoutes: RouteRecordRaw[] = [
  { path: '', name: 'wealth', component: () => import('./RoomsView.vue') },
  { path: 'bookings', name: 'wealth-bookings', component: () => import('./BookingsView.vue') },
]
