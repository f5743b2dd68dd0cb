import { describe, expect, it } from 'vitest'
import {
  GRADES, confusionTable, dimensionPercent, formatPoints, formatScore, gradeColor, gradeCounts, pointsSign,
  riskType, ruleSetRows, rulesVersion, sortContributions,
} from './grading.js'

describe('grade colours', () => {
  it('gives every grade its own colour and a grey to no grade', () => {
    const colours = GRADES.map(gradeColor)
    expect(new Set(colours).size).toBe(6)
    expect(gradeColor('AAA')).toBe('#1e7b34')
    expect(gradeColor('D')).toBe('#c8102e')
    expect(gradeColor('')).toBe('#8492a6')
    expect(gradeColor(undefined)).toBe('#8492a6')
    expect(gradeColor('E')).toBe('#8492a6')
  })

  it('maps risk classes A (low) to D (high) onto tag types', () => {
    expect(['A', 'B', 'C', 'D'].map(riskType)).toEqual(['success', 'primary', 'warning', 'danger'])
    expect(riskType('X')).toBe('info')
  })
})

describe('points and scores', () => {
  it('always signs points, with a real minus sign', () => {
    expect(formatPoints(6)).toBe('+6')
    expect(formatPoints(-0.95)).toBe('\u22120.95')
    expect(formatPoints(1.005)).toBe('+1.01')
    expect(formatPoints(0)).toBe('0')
    expect(formatPoints(-1234.5, 'en')).toBe('\u22121,234.5')
    expect(formatPoints('x')).toBe('—')
  })

  it('tells the sign for colouring', () => {
    expect([2, -0.1, 0, null, 'x'].map(pointsSign)).toEqual(['plus', 'minus', 'zero', 'zero', 'zero'])
  })

  it('formats scores and the share of a dimension', () => {
    expect(formatScore(71.1)).toBe('71.1')
    expect(formatScore(40.06)).toBe('40.06')
    expect(formatScore(null)).toBe('—')
    expect(dimensionPercent({ score: 16, max: 20 })).toBe(80)
    expect(dimensionPercent({ score: 40.06, max: 50 })).toBe(80.1)
    expect(dimensionPercent({ score: 25, max: 20 })).toBe(100)
    expect(dimensionPercent({ score: -3, max: 20 })).toBe(0)
    expect(dimensionPercent({ score: 3, max: 0 })).toBe(0)
    expect(dimensionPercent(null)).toBe(0)
  })
})

describe('sortContributions', () => {
  it('puts the largest effect first, whatever its sign, then the newest', () => {
    const out = sortContributions([
      { record_id: 1, points: 1.01, occurred_on: '2024-12-10' },
      { record_id: 2, points: -8, occurred_on: '2023-01-01' },
      { record_id: 3, points: 6, occurred_on: '2025-05-22' },
      { record_id: 4, points: 1.01, occurred_on: '2025-01-10' },
    ])
    expect(out.map((r) => r.record_id)).toEqual([2, 3, 4, 1])
    expect(sortContributions()).toEqual([])
  })
})

describe('gradeCounts', () => {
  it('lists every grade in order with bars relative to the largest', () => {
    const rows = gradeCounts({ A: 1172, B: 1371, C: 450, D: 7, AA: 0 })
    expect(rows.map((r) => r.grade)).toEqual(GRADES)
    expect(rows.map((r) => r.count)).toEqual([0, 0, 1172, 1371, 450, 7])
    expect(rows[3].percent).toBe(100)
    expect(rows[2].percent).toBe(85)
    expect(rows[0].percent).toBe(0)
    expect(gradeCounts(undefined).every((r) => r.count === 0 && r.percent === 0)).toBe(true)
  })
})

