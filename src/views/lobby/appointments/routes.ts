import type { RouteRecordRaw } from 'vue-router'

/** The day's bookings (`?date=YYYY-MM-DD`; booking opens in a drawer: `?appointment=new`); a child of /lobby. */
export const appointmentsRoutes: RouteRecordRaw[] = [{ path: 'appointments', name: 'lobby-appointments', component: () => import('./AppointmentsView.vue') }]
