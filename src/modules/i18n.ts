// https://vue-i18n.intlify.dev/ — Chinese first, English switchable; the choice survives reloads
import type { App } from 'vue'
import { i18n, initialLocale, setLocale, storedLocale } from '@/i18n'

export function install(app: App): void {
  app.use(i18n)
  setLocale(initialLocale(window.location.search, storedLocale()))
}
