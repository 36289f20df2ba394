import type { RouteRecordRaw } from 'vue-router'

/** Sales to confirm, one's points, the rankings and the figures, children of /counter. */
export const pointsRoutes: RouteRecordRaw[] = []
