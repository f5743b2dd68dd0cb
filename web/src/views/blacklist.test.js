import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { resetSession } from '../session.js'
import { resetMeasures } from '../composables/useMeasures.js'
import { CITY_ME, ENTERPRISE_ME, INSPECTOR_ME, fakeFetch, json } from '../test/fakeFetch.js'
import { mountApp } from '../test/mountApp.js'

const USCC = '91130200MAF4JD0N5T'
const NAME = '唐山市东兴玻璃股份有限公司'
const MEASURES = [
  { code: 'bidding', activity: 'bid', default: true, name_zh: '依法限制参与招标投标', name_en: 'Restricted in tendering and bidding', basis: '令44号第十五条' },
  { code: 'honours', activity: 'honour', default: true, name_zh: '不得授予相关荣誉称号', name_en: 'No honours or awards', basis: '令44号第十五条' },
  { code: 'land', activity: 'land', default: false, name_zh: '依法限制参与土地出让', name_en: 'Restricted in land transfers', basis: '条例第十九条' },
]
const NO_DEADLINES = {
  objection_window_ends: null, objection_answer_due: null, publish_due: null, removal_possible_from: null,
  removal_decision_due: null, stop_publication_due: null, expires_on: null, uncovered_by_calendar: [],
}
const CASE = {
  id: 7, uscc: USCC, name: NAME, region_code: '130200', state: 'notified', rule_code: '', reason: '抽查不合格并受到较重行政处罚',
  basis: '令44号第七条', authority: '唐山市市场监督管理局', measures: MEASURES.slice(0, 2), notified_on: '2026-11-27',
  objection_filed_on: null, listed_on: null, published_on: null, removal_requested_on: null, removed_on: null, record_id: null,
  deadlines: { ...NO_DEADLINES, objection_window_ends: '2026-12-04' }, next_due: '2026-12-04', overdue: false,
  created_by: 'tangshan', created_at: '2026-11-27T02:00:00Z', updated_at: '2026-11-27T02:05:00Z',
  events: [
    { seq: 2, action: 'notify', from_state: 'proposed', to_state: 'notified', party: 'regulator', actor: 'tangshan', on: '2026-11-27', at: '2026-11-27T02:05:00Z', reason: '送达告知书',
      documents: [{ name: '告知书', content: '拟列入严重违法失信名单', sha256: 'ab12'.repeat(16) }] },
    { seq: 1, action: 'open', from_state: null, to_state: 'proposed', party: 'regulator', actor: 'tangshan', on: '2026-11-27', at: '2026-11-27T02:00:00Z', reason: '立案', documents: [] },
  ],
}
const PUBLISHED = {
  ...CASE, state: 'published', notified_on: '2025-09-01', listed_on: '2025-09-16', published_on: '2025-09-20', record_id: 99,
  deadlines: { ...NO_DEADLINES, objection_window_ends: '2025-09-08', publish_due: '2025-10-14', removal_possible_from: '2026-09-16', expires_on: '2028-09-16' },
  next_due: null,
}
const REGIONS = { items: [{ code: '130200', name_zh: '唐山市', name_en: 'Tangshan', parent_code: '130000', kind: 'city' }] }

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

