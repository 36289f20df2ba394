import type { RouteRecordRaw } from 'vue-router'

/** The complaints list (a record opens in a drawer: `?complaint=<id>`, or `new` with `&visit=<id>`); a child of /lobby. */
export const complaintsRoutes: RouteRecordRaw[] = [{ path: 'complaints', name: 'lobby-complaints', component: () => import('./ComplaintsView.vue') }]
