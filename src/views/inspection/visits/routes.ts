import type { RouteRecordRaw } from 'vue-router'

/** The visits: the list to start or resume one (the area's landing page), scoring, signing, acknowledging and amending; children of /inspection. */
export const visitRoutes: RouteRecordRaw[] = [
  { path: '', name: 'inspection', component: () => import('./VisitsHomeView.vue') },
  { path: 'visits/new', name: 'inspection-visit-new', component: () => import('./VisitStartView.vue') },
  { path: 'visits/:id', name: 'inspection-visit', component: () => import('./VisitView.vue') },
  { path: 'visits/:id/submit', name: 'inspection-visit-submit', component: () => import('./VisitSubmitView.vue') },
]
