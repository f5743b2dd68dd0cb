import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { resetSession } from '../session.js'
import { ADMIN_ME, INSPECTOR_ME, fakeFetch, json } from '../test/fakeFetch.js'
import { mountApp } from '../test/mountApp.js'

const USCC = '91130100MA0C123409'
const ENTERPRISE = {
  uscc: USCC, name: '石家庄钢铁有限公司', region_code: '130100', region_name_zh: '石家庄市', region_name_en: 'Shijiazhuang',
  industry_code: 'C31', industry_name_zh: '黑色金属冶炼和压延加工业', industry_name_en: 'Ferrous metal smelting',
  size: 'large', founded_on: '2001-05-01', legal_representative: '王某', address: '石家庄市长安区中山东路1号',
}
const record = (id, kind, occurred_on, polarity, extra = {}) => ({
  id, kind, occurred_on, polarity,
  kind_name_zh: { inspection_pass: '监督抽查合格', inspection_fail: '监督抽查不合格', penalty: '行政处罚', licence: '生产许可', revocation: '撤销' }[kind],
  kind_name_en: { inspection_pass: 'Sampling inspection passed', inspection_fail: 'Sampling inspection failed', penalty: 'Administrative penalty', licence: 'Production licence', revocation: 'Revocation' }[kind],
  title: `${kind} ${id}`, source_department: '石家庄市市场监督管理局', document_no: `冀石市监〔2024〕${id}号`,
  severity: polarity === 'bad' ? 'general' : 'none', published_from: '2024-05-10', published_until: '2027-05-10',
  status: 'active', replaces: null, replaced_by: null, published: true, ...extra,
})
const PUBLIC_FILE = {
  ...ENTERPRISE,
  view: 'public',
  summary: {
    good: 2, bad: 1, neutral: 0, list_status: 'none',
    last_inspection: { id: 3, kind: 'inspection_pass', occurred_on: '2024-06-01', title: '2024年钢材监督抽查', polarity: 'good' },
  },
  records: [
    record(3, 'inspection_pass', '2024-06-01', 'good'),
    record(2, 'penalty', '2023-03-15', 'bad'),
    record(1, 'inspection_pass', '2022-01-20', 'good'),
  ],
}
const FULL_FILE = {
  ...PUBLIC_FILE,
  view: 'full',
  records: [
    record(5, 'licence', '2025-01-01', 'good', { published: false, published_from: '', published_until: '' }),
    ...PUBLIC_FILE.records,
    record(7, 'revocation', '2024-07-01', 'neutral', { replaces: 4, published: false }),
    record(4, 'inspection_fail', '2021-04-01', 'bad', { status: 'revoked', replaced_by: 7 }),
  ],
}

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

async function open(path, routes, options) {
  const stub = fakeFetch(routes)
  vi.stubGlobal('fetch', stub.fetch)
  ;({ wrapper } = await mountApp(path, options))
  await flushPromises()
  return stub
}

describe('enterprise search', () => {
  const list = json(200, { total: 41, page: 2, per_page: 20, items: [ENTERPRISE] })

  it('sends the filters from the URL, shows the total and links each row to its credit file', async () => {
    const { calls } = await open('/enterprises?q=钢铁&region=130100&industry=C31&size=large&page=2', {
      'GET /api/v1/enterprises': list,
    })
    const call = calls.find((c) => c.path === '/api/v1/enterprises')
    const sent = Object.fromEntries(new URL(call.url, 'http://x').searchParams)
    expect(sent).toEqual({ page: '2', per_page: '20', q: '钢铁', region: '130100', industry: 'C31', size: 'large' })
    expect($('[data-testid=list-total]').textContent).toContain('41')
    expect($('#zl-filter-q').value).toBe('钢铁')
    const link = $('[data-testid=enterprise-link]')
    expect(link.textContent.trim()).toBe('石家庄钢铁有限公司')
    expect(link.getAttribute('href')).toBe(`/enterprises/${USCC}`)
  })

  it('shows a capped total as "10,000+"', async () => {
    await open('/enterprises?q=有限', {
      'GET /api/v1/enterprises': json(200, {
        total: 10000,
        total_capped: true,
        page: 1,
        per_page: 20,
        items: [ENTERPRISE],
      }),
    })
    expect($('[data-testid=list-total]').textContent).toMatch(/10,000\+/)
  })

  it('offers CSV and Excel downloads of the same search', async () => {
    await open('/enterprises?q=钢铁&size=large&page=3', { 'GET /api/v1/enterprises': list })
    const csv = $('[data-testid=export-csv]')
    expect(csv.tagName).toBe('A')
    expect(csv.hasAttribute('download')).toBe(true)
    expect(csv.getAttribute('href')).toBe('/api/v1/enterprises/export?format=csv&q=%E9%92%A2%E9%93%81&size=large')
    expect($('[data-testid=export-xlsx]').getAttribute('href')).toBe(
      '/api/v1/enterprises/export?format=xlsx&q=%E9%92%A2%E9%93%81&size=large',
    )
    expect(csv.textContent).toContain('导出 CSV')
  })

  it('puts a typed search into the URL and starts again at page 1', async () => {
    const { calls } = await open('/enterprises?page=2', { 'GET /api/v1/enterprises': list })
    const input = $('#zl-filter-q')
    input.value = '  钢铁 '
    input.dispatchEvent(new Event('input'))
    await flushPromises()
    await click($('[data-testid=search-submit]'))
    await vi.waitFor(() => expect(calls.filter((c) => c.path === '/api/v1/enterprises')).toHaveLength(2))
    expect(calls.at(-1).url).toBe('/api/v1/enterprises?page=1&per_page=20&q=%E9%92%A2%E9%93%81')
  })
})

