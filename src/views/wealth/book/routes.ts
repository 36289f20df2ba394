import type { RouteRecordRaw } from 'vue-router'

/** The VIP book: every VIP with tier, maintainers and 四包 card; one client's page; balance import. */
export const bookRoutes: RouteRecordRaw[] = [
  { path: 'vips', name: 'wealth-vips', component: () => import('./VipBookView.vue') },
  { path: 'clients/:clientId', name: 'wealth-client', component: () => import('./VipClientView.vue') },
  { path: 'import', name: 'wealth-import', component: () => import('./BalanceImportView.vue') },
]
