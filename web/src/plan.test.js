import { describe, expect, it } from 'vitest'
import {
  addDays, assessmentYears, assignDefaults, assignPayload, assignProblems, attentionOrder, canAssign, canOpenSheet, canReport,
  canReview, canSubdivide, clampPercent, daysLeft, dueText, figureProblems, figuresGrid, figuresPayload, gradeType,
  isPlanFile, isProvinceUser, itemLabel, lightOf, lightTotals, lightType, numberText, percentText, planCounts,
  planItems, readAsDataUrl, readEvidence, reportPayload, reportProblems, reportsInOrder, reviewPayload,
  reviewProblems, scoreText, supervisionRows, supervisionUnits, targetLeft, targetText, taskFilters, taskLight, titleYear, unitFor,
} from './plan.js'

const TODAY = '2026-11-27'
const task = (over = {}) => ({
  id: 1, status: 'open', percent: 0, assigned_on: TODAY, deadline: '2027-01-06', region_code: '130200', parent_id: null, ...over,
})
const ADMIN = { name: 'admin', role: 'province_admin', region: '', permissions: ['plan.read', 'plan.report', 'plan.manage', 'plan.assess'] }
const CITY = { name: 'tangshan', role: 'city_admin', region: '130200', permissions: ['plan.read', 'plan.report', 'plan.manage'] }
const INSPECTOR = { name: 'insp', role: 'inspector', region: '130200', permissions: ['plan.read', 'plan.report'] }
const AUDITOR = { name: 'aud', role: 'auditor', region: '', permissions: ['plan.read'] }

describe('lights', () => {
  it('follows the rule: done, red past the deadline, yellow near it or behind time, else green', () => {
    expect(lightOf(task({ status: 'closed', deadline: '2026-01-01' }), TODAY)).toBe('done')
    expect(lightOf(task({ deadline: '2026-11-26' }), TODAY)).toBe('red')
    expect(lightOf(task({ deadline: TODAY }), TODAY)).toBe('yellow')
    expect(lightOf(task({ deadline: addDays(TODAY, 10) }), TODAY)).toBe('yellow')
    expect(lightOf(task({ deadline: addDays(TODAY, 11) }), TODAY)).toBe('green')
    // 40 days ahead, assigned today: nothing elapsed, 0 % is on time.
    expect(lightOf(task({ deadline: addDays(TODAY, 40) }), TODAY)).toBe('green')
    // Half the time gone (50 of 100 days): 24 % is 26 points behind, 25 % exactly 25.
    const half = { assigned_on: addDays(TODAY, -50), deadline: addDays(TODAY, 50) }
    expect(lightOf(task({ ...half, percent: 24 }), TODAY)).toBe('yellow')
    expect(lightOf(task({ ...half, percent: 25 }), TODAY)).toBe('green')
    // A completion awaiting review near its deadline stays yellow until it is closed.
    expect(lightOf(task({ status: 'completion_reported', percent: 100, deadline: addDays(TODAY, 8) }), TODAY)).toBe('yellow')
    expect(lightOf(task({ deadline: '' }), TODAY)).toBe('')
    expect(lightOf(null, TODAY)).toBe('')
  })

  it('prefers the light and days left the server gave', () => {
    expect(taskLight(task({ light: 'red', deadline: addDays(TODAY, 40) }), TODAY)).toBe('red')
    expect(taskLight(task({ light: 'purple', deadline: addDays(TODAY, 40) }), TODAY)).toBe('green')
    expect(daysLeft(task({ days_left: 3, deadline: addDays(TODAY, 40) }), TODAY)).toBe(3)
    expect(daysLeft(task({ deadline: addDays(TODAY, 40) }), TODAY)).toBe(40)
    expect(lightType('green')).toBe('success')
    expect(lightType('red')).toBe('danger')
    expect(lightType('nope')).toBe('info')
  })

  it('says how a task stands against its deadline', () => {
    expect(dueText(task({ deadline: addDays(TODAY, 34) }), TODAY)).toEqual({ key: 'left', n: 34 })
    expect(dueText(task({ deadline: TODAY }), TODAY)).toEqual({ key: 'today', n: 0 })
    expect(dueText(task({ days_left: -3 }), TODAY)).toEqual({ key: 'overdue', n: 3 })
    expect(dueText(task({ status: 'closed', closed_on: '2026-11-20' }), TODAY)).toEqual({ key: 'closed', n: '2026-11-20' })
    expect(dueText(task({ deadline: null }), TODAY)).toEqual({ key: 'none', n: 0 })
  })

  it('puts the attention list worst first', () => {
    const list = [
      { id: 1, light: 'yellow', days_left: 5 },
      { id: 2, light: 'red', days_left: -1 },
      { id: 3, light: 'red', days_left: -9 },
      { id: 4, light: 'yellow', days_left: 2 },
      { id: 5, light: 'green', days_left: 1 },
    ]
    expect(attentionOrder(list).map((t) => t.id)).toEqual([3, 2, 4, 1, 5])
    expect(attentionOrder(undefined)).toEqual([])
  })
})

