/**
 * The inspection area's routes under /inspection: the visits (the area's landing page: start,
 * resume, score, sign, acknowledge, amend), the corrective actions, the half-month plans, the
 * quarter's rankings and red flags, what the visits show (staff, items, trends), and the score
 * sheets, rules and file exchange. Each section group owns its routes.
 */
import type { RouteRecordRaw } from 'vue-router'
import { visitRoutes } from './visits/routes'
import { actionRoutes } from './actions/routes'
import { rankingRoutes } from './ranking/routes'
import { settingsRoutes } from './settings/routes'

/**
 * The section tabs, in the order an inspector's half month uses them; a tab shows when its route
 * exists. The hub tab only on an inspector's tablet: a branch terminal's hub is the administration's.
 */
export const INSPECTION_SECTIONS = [
  { name: 'inspection', key: 'visits' },
  { name: 'inspection-actions', key: 'actions' },
  { name: 'inspection-plans', key: 'plans' },
  { name: 'inspection-rankings', key: 'rankings' },
  { name: 'inspection-analysis', key: 'analysis' },
  { name: 'inspection-exchange', key: 'exchange' },
  { name: 'inspection-templates', key: 'templates' },
  { name: 'inspection-hub', key: 'hub', inspectorTabletOnly: true },
] as const
export type InspectionSectionKey = (typeof INSPECTION_SECTIONS)[number]['key']

export const inspectionRoutes: RouteRecordRaw[] = [
  {
    path: 'inspection',
    component: () => import('./InspectionLayout.vue'),
    meta: { area: 'inspection' },
    children: [...visitRoutes, ...actionRoutes, ...rankingRoutes, ...settingsRoutes],
  },
]
