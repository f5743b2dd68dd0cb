import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { resetSession } from '../../session.js'
import { resetRecordKinds } from '../../composables/useRecordKinds.js'
import { ADMIN_ME, INSPECTOR_ME, fakeFetch, json } from '../../test/fakeFetch.js'
import { fakeXhr } from '../../test/fakeXhr.js'
import { mountApp } from '../../test/mountApp.js'

const KINDS = {
  items: [
    { code: 'inspection_pass', name_zh: '监督抽查合格', name_en: 'Sampling inspection passed', polarities: ['good'] },
    { code: 'penalty', name_zh: '行政处罚', name_en: 'Administrative penalty', polarities: ['bad'] },
  ],
}
const RUN = {
  id: 7, kind: 'records', file_name: 'records-mixed.csv', strict: false, committed: true,
  accepted: 2, rejected: 3, inserted: 2, updated: 0, unchanged: 0,
  errors: [
    { row: 4, column: 'uscc', reason: 'check character: expected \'6\'' },
    { row: 5, column: 'kind', reason: 'unknown kind "bogus"' },
    { row: 6, column: 'occurred_on', reason: 'not a date: 2024-13-45' },
  ],
  errors_total: 3, created_at: '2026-11-26T09:30:00Z', actor: 'admin',
}
const LIST = { total: 1, page: 1, per_page: 20, items: [{ ...RUN, errors: undefined }] }

const $ = (sel) => document.body.querySelector(sel)
const $$ = (sel) => [...document.body.querySelectorAll(sel)]
const click = async (el) => {
  el.click()
  await flushPromises()
}

