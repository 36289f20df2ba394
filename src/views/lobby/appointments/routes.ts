import type { RouteRecordRaw } from 'vue-router'

/** Children of /lobby. */
export const appointmentsRoutes: RouteRecordRaw[] = []
