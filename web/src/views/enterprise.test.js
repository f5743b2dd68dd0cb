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
