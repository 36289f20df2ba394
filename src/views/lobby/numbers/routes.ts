import type { RouteRecordRaw } from 'vue-router'

/** The lobby's numbers (today or any chosen day); a child of /lobby. Its charts load with this route only. */
export const numbersRoutes: RouteRecordRaw[] = [{ path: 'numbers', name: 'lobby-numbers', component: () => import('./NumbersView.vue') }]