let wrapper
beforeEach(() => {
  resetSession()
  resetMeasures()
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-11-27T04:00:00Z')) // noon in Beijing
})
afterEach(() => {
  wrapper?.unmount()
  document.body.innerHTML = ''
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

async function open(path, routes, me = CITY_ME, options) {
  const stub = fakeFetch({
    'GET /api/v1/auth/me': json(200, me),
    'GET /api/v1/regions': json(200, REGIONS),
    'GET /api/v1/blacklist/measures': json(200, { items: MEASURES }),
    ...routes,
  })
  vi.stubGlobal('fetch', stub.fetch)
  ;({ wrapper } = await mountApp(path, options))
  await flushPromises()
  return stub
}

describe('public blacklist page', () => {
  const ENTRY = { case_id: 7, uscc: USCC, name: NAME, reason: CASE.reason, basis: CASE.basis, authority: CASE.authority, listed_on: '2025-09-16', published_on: '2025-09-20', expires_on: '2028-09-16', measures: MEASURES.slice(0, 2) }

  it('searches by the URL, links each entry to its credit file and exports the same search', async () => {
    const { calls } = await open('/blacklist?q=唐山&page=2', {
      'GET /api/v1/blacklist': json(200, { total: 21, page: 2, per_page: 20, items: [ENTRY] }),
    })
    expect(query(calls.find((c) => c.path === '/api/v1/blacklist'))).toEqual({ q: '唐山', page: '2', per_page: '20' })
    expect($('#zl-blacklist-q').value).toBe('唐山')
    expect($('[data-testid=blacklist-total]').textContent).toContain('21')
    expect($('[data-testid=blacklist-name]').getAttribute('href')).toBe(`/enterprises/${USCC}`)
    expect($$('[data-testid=blacklist-table] [data-testid=measure-tag]').map((e) => e.textContent.trim())).toEqual(['依法限制参与招标投标', '不得授予相关荣誉称号'])
    expect($('[data-testid=blacklist-table]').textContent).toContain('2028-09-16')
    const csv = new URL($('[data-testid=blacklist-export-csv]').getAttribute('href'), 'http://x')
    expect(csv.pathname).toBe('/api/v1/blacklist/export')
    expect(Object.fromEntries(csv.searchParams)).toEqual({ q: '唐山', format: 'csv' })
    expect($('[data-testid=nav-blacklist]').classList.contains('is-active')).toBe(true)
  })

  it('answers "may this enterprise …?" with the measures that restrict it', async () => {
    const { calls } = await open('/blacklist', {
      'GET /api/v1/blacklist': json(200, { total: 1, page: 1, per_page: 20, items: [ENTRY] }),
      [`GET /api/v1/enterprises/${USCC}/restrictions`]: ({ url }) => json(200, {
        uscc: USCC, name: NAME, activity: new URL(url, 'http://x').searchParams.get('activity'), allowed: false,
        measures: [{ case_id: 7, ...MEASURES[0] }],
      }),
    })
    await click($('[data-testid=blacklist-check-row]')) // fills the code in from the row
    expect($('#zl-check-uscc').value).toBe(USCC)
    await click($('[data-testid=check-submit]'))
    const answer = await vi.waitFor(() => {
      expect($('[data-testid=check-answer]')).not.toBeNull()
      return $('[data-testid=check-answer]')
    })
    expect(query(calls.find((c) => c.path.endsWith('/restrictions')))).toEqual({ activity: 'bid' })
    expect(answer.dataset.allowed).toBe('false')
    expect(answer.textContent).toContain(`${NAME}：不得参与招标投标`)
    expect($('[data-testid=check-measure]').textContent).toContain('依法限制参与招标投标')
  })
})

describe('console worklist', () => {
  it('lists the cases with state and next deadline, and filters by the URL', async () => {
    const overdue = { ...CASE, id: 8, state: 'objection_filed', next_due: '2026-11-20', overdue: true }
    const { calls } = await open('/console/blacklist?due=overdue&state=bogus', {
      'GET /api/v1/blacklist/cases': json(200, { items: [overdue, CASE] }),
    })
    expect(query(calls.find((c) => c.path === '/api/v1/blacklist/cases'))).toEqual({ due: 'overdue' })
    const rows = $$('[data-testid=worklist-table] .el-table__body tr.el-table__row')
    expect(rows).toHaveLength(2)
    expect(rows[0].classList.contains('is-overdue')).toBe(true)
    expect(rows[0].querySelector('[data-testid=case-state]').textContent.trim()).toBe('已提出异议')
    expect(rows[0].querySelector('[data-testid=case-next-due]').textContent).toContain('已逾期')
    expect(rows[0].querySelector('[data-testid=case-link]').getAttribute('href')).toBe('/console/blacklist/8')
    expect(rows[1].querySelector('[data-testid=case-next-due]').textContent).toContain('即将到期')
    expect(rows[1].textContent).toContain('唐山市')
    expect($('[data-testid=menu-blacklist]').classList.contains('is-active')).toBe(true)
    expect($('[data-testid=case-number-box]')).toBeNull()
  })

  it('opens a case with the default measures ticked, showing a server 400 at its field', async () => {
    const post = vi.fn()
      .mockResolvedValueOnce(json(400, { title: 'Invalid Argument', status: 400, detail: "check character: expected '6'", field: 'uscc' }))
      .mockResolvedValueOnce(json(201, { ...CASE, state: 'proposed', events: undefined }))
    const { calls } = await open('/console/blacklist', {
      'GET /api/v1/blacklist/cases': json(200, { items: [] }),
      'POST /api/v1/blacklist/cases': post,
      'GET /api/v1/blacklist/cases/7': json(200, { ...CASE, state: 'proposed', events: CASE.events.slice(1) }),
    })
    await click($('[data-testid=case-create]'))
    await vi.waitFor(() => expect($('[data-testid=case-dialog]')).not.toBeNull())
    const ticked = () => $$('[data-testid=case-measures] .el-checkbox.is-checked').map((e) => e.dataset.code)
    expect(ticked()).toEqual(['bidding', 'honours'])
    expect($('#zl-case-authority').value).toBe('唐山市市场监督管理局')
    await click($('[data-testid=case-save]'))
    await vi.waitFor(() => expect($('[data-testid=case-dialog]').textContent).toContain('必填'))
    expect(post).not.toHaveBeenCalled()

    await type($('#zl-case-uscc'), USCC.toLowerCase())
    await type($('#zl-case-reason'), CASE.reason)
    await type($('#zl-case-basis'), CASE.basis)
    await click($('[data-testid=case-save]'))
    await vi.waitFor(() => expect($('[data-testid=case-dialog]').textContent).toContain("expected '6'"))
    expect($('[data-testid=case-dialog] [data-testid=problem]')).toBeNull() // at the field, not above the form
    expect(calls.find((c) => c.method === 'POST').body).toEqual({
      uscc: USCC, reason: CASE.reason, basis: CASE.basis, authority: '唐山市市场监督管理局', measures: ['bidding', 'honours'],
    })
    await click($('[data-testid=case-save]'))
    await vi.waitFor(() => expect($('[data-testid=case-view]')?.dataset.caseId).toBe('7'))
  })

  it('gives an enterprise account the case-number box instead of the worklist', async () => {
    const { calls, fetch } = await open('/console/blacklist', {
      'GET /api/v1/blacklist/cases/7': json(200, PUBLISHED),
    }, ENTERPRISE_ME)
    expect($('[data-testid=menu-blacklist]')).not.toBeNull()
    expect($('[data-testid=worklist-table]')).toBeNull()
    expect(calls.some((c) => c.path === '/api/v1/blacklist/cases')).toBe(false)
    await type($('#zl-case-number'), 'x')
    await click($('[data-testid=case-number-open]'))
    expect($('[data-testid=case-number-box]').textContent).toContain('请输入告知书上的案件编号')
    await type($('#zl-case-number'), '黑名单案件 7')
    await click($('[data-testid=case-number-open]'))
    await vi.waitFor(() => expect($('[data-testid=case-view]')?.dataset.state).toBe('published'))
    expect(fetch).toHaveBeenCalled()
  })

  it('shows an inspector no blacklist page', async () => {
    await open('/console/blacklist', {}, INSPECTOR_ME)
    expect($('[data-testid=no-permission]')).not.toBeNull()
    expect($('[data-testid=menu-blacklist]')).toBeNull()
  })
})

describe('case page', () => {
  it('shows facts, deadlines and the timeline with its documents', async () => {
    await open('/console/blacklist/7', { 'GET /api/v1/blacklist/cases/7': json(200, CASE) })
    expect($('[data-testid=case-view]').dataset.state).toBe('notified')
    expect($('[data-testid=case-facts]').textContent).toContain(CASE.reason)
    const deadline = $('[data-testid=case-deadline]')
    expect(deadline.dataset.key).toBe('objection_window_ends')
    expect(deadline.classList.contains('is-next')).toBe(true)
    const events = $$('[data-testid=case-event]')
    expect(events.map((e) => e.dataset.action)).toEqual(['open', 'notify'])
    expect(events[1].querySelector('[data-testid=event-action]').textContent.trim()).toBe('送达告知书')
    expect($('[data-testid=document-name]').textContent.trim()).toBe('告知书')
    expect($('[data-testid=document-sha]').textContent).toContain('ab12ab…12ab12')
    expect($('[data-testid=document-content]').textContent).toBe('拟列入严重违法失信名单')
  })

  it('offers the regulator only what the window allows, dated steps, and shows a refusal', async () => {
    const step = vi.fn()
      .mockResolvedValueOnce(json(409, { title: 'Conflict', title_zh: '与现有数据冲突', status: 409, detail: "the case's last step was on 2026-11-27; a step cannot be dated before it" }))
      .mockResolvedValueOnce(json(201, { ...CASE, state: 'dismissed' }))
    let dismissed = false
    const { calls } = await open('/console/blacklist/7', {
      'GET /api/v1/blacklist/cases/7': () => json(200, dismissed ? { ...CASE, state: 'dismissed', next_due: null } : CASE),
      'POST /api/v1/blacklist/cases/7/steps': (req) => {
        const answer = step(req)
        if (step.mock.calls.length === 2) dismissed = true
        return answer
      },
    })
    expect($('[data-testid=step-form]').dataset.actions).toBe('dismiss') // decide_list waits for the window
    expect($('[data-testid=step-withheld]').textContent).toContain('异议期至 2026-12-04')
    expect($('[data-testid=step-action-decide_list]')).toBeNull()
    expect($('[data-testid=step-on]')).not.toBeNull()
    await type($('#zl-step-on'), '2026-12-05') // a later day would allow the decision: but not after today
    expect($('[data-testid=step-form]').dataset.actions).toBe('decide_list dismiss')
    await type($('#zl-step-on'), '2026-11-26')
    expect($('[data-testid=step-form]').dataset.actions).toBe('dismiss')
    await type($('#zl-step-reason'), '证据不足')
    await click($('[data-testid=step-submit]'))
    await vi.waitFor(() => expect($('[data-testid=step-form] [data-testid=problem-detail]')?.textContent).toContain('cannot be dated before it'))
    expect(calls.find((c) => c.method === 'POST').body).toEqual({ action: 'dismiss', reason: '证据不足', documents: [], on: '2026-11-26' })

    await type($('#zl-step-on'), '')
    await click($('[data-testid=step-submit]'))
    await vi.waitFor(() => expect($('[data-testid=case-view]').dataset.state).toBe('dismissed'))
    expect(calls.filter((c) => c.method === 'POST')[1].body).toEqual({ action: 'dismiss', reason: '证据不足', documents: [] })
    expect($('[data-testid=case-closed]')).not.toBeNull()
    expect($('[data-testid=step-form]')).toBeNull()
  })

  it('lets the enterprise request early removal only with a completed, confirmed commitment letter', async () => {
    const post = vi.fn(() => json(201, { ...PUBLISHED, state: 'removal_requested' }))
    let requested = false
    const { calls } = await open('/console/blacklist/7', {
      'GET /api/v1/blacklist/cases/7': () => json(200, requested ? { ...PUBLISHED, state: 'removal_requested', removal_requested_on: '2026-11-27' } : PUBLISHED),
      'POST /api/v1/blacklist/cases/7/steps': (req) => {
        requested = true
        return post(req)
      },
    }, ENTERPRISE_ME)
    expect($('[data-testid=step-form]').dataset.actions).toBe('request_removal')
    expect($('[data-testid=step-on]')).toBeNull() // an enterprise acts today
    const letter = $('#zl-step-doc-content-0')
    expect(letter.value.startsWith('守信承诺书')).toBe(true)
    expect($('#zl-step-doc-name-0').value).toBe('守信承诺书')
    expect(letter.value).toContain(`${NAME}（统一社会信用代码：${USCC}）`)
    await type($('#zl-step-reason'), '已整改完毕，申请提前移出')
    await click($('[data-testid=step-submit]'))
    await vi.waitFor(() => expect($('[data-testid=step-form]').textContent).toContain('请补全文书中【请填写…】处的内容'))
    expect($('[data-testid=step-form]').textContent).toContain('请确认承诺书内容')
    expect(post).not.toHaveBeenCalled()

    const completed = letter.value.replace(/【请填写[^】]*】/g, '已停产整改并缴清罚款')
    await type(letter, completed)
    await click($('[data-testid=step-confirm] input'))
    await click($('[data-testid=step-submit]'))
    await vi.waitFor(() => expect(post).toHaveBeenCalled())
    expect(calls.find((c) => c.method === 'POST').body).toEqual({
      action: 'request_removal', reason: '已整改完毕，申请提前移出', documents: [{ name: '守信承诺书', content: completed }],
    })
    await vi.waitFor(() => expect($('[data-testid=case-view]').dataset.state).toBe('removal_requested'))
    expect($('[data-testid=step-none]')).not.toBeNull() // the decision is the regulator's
  })

  it('tells the enterprise from when it may ask for removal', async () => {
    await open('/console/blacklist/7', {
      'GET /api/v1/blacklist/cases/7': json(200, { ...PUBLISHED, deadlines: { ...PUBLISHED.deadlines, removal_possible_from: '2027-01-04' } }),
    }, ENTERPRISE_ME, { locale: 'en' })
    expect($('[data-testid=step-form]').dataset.actions).toBe('')
    expect($('[data-testid=step-withheld]').textContent).toContain('Request early removal: possible from 2027-01-04')
  })
})

describe('enterprise detail', () => {
  const FILE = {
    uscc: USCC, name: NAME, region_code: '130200', region_name_zh: '唐山市', region_name_en: 'Tangshan', industry_code: 'C30',
    industry_name_zh: '非金属矿物制品业', industry_name_en: 'Non-metallic minerals', size: 'small', founded_on: '2016-10-24',
    legal_representative: '范某某', address: '河北省唐山市新华路52号', view: 'public', grade: { grade: 'D', score: 40 },
    summary: { good: 0, bad: 1, neutral: 0, list_status: 'serious_dishonesty', last_inspection: null }, records: [],
  }

  it('shows the red badge of a listed enterprise, linking to its public entry', async () => {
    await open(`/enterprises/${USCC}`, { [`GET /api/v1/enterprises/${USCC}`]: json(200, FILE) })
    const badge = $('[data-testid=blacklist-badge]')
    expect(badge.textContent.trim()).toBe('列入严重违法失信名单')
    expect(badge.getAttribute('href')).toBe(`/blacklist?q=${USCC}`)
    expect($('[data-testid=summary-list-status]').textContent).toContain('列入严重违法失信名单')
  })

  it('shows no badge otherwise', async () => {
    await open(`/enterprises/${USCC}`, { [`GET /api/v1/enterprises/${USCC}`]: json(200, { ...FILE, summary: { ...FILE.summary, list_status: 'none' } }) })
    expect($('[data-testid=enterprise-name]')).not.toBeNull()
    expect($('[data-testid=blacklist-badge]')).toBeNull()
  })
})
