import type { RouteRecordRaw } from 'vue-router'

/** The wealth room's sections: the rooms and arrivals now, and the bookings. */
export const roomRoutes: RouteRecordRaw[] = []
