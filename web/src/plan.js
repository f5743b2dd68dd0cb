// The action plan (行动计划, issue #8) as the UI sees it: the plan tree and its counts, the
// traffic lights of tasks (the server's rule, mirrored for a task the server has not lit),
// deadline and days-left text, the supervision summary per unit, the forms of an assignment, a
// subdivision, a report and a review, reading evidence files, who is offered which step, and
// the city assessment: grades, years, and the figures grid assessors fill in. The server stays
// the authority; these only keep the UI from offering what it would refuse.
// Free of Vue, so it is trivial to test.
import { addDays, beijingToday, daysBetween, isIsoDay } from './days.js'

export { addDays, beijingToday, daysBetween, isIsoDay }

// ---------------------------------------------------------------------------------------------
// Lights and statuses

// Worst first: the order of the filter, the legend and the stacked bars.
export const LIGHTS = ['red', 'yellow', 'green', 'done']
export const TASK_STATUSES = ['open', 'completion_reported', 'closed']
export const REPORT_KINDS = ['progress', 'completion']

// The days before a deadline from which an unfinished task is yellow, and how far (percentage
// points) its progress may trail the share of its time elapsed before it turns yellow.
export const NEAR_DAYS = 10
export const BEHIND_POINTS = 25

// Colours of the lights (the dot, the chart), readable on white.
export const LIGHT_COLORS = { green: '#2e8b57', yellow: '#d48806', red: '#cf1322', done: '#5e6d82' }
const LIGHT_TYPE = { green: 'success', yellow: 'warning', red: 'danger', done: 'info' }
const STATUS_TYPE = { open: 'primary', completion_reported: 'warning', closed: 'success' }

// The Element Plus tag type of a light / of a task status.
export function lightType(light) {
  return LIGHT_TYPE[light] || 'info'
}
export function statusType(status) {
  return STATUS_TYPE[status] || 'info'
}
export function lightColor(light) {
  return LIGHT_COLORS[light] || LIGHT_COLORS.done
}

// The light of `task` on `today` (YYYY-MM-DD), by the rule of docs/PLAN.md: done when closed;
// red past its deadline; yellow when the deadline is within NEAR_DAYS days, or when its percent
// trails the share of its time elapsed (assigned_on → deadline) by more than BEHIND_POINTS;
// else green. '' when the task lacks a deadline.
export function lightOf(task, today) {
  if (!task) return ''
  if (task.status === 'closed') return 'done'
  const left = daysBetween(today, task.deadline)
  if (left === null) return ''
  if (left < 0) return 'red'
  if (left <= NEAR_DAYS) return 'yellow'
  const span = daysBetween(task.assigned_on, task.deadline)
  const gone = daysBetween(task.assigned_on, today)
  if (span && span > 0 && gone !== null && gone > 0) {
    const elapsed = Math.min(100, (gone / span) * 100)
    if (elapsed - (Number(task.percent) || 0) > BEHIND_POINTS) return 'yellow'
  }
  return 'green'
}

// The light the server gave the task, else the mirrored rule.
export function taskLight(task, today) {
  return LIGHTS.includes(task?.light) ? task.light : lightOf(task, today)
}

// Days until the deadline: the server's days_left, else counted from `today`; null without one.
export function daysLeft(task, today) {
  if (Number.isFinite(task?.days_left)) return task.days_left
  return daysBetween(today, task?.deadline)
}

// How to say where a task stands against its deadline: { key, n } for the message
// plan.due.<key> — 'closed' (n: the day), 'left' (n days), 'today', 'overdue' (n days), or
// 'none' without a deadline.
export function dueText(task, today) {
  if (task?.status === 'closed') return { key: 'closed', n: task.closed_on || '' }
  const left = daysLeft(task, today)
  if (left === null || left === undefined) return { key: 'none', n: 0 }
  if (left < 0) return { key: 'overdue', n: -left }
  if (left === 0) return { key: 'today', n: 0 }
  return { key: 'left', n: left }
}

// A percent as shown: a whole number 0…100 with "%".
export function clampPercent(value) {
  const n = Number(value)
  if (!Number.isFinite(n)) return 0
  return Math.min(100, Math.max(0, Math.round(n)))
}
export function percentText(value) {
  return `${clampPercent(value)}%`
}