describe('formatting', () => {
  it('formats percents, numbers, targets and scores', () => {
    expect(percentText(40)).toBe('40%')
    expect(percentText(140)).toBe('100%')
    expect(percentText('x')).toBe('0%')
    expect(clampPercent(-3)).toBe(0)
    expect(clampPercent(33.6)).toBe(34)
    expect(numberText(20)).toBe('20')
    expect(numberText(2.5)).toBe('2.5')
    expect(numberText(1 / 3)).toBe('0.33')
    expect(numberText(null)).toBe('—')
    expect(targetText({ text: '省级20家', value: 20, unit: '家' })).toBe('20 家')
    expect(targetText({ text: '合格率95%以上', value: 95, unit: '%' })).toBe('95%')
    expect(targetText({ text: '若干', value: null, unit: '' })).toBe('若干')
    expect(targetText(null)).toBe('')
    expect(scoreText(87.456)).toBe('87.46')
    expect(scoreText(90)).toBe('90')
  })

  it('labels items and reads the year from a title', () => {
    expect(itemLabel('四', '二')).toBe('四（二）')
    expect(titleYear('河北省贯彻实施质量发展纲要深入推进质量兴省战略2014年行动计划')).toBe(2014)
    expect(titleYear('行动计划')).toBeNull()
    expect(isPlanFile({ name: 'plan.TXT' })).toBe(true)
    expect(isPlanFile({ name: 'plan.docx' })).toBe(true)
    expect(isPlanFile({ name: 'plan.pdf' })).toBe(false)
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('nope', 1)).toBe('')
  })
})

describe('plans', () => {
  const PLAN = {
    title: '2014年行动计划',
    warnings: ['line 9: no department'],
    parts: [
      { number: '一', title: '加强重点领域质量安全监管', items: [
        { number: '一', title: 'A', departments: ['省质监局', '省工商局'], targets: [{ text: '20家', value: 20, unit: '家' }] },
        { number: '二', title: 'B', departments: ['省质监局'], targets: [] },
      ] },
      { number: '二', title: '推进', items: [{ number: '一', title: 'C', departments: ['省农业厅'], targets: [{ text: 'x', value: 1, unit: '' }] }] },
    ],
  }

  it('counts parts, items, targets, departments and warnings', () => {
    expect(planCounts(PLAN)).toEqual({ parts: 2, items: 3, targets: 2, departments: 3, warnings: 1 })
    expect(planCounts(null)).toEqual({ parts: 0, items: 0, targets: 0, departments: 0, warnings: 0 })
    expect(planItems(PLAN).map((i) => i.label)).toEqual(['一（一）', '一（二）', '二（一）'])
  })

  it('names the units of a city after the provincial departments', () => {
    expect(unitFor('省质监局', '唐山市')).toBe('唐山市质监局')
    expect(unitFor('河北出入境检验检疫局', '唐山市')).toBe('河北出入境检验检疫局')
    expect(unitFor('省质监局', '')).toBe('省质监局')
    expect(assignDefaults({ departments: ['省食品药品监管局', '省公安厅', '省质监局'], lead_department: '省质监局' }, '唐山市')).toEqual({
      lead_unit: '唐山市质监局', cooperating_units: ['唐山市食品药品监管局', '唐山市公安厅'],
    })
    expect(assignDefaults({ departments: ['省农业厅', '省工商局'], lead_department: null }, '定州市')).toEqual({
      lead_unit: '定州市农业厅', cooperating_units: ['定州市工商局'],
    })
  })
})

