import type { RouteRecordRaw } from 'vue-router'

/** Corrective actions, visits awaiting acknowledgement, and what the visits show (staff, items, trends); children of /inspection. */
export const actionRoutes: RouteRecordRaw[] = [
  { path: 'actions', name: 'inspection-actions', component: () => import('./ActionsView.vue') },
  { path: 'actions/recheck/:inspectionId', name: 'inspection-recheck', component: () => import('./RecheckView.vue'), props: true },
  { path: 'analysis', name: 'inspection-analysis', component: () => import('./AnalysisView.vue') },
]
