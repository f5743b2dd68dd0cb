import { describe, expect, it } from 'vitest'
import { formatDateTime, formatNumber, localName, prettyJson, problemTitle } from './format.js'

describe('formatNumber', () => {
  it('groups thousands in both languages', () => {
    expect(formatNumber(20000, 'zh-CN')).toBe('20,000')
    expect(formatNumber(1234567, 'en')).toBe('1,234,567')
    expect(formatNumber(13)).toBe('13')
    expect(formatNumber(0)).toBe('0')
  })

  it('accepts numeric strings and rejects junk', () => {
    expect(formatNumber('20000', 'en')).toBe('20,000')
    expect(formatNumber(undefined)).toBe('—')
    expect(formatNumber(null)).toBe('—')
    expect(formatNumber('')).toBe('—')
    expect(formatNumber('abc')).toBe('—')
    expect(formatNumber(Number.NaN)).toBe('—')
  })
})

describe('localName', () => {
  const city = { name_zh: '石家庄市', name_en: 'Shijiazhuang', region_name_zh: '定州市', region_name_en: 'Dingzhou' }

  it('picks the field for the locale', () => {
    expect(localName(city, 'zh-CN')).toBe('石家庄市')
    expect(localName(city, 'en')).toBe('Shijiazhuang')
    expect(localName(city, 'en', 'region_name')).toBe('Dingzhou')
  })

  it('falls back to the other language', () => {
    expect(localName({ name_zh: '辛集市' }, 'en')).toBe('辛集市')
    expect(localName({ name_en: 'Xinji' }, 'zh-CN')).toBe('Xinji')
    expect(localName(null, 'en')).toBe('')
  })
})

describe('formatDateTime', () => {
  it('formats a timestamp and tolerates bad input', () => {
    expect(formatDateTime('2026-11-26T23:59:00Z', 'en')).toMatch(/2026/)
    expect(formatDateTime('not a date')).toBe('not a date')
    expect(formatDateTime('')).toBe('—')
  })
})

describe('problemTitle', () => {
  const err = { title: 'Unauthorized', titleZh: '未登录或登录已失效' }
  it('picks title_zh in Chinese and title otherwise', () => {
    expect(problemTitle(err, 'zh-CN')).toBe('未登录或登录已失效')
    expect(problemTitle(err, 'en')).toBe('Unauthorized')
    expect(problemTitle({ title: 'Bad Gateway' }, 'zh-CN')).toBe('Bad Gateway')
    expect(problemTitle(null)).toBe('')
  })
})

describe('prettyJson', () => {
  it('indents JSON text and leaves other text alone', () => {
    expect(prettyJson('{"before":null,"after":{"role":"auditor"}}')).toBe(
      '{\n  "before": null,\n  "after": {\n    "role": "auditor"\n  }\n}',
    )
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}')
    expect(prettyJson('not json')).toBe('not json')
    expect(prettyJson('')).toBe('')
  })
})

describe('formatDateTime with seconds', () => {
  it('adds the seconds when asked', () => {
    expect(formatDateTime('2026-11-26T23:59:07Z', 'en', { seconds: true })).toMatch(/:07/)
    expect(formatDateTime('')).toBe('—')
  })
})
