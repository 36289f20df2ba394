/** The lobby area's routes: check-in at the door, the queues and service points, the lobby display. */
export { checkInRoutes } from './checkin/routes'
export { queueRoutes, displayRoutes } from './queues/routes'
