// The enterprise quality credit archive (issue #5) as the UI sees it: record kinds, the
// colours of polarity and severity, grouping a credit file's records by kind, and the CSV
// headers the import accepts. Free of Vue, so it is trivial to test.

// Record kinds in the order the contract lists them (also the order of the kind tabs).
export const RECORD_KINDS = [
  'licence', 'ccc', 'certification', 'inspection_pass', 'inspection_fail', 'penalty', 'award',
  'famous_brand', 'chief_quality_officer', 'commitment', 'complaint', 'recall', 'accident',
  'onsite_audit', 'dishonesty_list', 'revocation',
]

export const POLARITIES = ['good', 'bad', 'neutral']
export const SEVERITIES = ['none', 'minor', 'general', 'serious']
export const RECORD_STATUSES = ['active', 'corrected', 'revoked']

// Element Plus tag / timeline types: good green, bad red, neutral grey.
export const POLARITY_TYPE = { good: 'success', bad: 'danger', neutral: 'info' }
export const SEVERITY_TYPE = { none: 'info', minor: 'warning', general: 'warning', serious: 'danger' }
export const STATUS_TYPE = { active: 'success', corrected: 'warning', revoked: 'info' }

// The exact CSV header lines of the two import kinds.
export const IMPORT_HEADERS = {
  enterprises: 'uscc,name,region_code,industry,size,founded_on,legal_representative,address',
  records: 'uscc,kind,occurred_on,title,source_department,document_no,polarity,severity,published_from,published_until',
}
export const IMPORT_KINDS = Object.keys(IMPORT_HEADERS)
export const IMPORT_ENCODINGS = ['', 'utf-8', 'gbk'] // '' = let the server detect it

// Newest occurred_on first. The server already sends this order; sorting again (stable, so
// records of one day keep the server's order) keeps the timeline right if it ever does not.
export function newestFirst(records = []) {
  return [...records].sort((a, b) => String(b.occurred_on || '').localeCompare(String(a.occurred_on || '')))
}

// Groups records by kind: [{ kind, name_zh, name_en, records, counts: {good, bad, neutral} }],
// kinds in RECORD_KINDS order (unknown kinds after them, in order of appearance), records
// newest first within each group.
export function groupByKind(records = []) {
  const groups = new Map()
  for (const r of newestFirst(records)) {
    let group = groups.get(r.kind)
    if (!group) {
      group = { kind: r.kind, name_zh: r.kind_name_zh || '', name_en: r.kind_name_en || '', records: [], counts: { good: 0, bad: 0, neutral: 0 } }
      groups.set(r.kind, group)
    }
    group.records.push(r)
    if (r.polarity in group.counts) group.counts[r.polarity]++
  }
  const rank = (kind) => {
    const i = RECORD_KINDS.indexOf(kind)
    return i < 0 ? RECORD_KINDS.length : i
  }
  return [...groups.values()].sort((a, b) => rank(a.kind) - rank(b.kind)) // stable for unknowns
}

// Whether a regulator may revoke the record (only active ones, never a revocation itself).
export function isRevocable(record) {
  return record?.status === 'active' && record?.kind !== 'revocation'
}

// The query of an enterprise search as the API wants it, from the page's URL query:
// only the filters (no page), empty ones dropped by buildUrl.
export const SEARCH_FILTERS = ['q', 'region', 'industry', 'size']
export function searchFilters(query = {}) {
  const filters = {}
  for (const key of SEARCH_FILTERS) {
    const value = Array.isArray(query[key]) ? query[key][0] : query[key]
    if (typeof value === 'string' && value.trim() !== '') filters[key] = value.trim()
  }
  return filters
}
