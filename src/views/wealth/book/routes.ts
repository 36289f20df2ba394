import type { RouteRecordRaw } from 'vue-router'

/** The VIP book: every VIP with tier, maintainers and 四包 card; balance import. */
export const bookRoutes: RouteRecordRaw[] = []
