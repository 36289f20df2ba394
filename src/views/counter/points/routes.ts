import type { RouteRecordRaw } from 'vue-router'

/** Sales to confirm, one's points, the rankings and the figures, children of /counter. */
export const pointsRoutes: RouteRecordRaw[] = [
  { path: 'sales', name: 'counter-sales', component: () => import('./SalesView.vue') },
  { path: 'points', name: 'counter-points', component: () => import('./PointsView.vue') },
  { path: 'rankings', name: 'counter-rankings', component: () => import('./RankingsView.vue') },
  { path: 'figures', name: 'counter-figures', component: () => import('./FiguresView.vue') },
]