// A number without trailing zeros ("20", "2.5", "0.33"); '—' for nothing.
export function numberText(value, digits = 2) {
  if (value === null || value === undefined || value === '') return '—'
  const n = Number(value)
  if (!Number.isFinite(n)) return '—'
  return String(Number(n.toFixed(digits)))
}

// A target as "20 家" / "95%"; the text alone when it has no number.
export function targetText(target) {
  if (!target) return ''
  if (target.value === null || target.value === undefined || !Number.isFinite(Number(target.value))) return target.text || ''
  const unit = target.unit || ''
  return `${numberText(target.value)}${unit && unit !== '%' ? ' ' : ''}${unit}`
}

// Attention first: overdue (most overdue first), then by days left, then by id.
export function attentionOrder(tasks) {
  const rank = (task) => (task.light === 'red' ? 0 : task.light === 'yellow' ? 1 : 2)
  return [...(Array.isArray(tasks) ? tasks : [])].sort((a, b) =>
    rank(a) - rank(b)
    || (Number(a.days_left) || 0) - (Number(b.days_left) || 0)
    || String(a.deadline || '').localeCompare(String(b.deadline || ''))
    || (Number(a.id) || 0) - (Number(b.id) || 0))
}

// ---------------------------------------------------------------------------------------------
// Plans

// "四（二）": the label of an item of a part, as the document writes it.
export function itemLabel(partNumber, itemNumber) {
  return `${partNumber || ''}（${itemNumber || ''}）`
}

// Counts of a plan tree (GET …/plans/{id} or POST …/parse): parts, items, targets, departments
// (distinct) and warnings.
export function planCounts(plan) {
  const parts = Array.isArray(plan?.parts) ? plan.parts : []
  const items = parts.flatMap((p) => (Array.isArray(p.items) ? p.items : []))
  const departments = new Set(items.flatMap((i) => i.departments || []))
  return {
    parts: parts.length,
    items: items.length,
    targets: items.reduce((n, i) => n + (i.targets || []).length, 0),
    departments: departments.size,
    warnings: (plan?.warnings || []).length,
  }
}

// The year in a plan title ("…2014年行动计划" → 2014), or null.
export function titleYear(title) {
  const m = String(title || '').match(/(19|20)\d{2}(?=\s*年)/)
  return m ? Number(m[0]) : null
}

const PLAN_FILE = /\.(txt|docx)$/i
export const PLAN_ACCEPT = '.txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document'
export function isPlanFile(file) {
  return PLAN_FILE.test(String(file?.name || ''))
}

// Every item of a plan with its part, in order: [{ part, item, label }].
export function planItems(plan) {
  return (plan?.parts || []).flatMap((part) => (part.items || []).map((item) => ({ part, item, label: itemLabel(part.number, item.number) })))
}

// ---------------------------------------------------------------------------------------------
// Who may do what (the server decides; this only hides what it would refuse)

// A province-wide account: no region, or the province's own code.
export function isProvinceUser(user) {
  return Boolean(user) && (!user.region || user.region === '130000')
}
const holds = (user, perm) => Boolean(user && (user.permissions || []).includes(perm))
const ownUnit = (user, task) => Boolean(user?.region) && user.region === task?.region_code

// Importing plans and assigning items: plan.manage at the province.
export function canAssign(user) {
  return holds(user, 'plan.manage') && isProvinceUser(user)
}
// Reporting on a task that is not closed: plan.report, of the task's unit (or the province).
export function canReport(user, task) {
  if (!task || task.status === 'closed' || !holds(user, 'plan.report')) return false
  return isProvinceUser(user) || ownUnit(user, task)
}
// Subdividing an open task (not one closed or whose completion awaits review): plan.manage of
// the task's unit, or the province.
export function canSubdivide(user, task) {
  if (!task || task.status !== 'open' || !holds(user, 'plan.manage')) return false
  return isProvinceUser(user) || ownUnit(user, task)
}
// Reviewing a completion report: plan.manage of the level that assigned the task — the
// province for an item assigned to a unit, the unit (or the province) for a subtask.
export function canReview(user, task) {
  if (!task || task.status !== 'completion_reported' || !holds(user, 'plan.manage')) return false
  if (isProvinceUser(user)) return true
  return Boolean(task.parent_id) && ownUnit(user, task)
}

