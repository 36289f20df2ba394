import type { RouteRecordRaw } from 'vue-router'

/**
 * Score sheets (templates) and the inspection rules (one page, two tabs: ?tab=rules), file
 * exchange between tablets, the region hub of an inspector's tablet, and a submitted visit's
 * printable scorecard; children of /inspection.
 */
export const settingsRoutes: RouteRecordRaw[] = [
  { name: 'inspection-templates', path: 'templates', component: () => import('./TemplatesView.vue') },
  { name: 'inspection-exchange', path: 'exchange', component: () => import('./ExchangeView.vue') },
  { name: 'inspection-hub', path: 'hub', component: () => import('./HubView.vue') },
  { name: 'inspection-scorecard', path: 'visits/:id/scorecard', component: () => import('./ScorecardView.vue'), props: true },
]
