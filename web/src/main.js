import { createApp, watch } from 'vue'
import App from './App.vue'
import { createAppRouter } from './router.js'
import { createAppI18n, setLocale } from './i18n/index.js'
import element from './plugins/element.js'
import './plugins/element-styles.js'
import './styles.css'

const i18n = createAppI18n()
const router = createAppRouter()

// The tab title follows both the page and the language.
function updateTitle() {
  const { t } = i18n.global
  const key = router.currentRoute.value.meta?.title
  document.title = key && key !== 'nav.home' ? `${t(key)} - ${t('app.name')}` : t('app.name')
}
router.afterEach(updateTitle)
watch(i18n.global.locale, updateTitle)
setLocale(i18n.global, i18n.global.locale.value)

createApp(App).use(i18n).use(router).use(element).mount('#app')
