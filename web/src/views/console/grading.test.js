import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { resetSession } from '../../session.js'
import { ADMIN_ME, INSPECTOR_ME, fakeFetch, json } from '../../test/fakeFetch.js'
import { mountApp } from '../../test/mountApp.js'

const BUILTIN = { version: 'hebei-default-2026.1', name: '河北省企业质量信用等级评价（默认规则）' }
const BY_GRADE = { AAA: 0, AA: 3, A: 1172, B: 1371, C: 450, D: 4 }
const RUN = { run_id: 2, graded: 3000, changed: 12, by_grade: BY_GRADE, rules_version: BUILTIN.version, as_of: '2026-11-27' }
const RUN_ROW = { ...RUN, actor: 'admin', started_at: '2026-11-27T04:37:02Z', finished_at: '2026-11-27T04:37:03Z' }
const SETS = {
  builtin: BUILTIN,
  items: [
    { version: 'v2', name: '试行规则', loaded_by: 'admin', loaded_at: '2026-11-27T05:00:00Z', active: false },
    { ...BUILTIN, loaded_by: 'admin', loaded_at: '2026-11-27T04:37:02Z', active: true },
  ],
}
const zero = { AAA: 0, AA: 0, A: 0, B: 0, C: 0, D: 0 }
const COMPARISON = {
  current_version: BUILTIN.version, candidate_version: 'v2', graded: 3000, changed: 1075, grades: ['AAA', 'AA', 'A', 'B', 'C', 'D'],
  table: [
    { from: 'AAA', to: zero }, { from: 'AA', to: { ...zero, AA: 3 } }, { from: 'A', to: { ...zero, A: 1172 } },
    { from: 'B', to: { ...zero, A: 1075, B: 296 } }, { from: 'C', to: { ...zero, C: 450 } }, { from: 'D', to: { ...zero, D: 4 } },
    { from: null, to: zero },
  ],
}

const $ = (sel) => document.body.querySelector(sel)
const $$ = (sel) => [...document.body.querySelectorAll(sel)]
const click = async (el) => {
  el.click()
  await flushPromises()
}
const confirmBox = async () => {
  await vi.waitFor(() => expect($('.el-message-box__btns .el-button--primary')).not.toBeNull())
  await click($('.el-message-box__btns .el-button--primary'))
}

