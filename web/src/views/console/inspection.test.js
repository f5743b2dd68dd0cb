import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { resetSession } from '../../session.js'
import { resetIndustries } from '../../composables/useIndustries.js'
import { ADMIN_ME, INSPECTOR_ME, fakeFetch, json } from '../../test/fakeFetch.js'
import { mountApp } from '../../test/mountApp.js'

const USCC1 = '91130100923744876X'
const USCC2 = '91130100MA0C123409'
const POLICY = {
  classes: [
    { risk_class: 'A', ratio: 0.05, ratio_min: 0, ratio_max: 0.05, checks_per_year: 0 },
    { risk_class: 'B', ratio: 0.1, ratio_min: 0.05, ratio_max: 0.2, checks_per_year: 1 },
    { risk_class: 'C', ratio: 0.3, ratio_min: 0.21, ratio_max: 0.6, checks_per_year: 1 },
    { risk_class: 'D', ratio: 1, ratio_min: 0.61, ratio_max: 1, checks_per_year: 2 },
  ],
  default: true,
}
const TASK = {
  id: 7, name: '2026 食品生产企业抽查', industries: ['C14'], regions: ['130100'], period_from: '2026-01-01', period_until: '2026-12-31',
  team_size: 2, status: 'planned', created_by: 'admin', region_code: '130000', created_at: '2026-11-27T05:00:00Z', published_at: null,
  draw: null, results: { total: 0, pass: 0, fail: 0, pending: 0 },
}
const SEED = '5f2d0c9a7b3e41d8a6c2f90e1b7d3a4c5f2d0c9a7b3e41d8a6c2f90e1b7d3a4c'
const DRAW = {
  task_id: 7, seed: SEED, algorithm: 'zl-draw-v1 (sha256 counter)', team_size: 2, pool_size: 170, pool_digest: 'ab'.repeat(32),
  ungraded: 3, inspectors: 30, targets: 17, unstaffed: 0, exclusions: 1, recusals: 0, drawn_by: 'admin', drawn_at: '2026-11-27T05:10:00Z',
  per_class: { A: { pool: 40, drawn: 2 }, B: { pool: 120, drawn: 12 }, C: { pool: 10, drawn: 3 }, D: { pool: 0, drawn: 0 } },
}
const TARGETS = {
  total: 2, page: 1, per_page: 20,
  items: [
    { uscc: USCC1, name: '石家庄甲食品有限公司', region_code: '130100', risk_class: 'B', team: [{ id: 3, name: '张伟' }, { id: 9, name: '李娜' }], result: null, result_note: '', result_record_id: null },
    { uscc: USCC2, name: '石家庄乙食品有限公司', region_code: '130100', risk_class: 'C', team: [{ id: 4, name: '王芳' }, { id: 5, name: '刘洋' }], result: 'pass', result_note: '', result_record_id: 88 },
  ],
}
const REGIONS = { items: [
  { code: '130000', name_zh: '河北省', name_en: 'Hebei', parent_code: '', kind: 'province' },
  { code: '130100', name_zh: '石家庄市', name_en: 'Shijiazhuang', parent_code: '130000', kind: 'city' },
  { code: '130200', name_zh: '唐山市', name_en: 'Tangshan', parent_code: '130000', kind: 'city' },
] }
const OVERVIEW = { enterprises: 3, supervision_units: 13, by_region: [], by_size: [], by_industry: [
  { code: 'C14', name_zh: '食品制造业', name_en: 'Manufacture of foods', count: 2 },
  { code: 'C31', name_zh: '黑色金属冶炼和压延加工业', name_en: 'Smelting', count: 1 },
] }

const $ = (sel) => document.body.querySelector(sel)
const $$ = (sel) => [...document.body.querySelectorAll(sel)]
const click = async (el) => {
  el.click()
  await flushPromises()
}
const type = async (el, value) => {
  el.value = value
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}
const confirmBox = async () => {
  await vi.waitFor(() => expect($('.el-message-box__btns .el-button--primary')).not.toBeNull())
  await click($('.el-message-box__btns .el-button--primary'))
}
// Picks options of an el-select by their text (the dropdown is teleported to the body).
async function pick(testid, ...labels) {
  for (const label of labels) {
    await click($(`[data-testid=${testid}] .el-select__wrapper`))
    const item = await vi.waitFor(() => {
      const found = $$('.el-select-dropdown__item').find((li) => li.textContent.trim() === label)
      expect(found, label).toBeTruthy()
      return found
    })
    await click(item)
  }
}

