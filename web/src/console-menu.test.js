import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { CONSOLE_MENU, allows, visibleMenu } from './console-menu.js'
import { routes } from './router.js'
import { resetSession } from './session.js'
import { ADMIN_ME, CITY_ME, ENTERPRISE_ME, INSPECTOR_ME, fakeFetch, json } from './test/fakeFetch.js'
import { mountApp } from './test/mountApp.js'

const keys = (items) => items.map((i) => i.key)

describe('visibleMenu', () => {
  it('keeps only the entries whose permission the user holds', () => {
    expect(keys(visibleMenu(ADMIN_ME.permissions))).toEqual(['dashboard', 'imports', 'grading', 'inspection', 'blacklist', 'plan', 'users', 'tokens', 'audit'])
    expect(keys(visibleMenu(CITY_ME.permissions, 'city_admin'))).toEqual(['dashboard', 'imports', 'inspection', 'blacklist', 'plan', 'users', 'tokens'])
    expect(keys(visibleMenu(['grading.manage', 'risk.read']))).toEqual(['dashboard', 'grading'])
    expect(keys(visibleMenu(INSPECTOR_ME.permissions))).toEqual(['dashboard', 'inspection', 'plan'])
    expect(keys(visibleMenu(['audit.read', 'self.read']))).toEqual(['dashboard', 'audit'])
    expect(keys(visibleMenu(['audit.read', 'plan.read', 'self.read'], 'auditor'))).toEqual(['dashboard', 'plan', 'audit'])
    expect(keys(visibleMenu(['user.read']))).toEqual(['dashboard', 'users'])
    expect(keys(visibleMenu(['enterprise.read', 'enterprise.write']))).toEqual(['dashboard', 'imports'])
    expect(keys(visibleMenu(undefined))).toEqual(['dashboard'])
  })

  it('shows an enterprise account the blacklist entry (its own case), not an inspector', () => {
    expect(keys(visibleMenu(ENTERPRISE_ME.permissions, 'enterprise'))).toEqual(['dashboard', 'blacklist'])
    expect(keys(visibleMenu(INSPECTOR_ME.permissions, 'inspector'))).toEqual(['dashboard', 'inspection', 'plan'])
    expect(allows({ permission: 'blacklist.manage', roles: ['enterprise'] }, [], 'enterprise')).toBe(true)
    expect(allows({ permission: 'blacklist.manage', roles: ['enterprise'] }, ['enterprise.private.read'], 'inspector')).toBe(false)
    expect(allows({ permission: 'user.read' }, [], 'enterprise')).toBe(false)
    expect(allows({}, [], '')).toBe(true)
  })

  it('asks the same permission as the route it links to', () => {
    const consoleRoutes = routes.find((r) => r.path === '/console').children
    for (const item of CONSOLE_MENU) {
      const route = consoleRoutes.find((r) => `/console${r.path ? `/${r.path}` : ''}` === item.to)
      expect(route, item.to).toBeTruthy()
      expect(route.meta.permission).toBe(item.permission)
      expect(route.meta.roles).toEqual(item.roles)
    }
  })
})

describe('console layout', () => {
  let wrapper
  beforeEach(() => resetSession())
  afterEach(() => {
    wrapper?.unmount()
    vi.unstubAllGlobals()
  })

  function stubApi(me) {
    vi.stubGlobal('fetch', fakeFetch({
      'GET /api/v1/auth/me': json(200, me),
      'GET /api/v1/stats/overview': json(200, { enterprises: 1, supervision_units: 13, by_region: [], by_size: [], by_industry: [] }),
      'GET /api/v1/regions': json(200, { items: [{ code: '130100', name_zh: '石家庄市', name_en: 'Shijiazhuang', parent_code: '130000', kind: 'city' }] }),
      'GET /api/v1/users': json(200, { total: 0, page: 1, per_page: 20, items: [] }),
    }).fetch)
  }

  it('shows an administrator every module and who is signed in', async () => {
    stubApi(ADMIN_ME)
    ;({ wrapper } = await mountApp('/console'))
    await flushPromises()
    for (const key of ['dashboard', 'imports', 'grading', 'inspection', 'blacklist', 'plan', 'users', 'tokens', 'audit']) {
      expect(wrapper.find(`[data-testid=menu-${key}]`).exists(), key).toBe(true)
    }
    expect(wrapper.get('[data-testid=current-user]').text()).toBe('admin')
    expect(wrapper.get('[data-testid=current-role]').text()).toBe('省级管理员')
    expect(wrapper.find('[data-testid=change-password]').exists()).toBe(true)
  })

  it('shows an inspector only the overview, inspections and the action plan, with the role and region', async () => {
    stubApi(INSPECTOR_ME)
    ;({ wrapper } = await mountApp('/console', { locale: 'en' }))
    await flushPromises()
    expect(wrapper.find('[data-testid=menu-dashboard]').exists()).toBe(true)
    expect(wrapper.find('[data-testid=menu-inspection]').exists()).toBe(true)
    expect(wrapper.find('[data-testid=menu-plan]').exists()).toBe(true)
    for (const key of ['imports', 'grading', 'blacklist', 'users', 'tokens', 'audit']) {
      expect(wrapper.find(`[data-testid=menu-${key}]`).exists(), key).toBe(false)
    }
    expect(wrapper.get('[data-testid=current-role]').text()).toBe('Inspector')
    expect(wrapper.get('[data-testid=current-region]').text()).toBe('Shijiazhuang')
  })

  it('shows "no access" instead of a page the role may not see', async () => {
    stubApi(INSPECTOR_ME)
    ;({ wrapper } = await mountApp('/console/users'))
    await flushPromises()
    expect(wrapper.find('[data-testid=no-permission]').exists()).toBe(true)
    expect(wrapper.find('[data-testid=users-view]').exists()).toBe(false)
  })
})
