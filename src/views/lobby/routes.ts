/**
 * The lobby area's routes: its sections under /lobby (check-in at the door, the queue board,
 * appointments, complaints, the lobby's numbers), each service point's station, and the lobby TV.
 */
import type { RouteRecordRaw } from 'vue-router'
import { checkInRoutes } from './checkin/routes'
import { queueBoardRoutes, stationRoutes, displayRoutes } from './queues/routes'
import { appointmentsRoutes } from './appointments/routes'
import { complaintsRoutes } from './complaints/routes'
import { numbersRoutes } from './numbers/routes'

/** The section tabs, in the order a lobby manager's day uses them; a tab shows when its route exists. */
export const LOBBY_SECTIONS = [
  { name: 'lobby', key: 'checkIn' },
  { name: 'lobby-queues', key: 'queues' },
  { name: 'lobby-appointments', key: 'appointments' },
  { name: 'lobby-complaints', key: 'complaints' },
  { name: 'lobby-numbers', key: 'numbers' },
] as const
export type LobbySectionKey = (typeof LOBBY_SECTIONS)[number]['key']

export const lobbyRoutes: RouteRecordRaw[] = [
  {
    path: 'lobby',
    component: () => import('./LobbyLayout.vue'),
    // Children inherit the area: the guard reads the merged `to.meta.area`.
    meta: { area: 'lobby' },
    children: [...checkInRoutes, ...queueBoardRoutes, ...appointmentsRoutes, ...complaintsRoutes, ...numbersRoutes],
  },
  ...stationRoutes,
]

export { displayRoutes }
