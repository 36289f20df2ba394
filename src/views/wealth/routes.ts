/**
 * The wealth area's routes under /wealth: the rooms and arrivals now, bookings, the due list, the
 * work diary, the VIP book, anomaly alerts and the balance import. Each section owns its routes.
 */
import type { RouteRecordRaw } from 'vue-router'
import { roomRoutes } from './room/routes'
import { bookRoutes } from './book/routes'
import { careRoutes } from './care/routes'

/** The section tabs, in the order a wealth manager's day uses them; a tab shows when its route exists. */
export const WEALTH_SECTIONS = [
  { name: 'wealth', key: 'room' },
  { name: 'wealth-bookings', key: 'bookings' },
  { name: 'wealth-due', key: 'due' },
  { name: 'wealth-diary', key: 'diary' },
  { name: 'wealth-vips', key: 'vips' },
  { name: 'wealth-alerts', key: 'alerts' },
  { name: 'wealth-import', key: 'import' },
] as const
export type WealthSectionKey = (typeof WEALTH_SECTIONS)[number]['key']

export const wealthRoutes: RouteRecordRaw[] = [
  {
    path: 'wealth',
    component: () => import('./WealthLayout.vue'),
    meta: { area: 'wealth' },
    children: [...roomRoutes, ...careRoutes, ...bookRoutes],
  },
]
