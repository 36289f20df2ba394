// https://router.vuejs.org/ — every area is a lazily loaded route, guarded by role
import type { App } from 'vue'
import { router } from '@/router'

export function install(app: App): void {
  app.use(router)
}