let wrapper
beforeEach(() => {
  resetSession()
  resetRecordKinds()
})
afterEach(() => {
  wrapper?.unmount()
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

async function open(path, routes, { me = ADMIN_ME, locale } = {}) {
  const stub = fakeFetch({
    'GET /api/v1/auth/me': json(200, me),
    'GET /api/v1/record-kinds': json(200, KINDS),
    'GET /api/v1/imports': json(200, LIST),
    ...routes,
  })
  vi.stubGlobal('fetch', stub.fetch)
  ;({ wrapper } = await mountApp(path, { locale }))
  await flushPromises()
  return stub
}

async function chooseFile(file) {
  const input = $('[data-testid=import-file]')
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  input.dispatchEvent(new Event('change'))
  await flushPromises()
}

describe('imports page', () => {
  it('shows the CSV header of the chosen kind and the record kinds as help', async () => {
    await open('/console/imports')
    expect($('[data-testid=import-header]').textContent).toBe(
      'uscc,kind,occurred_on,title,source_department,document_no,polarity,severity,published_from,published_until',
    )
    const codes = $$('[data-testid=record-kinds] [data-testid=record-kind-code]').map((el) => el.textContent)
    expect(codes).toEqual(['inspection_pass', 'penalty'])
    expect($('[data-testid=record-kinds]').textContent).toContain('行政处罚')

    await click($('[data-testid=import-kind-enterprises] input'))
    expect($('[data-testid=import-header]').textContent).toBe(
      'uscc,name,region_code,industry,size,founded_on,legal_representative,address',
    )
    expect($('[data-testid=record-kinds]')).toBeNull()
  })

  it('asks for a file before uploading and refuses other file types', async () => {
    const xhr = fakeXhr(() => ({ status: 200, body: RUN }))
    vi.stubGlobal('XMLHttpRequest', xhr.XMLHttpRequest)
    await open('/console/imports')
    await click($('[data-testid=import-upload]'))
    await vi.waitFor(() => expect($('[data-testid=import-form]').textContent).toContain('请选择要导入的文件'))
    await chooseFile(new File(['x'], 'notes.txt'))
    await vi.waitFor(() => expect($('[data-testid=import-form]').textContent).toContain('只能导入 .csv 或 .xlsx 文件'))
    await click($('[data-testid=import-upload]'))
    expect(xhr.requests).toHaveLength(0)
  })

  it('uploads the file with the options, then shows the counts, the errors and the error report links', async () => {
    const xhr = fakeXhr(() => ({ status: 200, body: RUN }))
    vi.stubGlobal('XMLHttpRequest', xhr.XMLHttpRequest)
    const { calls } = await open('/console/imports')
    expect(calls.filter((c) => c.path === '/api/v1/imports')).toHaveLength(1)
    const file = new File(['uscc,kind\n'], 'records-mixed.csv', { type: 'text/csv' })
    await chooseFile(file)
    expect($('[data-testid=import-chosen]').textContent).toContain('records-mixed.csv')
    await click($('[data-testid=import-encoding] input[value=gbk]'))
    await click($('[data-testid=import-upload]'))
    await vi.waitFor(() => expect($('[data-testid=import-result]')).not.toBeNull())

    const [req] = xhr.requests
    expect(req.url).toBe('/api/v1/imports/records?strict=false&encoding=gbk&file_name=records-mixed.csv')
    expect(req.body).toBe(file)
    expect(req.headers['X-CSRF-Token']).toBe('csrf-123')
    expect($('[data-testid=import-progress]').getAttribute('aria-valuenow')).toBe('100')

    expect($('[data-testid=import-accepted]').textContent).toBe('2')
    expect($('[data-testid=import-rejected]').textContent).toBe('3')
    expect($('[data-testid=import-inserted]').textContent).toBe('2')
    expect($('[data-testid=import-status]').dataset.committed).toBe('true')
    expect($('[data-testid=import-status]').textContent).toContain('已写入')
    const rows = $$('[data-testid=import-errors] .el-table__body tr')
    expect(rows).toHaveLength(3)
    expect(rows[2].textContent).toContain('occurred_on')
    expect(rows[2].textContent).toContain('2024-13-45')
    expect($('[data-testid=import-errors-csv]').getAttribute('href')).toBe('/api/v1/imports/7/errors?format=csv')
    expect($('[data-testid=import-errors-xlsx]').getAttribute('href')).toBe('/api/v1/imports/7/errors?format=xlsx')
    // The history is asked again, to list the new run.
    await vi.waitFor(() => expect(calls.filter((c) => c.path === '/api/v1/imports')).toHaveLength(2))
  })

  it('says a strict run with bad rows wrote nothing, and that more errors are in the report', async () => {
    const refused = { ...RUN, strict: true, committed: false, inserted: 0, errors_total: 250 }
    const xhr = fakeXhr(() => ({ status: 200, body: refused }))
    vi.stubGlobal('XMLHttpRequest', xhr.XMLHttpRequest)
    await open('/console/imports', {}, { locale: 'en' })
    await chooseFile(new File(['x'], 'big.xlsx'))
    await click($('[data-testid=import-strict]'))
    await click($('[data-testid=import-upload]'))
    await vi.waitFor(() => expect($('[data-testid=import-result]')).not.toBeNull())
    expect(xhr.requests[0].url).toBe('/api/v1/imports/records?strict=true&file_name=big.xlsx')
    expect(xhr.requests[0].headers['Content-Type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect($('[data-testid=import-status]').dataset.committed).toBe('false')
    expect($('[data-testid=import-status]').textContent).toContain('Nothing written')
    expect($('[data-testid=import-errors-total]').textContent).toContain('First 3 of 250 errors')
  })

  it('shows a file the server cannot read as a problem', async () => {
    const problem = { type: '/problems/invalid-argument', title: 'Invalid Argument', title_zh: '参数无效', status: 400, detail: 'header: expected uscc,kind,…', field: 'header' }
    vi.stubGlobal('XMLHttpRequest', fakeXhr(() => ({ status: 400, body: problem })).XMLHttpRequest)
    await open('/console/imports')
    await chooseFile(new File(['bad'], 'bad.csv'))
    await click($('[data-testid=import-upload]'))
    await vi.waitFor(() => expect($('[data-testid=problem]')).not.toBeNull())
    expect($('[data-testid=problem]').textContent).toContain('导入失败')
    expect($('[data-testid=problem-detail]').textContent).toContain('header: expected uscc,kind')
    expect($('[data-testid=import-result]')).toBeNull()
  })

  it('lists past imports with links to each run', async () => {
    await open('/console/imports')
    expect($('[data-testid=imports-total]').textContent).toContain('1')
    const link = $('[data-testid=import-run-link]')
    expect(link.getAttribute('href')).toBe('/console/imports/7')
    expect($('[data-testid=import-run-errors]').getAttribute('href')).toBe('/api/v1/imports/7/errors?format=csv')
    expect($('[data-testid=imports-table]').textContent).toContain('records-mixed.csv')
  })

  it('shows one run with its errors', async () => {
    await open('/console/imports/7', { 'GET /api/v1/imports/7': json(200, RUN) })
    expect($('[data-testid=import-run-view]')).not.toBeNull()
    expect($('[data-testid=import-rejected]').textContent).toBe('3')
    expect($$('[data-testid=import-errors] .el-table__body tr')).toHaveLength(3)
    expect($('[data-testid=menu-imports]').classList.contains('is-active')).toBe(true)
  })

  it('is not offered to a user without enterprise.write', async () => {
    await open('/console/imports', {}, { me: INSPECTOR_ME })
    expect($('[data-testid=no-permission]')).not.toBeNull()
    expect($('[data-testid=imports-view]')).toBeNull()
  })
})
