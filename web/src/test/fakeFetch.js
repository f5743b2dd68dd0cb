// A stub for global fetch in unit tests: answers by "METHOD /path" (query ignored) and
// records every call with its method, headers and body.
import { vi } from 'vitest'

export function json(status, body, headers = {}) {
  const type = status >= 400 ? 'application/problem+json' : 'application/json'
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': type, ...headers },
  })
}

export function fakeFetch(routes) {
  const calls = []
  const fetch = vi.fn(async (url, init = {}) => {
    const method = init.method || 'GET'
    const path = String(url).split('?')[0]
    calls.push({ method, url: String(url), path, headers: { ...(init.headers || {}) }, body: init.body ? JSON.parse(init.body) : undefined, init })
    const answer = routes[`${method} ${path}`]
    if (!answer) return json(404, { title: 'Not Found', status: 404, detail: `${method} ${path}` })
    return typeof answer === 'function' ? answer({ method, url: String(url), body: init.body ? JSON.parse(init.body) : undefined }) : answer.clone()
  })
  return { fetch, calls }
}

export const ADMIN_ME = {
  name: 'admin',
  role: 'province_admin',
  region: '',
  region_name_zh: '',
  region_name_en: '',
  uscc: '',
  permissions: [
    'audit.read', 'blacklist.approve', 'blacklist.manage', 'enterprise.private.read', 'enterprise.read', 'enterprise.write', 'grading.manage', 'inspection.write',
    'plan.assess', 'plan.manage', 'plan.read', 'plan.report', 'risk.read', 'self.read', 'stats.read', 'token.manage', 'user.manage', 'user.read',
  ],
  csrf_token: 'csrf-123',
}

export const CITY_ME = {
  name: 'tangshan',
  role: 'city_admin',
  region: '130200',
  region_name_zh: '唐山市',
  region_name_en: 'Tangshan',
  uscc: '',
  permissions: [
    'blacklist.manage', 'enterprise.private.read', 'enterprise.read', 'enterprise.write', 'inspection.write', 'plan.manage', 'plan.read',
    'plan.report', 'risk.read', 'self.read', 'stats.read', 'token.manage', 'user.manage', 'user.read',
  ],
  csrf_token: 'csrf-city',
}

export const ENTERPRISE_ME = {
  name: 'qiye',
  role: 'enterprise',
  region: '',
  region_name_zh: '',
  region_name_en: '',
  uscc: '91130200MAF4JD0N5T',
  permissions: ['enterprise.private.read', 'enterprise.read', 'self.read', 'stats.read'],
  csrf_token: 'csrf-qiye',
}

export const INSPECTOR_ME = {
  name: 'insp',
  role: 'inspector',
  region: '130100',
  region_name_zh: '石家庄市',
  region_name_en: 'Shijiazhuang',
  uscc: '',
  permissions: ['enterprise.read', 'inspection.write', 'plan.read', 'plan.report', 'self.read', 'stats.read'],
  csrf_token: 'csrf-insp',
}
