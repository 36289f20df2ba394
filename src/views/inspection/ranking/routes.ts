import type { RouteRecordRaw } from 'vue-router'

/** Half-month plans, the quarter's rankings, red flags and penalties, and period vetoes; children of /inspection. */
export const rankingRoutes: RouteRecordRaw[] = [
  { path: 'plans', name: 'inspection-plans', component: () => import('./PlansView.vue') },
  { path: 'rankings', name: 'inspection-rankings', component: () => import('./RankingsView.vue') },
]