// A unit's score sheet: the province-wide accounts read every unit's, a city its own.
export function canOpenSheet(user, regionCode) {
  return isProvinceUser(user) || (Boolean(user?.region) && user.region === regionCode)
}

// ---------------------------------------------------------------------------------------------
// Forms

const text = (v) => String(v ?? '').trim()
const numberOrNull = (v) => {
  if (v === null || v === undefined || String(v).trim() === '') return null
  const n = Number(v)
  return Number.isFinite(n) ? n : NaN
}

// The body of POST /plan/tasks from the dialog's form: an assignment ({ item_id }) or a
// subdivision ({ parent_id }); title, target and target value only when given.
export function assignPayload(form = {}) {
  const body = form.parent_id ? { parent_id: Number(form.parent_id) } : { item_id: Number(form.item_id) }
  body.region_code = text(form.region_code)
  const title = text(form.title)
  if (title) body.title = title
  body.lead_unit = text(form.lead_unit)
  body.cooperating_units = [...new Set((form.cooperating_units || []).map(text).filter(Boolean))]
  body.deadline = text(form.deadline)
  if (form.target_id) {
    body.target_id = Number(form.target_id)
    const value = numberOrNull(form.target_value)
    if (value !== null) body.target_value = value
  }
  return body
}

// What an assignment lacks before asking the server: { field: message key }. `today` bounds
// the deadline from below, `parent` (a subdivision) from above and bounds the target share by
// what the parent has left (`left`).
export function assignProblems(payload, { today = '', parent = null, left = null } = {}) {
  const out = {}
  if (!payload.region_code) out.region_code = 'plan.errors.required'
  if (!payload.lead_unit) out.lead_unit = 'plan.errors.required'
  if (!isIsoDay(payload.deadline)) out.deadline = 'plan.errors.date'
  else if (today && payload.deadline < today) out.deadline = 'plan.errors.past'
  else if (parent?.deadline && payload.deadline > parent.deadline) out.deadline = 'plan.errors.afterParent'
  if (payload.target_value !== undefined) {
    if (!Number.isFinite(payload.target_value) || payload.target_value <= 0) out.target_value = 'plan.errors.positive'
    else if (left !== null && payload.target_value > left) out.target_value = 'plan.errors.share'
  }
  return out
}

// What a parent task has left of its target value to give to new subtasks: its value less its
// subtasks' values; null when it has no target value.
export function targetLeft(task) {
  if (!task || !Number.isFinite(Number(task.target_value)) || task.target_value === null) return null
  const given = (task.subtasks || []).reduce((n, s) => n + (Number(s.target_value) || 0), 0)
  return Math.max(0, Number(task.target_value) - given)
}

// The body of POST /plan/tasks/{id}/reports. A completion is 100 %; achieved_value only for a
// task with a target; evidence without blank entries.
export function reportPayload(form = {}, task = null) {
  const kind = form.kind === 'completion' ? 'completion' : 'progress'
  const body = {
    kind,
    percent: kind === 'completion' ? 100 : clampPercent(form.percent),
    narrative: text(form.narrative),
  }
  if (task?.target_value !== null && task?.target_value !== undefined) {
    const achieved = numberOrNull(form.achieved_value)
    if (achieved !== null) body.achieved_value = achieved
  }
  body.evidence = (form.evidence || [])
    .map((e) => ({ name: text(e?.name), content: String(e?.content ?? '') }))
    .filter((e) => e.name && e.content)
  return body
}

// What a report lacks: { field: message key }. A progress report may not go backwards.
export function reportProblems(payload, task = null) {
  const out = {}
  if (!payload.narrative) out.narrative = 'plan.errors.required'
  if (payload.kind === 'progress' && task && payload.percent < (Number(task.percent) || 0)) out.percent = 'plan.errors.backwards'
  if (payload.achieved_value !== undefined && (!Number.isFinite(payload.achieved_value) || payload.achieved_value < 0)) {
    out.achieved_value = 'plan.errors.number'
  }
  return out
}

