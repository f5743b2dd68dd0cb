import { describe, expect, it } from 'vitest'
import { IMPORT_HEADERS, groupByKind, isRevocable, newestFirst, searchFilters } from './credit.js'
import { api, importContentType } from './api.js'

const rec = (id, kind, occurred_on, polarity = 'good', extra = {}) => ({
  id, kind, occurred_on, polarity, kind_name_zh: `zh-${kind}`, kind_name_en: `en-${kind}`, status: 'active', ...extra,
})

describe('newestFirst', () => {
  it('orders by occurred_on, newest first, keeping the server order within a day', () => {
    const out = newestFirst([rec(1, 'award', '2023-01-01'), rec(2, 'penalty', '2024-05-01'), rec(3, 'award', '2024-05-01')])
    expect(out.map((r) => r.id)).toEqual([2, 3, 1])
  })
})

describe('groupByKind', () => {
  it('groups records per kind in the contract order with counts by polarity', () => {
    const groups = groupByKind([
      rec(1, 'penalty', '2022-03-01', 'bad'),
      rec(2, 'inspection_pass', '2023-01-10'),
      rec(3, 'licence', '2020-06-01'),
      rec(4, 'inspection_pass', '2024-02-01'),
      rec(5, 'inspection_fail', '2021-09-09', 'bad'),
      rec(6, 'mystery', '2021-01-01', 'neutral'),
    ])
    expect(groups.map((g) => g.kind)).toEqual(['licence', 'inspection_pass', 'inspection_fail', 'penalty', 'mystery'])
    const pass = groups[1]
    expect(pass.records.map((r) => r.id)).toEqual([4, 2]) // newest first
    expect(pass.counts).toEqual({ good: 2, bad: 0, neutral: 0 })
    expect(pass.name_zh).toBe('zh-inspection_pass')
    expect(groups[3].counts).toEqual({ good: 0, bad: 1, neutral: 0 })
    expect(groups[4].counts).toEqual({ good: 0, bad: 0, neutral: 1 })
  })

  it('returns no groups for no records', () => {
    expect(groupByKind([])).toEqual([])
    expect(groupByKind()).toEqual([])
  })
})

describe('isRevocable', () => {
  it('allows only active records that are not revocations', () => {
    expect(isRevocable(rec(1, 'penalty', '2024-01-01'))).toBe(true)
    expect(isRevocable(rec(1, 'penalty', '2024-01-01', 'bad', { status: 'revoked' }))).toBe(false)
    expect(isRevocable(rec(1, 'penalty', '2024-01-01', 'bad', { status: 'corrected' }))).toBe(false)
    expect(isRevocable(rec(1, 'revocation', '2024-01-01', 'neutral'))).toBe(false)
  })
})

describe('export URLs', () => {
  it('builds the enterprise export URL from the search filters in the page URL', () => {
    const filters = searchFilters({ q: ' 钢铁 ', region: '130100', industry: '', size: 'small', page: '3', per_page: '50' })
    expect(filters).toEqual({ q: '钢铁', region: '130100', size: 'small' })
    expect(api.enterpriseExportUrl('csv', filters)).toBe(
      '/api/v1/enterprises/export?format=csv&q=%E9%92%A2%E9%93%81&region=130100&size=small',
    )
    expect(api.enterpriseExportUrl('xlsx', searchFilters({}))).toBe('/api/v1/enterprises/export?format=xlsx')
    expect(searchFilters({ q: ['a', 'b'] })).toEqual({ q: 'a' })
  })

  it('builds the report and error report URLs', () => {
    expect(api.enterpriseReportUrl('91130100MA0C123409', 'xlsx')).toBe('/api/v1/enterprises/91130100MA0C123409/report?format=xlsx')
    expect(api.importErrorsUrl(7, 'csv')).toBe('/api/v1/imports/7/errors?format=csv')
  })
})

describe('imports', () => {
  it('knows the exact CSV headers of both kinds', () => {
    expect(IMPORT_HEADERS.enterprises.split(',')).toHaveLength(8)
    expect(IMPORT_HEADERS.records).toBe(
      'uscc,kind,occurred_on,title,source_department,document_no,polarity,severity,published_from,published_until',
    )
  })

  it('gives the file a content type by its name', () => {
    expect(importContentType({ name: 'a.CSV', type: 'application/vnd.ms-excel' })).toBe('text/csv')
    expect(importContentType({ name: 'b.xlsx', type: '' })).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(importContentType({ name: 'c.bin', type: '' })).toBe('application/octet-stream')
  })
})
