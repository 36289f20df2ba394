/**
 * The counter area's routes under /counter: recording offers (the area's landing page), follow-ups
 * and referrals, sales waiting for confirmation, one's points, the rankings and the figures. Each
 * section group owns its routes.
 */
import type { RouteRecordRaw } from 'vue-router'
import { offerRoutes } from './offer/routes'
import { pointsRoutes } from './points/routes'

/** The section tabs, in the order a low-counter day uses them; a tab shows when its route exists. */
export const COUNTER_SECTIONS = [
  { name: 'counter', key: 'offer' },
  { name: 'counter-follow-ups', key: 'followUps' },
  { name: 'counter-sales', key: 'sales' },
  { name: 'counter-points', key: 'points' },
  { name: 'counter-rankings', key: 'rankings' },
  { name: 'counter-figures', key: 'figures' },
] as const
export type CounterSectionKey = (typeof COUNTER_SECTIONS)[number]['key']

export const counterRoutes: RouteRecordRaw[] = [
  {
    path: 'counter',
    component: () => import('./CounterLayout.vue'),
    meta: { area: 'counter' },
    children: [...offerRoutes, ...pointsRoutes],
  },
]
