import { createApp } from 'vue'
import App from './App.vue'
import './styles/main.css'
import './styles/print.css'
import { install as installI18n } from './modules/i18n'
import { ensureMessages } from './i18n'
import { install as installPinia } from './modules/pinia'
import { install as installRouter } from './modules/router'
import { install as installSync } from './modules/sync'

const app = createApp(App)
// Order matters: stores and the router's guards use i18n; the guards use the stores.
installI18n(app)
installPinia(app)
installRouter(app)
installSync(app)
app.mount('#app')
// While someone types their PIN, the areas' messages arrive.
void ensureMessages()