describe('who may do what', () => {
  it('tells province accounts from regional ones', () => {
    expect(isProvinceUser(ADMIN)).toBe(true)
    expect(isProvinceUser({ ...ADMIN, region: '130000' })).toBe(true)
    expect(isProvinceUser(CITY)).toBe(false)
    expect(isProvinceUser(null)).toBe(false)
    expect(canAssign(ADMIN)).toBe(true)
    expect(canAssign(CITY)).toBe(false)
    expect(canAssign(AUDITOR)).toBe(false)
  })

  it('offers reports to the unit, subdivision to its managers, review to the assigning level', () => {
    const open = task()
    expect(canReport(CITY, open)).toBe(true)
    expect(canReport(INSPECTOR, open)).toBe(true)
    expect(canReport({ ...CITY, region: '130100' }, open)).toBe(false)
    expect(canReport(AUDITOR, open)).toBe(false)
    expect(canReport(CITY, task({ status: 'closed' }))).toBe(false)
    expect(canSubdivide(CITY, open)).toBe(true)
    expect(canSubdivide(INSPECTOR, open)).toBe(false)
    expect(canSubdivide(ADMIN, open)).toBe(true)
    expect(canSubdivide(ADMIN, task({ status: 'completion_reported' }))).toBe(false)
    const reported = task({ status: 'completion_reported' })
    expect(canReview(ADMIN, reported)).toBe(true)
    expect(canReview(CITY, reported)).toBe(false) // the province assigned it
    expect(canReview(CITY, { ...reported, parent_id: 7 })).toBe(true) // the city subdivided it
    expect(canReview(ADMIN, open)).toBe(false)
    expect(canReview(INSPECTOR, { ...reported, parent_id: 7 })).toBe(false)
    expect(canOpenSheet(ADMIN, '130100')).toBe(true)
    expect(canOpenSheet(AUDITOR, '130100')).toBe(true)
    expect(canOpenSheet(CITY, '130200')).toBe(true)
    expect(canOpenSheet(CITY, '130100')).toBe(false)
  })
})