describe('credit file', () => {
  it('shows the registration data, the summary and the records (public view)', async () => {
    const { calls } = await open(`/enterprises/${USCC}`, { [`GET /api/v1/enterprises/${USCC}`]: json(200, PUBLIC_FILE) })
    expect($('[data-testid=enterprise-name]').textContent).toBe('石家庄钢铁有限公司')
    expect($('[data-testid=field-legalRepresentative]').textContent).toBe('王某')
    expect($('[data-testid=field-address]').textContent).toBe('石家庄市长安区中山东路1号')
    expect($('[data-testid=summary-good]').textContent).toBe('2')
    expect($('[data-testid=summary-bad]').textContent).toBe('1')
    expect($('[data-testid=summary-neutral]').textContent).toBe('0')
    expect($('[data-testid=summary-last-inspection]').textContent).toContain('2024-06-01')
    expect($('[data-testid=summary-last-inspection]').textContent).toContain('监督抽查合格')
    expect($('[data-testid=summary-list-status]').textContent).toContain('未列入任何名单')
    expect($('[data-testid=credit-file]').dataset.view).toBe('public')

    const timeline = $$('[data-testid=credit-timeline] [data-testid=credit-record]')
    expect(timeline.map((r) => r.dataset.recordId)).toEqual(['3', '2', '1'])
    expect(timeline[1].querySelector('[data-testid=record-polarity]').className).toContain('el-tag--danger')
    expect(timeline[0].querySelector('[data-testid=record-polarity]').className).toContain('el-tag--success')
    expect(timeline[1].querySelector('[data-testid=record-severity]').textContent).toContain('一般')
    expect(timeline[1].querySelector('[data-testid=record-source]').textContent).toBe('石家庄市市场监督管理局')
    expect(timeline[1].querySelector('[data-testid=record-document]').textContent).toBe('冀石市监〔2024〕2号')
    expect(timeline[1].querySelector('[data-testid=record-window]').textContent).toBe('2024-05-10 至 2027-05-10')
    // The public view has no status, no "not published" and no revoke, and never asks who is signed in.
    expect($$('[data-testid=record-status]')).toHaveLength(0)
    expect($$('[data-testid=record-revoke]')).toHaveLength(0)
    expect(calls.some((c) => c.path === '/api/v1/auth/me')).toBe(false)

    expect($('[data-testid=report-csv]').getAttribute('href')).toBe(`/api/v1/enterprises/${USCC}/report?format=csv`)
    expect($('[data-testid=report-xlsx]').getAttribute('href')).toBe(`/api/v1/enterprises/${USCC}/report?format=xlsx`)
  })

  it('groups the records by kind with their counts', async () => {
    await open(`/enterprises/${USCC}`, { [`GET /api/v1/enterprises/${USCC}`]: json(200, PUBLIC_FILE) })
    const tabs = $$('[data-testid=record-tabs] .el-tabs__item').map((el) => el.textContent.trim())
    expect(tabs).toEqual(['时间线（3）', '监督抽查合格（2）', '行政处罚（1）'])
    const pass = $('[data-testid=kind-group-inspection_pass]')
    expect([...pass.querySelectorAll('[data-testid=credit-record]')].map((r) => r.dataset.recordId)).toEqual(['3', '1'])
    expect(pass.querySelector('[data-testid=kind-counts]').textContent).toContain('良好 2')
    expect($('[data-testid=kind-group-penalty] [data-testid=kind-counts]').textContent).toContain('不良 1')
  })

  it('shows every record with its status in the full view, but no revoke button without enterprise.write', async () => {
    await open(`/enterprises/${USCC}`, {
      [`GET /api/v1/enterprises/${USCC}`]: json(200, FULL_FILE),
      'GET /api/v1/auth/me': json(200, INSPECTOR_ME),
    }, { locale: 'en' })
    expect($('[data-testid=credit-file]').dataset.view).toBe('full')
    const timeline = $$('[data-testid=credit-timeline] [data-testid=credit-record]')
    expect(timeline.map((r) => r.dataset.recordId)).toEqual(['5', '7', '3', '2', '1', '4'])
    expect(timeline[0].querySelector('[data-testid=record-unpublished]').textContent).toContain('Not published')
    expect(timeline[5].querySelector('[data-testid=record-status]').textContent).toContain('Revoked')
    expect(timeline[5].classList.contains('is-revoked')).toBe(true)
    expect(timeline[5].textContent).toContain('Revoked by record#7')
    expect(timeline[1].textContent).toContain('Revokes record#4')
    expect(timeline[2].classList.contains('is-revoked')).toBe(false)
    expect($$('[data-testid=record-revoke]')).toHaveLength(0)
  })

  it('lets a user with enterprise.write revoke an active record with a reason, then reloads', async () => {
    const revoked = { ...FULL_FILE, records: FULL_FILE.records.map((r) => (r.id === 2 ? { ...r, status: 'revoked' } : r)) }
    const file = vi.fn().mockResolvedValueOnce(json(200, FULL_FILE)).mockResolvedValueOnce(json(200, revoked))
    const { calls } = await open(`/enterprises/${USCC}`, {
      [`GET /api/v1/enterprises/${USCC}`]: file,
      'GET /api/v1/auth/me': json(200, ADMIN_ME),
      'POST /api/v1/records/2/revoke': json(201, { id: 9, kind: 'revocation', status: 'active' }),
    })
    const buttons = $$('[data-testid=credit-timeline] [data-testid=record-revoke]')
    // Active records only: 5, 3, 2, 1 (4 is revoked already, 7 is the revocation of 4).
    expect(buttons).toHaveLength(4)
    const target = $('[data-testid=credit-timeline] [data-record-id="2"] [data-testid=record-revoke]')
    await click(target)
    await vi.waitFor(() => expect($('[data-testid=revoke-dialog]')).not.toBeNull())
    expect($('[data-testid=revoke-record]').textContent).toContain('penalty 2')

    await click($('[data-testid=revoke-confirm]')) // no reason yet
    await vi.waitFor(() => expect($('[data-testid=revoke-dialog]').textContent).toContain('请填写撤销理由'))
    expect(calls.some((c) => c.method === 'POST')).toBe(false)

    const reason = $('#zl-revoke-reason')
    reason.value = '处罚决定已被依法撤销'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    await click($('[data-testid=revoke-confirm]'))
    await vi.waitFor(() => expect(file).toHaveBeenCalledTimes(2))
    const post = calls.find((c) => c.method === 'POST')
    expect(post.body).toEqual({ reason: '处罚决定已被依法撤销' })
    expect(post.headers['X-CSRF-Token']).toBe('csrf-123')
    await vi.waitFor(() =>
      expect($('[data-testid=credit-timeline] [data-record-id="2"]').classList.contains('is-revoked')).toBe(true))
  })

  it('says when there are no records', async () => {
    await open(`/enterprises/${USCC}`, {
      [`GET /api/v1/enterprises/${USCC}`]: json(200, { ...PUBLIC_FILE, summary: { good: 0, bad: 0, neutral: 0, last_inspection: null, list_status: 'none' }, records: [] }),
    })
    expect($('[data-testid=credit-no-records]').textContent).toContain('暂无信用记录')
    expect($('[data-testid=summary-last-inspection]').textContent).toContain('暂无监督抽查记录')
  })
})

