import { describe, expect, it } from 'vitest'
import {
  drawCount, emptyTask, formatRatio, perClassRows, policyChanged, policyField, policyPayload, policyProblems,
  policyRows, resultProgress, resultType, shortDigest, statusType, targetActions, taskActions, taskPayload,
  taskProblems, taskRegionOptions, teamNames,
} from './inspection.js'

const POLICY = {
  classes: [
    { risk_class: 'A', ratio: 0.05, ratio_min: 0, ratio_max: 0.05, checks_per_year: 0 },
    { risk_class: 'B', ratio: 0.1, ratio_min: 0.05, ratio_max: 0.2, checks_per_year: 1 },
    { risk_class: 'C', ratio: 0.3, ratio_min: 0.21, ratio_max: 0.6, checks_per_year: 1 },
    { risk_class: 'D', ratio: 1, ratio_min: 0.61, ratio_max: 1, checks_per_year: 2 },
  ],
  default: true,
}

describe('tags', () => {
  it('colours statuses and results', () => {
    expect(['planned', 'drawn', 'published', 'x'].map(statusType)).toEqual(['info', 'primary', 'success', 'info'])
    expect(['pass', 'fail', null].map(resultType)).toEqual(['success', 'danger', 'info'])
  })
})

describe('new task', () => {
  const regions = [
    { code: '130000', kind: 'province' },
    { code: '130100', kind: 'city' },
    { code: '130200', kind: 'city' },
    { code: '130181', kind: 'direct_county' },
  ]

  it('offers the supervision units within the user region', () => {
    expect(taskRegionOptions(regions).map((r) => r.code)).toEqual(['130100', '130200', '130181'])
    expect(taskRegionOptions(regions, '130200').map((r) => r.code)).toEqual(['130200'])
    expect(taskRegionOptions(undefined)).toEqual([])
  })

  it('starts with a period from today to the end of the year and a team of two', () => {
    const form = emptyTask(new Date('2026-11-27T05:00:00Z'))
    expect(form).toEqual({ name: '', industries: [], regions: [], period_from: '2026-11-27', period_until: '2026-12-31', team_size: 2 })
  })

  it('builds the POST body, trimmed and without repeats', () => {
    expect(taskPayload({ name: ' 食品抽查 ', industries: ['C14', 'C14', ' C13'], regions: ['130100'], period_from: '2026-01-01', period_until: '2026-06-30', team_size: '3' }))
      .toEqual({ name: '食品抽查', industries: ['C14', 'C13'], regions: ['130100'], period_from: '2026-01-01', period_until: '2026-06-30', team_size: 3 })
    expect(taskPayload({}).team_size).toBe(2)
  })

  it('tells what is missing or wrong before asking the server', () => {
    const ok = taskPayload({ name: 'x', industries: ['C'], regions: ['130100'], period_from: '2026-01-01', period_until: '2026-01-01', team_size: 2 })
    expect(taskProblems(ok)).toEqual({})
    expect(Object.keys(taskProblems(taskPayload({})))).toEqual(['name', 'industries', 'regions', 'period_from', 'period_until'])
    expect(taskProblems({ ...ok, period_until: '2025-12-31' })).toEqual({ period_until: 'inspection.errors.period' })
    expect(taskProblems({ ...ok, team_size: 1 })).toEqual({ team_size: 'inspection.errors.teamSize' })
    expect(taskProblems({ ...ok, team_size: 11 })).toEqual({ team_size: 'inspection.errors.teamSize' })
  })
})

describe('drawCount', () => {
  it('rounds up, exactly on parts per million', () => {
    expect(drawCount(0.03, 200)).toBe(6)
    expect(drawCount(0.05, 1)).toBe(1)
    expect(drawCount(0.1, 25)).toBe(3)
    expect(drawCount(0.07, 100)).toBe(7)
    expect(drawCount(1, 17)).toBe(17)
    expect(drawCount(0, 100)).toBe(0)
    expect(drawCount(0.5, 0)).toBe(0)
    expect(drawCount(2, 10)).toBe(10)
    expect(drawCount('x', 10)).toBe(0)
  })
})