// The body of POST /plan/tasks/{id}/review and what it lacks (a return needs its reason).
export function reviewPayload(form = {}) {
  return { decision: form.decision === 'return' ? 'return' : 'accept', reason: text(form.reason) }
}
export function reviewProblems(payload) {
  return payload.decision === 'return' && !payload.reason ? { reason: 'plan.errors.reason' } : {}
}

// Reads a File (or Blob) as a data: URL ("data:application/pdf;base64,…").
export function readAsDataUrl(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result || ''))
    reader.onerror = () => reject(reader.error || new Error(`cannot read ${file?.name || 'file'}`))
    reader.readAsDataURL(file)
  })
}

// The evidence entries of a report from chosen files: [{ name, content }] with the content as a
// data: URL. Files over `maxBytes` are refused (rejects with { name, size }).
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024
export async function readEvidence(files, maxBytes = EVIDENCE_MAX_BYTES) {
  const list = [...(files || [])]
  const big = list.find((f) => f.size > maxBytes)
  if (big) throw Object.assign(new Error('file too large'), { name: big.name, size: big.size, tooLarge: true })
  return Promise.all(list.map(async (f) => ({ name: f.name, content: await readAsDataUrl(f) })))
}

// Reports in the order they were made (by seq).
export function reportsInOrder(reports) {
  return [...(Array.isArray(reports) ? reports : [])].sort((a, b) => Number(a.seq) - Number(b.seq))
}
const REPORT_TYPE = { progress: 'primary', completion: 'warning', accepted: 'success', returned: 'danger' }
export function reportType(kind) {
  return REPORT_TYPE[kind] || 'info'
}

// The worklist filters of the URL query (unknown values dropped), as GET /plan/tasks takes them.
export function taskFilters(query = {}) {
  const one = (v) => (Array.isArray(v) ? v[0] : v)
  const out = {}
  const planId = Number.parseInt(one(query.plan_id), 10)
  if (planId > 0) out.plan_id = planId
  const region = one(query.region_code)
  if (/^\d{6}$/.test(String(region || ''))) out.region_code = region
  if (LIGHTS.includes(one(query.light))) out.light = one(query.light)
  if (TASK_STATUSES.includes(one(query.status))) out.status = one(query.status)
  const dept = text(one(query.department))
  if (dept) out.department = dept
  const planDepartment = Number.parseInt(one(query.plan_department), 10)
  if (planDepartment > 0) out.plan_department = planDepartment
  return out
}

// ---------------------------------------------------------------------------------------------
// Supervision

// The 13 supervision units of GET /regions in the order provincial documents list them: the
// 11 cities by code, then the directly administered 定州 and 辛集.
export function supervisionUnits(regions = []) {
  const rank = { city: 0, direct_county: 1 }
  return (regions || []).filter((r) => r.kind in rank)
    .sort((a, b) => rank[a.kind] - rank[b.kind] || String(a.code).localeCompare(String(b.code)))
}

// Rows of the per-unit summary in the order of `units` (the supervision units of GET
// /regions), units without a task as zeros, then any unit the server named that is not there.
export function supervisionRows(byRegion = [], units = []) {
  const zero = { green: 0, yellow: 0, red: 0, done: 0, total: 0 }
  const known = new Map((byRegion || []).map((r) => [r.region_code, r]))
  const rows = (units || []).map((u) => ({ ...zero, region_code: u.code, ...(known.get(u.code) || {}) }))
  for (const r of byRegion || []) if (!rows.some((row) => row.region_code === r.region_code)) rows.push({ ...zero, ...r })
  return rows
}

// Totals over the summary rows: { green, yellow, red, done, total }.
export function lightTotals(rows = []) {
  const out = { green: 0, yellow: 0, red: 0, done: 0, total: 0 }
  for (const r of rows || []) for (const k of Object.keys(out)) out[k] += Number(r[k]) || 0
  return out
}

// ---------------------------------------------------------------------------------------------
// Assessment

export const GRADES = ['A', 'B', 'C', 'D']
const GRADE_TYPE = { A: 'success', B: 'primary', C: 'warning', D: 'danger' }
export const GRADE_COLORS = { A: '#2e8b57', B: '#1d4f91', C: '#d48806', D: '#cf1322' }
export function gradeType(grade) {
  return GRADE_TYPE[grade] || 'info'
}

