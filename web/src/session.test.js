import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api, getCsrfToken } from './api.js'
import { createAppRouter, createMemoryHistory } from './router.js'
import { can, login, logout, resetSession, safeRedirect, session } from './session.js'
import { ADMIN_ME, fakeFetch, json } from './test/fakeFetch.js'

const UNAUTHORIZED = json(401, { title: 'Unauthorized', status: 401, detail: 'not logged in' })

async function routerAt(path) {
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  await router.isReady()
  return router
}

beforeEach(() => resetSession())
afterEach(() => vi.unstubAllGlobals())

describe('route guard', () => {
  it('sends a logged-out visitor of the console to /login?redirect=<path>', async () => {
    const { fetch, calls } = fakeFetch({ 'GET /api/v1/auth/me': UNAUTHORIZED })
    vi.stubGlobal('fetch', fetch)
    const router = await routerAt('/console/users?page=2')
    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.redirect).toBe('/console/users?page=2')
    expect(session.user).toBeNull()

    await router.push('/console')
    expect(router.currentRoute.value.query.redirect).toBe('/console')
    expect(calls.filter((c) => c.path === '/api/v1/auth/me')).toHaveLength(1) // asked once
  })

  it('lets a signed-in user in, asking /auth/me only once', async () => {
    const { fetch, calls } = fakeFetch({
      'GET /api/v1/auth/me': json(200, ADMIN_ME),
      'GET /api/v1/stats/overview': json(200, {}),
    })
    vi.stubGlobal('fetch', fetch)
    const router = await routerAt('/console')
    expect(router.currentRoute.value.name).toBe('console')
    expect(session.user.name).toBe('admin')
    expect(getCsrfToken()).toBe('csrf-123')
    expect(can('user.manage')).toBe(true)
    expect(can('no.such.permission')).toBe(false)

    await router.push('/console/audit')
    expect(router.currentRoute.value.name).toBe('console-audit')
    expect(calls.filter((c) => c.path === '/api/v1/auth/me')).toHaveLength(1)
  })

  it('leaves the public portal alone', async () => {
    const { fetch, calls } = fakeFetch({})
    vi.stubGlobal('fetch', fetch)
    const router = await routerAt('/enterprises')
    expect(router.currentRoute.value.name).toBe('enterprises')
    expect(calls.filter((c) => c.path === '/api/v1/auth/me')).toHaveLength(0)
  })

  it('sends a signed-in user away from /login to the redirect target', async () => {
    vi.stubGlobal('fetch', fakeFetch({ 'GET /api/v1/auth/me': json(200, ADMIN_ME) }).fetch)
    const router = await routerAt('/console/tokens')
    await router.push('/login?redirect=/console/audit')
    expect(router.currentRoute.value.fullPath).toBe('/console/audit')
  })

  it('tries /auth/me again when the server could not answer', async () => {
    const me = vi.fn()
      .mockResolvedValueOnce(json(503, { title: 'Service Unavailable', status: 503 }))
      .mockResolvedValueOnce(json(200, ADMIN_ME))
    vi.stubGlobal('fetch', fakeFetch({ 'GET /api/v1/auth/me': me }).fetch)
    const router = await routerAt('/console')
    expect(router.currentRoute.value.name).toBe('login')
    await router.push('/console')
    expect(router.currentRoute.value.name).toBe('console')
  })
})

describe('401 from a console call', () => {
  it('clears the user and goes to /login?redirect=<current page>', async () => {
    const me = vi.fn(() => json(200, ADMIN_ME))
    vi.stubGlobal('fetch', fakeFetch({
      'GET /api/v1/auth/me': me,
      'GET /api/v1/users': UNAUTHORIZED,
    }).fetch)
    const router = await routerAt('/console/users?page=3')
    expect(session.user).not.toBeNull()

    await expect(api.users({ page: 3 })).rejects.toMatchObject({ status: 401 })
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'))
    expect(router.currentRoute.value.query.redirect).toBe('/console/users?page=3')
    expect(session.user).toBeNull()
    expect(getCsrfToken()).toBe('')
    expect(me).toHaveBeenCalledTimes(1) // the guard knows the user is gone without asking
  })
})

describe('login and logout', () => {
  it('logs in, then loads permissions from /auth/me', async () => {
    const { fetch, calls } = fakeFetch({
      'POST /api/v1/auth/login': json(200, { name: 'admin', role: 'province_admin', region: '', uscc: '', csrf_token: 'csrf-123' }),
      'GET /api/v1/auth/me': json(200, ADMIN_ME),
      'POST /api/v1/auth/logout': new Response(null, { status: 204 }),
    })
    vi.stubGlobal('fetch', fetch)
    await login('admin', 'secret-password')
    expect(session.user.permissions).toContain('audit.read')
    expect(getCsrfToken()).toBe('csrf-123')

    await logout()
    expect(calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/v1/auth/logout' })
    expect(calls.at(-1).headers['X-CSRF-Token']).toBe('csrf-123')
    expect(session.user).toBeNull()
    expect(getCsrfToken()).toBe('')
  })

  it('takes the user from the login answer when it already carries the permissions', async () => {
    const { fetch, calls } = fakeFetch({ 'POST /api/v1/auth/login': json(200, ADMIN_ME) })
    vi.stubGlobal('fetch', fetch)
    await login('admin', 'secret-password')
    expect(session.user.permissions).toEqual(ADMIN_ME.permissions)
    expect(getCsrfToken()).toBe('csrf-123')
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/auth/login'])
  })

  it('treats a 401 on logout as already logged out', async () => {
    vi.stubGlobal('fetch', fakeFetch({ 'POST /api/v1/auth/logout': UNAUTHORIZED }).fetch)
    await expect(logout()).resolves.toBeUndefined()
    expect(session.user).toBeNull()
  })
})

describe('safeRedirect', () => {
  it('follows same-site paths only', () => {
    expect(safeRedirect('/console/audit?actor=admin')).toBe('/console/audit?actor=admin')
    expect(safeRedirect(undefined)).toBe('/console')
    expect(safeRedirect('https://evil.example/')).toBe('/console')
    expect(safeRedirect('//evil.example/')).toBe('/console')
    expect(safeRedirect('/\\evil.example')).toBe('/console')
    expect(safeRedirect('/login?redirect=/x')).toBe('/console')
    expect(safeRedirect(['/console/users'])).toBe('/console/users')
  })
})
