/**
 * Messages, one file per area and language (locales/<lang>/<area>.ts); the English files must
 * match the Chinese ones key for key (checked by the type system). The language, element-plus's
 * locale and dayjs's locale are switched together in setLocale().
 */
import { createI18n } from 'vue-i18n'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import zhFirstScreen from './locales/zh-CN/firstScreen'
import enFirstScreen from './locales/en/firstScreen'
import type zhCN from './locales/zh-CN'
import { LOCALES, type Locale } from '@/domain/settings'

export type MessageSchema = typeof zhCN

/**
 * The sign-in screen's messages ship with the first screen; every area's come in one chunk after
 * it (ensureMessages), so the first download stays small however many areas the app grows.
 */
export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhFirstScreen as MessageSchema, en: enFirstScreen as MessageSchema },
  missingWarn: false,
  fallbackWarn: false,
})

let areasLoaded: Promise<void> | null = null

/** Loads every area's messages in both languages (once); routes other than sign-in wait for it. */
export function ensureMessages(): Promise<void> {
  areasLoaded ??= Promise.all([import('./locales/zh-CN/areas'), import('./locales/en/areas')]).then(([zh, english]) => {
    i18n.global.mergeLocaleMessage('zh-CN', zh.default)
    i18n.global.mergeLocaleMessage('en', english.default)
  })
  return areasLoaded
}

const STORAGE_KEY = 'lobbydesk.locale'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** The language to start in: `?lang=en` first, then this terminal's last choice, then Chinese. */
export function initialLocale(search: string, stored: string | null): Locale {
  const fromUrl = new URLSearchParams(search).get('lang')
  if (isLocale(fromUrl)) return fromUrl
  if (isLocale(stored)) return stored
  return 'zh-CN'
}

export function currentLocale(): Locale {
  return i18n.global.locale.value
}

/** Switches every piece of the UI to `locale` and keeps the choice on this terminal. */
export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en')
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Storage may be unavailable (private mode): the choice then lasts for this page only.
  }
}

export function storedLocale(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}