let wrapper
beforeEach(() => resetSession())
afterEach(() => {
  wrapper?.unmount()
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

async function open(routes, me = ADMIN_ME) {
  const stub = fakeFetch({ 'GET /api/v1/auth/me': json(200, me), ...routes })
  vi.stubGlobal('fetch', stub.fetch)
  ;({ wrapper } = await mountApp('/console/grading'))
  await flushPromises()
  return stub
}

describe('grading page', () => {
  it('shows the built-in rules as active before any run, and no runs', async () => {
    await open({
      'GET /api/v1/grading/runs': json(200, { items: [] }),
      'GET /api/v1/grading/rule-sets': json(200, { items: [], builtin: BUILTIN }),
    })
    const rows = $$('[data-testid=rule-sets-table] .el-table__body tr.el-table__row')
    expect(rows).toHaveLength(1)
    expect(rows[0].textContent).toContain('hebei-default-2026.1')
    expect(rows[0].textContent).toContain('启用中')
    expect(rows[0].textContent).toContain('内置')
    expect(rows[0].querySelector('[data-testid=rule-set-activate]')).toBeNull()
    expect($('[data-testid=grading-runs-table]').textContent).toContain('尚未运行过评级')
  })

  it('runs a grading only after confirmation and shows the counts by grade', async () => {
    const post = vi.fn(() => json(201, { ...RUN, by_risk_class: { A: 100, B: 2000, C: 800, D: 100 } }))
    const runs = vi.fn().mockResolvedValueOnce(json(200, { items: [] })).mockResolvedValueOnce(json(200, { items: [RUN_ROW] }))
    const { calls } = await open({
      'GET /api/v1/grading/runs': runs,
      'GET /api/v1/grading/rule-sets': json(200, SETS),
      'POST /api/v1/grading/runs': post,
    })
    await click($('[data-testid=grading-run]'))
    await vi.waitFor(() => expect($('.el-message-box')).not.toBeNull())
    expect($('.el-message-box').textContent).toContain('hebei-default-2026.1')
    await click($('.el-message-box__btns .el-button:not(.el-button--primary)')) // cancel
    await new Promise((r) => setTimeout(r, 50))
    expect(post).not.toHaveBeenCalled()

    await click($('[data-testid=grading-run]'))
    await confirmBox()
    await vi.waitFor(() => expect($('[data-testid=grading-result]')).not.toBeNull())
    const postCall = calls.find((c) => c.method === 'POST')
    expect(postCall.body).toEqual({})
    expect(postCall.headers['X-CSRF-Token']).toBe('csrf-123')
    expect($('[data-testid=result-graded]').textContent).toBe('3,000')
    expect($('[data-testid=result-changed]').textContent).toBe('12')
    expect($('[data-testid=grade-count-A]').dataset.count).toBe('1172')
    expect($('[data-testid=grade-count-A] [data-testid=grade-count]').textContent).toBe('1,172')
    expect($('[data-testid=grade-count-AAA]').dataset.count).toBe('0')
    expect($('[data-testid=result-risk]').textContent).toContain('C · 800')
    await vi.waitFor(() => expect($('[data-testid=grading-run-id]')?.textContent).toBe('#2'))
    expect(runs).toHaveBeenCalledTimes(2)
  })

  it('compares a rule set, highlights the changed cells and activates it by grading with it', async () => {
    const { calls } = await open({
      'GET /api/v1/grading/runs': json(200, { items: [RUN_ROW] }),
      'GET /api/v1/grading/rule-sets': json(200, SETS),
      'POST /api/v1/grading/rule-sets/v2/compare': json(200, COMPARISON),
      'POST /api/v1/grading/runs': json(201, { ...RUN, run_id: 3, rules_version: 'v2' }),
    })
    const rows = $$('[data-testid=rule-sets-table] .el-table__body tr.el-table__row')
    expect(rows[0].querySelector('[data-testid=rule-set-active]')).toBeNull()
    expect(rows[1].querySelector('[data-testid=rule-set-active]')).not.toBeNull()
    await click(rows[0].querySelector('[data-testid=rule-set-compare]'))
    await vi.waitFor(() => expect($('[data-testid=compare-result]')).not.toBeNull())
    expect($('[data-testid=compare-result]').textContent).toContain('v2')
    expect($('[data-testid=compare-summary]').textContent).toContain('1,075')
    const changed = $$('[data-testid=confusion-cell].is-changed')
    expect(changed.map((c) => [c.closest('tr').dataset.from, c.dataset.to, c.textContent])).toEqual([['B', 'A', '1,075']])
    expect($$('[data-testid=confusion-table] tbody tr').map((r) => r.dataset.from)).toEqual(['AAA', 'AA', 'A', 'B', 'C', 'D'])

    await click($('[data-testid=compare-activate]'))
    await confirmBox()
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/grading/runs')).toBe(true))
    expect(calls.find((c) => c.path === '/api/v1/grading/runs' && c.method === 'POST').body).toEqual({ rules_version: 'v2' })
    await vi.waitFor(() => expect($('[data-testid=grading-result]')?.dataset.runId).toBe('3'))
  })

  it('loads a rule-set file from the active rules as a template and shows a bad file\'s line', async () => {
    const rules = '[rule_set]\nkey\tvalue\nversion\thebei-default-2026.1\nname\tX\n'
    const post = vi.fn()
      .mockResolvedValueOnce(json(400, { title: 'Invalid Argument', title_zh: '参数无效', status: 400, detail: 'rules:5: unknown section [bogus]', field: 'rules' }))
      .mockResolvedValueOnce(json(201, { version: 'v3', name: 'X', active: false }))
    const sets = vi.fn().mockResolvedValue(json(200, SETS))
    const { calls } = await open({
      'GET /api/v1/grading/runs': json(200, { items: [] }),
      'GET /api/v1/grading/rule-sets': sets,
      'GET /api/v1/grading/rule-sets/hebei-default-2026.1': json(200, { ...BUILTIN, rules }),
      'POST /api/v1/grading/rule-sets': post,
    })
    await click($('[data-testid=rule-set-upload]'))
    await vi.waitFor(() => expect($('[data-testid=rules-dialog]')).not.toBeNull())
    await click($('[data-testid=rules-submit]')) // nothing yet
    await vi.waitFor(() => expect($('[data-testid=rules-dialog]').textContent).toContain('请填写或选择规则文件'))
    expect(post).not.toHaveBeenCalled()

    await click($('[data-testid=rules-template]'))
    const area = $('#zl-rules-text')
    await vi.waitFor(() => expect(area.value).toBe(rules))
    expect($('[data-testid=rules-version]').textContent).toContain('已存在')

    area.value = rules.replace('hebei-default-2026.1', 'v3') + '[bogus]\n'
    area.dispatchEvent(new Event('input'))
    await flushPromises()
    expect($('[data-testid=rules-version]').textContent).toContain('将上载的版本：v3')
    await click($('[data-testid=rules-submit]'))
    await vi.waitFor(() => expect($('[data-testid=rules-dialog] [data-testid=problem]')?.textContent).toContain('rules:5: unknown section [bogus]'))
    expect($('[data-testid=rules-dialog] [data-testid=problem]').textContent).toContain('规则文件有误')

    await click($('[data-testid=rules-submit]'))
    await vi.waitFor(() => expect(post).toHaveBeenCalledTimes(2))
    expect(calls.filter((c) => c.method === 'POST').at(-1).body).toEqual({ rules: area.value })
    await vi.waitFor(() => expect(sets).toHaveBeenCalledTimes(2)) // the list is reloaded
  })

  it('is not offered to an inspector', async () => {
    await open({}, { ...INSPECTOR_ME, permissions: [...INSPECTOR_ME.permissions, 'risk.read'] })
    expect($('[data-testid=no-permission]')).not.toBeNull()
    expect($('[data-testid=grading-view]')).toBeNull()
    expect($('[data-testid=menu-grading]')).toBeNull()
  })
})
