import type { RouteRecordRaw } from 'vue-router'

/** Score sheets (templates), the inspection rules, file exchange and the printable scorecard; children of /inspection. */
export const settingsRoutes: RouteRecordRaw[] = []
