// vue-i18n setup: zh-CN first, English second; the choice is remembered in localStorage.
import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN.js'
import en from './en.js'

export const LOCALES = ['zh-CN', 'en']
export const DEFAULT_LOCALE = 'zh-CN'
const STORAGE_KEY = 'zl.locale'

function storage() {
  try {
    return globalThis.localStorage || null
  } catch {
    return null // storage can be disabled by the browser
  }
}

export function savedLocale() {
  const value = storage()?.getItem(STORAGE_KEY)
  return LOCALES.includes(value) ? value : DEFAULT_LOCALE
}

export function createAppI18n(locale = savedLocale()) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: { 'zh-CN': zhCN, en },
  })
}

// Switches the language of a composer (useI18n() or i18n.global), remembers the choice and
// keeps <html lang> in step for screen readers.
export function setLocale(composer, locale) {
  if (!LOCALES.includes(locale)) return
  composer.locale.value = locale
  storage()?.setItem(STORAGE_KEY, locale)
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}
