// Quality-credit grading (issue #6) as the UI sees it: the grades and their colours, signed
// points, the contributions of one dimension in a readable order, the grade counts of a run,
// the rule-set list with the built-in rules, and the confusion table of a rule-set comparison.
// Free of Vue, so it is trivial to test.

// The six grades (T/CAQ 20301-2023's 四等六级), best first, as the API names them.
export const GRADES = ['AAA', 'AA', 'A', 'B', 'C', 'D']
// Risk classes, A (low) to D (high). Internal: only shown when the API sends them.
export const RISK_CLASSES = ['A', 'B', 'C', 'D']

// Badge colours: greens for the A grades, amber for B, orange for C and red for D.
export const GRADE_COLORS = {
  AAA: '#1e7b34',
  AA: '#2f9e44',
  A: '#3f7fc4',
  B: '#d08700',
  C: '#e8590c',
  D: '#c8102e',
}
const NO_GRADE_COLOR = '#8492a6'

export function gradeColor(grade) {
  return GRADE_COLORS[grade] || NO_GRADE_COLOR
}

// Element Plus tag types of the risk classes (A low … D high).
export const RISK_TYPE = { A: 'success', B: 'primary', C: 'warning', D: 'danger' }

export function riskType(riskClass) {
  return RISK_TYPE[riskClass] || 'info'
}

// "+6", "−0.95", "0": points always carry their sign (a real minus sign, not a hyphen).
export function formatPoints(points, locale = 'zh-CN') {
  const n = Number(points)
  if (!Number.isFinite(n)) return '—'
  const abs = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(Math.abs(n))
  if (n > 0) return `+${abs}`
  if (n < 0) return `\u2212${abs}`
  return abs
}

// 'plus' | 'minus' | 'zero', for colouring points (good green, bad red).
export function pointsSign(points) {
  const n = Number(points)
  if (!Number.isFinite(n) || n === 0) return 'zero'
  return n > 0 ? 'plus' : 'minus'
}

// A score like 71.1 or 40.06 as text ("71.1"), '—' when missing.
export function formatScore(score, locale = 'zh-CN') {
  const n = Number(score)
  if (score == null || score === '' || !Number.isFinite(n)) return '—'
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n)
}

// Contributions of one dimension, the largest effect first (by |points|), then the newest.
export function sortContributions(records = []) {
  return [...records].sort((a, b) => {
    const d = Math.abs(Number(b.points) || 0) - Math.abs(Number(a.points) || 0)
    if (d !== 0) return d
    return String(b.occurred_on || '').localeCompare(String(a.occurred_on || ''))
  })
}

// The share of a dimension's maximum an enterprise reached, 0..100 (for a progress bar).
export function dimensionPercent(dimension) {
  const max = Number(dimension?.max)
  const score = Number(dimension?.score)
  if (!Number.isFinite(max) || max <= 0 || !Number.isFinite(score)) return 0
  return Math.max(0, Math.min(100, Math.round((score / max) * 1000) / 10))
}

// The counts of a run by grade, in GRADES order: [{ grade, count, percent }] where percent is
// the share of the largest count (0..100, for a bar).
export function gradeCounts(byGrade = {}) {
  const counts = GRADES.map((grade) => ({ grade, count: Number(byGrade?.[grade]) || 0 }))
  const max = Math.max(0, ...counts.map((c) => c.count))
  return counts.map((c) => ({ ...c, percent: max > 0 ? Math.round((c.count / max) * 100) : 0 }))
}

// The rule sets of GET /grading/rule-sets with the built-in set added when it is not stored
// yet (before the first run): [{ version, name, loaded_by, loaded_at, active, builtin }].
// When no stored set is active, the built-in one is (the server grades with it then).
export function ruleSetRows(answer) {
  const items = Array.isArray(answer?.items) ? answer.items : []
  const builtin = answer?.builtin
  const rows = items.map((r) => ({ ...r, active: Boolean(r.active), builtin: Boolean(builtin && r.version === builtin.version) }))
  if (builtin?.version && !rows.some((r) => r.version === builtin.version)) {
    rows.push({ version: builtin.version, name: builtin.name || '', loaded_by: '', loaded_at: '', active: false, builtin: true })
  }
  if (!rows.some((r) => r.active)) {
    const b = rows.find((r) => r.builtin)
    if (b) b.active = true
  }
  return rows
}

// The version a rule-set file declares (the "version" row of its [rule_set] section), or ''.
// Lets the upload form say which version it is about to load before the server is asked.
export function rulesVersion(text) {
  let section = ''
  for (const raw of String(text || '').split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const header = /^\[([^\]]+)\]$/.exec(line)
    if (header) {
      section = header[1].trim()
      continue
    }
    if (section !== 'rule_set') continue
    const [key, value = ''] = raw.split('\t')
    if (key.trim() === 'version') return value.trim()
  }
  return ''
}

// The confusion table of POST /grading/rule-sets/{v}/compare, ready to render:
// { columns: grades, rows: [{ from, cells: [{ to, count, changed }], total }], totals,
//   graded, changed }. `from` is null for enterprises without a grade yet; that row is
// dropped when it is empty. A cell is "changed" when it moves enterprises to another grade.
export function confusionTable(comparison) {
  const columns = Array.isArray(comparison?.grades) && comparison.grades.length ? comparison.grades : GRADES
  const table = Array.isArray(comparison?.table) ? comparison.table : []
  const rows = table.map((row) => {
    const cells = columns.map((to) => {
      const count = Number(row?.to?.[to]) || 0
      return { to, count, changed: count > 0 && row.from !== to }
    })
    return { from: row?.from ?? null, cells, total: cells.reduce((s, c) => s + c.count, 0) }
  }).filter((row) => row.from !== null || row.total > 0)
  const totals = columns.map((_, i) => rows.reduce((s, r) => s + r.cells[i].count, 0))
  const changed = Number.isFinite(Number(comparison?.changed))
    ? Number(comparison.changed)
    : rows.reduce((s, r) => s + r.cells.filter((c) => c.changed).reduce((x, c) => x + c.count, 0), 0)
  return { columns, rows, totals, graded: Number(comparison?.graded) || 0, changed }
}
