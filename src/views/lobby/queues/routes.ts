import type { RouteRecordRaw } from 'vue-router'

/** Inside the signed-in shell. */
export const queueRoutes: RouteRecordRaw[] = []
/** Public, outside the shell: the lobby TV. */
export const displayRoutes: RouteRecordRaw[] = []
