import type { RouteRecordRaw } from 'vue-router'

/** The admin area's sections, in the order of its tab bar. */
export const ADMIN_SECTIONS = [
  { name: 'admin-profile', path: 'profile', key: 'profile', component: () => import('./BranchProfileView.vue') },
  { name: 'admin-service-points', path: 'service-points', key: 'servicePoints', component: () => import('./ServicePointsView.vue') },
  { name: 'admin-staff', path: 'staff', key: 'staff', component: () => import('./StaffView.vue') },
  { name: 'admin-settings', path: 'settings', key: 'settings', component: () => import('./SettingsView.vue') },
  { name: 'admin-lobby-rules', path: 'lobby-rules', key: 'lobbyRules', component: () => import('./LobbyRulesView.vue') },
  { name: 'admin-wealth-rules', path: 'wealth-rules', key: 'wealthRules', component: () => import('./WealthRulesView.vue') },
  { name: 'admin-catalogue', path: 'catalogue', key: 'catalogue', component: () => import('./CatalogueView.vue') },
  { name: 'admin-bundles', path: 'bundles', key: 'bundles', component: () => import('./BundleRulesView.vue') },
  { name: 'admin-counter-rules', path: 'counter-rules', key: 'counterRules', component: () => import('./CounterRulesView.vue') },
  { name: 'admin-data', path: 'data', key: 'data', component: () => import('./DataView.vue') },
  { name: 'admin-hub', path: 'hub', key: 'hub', component: () => import('./HubView.vue') },
  { name: 'admin-audit', path: 'audit', key: 'audit', component: () => import('./AuditView.vue') },
] as const

export type AdminSectionKey = (typeof ADMIN_SECTIONS)[number]['key']

export const adminRoutes: RouteRecordRaw[] = [
  {
    path: 'admin',
    component: () => import('./AdminLayout.vue'),
    // Children inherit the area: the guard reads the merged `to.meta.area`.
    meta: { area: 'admin' },
    children: [
      { path: '', redirect: { name: 'admin-profile' } },
      ...ADMIN_SECTIONS.map(({ name, path, component }) => ({ name, path, component })),
    ],
  },
]