describe('forms', () => {
  it('builds an assignment and a subdivision', () => {
    expect(assignPayload({
      item_id: 3, region_code: ' 130200 ', title: ' ', lead_unit: '唐山市质监局 ', cooperating_units: ['唐山市工商局', ' ', '唐山市工商局'],
      deadline: '2026-12-31', target_id: 5, target_value: 4,
    })).toEqual({
      item_id: 3, region_code: '130200', lead_unit: '唐山市质监局', cooperating_units: ['唐山市工商局'], deadline: '2026-12-31', target_id: 5, target_value: 4,
    })
    expect(assignPayload({ item_id: 3, parent_id: 7, region_code: '130200', title: '细分', lead_unit: 'x', deadline: '2026-12-01', target_id: null, target_value: 4 }))
      .toEqual({ parent_id: 7, region_code: '130200', title: '细分', lead_unit: 'x', cooperating_units: [], deadline: '2026-12-01' })
  })

  it('checks an assignment before asking the server', () => {
    const ok = assignPayload({ item_id: 3, region_code: '130200', lead_unit: 'x', deadline: '2026-12-31', target_id: 5, target_value: 4 })
    expect(assignProblems(ok, { today: TODAY })).toEqual({})
    expect(assignProblems(assignPayload({ item_id: 3 }), { today: TODAY })).toEqual({
      region_code: 'plan.errors.required', lead_unit: 'plan.errors.required', deadline: 'plan.errors.date',
    })
    expect(assignProblems({ ...ok, deadline: '2026-11-26' }, { today: TODAY }).deadline).toBe('plan.errors.past')
    expect(assignProblems({ ...ok, deadline: '2027-01-02' }, { today: TODAY, parent: { deadline: '2026-12-31' } }).deadline).toBe('plan.errors.afterParent')
    expect(assignProblems({ ...ok, target_value: 0 }, { today: TODAY }).target_value).toBe('plan.errors.positive')
    expect(assignProblems({ ...ok, target_value: NaN }, { today: TODAY }).target_value).toBe('plan.errors.positive')
    expect(assignProblems({ ...ok, target_value: 5 }, { today: TODAY, left: 4 }).target_value).toBe('plan.errors.share')
  })

  it('knows what a parent task has left of its target', () => {
    expect(targetLeft({ target_value: 20, subtasks: [{ target_value: 5 }, { target_value: null }, { target_value: 6 }] })).toBe(9)
    expect(targetLeft({ target_value: 4, subtasks: [{ target_value: 5 }] })).toBe(0)
    expect(targetLeft({ target_value: null, subtasks: [] })).toBeNull()
    expect(targetLeft(null)).toBeNull()
  })

  it('builds and checks a report', () => {
    const targeted = task({ percent: 40, target_value: 4 })
    expect(reportPayload({ kind: 'progress', percent: 60.4, narrative: ' 完成抽查 ', achieved_value: 2, evidence: [{ name: 'a.pdf', content: 'data:application/pdf;base64,AA==' }, { name: '', content: '' }] }, targeted))
      .toEqual({ kind: 'progress', percent: 60, narrative: '完成抽查', achieved_value: 2, evidence: [{ name: 'a.pdf', content: 'data:application/pdf;base64,AA==' }] })
    expect(reportPayload({ kind: 'completion', percent: 10, narrative: 'x', achieved_value: 2 }, task({ target_value: null })))
      .toEqual({ kind: 'completion', percent: 100, narrative: 'x', evidence: [] })
    expect(reportPayload({ kind: 'progress', percent: 50, narrative: 'x', achieved_value: '' }, targeted)).not.toHaveProperty('achieved_value')
    expect(reportProblems(reportPayload({ kind: 'progress', percent: 30, narrative: '' }, targeted), targeted))
      .toEqual({ narrative: 'plan.errors.required', percent: 'plan.errors.backwards' })
    expect(reportProblems(reportPayload({ kind: 'completion', narrative: 'done' }, targeted), targeted)).toEqual({})
    expect(reportProblems({ kind: 'progress', percent: 50, narrative: 'x', achieved_value: -1 }, targeted)).toEqual({ achieved_value: 'plan.errors.number' })
    expect(reportsInOrder([{ seq: 2 }, { seq: 1 }, { seq: 3 }]).map((r) => r.seq)).toEqual([1, 2, 3])
  })

  it('builds and checks a review', () => {
    expect(reviewPayload({ decision: 'accept', reason: ' 同意 ' })).toEqual({ decision: 'accept', reason: '同意' })
    expect(reviewPayload({ decision: 'whatever' }).decision).toBe('accept')
    expect(reviewProblems(reviewPayload({ decision: 'return', reason: ' ' }))).toEqual({ reason: 'plan.errors.reason' })
    expect(reviewProblems(reviewPayload({ decision: 'accept' }))).toEqual({})
  })

  it('reads evidence files as data URLs and refuses large ones', async () => {
    const file = new File(['质量'], '证明.txt', { type: 'text/plain' })
    const url = await readAsDataUrl(file)
    expect(url.startsWith('data:text/plain')).toBe(true)
    expect(new TextDecoder().decode(Uint8Array.from(atob(url.split(',')[1]), (c) => c.charCodeAt(0)))).toBe('质量')
    const evidence = await readEvidence([file, new File([new Uint8Array([1, 2, 3])], 'a.bin')])
    expect(evidence.map((e) => e.name)).toEqual(['证明.txt', 'a.bin'])
    expect(evidence[1].content).toMatch(/;base64,AQID$/)
    await expect(readEvidence([new File(['12345'], 'big.pdf')], 4)).rejects.toMatchObject({ tooLarge: true, name: 'big.pdf' })
    expect(await readEvidence([])).toEqual([])
  })

  it('reads the worklist filters from the URL', () => {
    expect(taskFilters({ plan_id: '2', region_code: '130200', light: 'red', status: 'open', department: ' 唐山市质监局 ', page: '3' }))
      .toEqual({ plan_id: 2, region_code: '130200', light: 'red', status: 'open', department: '唐山市质监局' })
    expect(taskFilters({ plan_id: 'x', region_code: 'tangshan', light: 'blue', status: 'done', department: ' ' })).toEqual({})
    expect(taskFilters({ light: ['yellow', 'red'] })).toEqual({ light: 'yellow' })
    expect(taskFilters({ plan_department: '7' })).toEqual({ plan_department: 7 })
    expect(taskFilters({ plan_department: '省质监局' })).toEqual({})
  })
})