describe('sampling policy', () => {
  it('reads the classes in order A to D, with defaults for a missing one', () => {
    const rows = policyRows({ classes: [POLICY.classes[1]] })
    expect(rows.map((r) => r.risk_class)).toEqual(['A', 'B', 'C', 'D'])
    expect(rows[1]).toEqual({ risk_class: 'B', ratio: 0.1, ratio_min: 0.05, ratio_max: 0.2, checks_per_year: 1 })
    expect(rows[0]).toEqual({ risk_class: 'A', ratio: 0, ratio_min: 0, ratio_max: 1, checks_per_year: 0 })
    expect(policyRows(null)).toHaveLength(4)
  })

  it('writes the PUT body and tells a change', () => {
    const rows = policyRows(POLICY)
    expect(policyPayload(rows)).toEqual({ classes: POLICY.classes })
    const edited = rows.map((r) => ({ ...r }))
    expect(policyChanged(rows, edited)).toBe(false)
    edited[2].ratio = 0.4
    expect(policyChanged(rows, edited)).toBe(true)
  })

  it('checks what the server checks, naming class and field', () => {
    expect(policyProblems(policyRows(POLICY))).toEqual({})
    const rows = policyRows(POLICY)
    rows[0].ratio = 0.06 // above A's max
    rows[1].ratio_min = 0.3 // above B's max
    rows[2].ratio = 1.5
    rows[3].checks_per_year = -1
    expect(policyProblems(rows)).toEqual({
      'A.ratio': 'inspection.errors.within',
      'B.ratio_max': 'inspection.errors.bounds',
      'C.ratio': 'inspection.errors.unit',
      'D.checks_per_year': 'inspection.errors.negative',
    })
    const fine = policyRows(POLICY)
    fine[1].ratio = 0.1234567
    fine[2].ratio_max = ''
    expect(policyProblems(fine)).toEqual({ 'B.ratio': 'inspection.errors.decimals', 'C.ratio_max': 'inspection.errors.number' })
  })

  it('reads the field of a server 400', () => {
    expect(policyField('B.ratio')).toEqual({ riskClass: 'B', key: 'ratio' })
    expect(policyField('D.checks_per_year')).toEqual({ riskClass: 'D', key: 'checks_per_year' })
    expect(policyField('classes')).toBeNull()
    expect(policyField(undefined)).toBeNull()
  })

  it('shows ratios as percentages', () => {
    expect(formatRatio(0.05)).toBe('5%')
    expect(formatRatio(0.125)).toBe('12.5%')
    expect(formatRatio(1)).toBe('100%')
    expect(formatRatio(null)).toBe('—')
    expect(formatRatio(5 / 47, 'zh-CN', 1)).toBe('10.6%')
  })
})

describe('perClassRows', () => {
  const draw = { per_class: { A: { pool: 40, drawn: 2 }, B: { pool: 120, drawn: 12 }, C: { pool: 10, drawn: 3 }, D: { pool: 0, drawn: 0 } } }

  it('sets pool and drawn against what the policy draws', () => {
    expect(perClassRows(draw, POLICY)).toEqual([
      { riskClass: 'A', pool: 40, drawn: 2, ratio: 0.05, expected: 2, share: 0.05 },
      { riskClass: 'B', pool: 120, drawn: 12, ratio: 0.1, expected: 12, share: 0.1 },
      { riskClass: 'C', pool: 10, drawn: 3, ratio: 0.3, expected: 3, share: 0.3 },
      { riskClass: 'D', pool: 0, drawn: 0, ratio: 1, expected: 0, share: null },
    ])
  })

  it('works without the policy and shows nothing without classes', () => {
    expect(perClassRows(draw, null)[0]).toEqual({ riskClass: 'A', pool: 40, drawn: 2, ratio: null, expected: null, share: 0.05 })
    expect(perClassRows({ seed: 'x' }, POLICY)).toEqual([])
    expect(perClassRows(null, POLICY)).toEqual([])
  })
})

describe('teams, digests and results', () => {
  it('names a team from either shape', () => {
    expect(teamNames([{ id: 3, name: '张伟' }, { id: 9, name: '' }])).toEqual(['张伟', '#9'])
    expect(teamNames(['张伟', '李娜'])).toEqual(['张伟', '李娜'])
    expect(teamNames(null)).toEqual([])
  })

  it('shortens a long digest', () => {
    expect(shortDigest('0123456789abcdef0123456789abcdef')).toBe('01234567…89abcdef')
    expect(shortDigest('abc')).toBe('abc')
    expect(shortDigest(null)).toBe('')
  })

  it('counts the results done', () => {
    expect(resultProgress({ total: 8, pass: 3, fail: 1, pending: 4 })).toEqual({ total: 8, pass: 3, fail: 1, pending: 4, percent: 50 })
    expect(resultProgress({ total: 3, pass: 1 })).toEqual({ total: 3, pass: 1, fail: 0, pending: 2, percent: 33 })
    expect(resultProgress(undefined).percent).toBe(0)
  })

  it('allows each action only when the server would', () => {
    expect(taskActions({ status: 'planned' })).toEqual({ draw: true, verify: false, publish: false })
    expect(taskActions({ status: 'drawn' })).toEqual({ draw: false, verify: true, publish: true })
    expect(taskActions({ status: 'published' })).toEqual({ draw: false, verify: true, publish: false })
    const team = [{ id: 1, name: 'a' }, { id: 2, name: 'b' }]
    expect(targetActions({ status: 'drawn' }, { team, result: null })).toEqual({ recuse: true, result: true })
    expect(targetActions({ status: 'published' }, { team, result: 'pass' })).toEqual({ recuse: false, result: false })
    expect(targetActions({ status: 'drawn' }, { team: [], result: null })).toEqual({ recuse: false, result: true })
    expect(targetActions({ status: 'planned' }, { team, result: null })).toEqual({ recuse: false, result: false })
  })
})
