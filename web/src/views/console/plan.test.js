import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { resetSession } from '../../session.js'
import { ADMIN_ME, CITY_ME, fakeFetch, json } from '../../test/fakeFetch.js'
import { fakeXhr } from '../../test/fakeXhr.js'
import { mountApp } from '../../test/mountApp.js'

const CITIES = [
  ['130100', '石家庄市', 'Shijiazhuang'], ['130200', '唐山市', 'Tangshan'], ['130300', '秦皇岛市', 'Qinhuangdao'],
  ['130400', '邯郸市', 'Handan'], ['130500', '邢台市', 'Xingtai'], ['130600', '保定市', 'Baoding'],
  ['130700', '张家口市', 'Zhangjiakou'], ['130800', '承德市', 'Chengde'], ['130900', '沧州市', 'Cangzhou'],
  ['131000', '廊坊市', 'Langfang'], ['131100', '衡水市', 'Hengshui'], ['130682', '定州市', 'Dingzhou'], ['130181', '辛集市', 'Xinji'],
]
const REGIONS = { items: [
  { code: '130000', name_zh: '河北省', name_en: 'Hebei', parent_code: '', kind: 'province' },
  ...CITIES.map(([code, zh, en]) => ({ code, name_zh: zh, name_en: en, parent_code: '130000', kind: ['130682', '130181'].includes(code) ? 'direct_county' : 'city' })),
] }
const PLAN_SUMMARY = {
  id: 1, title: '河北省贯彻实施质量发展纲要深入推进质量兴省战略2014年行动计划', year: 2014, source_name: 'plan.txt',
  imported_at: '2026-11-27T02:00:00Z', imported_by: 'admin', item_count: 2, task_count: 1,
}
const PLAN = {
  ...PLAN_SUMMARY, source_sha256: 'ab'.repeat(32), warnings: ['第 40 行：未找到责任部门'],
  parts: [
    { number: '一', title: '加强重点领域质量安全监管', items: [
      { id: 3, number: '三', title: '强化重要消费品质量安全监管', measures: ['开展儿童用品监督抽查。', '推进预警平台建设。'],
        departments: ['省工业和信息化厅', '省质监局', '省工商局'], lead_department: '省质监局',
        targets: [{ id: 5, text: '省级20家', value: 20, unit: '家' }], task_count: 1 },
    ] },
    { number: '四', title: '夯实质量发展基础', items: [
      { id: 9, number: '二', title: '加强标准化工作', measures: [], departments: ['省质监局'], lead_department: null, targets: [], task_count: 0 },
    ] },
  ],
}
const TASK = {
  id: 7, plan_id: 1, plan_title: PLAN.title, item_id: 3, item_label: '一（三）', item_title: '强化重要消费品质量安全监管', parent_id: null,
  region_code: '130200', region_name: '唐山市', title: '强化重要消费品质量安全监管', lead_unit: '唐山市质监局', cooperating_units: ['唐山市工商局'],
  deadline: '2027-01-06', assigned_on: '2026-11-27', target: { id: 5, text: '省级20家', value: 20, unit: '家' }, target_value: 4, achieved_value: 1,
  percent: 40, status: 'open', light: 'green', light_reason: '距期限还有40天', days_left: 40, closed_on: null, subtask_count: 0,
  created_by: 'admin', created_at: '2026-11-27T02:05:00Z',
}
const YELLOW = { ...TASK, id: 8, item_label: '四（二）', title: '加强标准化工作', deadline: '2026-12-05', percent: 0, light: 'yellow', light_reason: '距期限还有8天', days_left: 8, target: null, target_value: null, achieved_value: null }
const RED = { ...TASK, id: 9, region_code: '130100', region_name: '石家庄市', deadline: '2026-11-24', light: 'red', light_reason: '已超期3天', days_left: -3 }
const DONE = { ...TASK, id: 10, status: 'closed', percent: 100, light: 'done', light_reason: '已办结', closed_on: '2026-11-26' }
const SUPERVISION = {
  as_of: '2026-11-27',
  by_region: [
    { region_code: '130100', region_name: '石家庄市', green: 0, yellow: 0, red: 1, done: 0, total: 1 },
    { region_code: '130200', region_name: '唐山市', green: 1, yellow: 1, red: 0, done: 1, total: 3 },
  ],
  by_department: [
    { department: '石家庄市质监局', green: 0, yellow: 0, red: 1, done: 0, total: 1 },
    { department: '唐山市质监局', green: 1, yellow: 1, red: 0, done: 1, total: 3 },
  ],
  by_plan_department: [
    { department_id: 3, department: '省质监局', green: 1, yellow: 1, red: 1, done: 1, total: 4 },
    { department_id: 5, department: '省教育厅', green: 0, yellow: 1, red: 0, done: 0, total: 1 },
  ],
  attention: [YELLOW, RED],
  attention_total: 12, // the server lists the first 50; here, as if it had listed two of 12
}

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
const query = (call) => Object.fromEntries(new URL(call.url, 'http://x').searchParams)
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
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-11-27T04:00:00Z')) // noon in Beijing
})
afterEach(() => {
  wrapper?.unmount()
  document.body.innerHTML = ''
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

async function open(path, routes, me = ADMIN_ME, options) {
  const stub = fakeFetch({
    'GET /api/v1/auth/me': json(200, me),
    'GET /api/v1/regions': json(200, REGIONS),
    'GET /api/v1/plan/plans': json(200, { items: [PLAN_SUMMARY], total: 1 }),
    ...routes,
  })
  vi.stubGlobal('fetch', stub.fetch)
  ;({ wrapper } = await mountApp(path, options))
  await flushPromises()
  return stub
}

describe('plans page', () => {
  it('lists the plans and previews an upload before importing it', async () => {
    const xhr = fakeXhr((req) => (req.url.startsWith('/api/v1/plan/parse')
      ? { status: 200, body: { title: PLAN.title, parts: PLAN.parts, warnings: PLAN.warnings } }
      : { status: 201, body: PLAN }))
    vi.stubGlobal('XMLHttpRequest', xhr.XMLHttpRequest)
    await open('/console/plan', { 'GET /api/v1/plan/plans/1': json(200, PLAN) })
    const row = $('[data-testid=plans-table] .el-table__body tr.el-table__row')
    expect(row.querySelector('[data-testid=plan-link]').getAttribute('href')).toBe('/console/plan/1')
    expect(row.querySelector('[data-testid=plan-task-count]').getAttribute('href')).toBe('/console/plan/tasks?plan_id=1')
    expect($('[data-testid=menu-plan]').classList.contains('is-active')).toBe(true)

    const input = $('[data-testid=plan-file]')
    Object.defineProperty(input, 'files', { value: [new File(['一、…'], 'hebei-2014.txt', { type: 'text/plain' })], configurable: true })
    input.dispatchEvent(new Event('change'))
    await vi.waitFor(() => expect($('[data-testid=plan-preview]')).not.toBeNull())
    expect(xhr.requests[0].url).toBe('/api/v1/plan/parse')
    expect(xhr.requests[0].headers['Content-Type']).toBe('application/octet-stream')
    expect(xhr.requests[0].headers['X-CSRF-Token']).toBe('csrf-123')
    expect($('[data-testid=plan-preview]').dataset).toMatchObject({ parts: '2', items: '2' })
    expect($('[data-testid=plan-preview-parts]').textContent).toBe('2 个部分')
    expect($('[data-testid=plan-preview-warnings]').textContent).toContain('第 40 行：未找到责任部门')
    expect($('#zl-plan-year').value).toBe('2014')

    await click($('[data-testid=plan-import-submit]'))
    await vi.waitFor(() => expect(xhr.requests).toHaveLength(2))
    expect(xhr.requests[1].method).toBe('POST')
    expect(xhr.requests[1].url).toBe('/api/v1/plan/plans?file_name=hebei-2014.txt&year=2014')
    expect(xhr.requests[1].body.name).toBe('hebei-2014.txt')
    await vi.waitFor(() => expect($('[data-testid=plan-detail-view]')?.dataset.planId).toBe('1'))
  })

  it('refuses other files and hides the import from a city', async () => {
    await open('/console/plan', {}, CITY_ME)
    expect($('[data-testid=plans-table]').textContent).toContain('2014年行动计划')
    expect($('[data-testid=plan-import]')).toBeNull()
  })
})

describe('plan tree', () => {
  it('shows parts, items with the lead department, targets and measures, and assigns an item', async () => {
    const post = vi.fn(() => json(201, { ...YELLOW, id: 11 }))
    const { calls } = await open('/console/plan/1', {
      'GET /api/v1/plan/plans/1': json(200, PLAN),
      'POST /api/v1/plan/tasks': post,
    })
    expect($('[data-testid=plan-counts]').dataset).toMatchObject({ parts: '2', items: '2' })
    const items = $$('[data-testid=plan-item]')
    expect(items.map((i) => i.dataset.label)).toEqual(['一（三）', '四（二）'])
    const lead = items[0].querySelector('[data-lead=true]')
    expect(lead.textContent).toContain('牵头')
    expect(lead.textContent).toContain('省质监局')
    expect(items[0].querySelector('[data-testid=item-targets]').textContent).toContain('20 家')
    expect(items[0].querySelector('[data-testid=item-measures] summary').textContent).toBe('具体措施（2 条）')
    expect(items[0].querySelector('[data-testid=item-task-count]').textContent).toBe('已分解 1 项任务')
    expect(items[1].querySelector('[data-testid=item-task-count]').textContent).toBe('尚未分解')
    expect($('[data-testid=plan-warnings]').textContent).toContain('未找到责任部门')

    await click(items[0].querySelector('[data-testid=item-assign]'))
    await vi.waitFor(() => expect($('[data-testid=assign-dialog]')).not.toBeNull())
    await click($('[data-testid=assign-save]')) // nothing chosen yet
    await vi.waitFor(() => expect($('[data-testid=assign-dialog]').textContent).toContain('请填写日期'))
    expect(post).not.toHaveBeenCalled()
    await pick('assign-region', '唐山市')
    // The lead and cooperating units follow the item's departments as the city names them.
    expect($('#zl-assign-lead').value).toBe('唐山市质监局')
    expect($('[data-testid=assign-cooperating]').textContent).toContain('唐山市工业和信息化厅')
    await type($('#zl-assign-deadline'), '2026-11-26')
    await click($('[data-testid=assign-save]'))
    await vi.waitFor(() => expect($('[data-testid=assign-dialog]').textContent).toContain('完成时限不能早于今天'))
    await type($('#zl-assign-deadline'), '2027-01-06')
    await pick('assign-target', '省级20家（20 家）')
    await type($('#zl-assign-target-value'), '4')
    await click($('[data-testid=assign-save]'))
    await vi.waitFor(() => expect(post).toHaveBeenCalled())
    expect(calls.find((c) => c.method === 'POST').body).toEqual({
      item_id: 3, region_code: '130200', lead_unit: '唐山市质监局', cooperating_units: ['唐山市工业和信息化厅', '唐山市工商局'],
      deadline: '2027-01-06', target_id: 5, target_value: 4,
    })
  })

  it('shows the server\'s refusal at the field it names', async () => {
    await open('/console/plan/1', {
      'GET /api/v1/plan/plans/1': json(200, PLAN),
      'POST /api/v1/plan/tasks': json(400, { title: 'Invalid Argument', status: 400, detail: 'exceeds the target', field: 'target_value' }),
    })
    await click($$('[data-testid=item-assign]')[0])
    await pick('assign-region', '唐山市')
    await type($('#zl-assign-deadline'), '2027-01-06')
    await pick('assign-target', '省级20家（20 家）')
    await type($('#zl-assign-target-value'), '40')
    await click($('[data-testid=assign-save]'))
    await vi.waitFor(() => expect($('[data-testid=assign-dialog]').textContent).toContain('exceeds the target'))
    expect($('[data-testid=assign-dialog] [data-testid=problem]')).toBeNull()
  })
})

describe('supervision page', () => {
  it('shows each task\'s light as a dot and a word, its progress and days left', async () => {
    const { calls } = await open('/console/plan/tasks', {
      'GET /api/v1/plan/tasks': json(200, { items: [RED, YELLOW, TASK, DONE], total: 4 }),
      'GET /api/v1/plan/supervision': json(200, SUPERVISION),
    })
    const rows = $$('[data-testid=tasks-table] .el-table__body tr.el-table__row')
    expect(rows).toHaveLength(4)
    const light = (row) => row.querySelector('[data-testid=task-light]')
    expect(rows.map((r) => light(r).dataset.light)).toEqual(['red', 'yellow', 'green', 'done'])
    expect(rows.map((r) => light(r).textContent.trim())).toEqual(['红灯', '黄灯', '绿灯', '已办结'])
    expect(light(rows[0]).querySelector('.zl-light__dot').getAttribute('style')).toContain('background-color')
    expect(light(rows[0]).getAttribute('title')).toBe('已超期3天')
    expect(rows[0].classList.contains('is-overdue')).toBe(true)
    expect(rows.map((r) => r.querySelector('[data-testid=task-days]').textContent)).toEqual(['逾期 3 天', '剩 8 天', '剩 40 天', '2026-11-26 办结'])
    expect(rows[2].querySelector('[data-testid=task-percent]').dataset.percent).toBe('40')
    expect(rows[2].querySelector('[data-testid=task-link]').getAttribute('href')).toBe('/console/plan/tasks/7')
    expect(rows[3].querySelector('[data-testid=task-status]').textContent.trim()).toBe('已办结')
    expect(query(calls.find((c) => c.path === '/api/v1/plan/tasks'))).toEqual({ page: '1', per_page: '20' })

    // The summary lists all 13 units, with the counts linking to the filtered worklist.
    const units = $$('[data-testid=supervision-row]')
    expect(units).toHaveLength(13)
    const tangshan = units.find((r) => r.dataset.region === '130200')
    expect(tangshan.querySelector('td[data-light=yellow] a').getAttribute('href')).toBe('/console/plan/tasks?region_code=130200&light=yellow')
    expect(tangshan.querySelector('[data-testid=supervision-total]').textContent).toBe('3')
    expect($('[data-testid=supervision-sum] td[data-light=red]').textContent).toBe('1')
    expect($('[data-testid=supervision-as-of]').textContent).toContain('2026-11-27')
    // Attention: overdue first.
    expect($$('[data-testid=attention-table] [data-testid=task-light]').map((l) => l.dataset.light)).toEqual(['red', 'yellow'])
    expect($('[data-testid=attention-more]').textContent).toContain('2')
    // By department: the plan's responsible departments and the lead units, each count a link.
    const planDepartments = $$('[data-testid=department-table-plan] [data-testid=department-row]')
    expect(planDepartments.map((r) => r.querySelector('th').textContent)).toEqual(['省质监局', '省教育厅'])
    expect(planDepartments[0].querySelector('td[data-light=red] a').getAttribute('href')).toBe('/console/plan/tasks?plan_department=3&light=red')
    const leadUnits = $$('[data-testid=department-table-lead] [data-testid=department-row]')
    expect(leadUnits).toHaveLength(2)
    expect(leadUnits[1].querySelector('td[data-light=done] a').getAttribute('href')).toBe(`/console/plan/tasks?department=${encodeURIComponent('唐山市质监局')}&light=done`)
  })

  it('filters by a responsible department from the URL, named by the summary', async () => {
    const list = vi.fn(() => json(200, { items: [RED], total: 1 }))
    const { calls } = await open('/console/plan/tasks?plan_department=3', {
      'GET /api/v1/plan/tasks': list,
      'GET /api/v1/plan/supervision': json(200, SUPERVISION),
    })
    expect(query(calls.find((c) => c.path === '/api/v1/plan/tasks'))).toEqual({ plan_department: '3', page: '1', per_page: '20' })
    expect($('[data-testid=filter-plan-department]').textContent).toContain('省质监局')
    await click($('[data-testid=filter-plan-department] .el-tag__close'))
    await vi.waitFor(() => expect(list).toHaveBeenCalledTimes(2))
    expect(query(calls.filter((c) => c.path === '/api/v1/plan/tasks').at(-1))).toEqual({ page: '1', per_page: '20' })
  })

  it('filters by light in the URL and asks the server for it', async () => {
    const list = vi.fn(() => json(200, { items: [RED], total: 1 }))
    const { calls } = await open('/console/plan/tasks?plan_id=1', {
      'GET /api/v1/plan/tasks': list,
      'GET /api/v1/plan/supervision': json(200, SUPERVISION),
    })
    expect(query(calls.find((c) => c.path === '/api/v1/plan/supervision'))).toEqual({ plan_id: '1' })
    await click($('[data-testid=light-red] input'))
    await vi.waitFor(() => expect(list).toHaveBeenCalledTimes(2))
    expect(query(calls.filter((c) => c.path === '/api/v1/plan/tasks').at(-1))).toEqual({ plan_id: '1', light: 'red', page: '1', per_page: '20' })
    expect($('[data-testid=tasks-total]').textContent).toContain('1')
    // The lead units offered are the summary's (exact lead-unit names, as the filter matches).
    await pick('filter-department', '唐山市质监局')
    await vi.waitFor(() => expect(list).toHaveBeenCalledTimes(3))
    expect(query(calls.filter((c) => c.path === '/api/v1/plan/tasks').at(-1))).toEqual({ plan_id: '1', light: 'red', department: '唐山市质监局', page: '1', per_page: '20' })
  })

  it('shows a city only its own unit, in English too', async () => {
    await open('/console/plan/tasks', {
      'GET /api/v1/plan/tasks': json(200, { items: [TASK], total: 1 }),
      'GET /api/v1/plan/supervision': json(200, { ...SUPERVISION, by_region: [SUPERVISION.by_region[1]], attention: [YELLOW] }),
    }, CITY_ME, { locale: 'en' })
    expect($$('[data-testid=supervision-row]').map((r) => r.dataset.region)).toEqual(['130200'])
    expect($('[data-testid=filter-region]')).toBeNull()
    const row = $('[data-testid=tasks-table] .el-table__body tr.el-table__row')
    expect(row.querySelector('[data-testid=task-light]').textContent.trim()).toBe('Green')
    expect(row.querySelector('[data-testid=task-days]').textContent).toBe('40 days left')
  })
})

describe('task page', () => {
  const REPORTED = {
    ...TASK, status: 'completion_reported', percent: 100, subtasks: [],
    reports: [
      { seq: 1, kind: 'progress', percent: 40, narrative: '完成 1 家', achieved_value: 1, reported_by: 'tangshan', reported_on: '2026-11-27', at: '2026-11-27T03:00:00Z',
        evidence: [{ position: 1, name: '抽查报告.pdf', sha256: 'cd'.repeat(32), size: 2048 }] },
      { seq: 2, kind: 'completion', percent: 100, narrative: '全部完成', achieved_value: 4, reported_by: 'tangshan', reported_on: '2026-11-27', at: '2026-11-27T03:30:00Z', evidence: [] },
    ],
  }

  it('reports progress with evidence read as a data URL', async () => {
    const post = vi.fn(() => json(201, { ...TASK, percent: 60, subtasks: [], reports: [] }))
    const { calls } = await open('/console/plan/tasks/7', {
      'GET /api/v1/plan/tasks/7': json(200, { ...TASK, subtasks: [], reports: [] }),
      'POST /api/v1/plan/tasks/7/reports': post,
    }, CITY_ME)
    expect($('[data-testid=plan-task-view]').dataset.light).toBe('green')
    expect($('[data-testid=task-facts] [data-testid=task-days]').textContent).toContain('剩 40 天')
    expect($('[data-testid=task-target-value]').textContent).toBe('已完成 1 / 4 家')
    expect($('[data-testid=review-form]')).toBeNull() // nothing to review
    expect($('[data-testid=task-subdivide]')).not.toBeNull() // tangshan manages its own task

    await click($('[data-testid=report-submit]'))
    await vi.waitFor(() => expect($('[data-testid=report-form]').textContent).toContain('必填'))
    const percent = $('[data-testid=report-percent] .el-input-number input')
    await type(percent, '60')
    percent.dispatchEvent(new Event('change'))
    await type($('#zl-report-narrative'), ' 已完成 2 家企业抽查 ')
    await type($('#zl-report-achieved'), '2')
    const files = $('[data-testid=report-files]')
    Object.defineProperty(files, 'files', { value: [new File(['报告'], '抽查报告.txt', { type: 'text/plain' })], configurable: true })
    files.dispatchEvent(new Event('change'))
    await vi.waitFor(() => expect($$('[data-testid=report-file]')).toHaveLength(1))
    await click($('[data-testid=report-submit]'))
    await vi.waitFor(() => expect(post).toHaveBeenCalled())
    const body = calls.find((c) => c.method === 'POST').body
    expect(body).toMatchObject({ kind: 'progress', percent: 60, narrative: '已完成 2 家企业抽查', achieved_value: 2 })
    expect(body.evidence).toHaveLength(1)
    expect(body.evidence[0].name).toBe('抽查报告.txt')
    expect(body.evidence[0].content).toMatch(/^data:text\/plain.*;base64,/)
  })

  it('lets the province review a completion report: a return needs its reason', async () => {
    const review = vi.fn(() => json(201, { ...REPORTED, status: 'closed', light: 'done', closed_on: '2026-11-27' }))
    const { calls } = await open('/console/plan/tasks/7', {
      'GET /api/v1/plan/tasks/7': json(200, REPORTED),
      'POST /api/v1/plan/tasks/7/review': review,
    })
    expect($('[data-testid=report-form]')).toBeNull() // awaiting review: no new report
    const reports = $$('[data-testid=task-report]')
    expect(reports.map((r) => r.dataset.kind)).toEqual(['progress', 'completion'])
    const link = reports[0].querySelector('[data-testid=report-evidence] a')
    expect(link.getAttribute('href')).toBe('/api/v1/plan/tasks/7/reports/1/evidence/1')
    expect(link.textContent).toBe('抽查报告.pdf')
    expect(reports[0].textContent).toContain('2.0 KB')

    await click($('[data-testid=review-return] input'))
    await click($('[data-testid=review-submit]'))
    await vi.waitFor(() => expect($('[data-testid=review-form]').textContent).toContain('退回须说明理由'))
    expect(review).not.toHaveBeenCalled()
    await click($('[data-testid=review-accept] input'))
    await type($('#zl-review-reason'), '同意')
    await click($('[data-testid=review-submit]'))
    await vi.waitFor(() => expect(review).toHaveBeenCalled())
    expect(calls.find((c) => c.method === 'POST').body).toEqual({ decision: 'accept', reason: '同意' })
  })

  it('tells a city that its completion report awaits the province', async () => {
    await open('/console/plan/tasks/7', { 'GET /api/v1/plan/tasks/7': json(200, REPORTED) }, CITY_ME)
    expect($('[data-testid=review-form]')).toBeNull()
    expect($('[data-testid=task-awaiting]')).not.toBeNull()
    expect($('[data-testid=report-form]')).toBeNull()
  })
})

describe('assessment page', () => {
  const INDICATORS = {
    year: 2014, source: 'default', loaded_by: '', loaded_at: '',
    indicators: [
      { code: 'T1', level1: '质量目标', level2: '任务完成', name: '行动计划任务按期办结', method: '按期办结率', evidence: '', lead_department: '省质监局', points: 60, source: 'tasks', full_at: 0, zero_at: 0, late_factor: 0.5 },
      { code: 'R1', level1: '质量目标', level2: '产品质量', name: '监督抽查合格率', method: '≥95% 满分', evidence: '', lead_department: '省质监局', points: 30, source: 'rate', full_at: 95, zero_at: 80, late_factor: 0.5 },
      { code: 'F1', level1: '质量工作', level2: '宣传', name: '质量月活动', method: '评分', evidence: '', lead_department: '省质监局', points: 10, source: 'figure', full_at: 0, zero_at: 0, late_factor: 0.5 },
      { code: 'V1', level1: '否决项', level2: '', name: '重大质量安全事故', method: '发生即否决', evidence: '', lead_department: '省质监局', points: 0, source: 'veto', full_at: 0, zero_at: 0, late_factor: 0.5 },
    ],
  }
  const GRADES = ['A', 'A', 'B', 'B', 'B', 'C', 'C', 'C', 'C', 'C', 'D', 'D', 'D']
  const RESULT = {
    year: 2014, as_of: '2026-11-27', run_at: '2026-11-27T04:00:00Z', run_by: 'admin',
    cities: CITIES.map(([code, zh], i) => ({ region_code: code, region_name: zh, total: 95 - i * 4.5, grade: GRADES[i], rank: i + 1, vetoed: i === 12 })),
  }
  const SHEET = {
    year: 2014, region_code: '130200', region_name: '唐山市', total: 90.5, grade: 'A', rank: 2, vetoed: false,
    lines: INDICATORS.indicators.map((ind) => ({ ...ind, score: ind.points / 2, basis: `${ind.code} 依据`, missing: ind.code === 'F1', vetoed: false })),
  }

  it('ranks the 13 units with their grades and opens a unit\'s score sheet', async () => {
    await open('/console/plan/assessment', {
      'GET /api/v1/plan/assessments': json(200, { items: [{ year: 2014, as_of: '2026-11-27', run_at: '2026-11-27T04:00:00Z', run_by: 'admin', city_count: 13 }] }),
      'GET /api/v1/plan/assessments/2014/indicators': json(200, INDICATORS),
      'GET /api/v1/plan/assessments/2014': json(200, RESULT),
      'GET /api/v1/plan/assessments/2014/figures': json(200, { items: [{ region_code: '130200', indicator: 'R1', value: 96, note: '', entered_by: 'admin', entered_at: '' }] }),
      'GET /api/v1/plan/assessments/2014/cities/130200': json(200, SHEET),
    })
    expect($('[data-testid=plan-assessment-view]').dataset.year).toBe('2014')
    const rows = $$('[data-testid=ranking-table] .el-table__body tr.el-table__row')
    expect(rows).toHaveLength(13)
    expect(rows.map((r) => r.querySelector('[data-testid=grade-tag]').dataset.grade)).toEqual(GRADES)
    expect(rows[0].querySelector('[data-testid=grade-tag]').textContent.trim()).toBe('A · 优秀')
    expect(rows[0].querySelector('[data-testid=grade-tag]').classList.contains('el-tag--success')).toBe(true)
    expect(rows[12].querySelector('[data-testid=grade-tag]').classList.contains('el-tag--danger')).toBe(true)
    expect(rows[1].querySelector('[data-testid=ranking-city]').textContent.trim()).toBe('唐山市')
    expect(rows[1].querySelector('[data-testid=ranking-total]').textContent).toBe('90.5')
    expect(rows[12].querySelector('[data-testid=ranking-vetoed]').textContent).toBe('一票否决')
    expect($('[data-testid=assessment-export]').getAttribute('href')).toBe('/api/v1/plan/assessments/2014/export?format=xlsx')
    expect($$('[data-testid=indicator-code]').map((c) => c.textContent)).toEqual(['T1', 'R1', 'F1', 'V1'])
    expect($('[data-testid=indicator-points]').textContent).toContain('合计 100 分')

    // The grid: 13 rows, a column per entered indicator (rate, figure, veto), the figure in.
    expect($$('[data-testid=figures-row]')).toHaveLength(13)
    expect($$('[data-testid=figures-grid] thead th[data-indicator]').map((th) => th.dataset.indicator)).toEqual(['R1', 'F1', 'V1'])
    expect($('[data-cell="130200:R1"] input, input[data-cell="130200:R1"]').value).toBe('96')

    await click(rows[1].querySelector('[data-testid=ranking-city]'))
    await vi.waitFor(() => expect($('[data-testid=score-sheet]')).not.toBeNull())
    expect($('[data-testid=sheet-total]').textContent).toBe('90.5')
    expect($$('[data-testid=sheet-lines] .el-table__body tr.el-table__row')).toHaveLength(4)
    expect($('[data-testid=sheet-missing]').textContent).toBe('未录入')
  })

  it('saves the figures grid and runs the assessment of a year not yet assessed', async () => {
    const put = vi.fn(() => json(200, { items: [] }))
    const run = vi.fn(() => json(200, RESULT))
    const { calls } = await open('/console/plan/assessment', {
      'GET /api/v1/plan/assessments': json(200, { items: [] }),
      'GET /api/v1/plan/assessments/2014/indicators': json(200, INDICATORS),
      'GET /api/v1/plan/assessments/2014': json(404, { title: 'Not Found', status: 404, detail: 'not assessed' }),
      'GET /api/v1/plan/assessments/2014/figures': json(200, { items: [] }),
      'PUT /api/v1/plan/assessments/2014/figures': put,
      'POST /api/v1/plan/assessments/2014/run': run,
    })
    expect($('[data-testid=assessment-not-run]').textContent).toContain('2014 年度尚未运行考核')
    expect($('[data-testid=assessment-export]')).toBeNull()
    expect($('[data-testid=load-error]')).toBeNull()

    const cell = (code, ind) => $(`input[data-cell="${code}:${ind}"]`) || $(`[data-cell="${code}:${ind}"] input`)
    await type(cell('130200', 'R1'), '120')
    await click($('[data-testid=figures-save]'))
    await vi.waitFor(() => expect($('[data-testid=figures-invalid]')).not.toBeNull())
    expect(put).not.toHaveBeenCalled()
    await type(cell('130200', 'R1'), '96.5')
    await type(cell('130100', 'F1'), '8')
    await click(cell('130100', 'V1'))
    await click($('[data-testid=figures-save]'))
    await vi.waitFor(() => expect(put).toHaveBeenCalled())
    const figures = calls.find((c) => c.method === 'PUT').body.figures
    expect(figures.filter((f) => f.indicator !== 'V1')).toEqual([
      { region_code: '130100', indicator: 'F1', value: 8, note: '' },
      { region_code: '130200', indicator: 'R1', value: 96.5, note: '' },
    ])
    expect(figures.filter((f) => f.indicator === 'V1')).toHaveLength(13)
    expect(figures.find((f) => f.indicator === 'V1' && f.region_code === '130100').value).toBe(1)

    await click($('[data-testid=assessment-run]'))
    await vi.waitFor(() => expect($('.el-message-box__btns .el-button--primary')).not.toBeNull())
    await click($('.el-message-box__btns .el-button--primary'))
    await vi.waitFor(() => expect(run).toHaveBeenCalled())
    await vi.waitFor(() => expect($$('[data-testid=ranking-table] .el-table__body tr.el-table__row')).toHaveLength(13))
  })

  it('shows a city the ranking without the grid, the upload or the run', async () => {
    await open('/console/plan/assessment?year=2014', {
      'GET /api/v1/plan/assessments': json(200, { items: [] }),
      'GET /api/v1/plan/assessments/2014/indicators': json(200, INDICATORS),
      'GET /api/v1/plan/assessments/2014': json(200, RESULT),
    }, CITY_ME)
    expect($$('[data-testid=ranking-table] .el-table__body tr.el-table__row')).toHaveLength(13)
    expect($('[data-testid=assessment-figures]')).toBeNull()
    expect($('[data-testid=assessment-run]')).toBeNull()
    expect($('[data-testid=indicator-upload]')).toBeNull()
    // Only its own score sheet opens.
    expect($$('button[data-testid=ranking-city]').map((b) => b.dataset.region)).toEqual(['130200'])
  })
})
