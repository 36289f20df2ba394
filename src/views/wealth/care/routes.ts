import type { RouteRecordRaw } from 'vue-router'

/** Care between visits: the due list, the work diary, anomaly alerts. */
export const careRoutes: RouteRecordRaw[] = []
