import type { RouteRecordRaw } from 'vue-router'

export const checkInRoutes: RouteRecordRaw[] = []