let wrapper
beforeEach(() => {
  resetSession()
  resetIndustries()
})
afterEach(() => {
  wrapper?.unmount()
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

async function open(path, routes, me = ADMIN_ME) {
  const stub = fakeFetch({
    'GET /api/v1/auth/me': json(200, me),
    'GET /api/v1/regions': json(200, REGIONS),
    'GET /api/v1/stats/overview': json(200, OVERVIEW),
    'GET /api/v1/inspection/policy': json(200, POLICY),
    ...routes,
  })
  vi.stubGlobal('fetch', stub.fetch)
  ;({ wrapper } = await mountApp(path))
  await flushPromises()
  return stub
}

describe('inspection tasks page', () => {
  it('lists the tasks with their status and results, and the policy', async () => {
    await open('/console/inspection', {
      'GET /api/v1/inspection/tasks': json(200, { total: 2, page: 1, per_page: 20, items: [
        { ...TASK, id: 8, status: 'drawn', results: { total: 17, pass: 3, fail: 1, pending: 13 } },
        TASK,
      ] }),
    })
    const rows = $$('[data-testid=tasks-table] .el-table__body tr.el-table__row')
    expect(rows).toHaveLength(2)
    expect(rows[0].querySelector('[data-testid=task-link]').getAttribute('href')).toBe('/console/inspection/8')
    expect(rows[0].querySelector('[data-testid=task-status]').textContent.trim()).toBe('已抽取')
    expect(rows[0].textContent).toContain('已检查 4 / 17')
    expect(rows[0].textContent).toContain('石家庄市')
    expect(rows[1].querySelector('[data-testid=task-status]').dataset.status).toBe('planned')
    expect($('[data-testid=policy-table]').textContent).toContain('A')
    expect($('[data-testid=policy-default]').textContent.trim()).toBe('默认')
    expect($('[data-testid=menu-inspection]').classList.contains('is-active')).toBe(true)
  })

  it('creates a task from the dialog and opens it', async () => {
    const post = vi.fn(() => json(201, { ...TASK, id: 9 }))
    const { calls } = await open('/console/inspection', {
      'GET /api/v1/inspection/tasks': json(200, { total: 0, page: 1, per_page: 20, items: [] }),
      'POST /api/v1/inspection/tasks': post,
      'GET /api/v1/inspection/tasks/9': json(200, { ...TASK, id: 9 }),
      'GET /api/v1/inspection/tasks/9/targets': json(200, { total: 0, page: 1, per_page: 20, items: [] }),
    })
    await click($('[data-testid=task-create]'))
    await vi.waitFor(() => expect($('[data-testid=task-dialog]')).not.toBeNull())
    await click($('[data-testid=task-save]')) // empty: the form says what is missing
    await vi.waitFor(() => expect($('[data-testid=task-dialog]').textContent).toContain('请填写任务名称'))
    expect($('[data-testid=task-dialog]').textContent).toContain('请至少选择一个行业')
    expect(post).not.toHaveBeenCalled()

    await type($('#zl-task-name'), ' 2026 食品生产企业抽查 ')
    await pick('task-industries', 'C14 食品制造业')
    await pick('task-regions', '石家庄市')
    await type($('#zl-task-from'), '2026-01-01')
    await type($('#zl-task-until'), '2026-12-31')
    await click($('[data-testid=task-save]'))
    await vi.waitFor(() => expect(post).toHaveBeenCalled())
    expect(calls.find((c) => c.method === 'POST').body).toEqual({
      name: '2026 食品生产企业抽查', industries: ['C14'], regions: ['130100'], period_from: '2026-01-01', period_until: '2026-12-31', team_size: 2,
    })
    await vi.waitFor(() => expect($('[data-testid=inspection-task-view]')?.dataset.taskId).toBe('9'))
  })

  it('offers a regional user only the own unit, and shows a server 400 at its field', async () => {
    const post = vi.fn(() => json(400, { title: 'Invalid Argument', status: 400, detail: "'C99' is not '*' or the start of a listed GB/T 4754 industry code such as C31", field: 'industries' }))
    await open('/console/inspection', {
      'GET /api/v1/inspection/tasks': json(200, { total: 0, page: 1, per_page: 20, items: [] }),
      'POST /api/v1/inspection/tasks': post,
    }, INSPECTOR_ME)
    await click($('[data-testid=task-create]'))
    await vi.waitFor(() => expect($('[data-testid=task-dialog]')).not.toBeNull())
    expect($('[data-testid=task-regions]').textContent).toContain('石家庄市') // preselected
    await click($('[data-testid=task-regions] .el-select__wrapper'))
    const regionItems = $$('.el-select-dropdown__item').map((li) => li.textContent.trim()).filter((s) => s.endsWith('市'))
    expect(regionItems).toEqual(['石家庄市'])
    await type($('#zl-task-name'), 'x')
    await pick('task-industries', 'C31 黑色金属冶炼和压延加工业')
    await click($('[data-testid=task-save]'))
    await vi.waitFor(() => expect($('[data-testid=task-dialog]').textContent).toContain("'C99' is not '*'"))
    expect($('[data-testid=task-dialog] [data-testid=problem]')).toBeNull() // at the field, not above the form
  })

  it('lets holders of grading.manage edit the policy and shows the server\'s 400 at the cell', async () => {
    const put = vi.fn()
      .mockResolvedValueOnce(json(400, { title: 'Invalid Argument', title_zh: '参数无效', status: 400, detail: 'B.ratio must lie within [ratio_min, ratio_max]', field: 'B.ratio' }))
      .mockResolvedValueOnce(json(200, { ...POLICY, default: false }))
    const { calls } = await open('/console/inspection', {
      'GET /api/v1/inspection/tasks': json(200, { total: 0, page: 1, per_page: 20, items: [] }),
      'PUT /api/v1/inspection/policy': put,
    })
    const input = $('[data-testid=policy-C-ratio] input')
    expect(input.value).toBe('30.0000')
    expect($('[data-testid=policy-save]').disabled).toBe(true)
    await type(input, '40')
    input.dispatchEvent(new Event('change'))
    await flushPromises()
    await vi.waitFor(() => expect($('[data-testid=policy-save]').disabled).toBe(false))
    await click($('[data-testid=policy-save]'))
    await vi.waitFor(() => expect(put).toHaveBeenCalledTimes(1))
    const body = calls.find((c) => c.method === 'PUT').body
    expect(body.classes.find((c) => c.risk_class === 'C')).toEqual({ risk_class: 'C', ratio: 0.4, ratio_min: 0.21, ratio_max: 0.6, checks_per_year: 1 })
    await vi.waitFor(() => expect($('[data-testid=policy-B-ratio] [data-testid=policy-cell-error]')?.textContent).toContain('B.ratio must lie within'))
    expect($('[data-testid=policy-card] [data-testid=problem]').textContent).toContain('参数无效')

    await click($('[data-testid=policy-save]'))
    await vi.waitFor(() => expect($('[data-testid=policy-default]').textContent.trim()).toBe('已修改'))
  })

  it('shows the policy read-only without grading.manage, and refuses what the server would', async () => {
    await open('/console/inspection', {
      'GET /api/v1/inspection/tasks': json(200, { total: 0, page: 1, per_page: 20, items: [] }),
    }, INSPECTOR_ME)
    expect($('[data-testid=policy-save]')).toBeNull()
    expect($('[data-testid=policy-C-ratio]').textContent.trim()).toBe('30%')
    expect($('[data-testid=policy-card]').textContent).toContain('需要“管理信用等级评价”权限')
  })
})

describe('inspection task page', () => {
  it('draws with the seed given and shows the summary, per-class table and teams', async () => {
    const draw = vi.fn(() => json(201, DRAW))
    const task = vi.fn()
      .mockResolvedValueOnce(json(200, TASK))
      .mockImplementation(() => json(200, { ...TASK, status: 'drawn', draw: DRAW, results: { total: 17, pass: 1, fail: 0, pending: 16 } }))
    const targets = vi.fn()
      .mockResolvedValueOnce(json(200, { total: 0, page: 1, per_page: 20, items: [] }))
      .mockImplementation(() => json(200, TARGETS))
    const { calls } = await open('/console/inspection/7', {
      'GET /api/v1/inspection/tasks/7': task,
      'GET /api/v1/inspection/tasks/7/targets': targets,
      'POST /api/v1/inspection/tasks/7/draw': draw,
    })
    expect($('[data-testid=inspection-task-view]').dataset.status).toBe('planned')
    expect($('[data-testid=targets-table]')).toBeNull()
    expect($('[data-testid=task-publish]')).toBeNull()
    await type($('#zl-draw-seed-input'), ' public-seed-2026 ')
    await click($('[data-testid=task-draw]'))
    await confirmBox()
    await vi.waitFor(() => expect(draw).toHaveBeenCalled())
    expect(calls.find((c) => c.method === 'POST').body).toEqual({ seed: 'public-seed-2026' })
    await vi.waitFor(() => expect($('[data-testid=draw-summary]')).not.toBeNull())
    expect($('[data-testid=draw-seed]').textContent).toBe(SEED) // in full
    expect($('[data-testid=draw-pool]').textContent).toBe('170')
    expect($('[data-testid=draw-digest]').textContent).toBe('ab'.repeat(32))
    const classRows = $$('[data-testid=draw-per-class] .el-table__body tr.el-table__row')
    expect(classRows.map((r) => [r.querySelector('[data-testid=class-pool]').textContent, r.querySelector('[data-testid=class-drawn]').textContent]))
      .toEqual([['40', '2'], ['120', '12'], ['10', '3'], ['0', '0']])
    expect(classRows[1].textContent).toContain('10%')
    const rows = $$('[data-testid=targets-table] .el-table__body tr.el-table__row')
    expect(rows).toHaveLength(2)
    expect(rows[0].querySelectorAll('[data-testid=team-member]')).toHaveLength(2)
    expect(rows[0].querySelector('[data-testid=target-team]').textContent).toContain('张伟')
    expect(rows[0].querySelector('[data-testid=target-risk]').textContent.trim()).toBe('B')
    expect(rows[0].querySelector('[data-testid=target-recuse]')).not.toBeNull()
    expect(rows[1].querySelector('[data-testid=target-recuse]')).toBeNull() // has a result
    expect(rows[1].querySelector('[data-testid=target-result]').dataset.result).toBe('pass')
    expect($('[data-testid=task-publish]')).not.toBeNull()
    expect($('[data-testid=task-draw]')).toBeNull()
  })

  it('recuses an inspector, records a result, verifies and publishes', async () => {
    const drawn = { ...TASK, status: 'drawn', draw: DRAW, results: { total: 2, pass: 1, fail: 0, pending: 1 } }
    let answer = drawn
    const task = vi.fn(() => json(200, answer))
    const recusal = vi.fn(() => json(201, { task_id: 7, uscc: USCC1, sequence: 1, recused_id: 3, replacement_id: 11, reason: 'r', team: [{ id: 11, name: '赵敏' }, { id: 9, name: '李娜' }] }))
    const result = vi.fn(() => json(201, { task_id: 7, uscc: USCC1, result: 'fail', result_note: '标签不合格', result_record_id: 90 }))
    const verify = vi.fn()
      .mockResolvedValueOnce(json(200, { reproduced: true, digest_matches: true, targets: 17, recusals: 1, differences: [] }))
      .mockResolvedValueOnce(json(200, { reproduced: false, digest_matches: true, targets: 17, recusals: 1, differences: ['target 3: team differs'] }))
    const publish = vi.fn(() => json(200, { ...drawn, status: 'published' }))
    const { calls } = await open('/console/inspection/7', {
      'GET /api/v1/inspection/tasks/7': task,
      'GET /api/v1/inspection/tasks/7/targets': json(200, TARGETS),
      'POST /api/v1/inspection/tasks/7/recusals': recusal,
      'POST /api/v1/inspection/tasks/7/results': result,
      'POST /api/v1/inspection/tasks/7/verify': verify,
      'POST /api/v1/inspection/tasks/7/publish': publish,
    })
    const first = () => $$('[data-testid=targets-table] .el-table__body tr.el-table__row')[0]

    await click(first().querySelector('[data-testid=target-recuse]'))
    await vi.waitFor(() => expect($('[data-testid=recusal-dialog]')).not.toBeNull())
    await click($('[data-testid=recusal-save]'))
    await vi.waitFor(() => expect($('[data-testid=recusal-dialog]').textContent).toContain('请选择回避的检查人员'))
    const radios = $$('[data-testid=recusal-inspector] .el-radio')
    expect(radios.map((r) => r.textContent.trim())).toEqual(['张伟', '李娜'])
    await click(radios[0].querySelector('input'))
    await type($('#zl-recusal-reason'), '与企业负责人为近亲属')
    await click($('[data-testid=recusal-save]'))
    await vi.waitFor(() => expect(recusal).toHaveBeenCalled())
    expect(calls.find((c) => c.path.endsWith('/recusals')).body).toEqual({ uscc: USCC1, inspector_id: 3, reason: '与企业负责人为近亲属' })
    await vi.waitFor(() => expect(document.body.textContent).toContain('张伟 由 赵敏 替换'))

    await click(first().querySelector('[data-testid=target-record]'))
    await vi.waitFor(() => expect($('[data-testid=result-dialog]')).not.toBeNull())
    await click($('[data-testid=result-fail] input'))
    await click($$('[data-testid=result-severity] .el-radio')[2].querySelector('input'))
    await type($('#zl-result-note'), '标签不合格')
    await click($('[data-testid=result-save]'))
    await vi.waitFor(() => expect(result).toHaveBeenCalled())
    expect(calls.find((c) => c.path.endsWith('/results')).body).toEqual({ uscc: USCC1, result: 'fail', severity: 'serious', note: '标签不合格' })

    await click($('[data-testid=task-verify]'))
    await vi.waitFor(() => expect($('[data-testid=verify-result]')?.dataset.reproduced).toBe('true'))
    expect($('[data-testid=verify-result]').textContent).toContain('已重现')
    await click($('[data-testid=task-verify]'))
    await vi.waitFor(() => expect($('[data-testid=verify-result]')?.dataset.reproduced).toBe('false'))
    expect($('[data-testid=verify-result]').textContent).toContain('target 3: team differs')

    answer = { ...drawn, status: 'published', published_at: '2026-11-27T06:00:00Z' }
    await click($('[data-testid=task-publish]'))
    await confirmBox()
    await vi.waitFor(() => expect(publish).toHaveBeenCalled())
    await vi.waitFor(() => expect($('[data-testid=inspection-task-view]').dataset.status).toBe('published'))
    expect($('[data-testid=task-publish]')).toBeNull()
    for (const c of calls.filter((x) => x.method === 'POST')) expect(c.headers['X-CSRF-Token']).toBe('csrf-123')
  })

  it('shows a draw that fails as a problem and hides the risk class when the API leaves it out', async () => {
    const noRisk = { ...TARGETS, items: TARGETS.items.map(({ risk_class, ...rest }) => rest) }
    const { per_class, ...publicDraw } = DRAW
    await open('/console/inspection/7', {
      'GET /api/v1/inspection/tasks/7': json(200, { ...TASK, status: 'drawn', draw: publicDraw }),
      'GET /api/v1/inspection/tasks/7/targets': json(200, noRisk),
      'POST /api/v1/inspection/tasks/7/verify': json(404, { title: 'Not Found', status: 404, detail: 'task 7 has no draw' }),
    })
    expect($('[data-testid=draw-per-class]')).toBeNull()
    expect($('[data-testid=target-risk]')).toBeNull()
    await click($('[data-testid=task-verify]'))
    await vi.waitFor(() => expect($('[data-testid=problem]')?.textContent).toContain('task 7 has no draw'))
  })
})

describe('public inspections page', () => {
  it('lists the published tasks and shows a task\'s results without risk classes', async () => {
    const task = { id: 7, name: '2026 食品生产企业抽查', industries: ['C14'], regions: ['130100'], period_from: '2026-01-01', period_until: '2026-12-31', published_at: '2026-11-27T06:00:00Z', targets: 17, results: { total: 17, pass: 1, fail: 1, pending: 15 } }
    await open('/inspections', {
      'GET /api/v1/public/inspection-tasks': json(200, { total: 1, page: 1, per_page: 20, items: [task] }),
      'GET /api/v1/public/inspection-tasks/7/results': json(200, { total: 2, page: 1, per_page: 20, task, items: [
        { uscc: USCC1, name: '石家庄甲食品有限公司', result: 'fail', team: ['赵敏', '李娜'] },
        { uscc: USCC2, name: '石家庄乙食品有限公司', result: 'pass', team: ['王芳', '刘洋'] },
      ] }),
    })
    expect($('[data-testid=nav-inspections]').classList.contains('is-active')).toBe(true)
    const rows = $$('[data-testid=public-tasks-table] .el-table__body tr.el-table__row')
    expect(rows).toHaveLength(1)
    expect(rows[0].textContent).toContain('石家庄市')
    expect(rows[0].textContent).toContain('不合格 1')
    expect(rows[0].querySelector('[data-testid=public-task-targets]').textContent).toBe('17')
    await click(rows[0].querySelector('[data-testid=public-task-toggle]'))
    await vi.waitFor(() => expect($$('[data-testid=public-results-table] .el-table__body tr.el-table__row')).toHaveLength(2))
    const results = $('[data-testid=public-results]')
    expect(results.textContent).toContain('赵敏、李娜')
    expect([...results.querySelectorAll('[data-testid=public-result]')].map((e) => e.dataset.result)).toEqual(['fail', 'pass'])
    expect(document.body.textContent).not.toMatch(/风险分类|随机种子/)
  })
})
