import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import HomeView from './HomeView.vue'
import { createAppI18n, setLocale } from '../i18n/index.js'
import { createAppRouter, createMemoryHistory } from '../router.js'
import element from '../plugins/element.js'

const overview = {
  enterprises: 20000,
  supervision_units: 13,
  by_region: [
    { code: '130100', name_zh: '石家庄市', name_en: 'Shijiazhuang', count: 2513 },
    { code: '130682', name_zh: '定州市', name_en: 'Dingzhou', count: 410 },
  ],
  by_size: [
    { code: 'large', name_zh: '大型', name_en: 'Large', count: 123 },
    { code: 'small', name_zh: '小型', name_en: 'Small', count: 877 },
  ],
  by_industry: [{ code: 'C31', name_zh: '黑色金属冶炼和压延加工业', name_en: 'Ferrous metal smelting and rolling', count: 456 }],
  generated_at: '2026-11-26T23:59:00Z',
}

function jsonResponse(status, body, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } })
}

async function mountHome() {
  const i18n = createAppI18n('zh-CN')
  const router = createAppRouter(createMemoryHistory())
  router.push('/')
  await router.isReady()
  const wrapper = mount(HomeView, {
    global: {
      plugins: [i18n, router, element],
      // ECharts needs a real canvas; the chart is exercised by the browser e2e test.
      stubs: { RegionChart: { props: ['items'], template: '<div data-testid="region-chart">{{ items.length }}</div>' } },
    },
  })
  return { wrapper, i18n }
}

beforeEach(() => localStorage.clear())
afterEach(() => vi.unstubAllGlobals())

describe('HomeView', () => {
  it('renders the enterprise count fetched from /api/v1/stats/overview', async () => {
    const fetch = vi.fn().mockResolvedValue(jsonResponse(200, overview))
    vi.stubGlobal('fetch', fetch)
    const { wrapper } = await mountHome()
    await flushPromises()

    expect(fetch).toHaveBeenCalledTimes(1)
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/stats/overview')
    expect(wrapper.get('[data-testid=enterprise-count]').text()).toBe('20,000')
    expect(wrapper.get('[data-testid=unit-count]').text()).toBe('13')
    expect(wrapper.get('[data-testid=region-chart]').text()).toBe('2')
    expect(wrapper.get('[data-testid=size-table]').text()).toContain('大型')
    expect(wrapper.find('[data-testid=load-error]').exists()).toBe(false)
  })

  it('follows the language switch', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse(200, overview)))
    const { wrapper, i18n } = await mountHome()
    await flushPromises()
    expect(wrapper.text()).toContain('各市在档企业数量')

    setLocale(i18n.global, 'en')
    await flushPromises()
    expect(wrapper.text()).toContain('Enterprises by city')
    expect(wrapper.get('[data-testid=size-table]').text()).toContain('Large')
    expect(localStorage.getItem('zl.locale')).toBe('en')
    expect(document.documentElement.lang).toBe('en')
  })

  it('shows the problem+json title and detail when the API fails', async () => {
    const problem = { type: 'about:blank', title: '服务暂不可用', status: 503, detail: 'database is locked' }
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse(503, problem, 'application/problem+json')))
    const { wrapper } = await mountHome()
    await flushPromises()

    const alert = wrapper.get('[data-testid=load-error]')
    expect(alert.text()).toContain('服务暂不可用')
    expect(alert.text()).toContain('database is locked')
    expect(wrapper.find('[data-testid=enterprise-count]').exists()).toBe(false)
  })

  it('retries after a failure', async () => {
    const fetch = vi.fn()
      .mockResolvedValueOnce(jsonResponse(500, { title: 'boom', status: 500 }, 'application/problem+json'))
      .mockResolvedValueOnce(jsonResponse(200, overview))
    vi.stubGlobal('fetch', fetch)
    const { wrapper } = await mountHome()
    await flushPromises()
    await wrapper.get('[data-testid=load-error] button').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid=enterprise-count]').text()).toBe('20,000')
  })
})
