// The 双随机一公开 random inspection draw (issue #6) as the UI sees it: task statuses, the
// form of a new task, the sampling policy table (editing and checking it as the server does),
// the per-class pool/drawn table of a draw against the policy, teams and results.
// Free of Vue, so it is trivial to test.
import { RISK_CLASSES } from './grading.js'

export { RISK_CLASSES }

// planned → drawn → published, with their tag types.
export const TASK_STATUSES = ['planned', 'drawn', 'published']
const STATUS_TYPE = { planned: 'info', drawn: 'primary', published: 'success' }
export function statusType(status) {
  return STATUS_TYPE[status] || 'info'
}

export const RESULTS = ['pass', 'fail']
export const SEVERITIES = ['minor', 'general', 'serious']
const RESULT_TYPE = { pass: 'success', fail: 'danger' }
export function resultType(result) {
  return RESULT_TYPE[result] || 'info'
}

export const TEAM_SIZE_MIN = 2
export const TEAM_SIZE_MAX = 10

// What the draw may use: the supervision units (cities, 辛集, 定州) of GET /regions, all of them
// for a province-wide user, only the user's own unit for a regional one.
export function taskRegionOptions(regions = [], userRegion = '') {
  const units = (regions || []).filter((r) => r.kind === 'city' || r.kind === 'direct_county')
  return userRegion ? units.filter((r) => r.code === userRegion) : units
}

// A blank new-task form: the period runs from today to the end of the year.
export function emptyTask(today = new Date()) {
  const iso = (d) => d.toISOString().slice(0, 10)
  return {
    name: '',
    industries: [],
    regions: [],
    period_from: iso(today),
    period_until: `${today.getUTCFullYear()}-12-31`,
    team_size: TEAM_SIZE_MIN,
  }
}

// The body of POST /inspection/tasks from the form (trimmed, de-duplicated, a whole team size).
export function taskPayload(form) {
  const list = (v) => [...new Set((Array.isArray(v) ? v : []).map((s) => String(s).trim()).filter(Boolean))]
  const size = Number.parseInt(form?.team_size, 10)
  return {
    name: String(form?.name || '').trim(),
    industries: list(form?.industries),
    regions: list(form?.regions),
    period_from: String(form?.period_from || ''),
    period_until: String(form?.period_until || ''),
    team_size: Number.isFinite(size) ? size : TEAM_SIZE_MIN,
  }
}

// Problems with a new task the form can tell before asking the server: { field: message key }.
export function taskProblems(payload) {
  const out = {}
  if (!payload.name) out.name = 'inspection.errors.name'
  if (!payload.industries.length) out.industries = 'inspection.errors.industries'
  if (!payload.regions.length) out.regions = 'inspection.errors.regions'
  const isoDate = /^\d{4}-\d{2}-\d{2}$/
  if (!isoDate.test(payload.period_from)) out.period_from = 'inspection.errors.date'
  if (!isoDate.test(payload.period_until)) out.period_until = 'inspection.errors.date'
  else if (isoDate.test(payload.period_from) && payload.period_until < payload.period_from) out.period_until = 'inspection.errors.period'
  if (payload.team_size < TEAM_SIZE_MIN || payload.team_size > TEAM_SIZE_MAX) out.team_size = 'inspection.errors.teamSize'
  return out
}

// The number drawn from a class of `pool` members, as the server computes it: ceil(ratio ×
// pool) on the ratio rounded to parts per million, in whole numbers so 3% of 200 is 6, not 7.
export function drawCount(ratio, pool) {
  const r = Number(ratio)
  const n = Math.max(0, Math.trunc(Number(pool) || 0))
  if (!Number.isFinite(r) || r <= 0 || n === 0) return 0
  const ppm = Math.round(Math.min(1, r) * 1e6)
  return Math.floor((ppm * n + 999_999) / 1e6)
}

// The policy of GET /inspection/policy as editable rows in class order A–D:
// [{ risk_class, ratio, ratio_min, ratio_max, checks_per_year }] (ratios as numbers 0..1).
export function policyRows(policy) {
  const classes = Array.isArray(policy?.classes) ? policy.classes : []
  return RISK_CLASSES.map((cls) => {
    const c = classes.find((x) => x?.risk_class === cls) || {}
    const num = (v, fallback) => (Number.isFinite(Number(v)) && v !== null && v !== '' ? Number(v) : fallback)
    return {
      risk_class: cls,
      ratio: num(c.ratio, 0),
      ratio_min: num(c.ratio_min, 0),
      ratio_max: num(c.ratio_max, 1),
      checks_per_year: num(c.checks_per_year, 0),
    }
  })
}

// The body of PUT /inspection/policy.
export function policyPayload(rows) {
  return {
    classes: (rows || []).map((r) => ({
      risk_class: r.risk_class,
      ratio: Number(r.ratio),
      ratio_min: Number(r.ratio_min),
      ratio_max: Number(r.ratio_max),
      checks_per_year: Number(r.checks_per_year),
    })),
  }
}

