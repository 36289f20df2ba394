import type { RouteRecordRaw } from 'vue-router'

/** Corrective actions, visits awaiting acknowledgement, and what the visits show (staff, items, trends); children of /inspection. */
export const actionRoutes: RouteRecordRaw[] = []