describe('ruleSetRows', () => {
  const builtin = { version: 'hebei-default-2026.1', name: '默认规则' }

  it('adds the built-in rules, active, before any set is stored', () => {
    expect(ruleSetRows({ items: [], builtin })).toEqual([
      { version: 'hebei-default-2026.1', name: '默认规则', loaded_by: '', loaded_at: '', active: true, builtin: true },
    ])
  })

  it('keeps the stored sets and marks the stored built-in one', () => {
    const rows = ruleSetRows({
      builtin,
      items: [
        { version: 'v2', name: 'n2', loaded_by: 'admin', loaded_at: '2026-11-27T04:37:08Z', active: false },
        { version: 'hebei-default-2026.1', name: '默认规则', loaded_by: 'admin', loaded_at: '2026-11-27T04:37:02Z', active: true },
      ],
    })
    expect(rows.map((r) => [r.version, r.active, r.builtin])).toEqual([['v2', false, false], ['hebei-default-2026.1', true, true]])
  })

  it('leaves the built-in set inactive when a loaded one is active', () => {
    const rows = ruleSetRows({ builtin, items: [{ version: 'v2', name: 'n2', active: true }] })
    expect(rows.map((r) => [r.version, r.active])).toEqual([['v2', true], ['hebei-default-2026.1', false]])
    expect(ruleSetRows(null)).toEqual([])
  })
})

describe('rulesVersion', () => {
  it('reads the version of the [rule_set] section only', () => {
    const text = '# comment\nversion\tnot-this\n[rule_set]\nkey\tvalue\n# version\tx\nversion\thebei-2027.1 \nname\tX\n[grades]\nversion\tno\n'
    expect(rulesVersion(text)).toBe('hebei-2027.1')
    expect(rulesVersion('[rule_set]\r\nkey\tvalue\r\nversion\tv9\r\n')).toBe('v9')
    expect(rulesVersion('[grades]\nversion\tv1\n')).toBe('')
    expect(rulesVersion('')).toBe('')
  })
})

describe('confusionTable', () => {
  const zero = { AAA: 0, AA: 0, A: 0, B: 0, C: 0, D: 0 }
  const comparison = {
    current_version: 'v1',
    candidate_version: 'v2',
    graded: 3000,
    changed: 1080,
    grades: GRADES,
    table: [
      { from: 'AAA', to: zero },
      { from: 'AA', to: zero },
      { from: 'A', to: { ...zero, A: 1172 } },
      { from: 'B', to: { ...zero, A: 1075, B: 296 } },
      { from: 'C', to: { ...zero, C: 450 } },
      { from: 'D', to: { ...zero, D: 7 } },
      { from: null, to: { ...zero, B: 5 } },
    ],
  }

  it('marks the cells that move enterprises to another grade and sums rows and columns', () => {
    const t = confusionTable(comparison)
    expect(t.columns).toEqual(GRADES)
    expect(t.rows.map((r) => r.from)).toEqual(['AAA', 'AA', 'A', 'B', 'C', 'D', null])
    const b = t.rows[3]
    expect(b.cells.map((c) => c.count)).toEqual([0, 0, 1075, 296, 0, 0])
    expect(b.cells.map((c) => c.changed)).toEqual([false, false, true, false, false, false])
    expect(b.total).toBe(1371)
    expect(t.rows[6].cells.find((c) => c.to === 'B').changed).toBe(true) // newly graded
    expect(t.totals).toEqual([0, 0, 2247, 301, 450, 7])
    expect(t.graded).toBe(3000)
    expect(t.changed).toBe(1080)
  })

  it('drops an empty "not graded" row and counts the changes itself when the server does not', () => {
    const t = confusionTable({ ...comparison, changed: undefined, table: comparison.table.slice(0, 6).concat([{ from: null, to: zero }]) })
    expect(t.rows).toHaveLength(6)
    expect(t.changed).toBe(1075)
    expect(confusionTable(null)).toEqual({ columns: GRADES, rows: [], totals: [0, 0, 0, 0, 0, 0], graded: 0, changed: 0 })
  })
})