describe('supervision', () => {
  it('orders the supervision units as documents list them: cities, then 定州 and 辛集', () => {
    const regions = [
      { code: '130000', kind: 'province' }, { code: '130100', kind: 'city' }, { code: '130181', kind: 'direct_county' },
      { code: '130200', kind: 'city' }, { code: '130682', kind: 'direct_county' }, { code: '131100', kind: 'city' },
    ]
    expect(supervisionUnits(regions).map((r) => r.code)).toEqual(['130100', '130200', '131100', '130181', '130682'])
    expect(supervisionUnits(undefined)).toEqual([])
  })

  const UNITS = [{ code: '130100' }, { code: '130200' }, { code: '130682' }]

  it('lists every unit, zeros where it has no task, then any unit the server adds', () => {
    const rows = supervisionRows([
      { region_code: '130200', region_name: '唐山市', green: 1, yellow: 2, red: 0, done: 1, total: 4 },
      { region_code: '139999', region_name: '?', green: 1, yellow: 0, red: 0, done: 0, total: 1 },
    ], UNITS)
    expect(rows.map((r) => [r.region_code, r.total])).toEqual([['130100', 0], ['130200', 4], ['130682', 0], ['139999', 1]])
    expect(rows[0]).toMatchObject({ green: 0, yellow: 0, red: 0, done: 0 })
    expect(lightTotals(rows)).toEqual({ green: 2, yellow: 2, red: 0, done: 1, total: 5 })
    expect(supervisionRows(undefined, undefined)).toEqual([])
  })
})

describe('assessment', () => {
  const INDICATORS = [
    { code: 'R1', source: 'rate', points: 10, full_at: 95, zero_at: 80 },
    { code: 'F1', source: 'figure', points: 5 },
    { code: 'V1', source: 'veto', points: 0 },
  ]
  const UNITS = [{ code: '130100' }, { code: '130200' }]

  it('grades and years', () => {
    expect(gradeType('A')).toBe('success')
    expect(gradeType('D')).toBe('danger')
    expect(gradeType('')).toBe('info')
    expect(assessmentYears([{ year: 2014 }], [{ year: 2014 }, { year: 2015 }])).toEqual([2015, 2014])
    expect(assessmentYears([], [], 2026)).toEqual([2026])
    expect(assessmentYears(undefined, undefined)).toEqual([])
  })

  it('fills the grid from the figures and builds the payload back', () => {
    const grid = figuresGrid([
      { region_code: '130100', indicator: 'R1', value: 96.5, note: '' },
      { region_code: '130100', indicator: 'V1', value: 1, note: '' },
      { region_code: '130200', indicator: 'F1', value: 4, note: '' },
      { region_code: '139999', indicator: 'F1', value: 4, note: '' },
      { region_code: '130200', indicator: 'T1', value: 4, note: '' },
    ], UNITS, INDICATORS)
    expect(grid).toEqual({
      130100: { R1: '96.5', F1: '', V1: true },
      130200: { R1: '', F1: '4', V1: false },
    })
    grid['130200'].R1 = '88'
    expect(figuresPayload(grid, INDICATORS, { '130100:R1': ' 抽查数据 ' }).figures).toEqual([
      { region_code: '130100', indicator: 'R1', value: 96.5, note: '抽查数据' },
      { region_code: '130100', indicator: 'V1', value: 1, note: '' },
      { region_code: '130200', indicator: 'R1', value: 88, note: '' },
      { region_code: '130200', indicator: 'F1', value: 4, note: '' },
      { region_code: '130200', indicator: 'V1', value: 0, note: '' },
    ])
    expect(figureProblems(grid, INDICATORS)).toEqual([])
  })

  it('marks the cells the server would refuse', () => {
    const grid = { 130100: { R1: '101', F1: '6', V1: false }, 130200: { R1: 'abc', F1: ' ', V1: true } }
    expect(figureProblems(grid, INDICATORS)).toEqual([
      { region_code: '130100', indicator: 'R1', key: 'plan.errors.rate' },
      { region_code: '130100', indicator: 'F1', key: 'plan.errors.points' },
      { region_code: '130200', indicator: 'R1', key: 'plan.errors.number' },
    ])
    // A blank cell is "not entered": neither a problem nor a figure.
    expect(figuresPayload({ 130200: { R1: ' ', F1: '', V1: true } }, INDICATORS).figures).toEqual([
      { region_code: '130200', indicator: 'V1', value: 1, note: '' },
    ])
  })
})
