/** element-plus's own strings (pagination, dialogs, date pickers) follow the UI language. */
import { computed } from 'vue'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import enLocale from 'element-plus/es/locale/lang/en'
import { i18n } from '.'

export const elementLocale = computed(() => (i18n.global.locale.value === 'en' ? enLocale : zhCn))