describe('credit grade', () => {
  const GRADE = { grade: 'AA', score: 84.5, graded_on: '2026-11-27', valid_until: '2027-11-27', rules_version: 'hebei-default-2026.1' }
  const EXPLANATION = {
    score: 84.5, score_grade: 'AAA', grade: 'AA', rules_version: 'hebei-default-2026.1', rules_name: '默认规则', graded_on: '2026-11-27',
    dimensions: [
      { code: 'philosophy', name_zh: '贯彻质量诚信理念', name_en: 'Commitment to quality integrity', max: 20, base: 10, score: 16, records: [
        { record_id: 1, points: 6, rule_points: 6, decay_factor: 1, kind: 'chief_quality_officer', kind_name_zh: '首席质量官', title: '设立首席质量官', occurred_on: '2025-05-22', severity: 'none' },
      ] },
      { code: 'capability', name_zh: '履行质量承诺能力', name_en: 'Capability to keep quality commitments', max: 30, base: 15, score: 15, records: [] },
      { code: 'performance', name_zh: '兑现质量承诺表现', name_en: 'Record of keeping quality commitments', max: 50, base: 40, score: 53.5, records: [
        { record_id: 2, points: 1.01, rule_points: 2, decay_factor: 0.51, kind: 'inspection_pass', kind_name_zh: '监督抽查合格', title: '抽查合格', occurred_on: '2024-12-10', severity: 'none' },
        { record_id: 6, points: -4.95, rule_points: -5, decay_factor: 0.99, kind: 'inspection_fail', kind_name_zh: '监督抽查不合格', title: '抽查不合格', occurred_on: '2026-07-07', severity: 'minor' },
      ] },
    ],
    vetoes: [{ code: 'serious_penalty', cap: 'B', basis: '一年内受到严重行政处罚', type: 'record', kind: 'penalty' }],
    audit_cap: 'A',
  }
  const HISTORY = [
    { grade: 'AA', score: 84.5, rules_version: 'hebei-default-2026.1', graded_on: '2026-11-27', cause: 'grading run 2', actor: 'admin', created_at: '2026-11-27T04:37:02Z' },
    { grade: 'A', score: 72, rules_version: 'hebei-default-2026.1', graded_on: '2026-10-01', cause: 'grading run 1', actor: 'admin', created_at: '2026-10-01T02:00:00Z' },
  ]
  const internal = {
    grade: { ...GRADE, risk_class: 'C' },
    explanation: {
      ...EXPLANATION,
      risk: { class: 'C', from_grade: 'A', raised_by: [{ kind: 'inspection_fail', window_months: 12, count: 1, steps: 1 }], forced_by: [] },
    },
    history: HISTORY.map((h) => ({ ...h, risk_class: 'C' })),
  }

  it('shows a visitor the grade with its score and dates, but no risk class and no explanation', async () => {
    const { calls } = await open(`/enterprises/${USCC}`, { [`GET /api/v1/enterprises/${USCC}`]: json(200, { ...PUBLIC_FILE, grade: GRADE }) })
    const head = $('[data-testid=credit-grade]')
    expect(head.dataset.grade).toBe('AA')
    const badge = head.querySelector('[data-testid=grade-badge]')
    expect(badge.textContent).toBe('AA')
    expect(badge.getAttribute('style')).toMatch(/background-color: (#2f9e44|rgb\(47, 158, 68\))/)
    expect($('[data-testid=grade-score]').textContent).toBe('84.5')
    expect($('[data-testid=grade-graded-on]').textContent).toBe('2026-11-27')
    expect($('[data-testid=grade-valid-until]').textContent).toBe('2027-11-27')
    expect($('[data-testid=grade-risk]')).toBeNull()
    expect($('[data-testid=grade-explain]')).toBeNull()
    expect(calls.some((c) => c.path.endsWith('/grade'))).toBe(false)
  })

  it('says "not graded yet" without a grade', async () => {
    await open(`/enterprises/${USCC}`, { [`GET /api/v1/enterprises/${USCC}`]: json(200, { ...PUBLIC_FILE, grade: null }) })
    expect($('[data-testid=credit-grade]').dataset.grade).toBe('none')
    expect($('[data-testid=grade-none]').textContent).toContain('暂未评级')
  })

  it('shows a regulator the risk class and the explanation with signed points, vetoes, the audit cap, the risk and the history', async () => {
    const { calls } = await open(`/enterprises/${USCC}`, {
      [`GET /api/v1/enterprises/${USCC}`]: json(200, { ...FULL_FILE, grade: internal.grade }),
      [`GET /api/v1/enterprises/${USCC}/grade`]: json(200, { uscc: USCC, name: ENTERPRISE.name, ...internal }),
      'GET /api/v1/auth/me': json(200, INSPECTOR_ME),
    })
    expect($('[data-testid=grade-risk]').textContent).toContain('C')
    expect($('[data-testid=grade-risk]').textContent).toContain('内部')
    expect($('[data-testid=grade-explanation]')).toBeNull() // closed until asked
    await click($('[data-testid=grade-explain]'))
    const panel = $('[data-testid=grade-explanation]')
    expect(panel).not.toBeNull()
    expect(calls.find((c) => c.path.endsWith('/grade')).init.credentials).toBe('same-origin')

    const dims = $$('[data-testid=explanation-dimension]')
    expect(dims.map((d) => d.dataset.code)).toEqual(['philosophy', 'capability', 'performance'])
    expect(dims[0].querySelector('[data-testid=dimension-score]').textContent).toBe('16 / 20 分')
    expect(dims[1].textContent).toContain('该维度无计分记录')
    // Largest effect first, signed and coloured.
    const perf = [...dims[2].querySelectorAll('[data-testid=contribution]')]
    expect(perf.map((r) => r.dataset.recordId)).toEqual(['6', '2'])
    const points = perf.map((r) => r.querySelector('[data-testid=contribution-points]'))
    expect(points.map((p) => p.textContent)).toEqual(['\u22124.95', '+1.01'])
    expect(points[0].classList.contains('is-minus')).toBe(true)
    expect(points[1].classList.contains('is-plus')).toBe(true)
    expect(perf[0].textContent).toContain('轻微')
    expect($('[data-testid=explanation-score-grade]').textContent).toContain('AAA')

    expect($('[data-testid=veto]').textContent).toContain('一年内受到严重行政处罚')
    expect($('[data-testid=veto]').textContent).toContain('等级最高为 B')
    expect($('[data-testid=explanation-audit-cap]').textContent).toContain('等级最高为 A')
    const risk = $('[data-testid=explanation-risk]')
    expect(risk.textContent).toContain('由等级确定的初始分类：A')
    expect(risk.textContent).toContain('监督抽查不合格：12 个月内 1 次及以上，上调 1 级')

    const history = $$('[data-testid=grade-history] .el-table__body tr.el-table__row')
    expect(history).toHaveLength(2)
    expect(history[0].textContent).toContain('grading run 2')
    expect(history[0].textContent).toContain('admin')
    expect($('[data-testid=grade-history]').textContent).toContain('风险分类')

    await click($('[data-testid=grade-explain]'))
    expect($('[data-testid=grade-explanation]')).toBeNull()
  })

  it('shows the enterprise itself its explanation without any risk class', async () => {
    await open(`/enterprises/${USCC}`, {
      [`GET /api/v1/enterprises/${USCC}`]: json(200, { ...FULL_FILE, grade: GRADE }),
      [`GET /api/v1/enterprises/${USCC}/grade`]: json(200, { uscc: USCC, name: ENTERPRISE.name, grade: GRADE, explanation: EXPLANATION, history: HISTORY }),
      'GET /api/v1/auth/me': json(200, { ...INSPECTOR_ME, name: 'qiye', role: 'enterprise', uscc: USCC, permissions: ['enterprise.read', 'enterprise.private.read', 'self.read'] }),
    }, { locale: 'en' })
    expect($('[data-testid=grade-risk]')).toBeNull()
    await click($('[data-testid=grade-explain]'))
    expect($('[data-testid=explanation-dimension]').textContent).toContain('Commitment to quality integrity')
    expect($('[data-testid=contribution]').textContent).toContain('Chief quality officer appointed') // English kind name
    expect($('[data-testid=dimension-score]').textContent).toBe('16 / 20 points')
    expect($('[data-testid=explanation-risk]')).toBeNull()
    expect($('[data-testid=grade-history]').textContent).not.toContain('Risk class')
  })

  it('offers no explanation when the server refuses it', async () => {
    await open(`/enterprises/${USCC}`, {
      [`GET /api/v1/enterprises/${USCC}`]: json(200, { ...FULL_FILE, grade: GRADE }),
      [`GET /api/v1/enterprises/${USCC}/grade`]: json(403, { title: 'Forbidden', status: 403, detail: 'only the enterprise itself and its regulators see this' }),
      'GET /api/v1/auth/me': json(200, INSPECTOR_ME),
    })
    expect($('[data-testid=credit-grade]').dataset.grade).toBe('AA')
    expect($('[data-testid=grade-explain]')).toBeNull()
    expect($('[data-testid=load-error]')).toBeNull()
  })
})
