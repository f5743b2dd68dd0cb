import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { resetSession } from '../../session.js'
import { ADMIN_ME, fakeFetch, json } from '../../test/fakeFetch.js'
import { mountApp } from '../../test/mountApp.js'

const REGIONS = {
  items: [
    { code: '130000', name_zh: '河北省', name_en: 'Hebei', parent_code: null, kind: 'province' },
    { code: '130100', name_zh: '石家庄市', name_en: 'Shijiazhuang', parent_code: '130000', kind: 'city' },
    { code: '130682', name_zh: '定州市', name_en: 'Dingzhou', parent_code: '130000', kind: 'direct_county' },
  ],
}
const INSPECTOR = {
  name: 'insp1', role: 'inspector', region: '130100', uscc: '', disabled: false,
  created_at: '2026-11-20T08:00:00Z', last_login_at: '',
}
const body = () => document.body
const $ = (sel) => document.body.querySelector(sel)
const $$ = (sel) => [...document.body.querySelectorAll(sel)]
const click = async (el) => {
  el.click()
  await flushPromises()
}

let wrapper
beforeEach(() => resetSession())
afterEach(() => {
  wrapper?.unmount()
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

async function open(path, routes) {
  const stub = fakeFetch({ 'GET /api/v1/auth/me': json(200, ADMIN_ME), 'GET /api/v1/regions': json(200, REGIONS), ...routes })
  vi.stubGlobal('fetch', stub.fetch)
  ;({ wrapper } = await mountApp(path))
  await flushPromises()
  return stub
}

describe('users page', () => {
  const list = json(200, { total: 2, page: 1, per_page: 20, items: [{ ...INSPECTOR, name: 'admin', role: 'province_admin', region: '', last_login_at: '2026-11-26T09:00:00Z' }, INSPECTOR] })

  it('lists users with translated roles and region names', async () => {
    const { calls } = await open('/console/users', { 'GET /api/v1/users': list })
    expect(calls.find((c) => c.path === '/api/v1/users').url).toBe('/api/v1/users?page=1&per_page=20')
    const text = $('[data-testid=users-table]').textContent
    expect(text).toContain('insp1')
    expect(text).toContain('检查员')
    expect(text).toContain('石家庄市')
    expect(text).toContain('从未')
    expect($('[data-testid=users-total]').textContent).toContain('2')
  })

  it('sends only the changed fields when editing', async () => {
    const { calls } = await open('/console/users', {
      'GET /api/v1/users': list,
      'PATCH /api/v1/users/insp1': json(200, { ...INSPECTOR, disabled: true }),
    })
    await click($$('[data-testid=user-edit]')[1])
    await click($('[data-testid=user-disabled]'))
    const pw = $('#zl-user-password')
    pw.value = 'a-new-password-1'
    pw.dispatchEvent(new Event('input'))
    await flushPromises()
    await click($('[data-testid=user-save]'))
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true))
    const patch = calls.find((c) => c.method === 'PATCH')
    expect(patch.body).toEqual({ disabled: true, password: 'a-new-password-1' })
    expect(patch.headers['X-CSRF-Token']).toBe('csrf-123')
  })

  it('leaves an enterprise account\'s region to the server', async () => {
    const ENTERPRISE = { ...INSPECTOR, name: 'qiye', role: 'enterprise', region: '130100', uscc: '91130100923744876X' }
    const { calls } = await open('/console/users', {
      'GET /api/v1/users': json(200, { total: 1, page: 1, per_page: 20, items: [ENTERPRISE] }),
      'PATCH /api/v1/users/qiye': json(200, { ...ENTERPRISE, disabled: true }),
    })
    await click($('[data-testid=user-edit]'))
    expect($('#zl-user-region')).toBeNull() // not asked for an enterprise account
    await click($('[data-testid=user-disabled]'))
    await click($('[data-testid=user-save]'))
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true))
    expect(calls.find((c) => c.method === 'PATCH').body).toEqual({ disabled: true })
  })

  it('shows a 400 problem at the field it names, or above the form for a hidden field', async () => {
    const patch = vi.fn()
      .mockResolvedValueOnce(json(400, { title: 'Invalid Argument', status: 400, detail: 'region 139900 is not a supervision unit', field: 'region' }))
      .mockResolvedValueOnce(json(400, { title: 'Invalid Argument', status: 400, detail: 'uscc must be empty for an inspector', field: 'uscc' }))
    await open('/console/users', { 'GET /api/v1/users': list, 'PATCH /api/v1/users/insp1': patch })
    await click($$('[data-testid=user-edit]')[1])
    await click($('[data-testid=user-disabled]'))
    await click($('[data-testid=user-save]'))
    const regionItem = $('#zl-user-region').closest('.el-form-item')
    await vi.waitFor(() => expect(regionItem.textContent).toContain('region 139900 is not a supervision unit'))
    expect($('[data-testid=user-dialog] [data-testid=problem]')).toBeNull()

    await click($('[data-testid=user-save]'))
    await vi.waitFor(() => expect($('[data-testid=user-dialog] [data-testid=problem]')?.textContent).toContain('uscc must be empty'))
  })
})