// The indicator sources the assessors enter figures for (the others are computed).
export const ENTERED_SOURCES = ['rate', 'figure', 'veto']
export function enteredIndicators(indicators) {
  return (indicators || []).filter((i) => ENTERED_SOURCES.includes(i.source))
}

// The years to offer: those assessed, those of the plans, and `thisYear`, newest first.
export function assessmentYears(assessments = [], plans = [], thisYear = null) {
  const years = new Set()
  for (const a of assessments || []) if (Number.isInteger(Number(a.year))) years.add(Number(a.year))
  for (const p of plans || []) if (Number.isInteger(Number(p.year))) years.add(Number(p.year))
  if (thisYear) years.add(Number(thisYear))
  return [...years].filter((y) => y > 0).sort((a, b) => b - a)
}

// A score with two decimals at most ("87.5", "90").
export function scoreText(value) {
  return numberText(value, 2)
}

// The grid of entered figures: { [region_code]: { [indicator]: value as text } } with every
// unit and indicator present ('' where nothing is entered; a veto as true/false).
export function figuresGrid(items = [], units = [], indicators = []) {
  const grid = {}
  for (const u of units || []) {
    grid[u.code] = {}
    for (const i of indicators || []) grid[u.code][i.code] = i.source === 'veto' ? false : ''
  }
  for (const f of items || []) {
    const ind = (indicators || []).find((i) => i.code === f.indicator)
    if (!grid[f.region_code] || !ind) continue
    grid[f.region_code][f.indicator] = ind.source === 'veto' ? Number(f.value) === 1 : String(f.value)
  }
  return grid
}

const blank = (cell) => cell === null || cell === undefined || String(cell).trim() === ''

// The body of PUT …/{year}/figures from the grid: every filled cell as a number, every veto
// cell as 1 (happened) or 0; notes by "region:indicator" when given.
export function figuresPayload(grid = {}, indicators = [], notes = {}) {
  const figures = []
  for (const [region, row] of Object.entries(grid || {})) {
    for (const ind of indicators || []) {
      const cell = row?.[ind.code]
      let value
      if (ind.source === 'veto') value = cell ? 1 : 0
      else if (blank(cell)) continue
      else value = Number(cell)
      figures.push({ region_code: region, indicator: ind.code, value, note: text(notes[`${region}:${ind.code}`]) })
    }
  }
  return { figures }
}

// Cells the server would refuse: [{ region_code, indicator, key }] — not a number, a rate
// outside 0…100, points outside 0…the indicator's points.
export function figureProblems(grid = {}, indicators = []) {
  const out = []
  for (const [region, row] of Object.entries(grid || {})) {
    for (const ind of indicators || []) {
      const cell = row?.[ind.code]
      if (ind.source === 'veto' || blank(cell)) continue
      const n = Number(cell)
      let key = ''
      if (!Number.isFinite(n)) key = 'plan.errors.number'
      else if (ind.source === 'rate' && (n < 0 || n > 100)) key = 'plan.errors.rate'
      else if (ind.source === 'figure' && (n < 0 || n > Number(ind.points))) key = 'plan.errors.points'
      if (key) out.push({ region_code: region, indicator: ind.code, key })
    }
  }
  return out
}

// The unit in a city that answers for what a provincial department leads: "省质监局" in 唐山市 is
// "唐山市质监局"; a department not named for the province ("河北出入境检验检疫局", "石家庄海关")
// stays as it is.
export function unitFor(department, regionName) {
  const name = text(department)
  if (!name || !regionName) return name
  if (name.startsWith('省')) return `${regionName}${name.slice(1)}`
  return name
}

// The defaults of an assignment of `item` to the unit named `regionName`: the lead unit for the
// item's lead department (else its first), the cooperating units for the others.
export function assignDefaults(item, regionName) {
  const departments = item?.departments || []
  const lead = item?.lead_department || departments[0] || ''
  return {
    lead_unit: unitFor(lead, regionName),
    cooperating_units: departments.filter((d) => d !== lead).map((d) => unitFor(d, regionName)),
  }
}