// Whether two policies (as rows) differ.
export function policyChanged(a, b) {
  return JSON.stringify(policyPayload(a)) !== JSON.stringify(policyPayload(b))
}

const decimals = (x) => {
  const text = String(x)
  if (/e-/i.test(text)) return Number(text.split(/e-/i)[1]) + (text.split(/e/i)[0].split('.')[1]?.length || 0)
  return text.split('.')[1]?.length || 0
}

// The server's checks of a policy (SamplingPolicy::Validate), so the table can mark a cell
// before saving: { "B.ratio": message key, ... }; {} when it is fine.
export function policyProblems(rows) {
  const out = {}
  for (const r of rows || []) {
    const at = (key) => `${r.risk_class}.${key}`
    for (const key of ['ratio', 'ratio_min', 'ratio_max', 'checks_per_year']) {
      if (!Number.isFinite(Number(r[key])) || r[key] === '' || r[key] === null) out[at(key)] = 'inspection.errors.number'
    }
    for (const key of ['ratio', 'ratio_min', 'ratio_max']) {
      if (out[at(key)]) continue
      const v = Number(r[key])
      if (v < 0 || v > 1) out[at(key)] = 'inspection.errors.unit'
      else if (decimals(v) > 6) out[at(key)] = 'inspection.errors.decimals'
    }
    if (!out[at('ratio_min')] && !out[at('ratio_max')] && Number(r.ratio_min) > Number(r.ratio_max)) {
      out[at('ratio_max')] = 'inspection.errors.bounds'
    }
    if (!out[at('ratio')] && !out[at('ratio_min')] && !out[at('ratio_max')]
      && (Number(r.ratio) < Number(r.ratio_min) || Number(r.ratio) > Number(r.ratio_max))) {
      out[at('ratio')] = 'inspection.errors.within'
    }
    if (!out[at('checks_per_year')] && Number(r.checks_per_year) < 0) out[at('checks_per_year')] = 'inspection.errors.negative'
  }
  return out
}

// A server field such as "B.ratio" as { riskClass: 'B', key: 'ratio' }, or null.
export function policyField(field) {
  const m = /^([A-D])\.(ratio|ratio_min|ratio_max|checks_per_year)$/.exec(String(field || ''))
  return m ? { riskClass: m[1], key: m[2] } : null
}

// A share 0..1 as a percentage text ("5%", "12.5%"), '—' when missing. Policy ratios keep up
// to 4 decimals of a percent (parts per million); a drawn share needs fewer (`digits`).
export function formatRatio(ratio, locale = 'zh-CN', digits = 4) {
  const n = Number(ratio)
  if (ratio == null || ratio === '' || !Number.isFinite(n)) return '—'
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(n)
}

// The draw's counts by class against the policy: [{ riskClass, pool, drawn, ratio, expected,
// share }] in class order, where expected is what the policy's ratio draws from that pool and
// share the part of the pool drawn (null for an empty pool). Empty when the draw carries no
// per_class (callers without risk.read never see classes).
export function perClassRows(draw, policy) {
  const per = draw?.per_class
  if (!per || typeof per !== 'object') return []
  const rows = policyRows(policy)
  return RISK_CLASSES.map((cls) => {
    const pool = Number(per[cls]?.pool) || 0
    const drawn = Number(per[cls]?.drawn) || 0
    const ratio = policy ? rows.find((r) => r.risk_class === cls).ratio : null
    return {
      riskClass: cls,
      pool,
      drawn,
      ratio,
      expected: ratio == null ? null : drawCount(ratio, pool),
      share: pool > 0 ? drawn / pool : null,
    }
  })
}

// The names of a team ([{ id, name }] in the console, plain names on the public page).
export function teamNames(team) {
  return (Array.isArray(team) ? team : []).map((m) => (typeof m === 'string' ? m : m?.name || `#${m?.id ?? '?'}`))
}

// A long hex digest shortened for a table cell: "3f9a1c…8be2".
export function shortDigest(digest, keep = 8) {
  const text = String(digest || '')
  return text.length > keep * 2 + 1 ? `${text.slice(0, keep)}…${text.slice(-keep)}` : text
}

// The results of a task ({ total, pass, fail, pending }) as numbers, with the share done 0..100.
export function resultProgress(results) {
  const total = Number(results?.total) || 0
  const pass = Number(results?.pass) || 0
  const fail = Number(results?.fail) || 0
  const pending = Number.isFinite(Number(results?.pending)) ? Number(results.pending) : Math.max(0, total - pass - fail)
  return { total, pass, fail, pending, percent: total > 0 ? Math.round(((pass + fail) / total) * 100) : 0 }
}

// What a task allows now: the draw before it is drawn; verify after; publish once, when drawn.
export function taskActions(task) {
  const status = task?.status || 'planned'
  return { draw: status === 'planned', verify: status !== 'planned', publish: status === 'drawn' }
}

// What one target allows: a recusal or a result while it has no result (the server refuses
// both once a result is recorded).
export function targetActions(task, target) {
  const open = (task?.status === 'drawn' || task?.status === 'published') && !target?.result
  return { recuse: open && teamNames(target?.team).length > 0, result: open }
}
