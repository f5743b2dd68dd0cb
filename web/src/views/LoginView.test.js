import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { resetSession, session } from '../session.js'
import { ADMIN_ME, fakeFetch, json } from '../test/fakeFetch.js'
import { mountApp } from '../test/mountApp.js'

let wrapper
beforeEach(() => resetSession())
afterEach(() => {
  wrapper?.unmount()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

async function submit(name, password) {
  await wrapper.get('#zl-login-name').setValue(name)
  await wrapper.get('#zl-login-password').setValue(password)
  await wrapper.get('[data-testid=login-form]').trigger('submit')
  await flushPromises()
  await flushPromises()
}

describe('LoginView', () => {
  it('signs in and goes to the redirect target', async () => {
    const { fetch, calls } = fakeFetch({
      'GET /api/v1/auth/me': vi.fn()
        .mockResolvedValueOnce(json(401, { title: 'Unauthorized', status: 401 }))
        .mockResolvedValue(json(200, ADMIN_ME)),
      'POST /api/v1/auth/login': json(200, { name: 'admin', role: 'province_admin', region: '', uscc: '', csrf_token: 'csrf-123' }),
      'GET /api/v1/audit': json(200, { total: 0, page: 1, per_page: 20, items: [] }),
      'GET /api/v1/regions': json(200, { items: [] }),
    })
    vi.stubGlobal('fetch', fetch)
    let router
    ;({ wrapper, router } = await mountApp('/console/audit'))
    expect(router.currentRoute.value.name).toBe('login')

    await submit(' admin ', 'correct-password')
    expect(calls.find((c) => c.path === '/api/v1/auth/login').body).toEqual({ name: 'admin', password: 'correct-password' })
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/console/audit'))
    expect(session.user.name).toBe('admin')
  })

  it('shows the server\'s detail on a wrong password', async () => {
    vi.stubGlobal('fetch', fakeFetch({
      'POST /api/v1/auth/login': json(401, { title: 'Unauthorized', title_zh: '未登录或登录已失效', status: 401, detail: 'wrong name or password' }),
    }).fetch)
    ;({ wrapper } = await mountApp('/login'))
    await submit('admin', 'nope-nope-nope')
    const alert = wrapper.get('[data-testid=problem]')
    expect(alert.text()).toContain('登录失败')
    expect(alert.text()).toContain('wrong name or password')
    expect(wrapper.get('#zl-login-password').element.value).toBe('')
  })

  it('shows a lock-out with its Retry-After and holds the button until then', async () => {
    vi.stubGlobal('fetch', fakeFetch({
      'POST /api/v1/auth/login': json(429, { title: 'Too Many Requests', status: 429, detail: 'account locked for 60 s' }, { 'Retry-After': '60' }),
    }).fetch)
    ;({ wrapper } = await mountApp('/login', { locale: 'en' }))
    await submit('admin', 'nope-nope-nope')
    expect(wrapper.get('[data-testid=problem]').text()).toContain('account locked for 60 s')
    expect(wrapper.get('[data-testid=problem-retry]').text()).toBe('Try again in 60 seconds.')
    const button = wrapper.get('[data-testid=login-submit]')
    expect(button.attributes('disabled')).toBeDefined()
    expect(button.text()).toContain('60')
  })

  it('puts a 400 field error next to its field', async () => {
    vi.stubGlobal('fetch', fakeFetch({
      'POST /api/v1/auth/login': json(400, { title: 'Invalid Argument', status: 400, detail: 'name has invalid characters', field: 'name' }),
    }).fetch)
    ;({ wrapper } = await mountApp('/login'))
    await submit('a b', 'whatever-password')
    const item = wrapper.get('#zl-login-name').element.closest('.el-form-item')
    // Element Plus shows a form item's error 100 ms after its state changes.
    await vi.waitFor(() => expect(item.textContent).toContain('name has invalid characters'))
    expect(wrapper.find('[data-testid=problem]').exists()).toBe(false)
  })

  it('checks the fields before asking the server', async () => {
    const { fetch, calls } = fakeFetch({})
    vi.stubGlobal('fetch', fetch)
    ;({ wrapper } = await mountApp('/login'))
    await submit('', '')
    expect(calls.filter((c) => c.path === '/api/v1/auth/login')).toHaveLength(0)
    await vi.waitFor(() => expect(wrapper.text()).toContain('请输入用户名'))
    expect(wrapper.text()).toContain('请输入密码')
  })
})
