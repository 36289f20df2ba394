import type { RouteRecordRaw } from 'vue-router'

/** Recording offers (the area's landing page) and one's follow-ups and referrals, children of /counter. */
export const offerRoutes: RouteRecordRaw[] = [
  { path: '', name: 'counter', component: () => import('./OfferView.vue') },
  { path: 'follow-ups', name: 'counter-follow-ups', component: () => import('./FollowUpsView.vue') },
]
