// Mounts the whole app (router, i18n, Element Plus) at a path, for view-level tests. The
// ECharts charts are stubbed: they need a real canvas and are covered by the browser e2e tests.
import { mount } from '@vue/test-utils'
import { createAppI18n } from '../i18n/index.js'
import { createAppRouter, createMemoryHistory } from '../router.js'
import element from '../plugins/element.js'

export async function mountApp(path, { locale = 'zh-CN' } = {}) {
  const i18n = createAppI18n(locale)
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  await router.isReady()
  const wrapper = mount({ template: '<router-view />' }, {
    attachTo: document.body,
    global: {
      plugins: [i18n, router, element],
      stubs: {
        RegionChart: { props: ['items'], template: '<div data-testid="region-chart" />' },
        SupervisionChart: { props: ['rows'], template: '<div data-testid="supervision-chart" />' },
        AssessmentChart: { props: ['cities', 'nameOf', 'openable'], template: '<div data-testid="assessment-chart" />' },
      },
    },
  })
  return { wrapper, router, i18n }
}
