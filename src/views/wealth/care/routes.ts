import type { RouteRecordRaw } from 'vue-router'

/** Care between visits: the due list (with compliance per manager for the branch head), the work diary, anomaly alerts. */
export const careRoutes: RouteRecordRaw[] = [
  { path: 'due', name: 'wealth-due', component: () => import('./DueView.vue') },
  { path: 'diary', name: 'wealth-diary', component: () => import('./DiaryView.vue') },
  { path: 'alerts', name: 'wealth-alerts', component: () => import('./AlertsView.vue') },
]