describe('tokens page', () => {
  const TOKEN = {
    id: 'tok_1', name: 'exchange', owner: 'admin', scopes: ['audit.read'], created_at: '2026-11-20T08:00:00Z',
    expires_at: '2099-01-01T00:00:00Z', revoked_at: '', last_used_at: '',
  }

  it('issues a token and shows its secret once', async () => {
    const { calls } = await open('/console/tokens', {
      'GET /api/v1/tokens': json(200, { items: [] }),
      'POST /api/v1/tokens': json(201, { ...TOKEN, token: 'zl_secret_value' }),
    })
    expect($('[data-testid=tokens-table]').textContent).toContain('暂无 API 令牌')
    await click($('[data-testid=token-issue]'))
    const name = $('#zl-token-name')
    name.value = 'exchange'
    name.dispatchEvent(new Event('input'))
    const boxes = $$('[data-testid=token-scopes] input[type=checkbox]')
    expect(boxes).toHaveLength(ADMIN_ME.permissions.length) // the user's own permissions
    await click(boxes[0])
    await click($$('[data-testid=token-expiry] input')[2])
    await click($('[data-testid=token-save]'))
    await vi.waitFor(() => expect($('#zl-token-secret')?.value).toBe('zl_secret_value'))
    const post = calls.find((c) => c.method === 'POST')
    expect(post.body).toEqual({ name: 'exchange', scopes: [ADMIN_ME.permissions[0]], expires_in_days: 365 })
    expect($('[data-testid=token-reveal]').textContent).toContain('无法再次查看')

    await click($('[data-testid=token-saved]'))
    await vi.waitFor(() => expect(body().innerHTML).not.toContain('zl_secret_value'))
  })

  it('revokes a token only after confirmation', async () => {
    const del = vi.fn(() => new Response(null, { status: 204 }))
    const { calls } = await open('/console/tokens', {
      'GET /api/v1/tokens': json(200, { items: [TOKEN] }),
      'DELETE /api/v1/tokens/tok_1': del,
    })
    expect($('[data-testid=token-status]').textContent).toBe('有效')

    await click($('[data-testid=token-revoke]'))
    await vi.waitFor(() => expect($('.el-message-box')).not.toBeNull())
    await click($('.el-message-box__btns .el-button:not(.el-button--danger)')) // cancel
    await new Promise((r) => setTimeout(r, 50))
    expect(del).not.toHaveBeenCalled()

    await click($('[data-testid=token-revoke]'))
    await vi.waitFor(() => expect($('.el-message-box__btns .el-button--danger')).not.toBeNull())
    await click($('.el-message-box__btns .el-button--danger'))
    await vi.waitFor(() => expect(del).toHaveBeenCalledTimes(1))
    expect(calls.find((c) => c.method === 'DELETE').headers['X-CSRF-Token']).toBe('csrf-123')
  })
})

describe('audit page', () => {
  const ENTRY = {
    seq: 17, at: '2026-11-26T09:30:05Z', actor: 'admin', actor_role: 'province_admin', action: 'user.update',
    object_type: 'user', object_id: 'insp1', region_code: '130100',
    summary: '{"before":{"disabled":false},"after":{"disabled":true}}', request_id: 'req-1',
  }

  it('passes the filters to the API and pretty-prints a summary', async () => {
    const { calls } = await open('/console/audit?actor=admin&from=2026-11-01&to=2026-11-30', {
      'GET /api/v1/audit': json(200, { total: 1, page: 1, per_page: 20, items: [ENTRY] }),
    })
    expect(calls.find((c) => c.path === '/api/v1/audit').url).toBe(
      '/api/v1/audit?page=1&per_page=20&actor=admin&from=2026-11-01&to=2026-11-30',
    )
    expect($('#zl-audit-actor').value).toBe('admin')
    expect($('[data-testid=audit-table]').textContent).toContain('石家庄市')
    await click($('[data-testid=audit-table] .el-table__expand-icon'))
    const summary = $('[data-testid=audit-summary]')
    expect(summary.textContent).toContain('变更前')
    expect(summary.querySelectorAll('pre')[1].textContent).toBe('{\n  "disabled": true\n}')
  })

  it('reports the hash chain check as success or error', async () => {
    const verify = vi.fn()
      .mockResolvedValueOnce(json(200, { ok: true, checked: 1234 }))
      .mockResolvedValueOnce(json(200, { ok: false, checked: 16, error: 'entry 17: hash mismatch' }))
    await open('/console/audit', {
      'GET /api/v1/audit': json(200, { total: 0, page: 1, per_page: 20, items: [] }),
      'GET /api/v1/audit/verify': verify,
    })
    expect($('[data-testid=audit-table]').textContent).toContain('没有符合条件的审计记录')
    await click($('[data-testid=audit-verify]'))
    await vi.waitFor(() => expect($('[data-testid=audit-verify-ok]')?.textContent).toContain('1,234'))
    await click($('[data-testid=audit-verify]'))
    await vi.waitFor(() => expect($('[data-testid=audit-verify-failed]')?.textContent).toContain('entry 17: hash mismatch'))
  })
})
