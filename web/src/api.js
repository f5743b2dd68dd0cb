// Thin client for the Zhiliang HTTP API (/api/v1). Every failure becomes an ApiError that
// carries the RFC 9457 problem+json fields, so views can show the server's own title/detail
// and put a 400's message next to the form field it names.
//
// Console calls ride on the session cookie (HttpOnly, set by POST /auth/login): every write
// (POST/PUT/PATCH/DELETE) carries the session's CSRF token in X-CSRF-Token, and a 401 from a
// console call is handed to the handler registered with onUnauthorized (the session module
// clears the user and sends the browser to /login).

export class ApiError extends Error {
  constructor({
    status = 0, title = '', titleZh = '', detail = '', type = 'about:blank', instance = '',
    field = '', retryAfter = null,
  } = {}) {
    super(detail ? `${title}: ${detail}` : title || `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status // 0 when the request never got an HTTP answer
    this.title = title
    this.titleZh = titleZh
    this.detail = detail
    this.type = type
    this.instance = instance
    this.field = field // the input at fault, for 400s about one field
    this.retryAfter = retryAfter // seconds from Retry-After (429, 503), or null
  }
}

const BASE = '/api/v1'
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const ACCEPT = 'application/json, application/problem+json'

let csrfToken = ''
let unauthorizedHandler = null

// The session's CSRF token (from login or /auth/me); '' when logged out.
export function setCsrfToken(token) {
  csrfToken = token || ''
}

export function getCsrfToken() {
  return csrfToken
}

// Called with the ApiError when a console call answers 401. Returns the previous handler.
export function onUnauthorized(handler) {
  const previous = unauthorizedHandler
  unauthorizedHandler = handler
  return previous
}

// Builds "/api/v1/path?a=1" and drops empty parameters, so callers can pass form state as is.
export function buildUrl(path, params = {}) {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') query.append(key, String(value))
  }
  const qs = query.toString()
  return `${BASE}${path}${qs ? `?${qs}` : ''}`
}

// Retry-After is either delay-seconds or an HTTP date; returns whole seconds or null.
export function parseRetryAfter(value, now = Date.now()) {
  if (value == null || String(value).trim() === '') return null
  const text = String(value).trim()
  if (/^\d+$/.test(text)) return Number(text)
  const at = Date.parse(text)
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000))
}

// Turns a non-2xx response into an ApiError. Reads problem+json (or plain JSON) when the
// server sent it and falls back to the status line otherwise.
export async function errorFromResponse(response) {
  const contentType = response.headers.get('content-type') || ''
  let body = null
  if (/json/i.test(contentType)) {
    try {
      body = await response.json()
    } catch {
      body = null
    }
  }
  const text = (key) => (body && typeof body[key] === 'string' ? body[key] : '')
  return new ApiError({
    status: body && Number.isInteger(body.status) ? body.status : response.status,
    title: text('title') || response.statusText || `HTTP ${response.status}`,
    titleZh: text('title_zh'),
    detail: text('detail'),
    type: text('type') || 'about:blank',
    instance: text('instance'),
    field: text('field'),
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
  })
}

// The X-CSRF-Token header a write of the current session carries ({} for reads, for
// csrf: false, and when logged out). Shared by request() and upload().
export function csrfHeaders(method, { csrf = true } = {}) {
  return csrf && csrfToken && WRITES.has(method) ? { 'X-CSRF-Token': csrfToken } : {}
}

// Sends one request and returns the parsed JSON body (null for 204 or an empty body).
// Options: params (query), body (sent as JSON), signal, csrf (send X-CSRF-Token on writes,
// default true), session (a 401 means the session is gone: call the unauthorized handler;
// default true). Rejects with ApiError; an aborted request rejects with the AbortError.
export async function request(method, path, { params, body, signal, csrf = true, session = true } = {}) {
  const headers = { Accept: ACCEPT, ...csrfHeaders(method, { csrf }) }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  let response
  try {
    response = await fetch(buildUrl(path, params), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    })
  } catch (err) {
    if (err && err.name === 'AbortError') throw err
    throw new ApiError({ status: 0, title: '', detail: String((err && err.message) || err) })
  }
  if (!response.ok) {
    const error = await errorFromResponse(response)
    if (response.status === 401 && session && unauthorizedHandler) unauthorizedHandler(error)
    throw error
  }
  if (response.status === 204) return null
  const text = await response.text()
  if (text.trim() === '') return null
  try {
    return JSON.parse(text)
  } catch {
    throw new ApiError({ status: response.status, title: '', detail: 'invalid JSON in response' })
  }
}

// POSTs (or with method, PUTs) a file, any Blob or a text as the raw request body with
// XMLHttpRequest, so the caller can follow the upload: onProgress(fraction) with 0..1, or null
// when the size is unknown. Same answers as request(): the parsed JSON body, or an ApiError
// (status 0 when no HTTP answer came); a 401 goes to the unauthorized handler; an abort
// rejects with AbortError.
export function upload(path, { params, body, contentType, onProgress, signal, method = 'POST' } = {}) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('The upload was aborted', 'AbortError'))
      return
    }
    const xhr = new XMLHttpRequest()
    xhr.open(method, buildUrl(path, params))
    const headers = {
      Accept: ACCEPT,
      'Content-Type': contentType || body?.type || 'application/octet-stream',
      ...csrfHeaders(method),
    }
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value)
    if (onProgress && xhr.upload) {
      xhr.upload.onprogress = (event) => onProgress(event.lengthComputable && event.total > 0 ? event.loaded / event.total : null)
    }
    const onAbort = () => xhr.abort()
    signal?.addEventListener('abort', onAbort)
    const done = () => signal?.removeEventListener('abort', onAbort)
    xhr.onload = async () => {
      done()
      const text = typeof xhr.responseText === 'string' ? xhr.responseText : ''
      if (xhr.status < 200 || xhr.status > 299) {
        const response = new Response(text, {
          status: xhr.status >= 200 && xhr.status <= 599 ? xhr.status : 500,
          statusText: xhr.statusText || '',
          headers: {
            'content-type': xhr.getResponseHeader('content-type') || '',
            'retry-after': xhr.getResponseHeader('retry-after') || '',
          },
        })
        const error = await errorFromResponse(response)
        if (xhr.status === 401 && unauthorizedHandler) unauthorizedHandler(error)
        reject(error)
        return
      }
      if (text.trim() === '') {
        resolve(null)
        return
      }
      try {
        resolve(JSON.parse(text))
      } catch {
        reject(new ApiError({ status: xhr.status, title: '', detail: 'invalid JSON in response' }))
      }
    }
    xhr.onerror = () => {
      done()
      reject(new ApiError({ status: 0, title: '', detail: 'network error during upload' }))
    }
    xhr.onabort = () => {
      done()
      reject(new DOMException('The upload was aborted', 'AbortError'))
    }
    xhr.send(body)
  })
}

// GET a public JSON resource (no session needed).
export function getJson(path, params, { signal } = {}) {
  return request('GET', path, { params, signal, session: false })
}

const seg = encodeURIComponent

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

// The Content-Type of an import file: by its name, since browsers often give CSV files an
// empty or odd type (e.g. application/vnd.ms-excel on Windows).
export function importContentType(file) {
  const name = String(file?.name || '').toLowerCase()
  if (name.endsWith('.xlsx')) return XLSX_TYPE
  if (name.endsWith('.csv')) return 'text/csv'
  return file?.type || 'application/octet-stream'
}

export const api = {
  // Public portal.
  overview: (opts) => getJson('/stats/overview', undefined, opts),
  regions: (opts) => getJson('/regions', undefined, opts),
  enterprises: (params, opts) => getJson('/enterprises', params, opts),
  enterprise: (uscc, opts) => getJson(`/enterprises/${seg(uscc)}`, undefined, opts),
  checkUscc: (code, opts) => getJson(`/uscc/${seg(code)}`, undefined, opts),
  // An enterprise's grade with its explanation and history: the enterprise itself and its
  // regulators only (403 for others), so it rides on the session.
  enterpriseGrade: (uscc, opts) => request('GET', `/enterprises/${seg(uscc)}/grade`, opts),
  recordKinds: (opts) => getJson('/record-kinds', undefined, opts),
  // Published inspection tasks and their results (一公开): never risk classes.
  publicInspections: (params, opts) => getJson('/public/inspection-tasks', params, opts),
  publicInspectionResults: (id, params, opts) => getJson(`/public/inspection-tasks/${seg(id)}/results`, params, opts),
  // The serious-dishonesty list (严重违法失信名单): public entries, the joint-punishment
  // measures, and "may this enterprise …?" (activity: bid, procurement, honour, …).
  blacklist: (params, opts) => getJson('/blacklist', params, opts),
  blacklistMeasures: (opts) => getJson('/blacklist/measures', undefined, opts),
  restrictions: (uscc, activity, opts) => getJson(`/enterprises/${seg(uscc)}/restrictions`, { activity }, opts),

  // Downloads (plain links: the browser sends the session cookie and saves the attachment).
  enterpriseExportUrl: (format, filters = {}) => buildUrl('/enterprises/export', { format, ...filters }),
  enterpriseReportUrl: (uscc, format) => buildUrl(`/enterprises/${seg(uscc)}/report`, { format }),
  importErrorsUrl: (id, format) => buildUrl(`/imports/${seg(id)}/errors`, { format }),
  blacklistExportUrl: (format, q = '') => buildUrl('/blacklist/export', { q, format }),
  planEvidenceUrl: (taskId, seq, position) =>
    buildUrl(`/plan/tasks/${seg(taskId)}/reports/${seg(seq)}/evidence/${seg(position)}`),
  assessmentExportUrl: (year) => buildUrl(`/plan/assessments/${seg(year)}/export`, { format: 'xlsx' }),

  // Session. Login needs no CSRF token; a 401 from login or /auth/me is an answer, not an
  // expired session, so those two never trigger the unauthorized handler.
  login: (name, password) =>
    request('POST', '/auth/login', { body: { name, password }, csrf: false, session: false }),
  me: (opts) => request('GET', '/auth/me', { ...opts, session: false }),
  logout: () => request('POST', '/auth/logout', { session: false }),
  changePassword: (currentPassword, newPassword) =>
    request('POST', '/auth/password', {
      body: { current_password: currentPassword, new_password: newPassword },
    }),

  // Console.
  users: (params, opts) => request('GET', '/users', { ...opts, params }),
  createUser: (user) => request('POST', '/users', { body: user }),
  updateUser: (name, changes) => request('PATCH', `/users/${seg(name)}`, { body: changes }),
  tokens: (opts) => request('GET', '/tokens', opts),
  createToken: (token) => request('POST', '/tokens', { body: token }),
  revokeToken: (id) => request('DELETE', `/tokens/${seg(id)}`),
  audit: (params, opts) => request('GET', '/audit', { ...opts, params }),
  verifyAudit: (opts) => request('GET', '/audit/verify', opts),
  revokeRecord: (id, { reason, documentNo = '' }) =>
    request('POST', `/records/${seg(id)}/revoke`, {
      body: documentNo ? { reason, document_no: documentNo } : { reason },
    }),
  // Grading (grading.manage): runs and rule sets. A run or comparison without a version uses
  // the active rule set.
  gradingRuns: (opts) => request('GET', '/grading/runs', opts),
  runGrading: (rulesVersion = '') =>
    request('POST', '/grading/runs', { body: rulesVersion ? { rules_version: rulesVersion } : {} }),
  ruleSets: (opts) => request('GET', '/grading/rule-sets', opts),
  ruleSet: (version, opts) => request('GET', `/grading/rule-sets/${seg(version)}`, opts),
  loadRuleSet: (rules) => request('POST', '/grading/rule-sets', { body: { rules } }),
  compareRuleSet: (version, opts) => request('POST', `/grading/rule-sets/${seg(version)}/compare`, opts),
  // Random inspections (双随机一公开; inspection.write, the policy edit grading.manage).
  inspectors: (params, opts) => request('GET', '/inspectors', { ...opts, params }),
  addInspector: (inspector) => request('POST', '/inspectors', { body: inspector }),
  declareConflict: (inspectorId, { uscc, reason }) =>
    request('POST', `/inspectors/${seg(inspectorId)}/conflicts`, { body: { uscc, reason } }),
  inspectionPolicy: (opts) => request('GET', '/inspection/policy', opts),
  saveInspectionPolicy: (classes) => request('PUT', '/inspection/policy', { body: { classes } }),
  inspectionTasks: (params, opts) => request('GET', '/inspection/tasks', { ...opts, params }),
  createInspectionTask: (task) => request('POST', '/inspection/tasks', { body: task }),
  inspectionTask: (id, opts) => request('GET', `/inspection/tasks/${seg(id)}`, opts),
  inspectionTargets: (id, params, opts) => request('GET', `/inspection/tasks/${seg(id)}/targets`, { ...opts, params }),
  // seed '' or absent: the server makes a fresh one (and records it).
  drawInspection: (id, seed = '') =>
    request('POST', `/inspection/tasks/${seg(id)}/draw`, { body: seed ? { seed } : {} }),
  verifyInspection: (id) => request('POST', `/inspection/tasks/${seg(id)}/verify`),
  recuseInspector: (id, { uscc, inspectorId, reason }) =>
    request('POST', `/inspection/tasks/${seg(id)}/recusals`, { body: { uscc, inspector_id: inspectorId, reason } }),
  // result: "pass" | "fail"; severity (fail only): "minor" | "general" | "serious".
  recordInspectionResult: (id, { uscc, result, severity = '', note = '' }) =>
    request('POST', `/inspection/tasks/${seg(id)}/results`, {
      body: result === 'fail' && severity ? { uscc, result, severity, note } : { uscc, result, note },
    }),
  publishInspection: (id) => request('POST', `/inspection/tasks/${seg(id)}/publish`),
  // Blacklist cases (blacklist.manage; a case also its enterprise's own account). A case is
  // opened with { uscc, reason, basis, authority, measures }; a step is { action, reason,
  // documents: [{ name, content }], on } ("on" only for regulators, never after today).
  blacklistCases: (params, opts) => request('GET', '/blacklist/cases', { ...opts, params }),
  openBlacklistCase: (body) => request('POST', '/blacklist/cases', { body }),
  blacklistCase: (id, opts) => request('GET', `/blacklist/cases/${seg(id)}`, opts),
  takeBlacklistStep: (id, body) => request('POST', `/blacklist/cases/${seg(id)}/steps`, { body }),
  // The action plan (issue #8; docs/PLAN.md). A plan file (.txt in UTF-8/GBK or .docx) goes
  // as the raw body: parse only answers its tree, import stores it (province plan.manage).
  plans: (opts) => request('GET', '/plan/plans', opts),
  plan: (id, opts) => request('GET', `/plan/plans/${seg(id)}`, opts),
  parsePlan: (file, { signal } = {}) =>
    upload('/plan/parse', { body: file, contentType: 'application/octet-stream', signal }),
  importPlan: (file, { year = '', signal } = {}) =>
    upload('/plan/plans', { params: { file_name: file.name, year }, body: file, contentType: 'application/octet-stream', signal }),
  // Tasks: params plan_id, region_code, light, status, department, parent_id, page, per_page.
  planTasks: (params, opts) => request('GET', '/plan/tasks', { ...opts, params }),
  // { item_id | parent_id, region_code, title?, lead_unit, cooperating_units, deadline,
  // target_id?, target_value? }
  createPlanTask: (body) => request('POST', '/plan/tasks', { body }),
  planTask: (id, opts) => request('GET', `/plan/tasks/${seg(id)}`, opts),
  // { kind: progress | completion, percent, narrative, achieved_value?, evidence: [{ name, content }] }
  reportPlanTask: (id, body) => request('POST', `/plan/tasks/${seg(id)}/reports`, { body }),
  // { decision: accept | return, reason }
  reviewPlanTask: (id, body) => request('POST', `/plan/tasks/${seg(id)}/review`, { body }),
  planSupervision: (params, opts) => request('GET', '/plan/supervision', { ...opts, params }),
  // The assessment of city governments, by year.
  assessments: (opts) => request('GET', '/plan/assessments', opts),
  assessment: (year, opts) => request('GET', `/plan/assessments/${seg(year)}`, opts),
  assessmentIndicators: (year, opts) => request('GET', `/plan/assessments/${seg(year)}/indicators`, opts),
  // The indicator table as TSV text (the format of data/plan/assessment_indicators.tsv).
  loadAssessmentIndicators: (year, tsv) =>
    upload(`/plan/assessments/${seg(year)}/indicators`, { method: 'PUT', body: tsv, contentType: 'text/tab-separated-values; charset=utf-8' }),
  assessmentFigures: (year, params, opts) => request('GET', `/plan/assessments/${seg(year)}/figures`, { ...opts, params }),
  saveAssessmentFigures: (year, figures) => request('PUT', `/plan/assessments/${seg(year)}/figures`, { body: { figures } }),
  runAssessment: (year, asOf = '') => request('POST', `/plan/assessments/${seg(year)}/run`, { body: asOf ? { as_of: asOf } : {} }),
  assessmentCity: (year, code, opts) => request('GET', `/plan/assessments/${seg(year)}/cities/${seg(code)}`, opts),
  imports: (params, opts) => request('GET', '/imports', { ...opts, params }),
  importRun: (id, opts) => request('GET', `/imports/${seg(id)}`, opts),
  // kind: "enterprises" | "records"; options: strict (boolean), encoding ("" = let the
  // server detect it, "utf-8", "gbk"), onProgress, signal.
  importFile: (kind, file, { strict = false, encoding = '', onProgress, signal } = {}) =>
    upload(`/imports/${seg(kind)}`, {
      params: { strict: strict ? 'true' : 'false', encoding, file_name: file.name },
      body: file,
      contentType: importContentType(file),
      onProgress,
      signal,
    }),
}
