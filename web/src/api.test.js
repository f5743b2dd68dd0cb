import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, api, buildUrl, getJson, onUnauthorized, parseRetryAfter, setCsrfToken } from './api.js'
import { fakeFetch, json } from './test/fakeFetch.js'
import { fakeXhr } from './test/fakeXhr.js'

function respond(status, body, contentType = 'application/json', statusText = '') {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return new Response(text, { status, statusText, headers: { 'content-type': contentType } })
}

afterEach(() => vi.unstubAllGlobals())

describe('buildUrl', () => {
  it('prefixes /api/v1 and drops empty parameters', () => {
    expect(buildUrl('/enterprises', { page: 1, per_page: 20, region: '', q: undefined })).toBe(
      '/api/v1/enterprises?page=1&per_page=20',
    )
    expect(buildUrl('/regions')).toBe('/api/v1/regions')
  })

  it('encodes Chinese search text', () => {
    expect(buildUrl('/enterprises', { q: '钢铁' })).toBe('/api/v1/enterprises?q=%E9%92%A2%E9%93%81')
  })
})

describe('getJson', () => {
  it('returns the parsed body on success', async () => {
    const fetch = vi.fn().mockResolvedValue(respond(200, { total: 3 }))
    vi.stubGlobal('fetch', fetch)
    await expect(getJson('/enterprises', { page: 2 })).resolves.toEqual({ total: 3 })
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/enterprises?page=2')
  })

  it('turns problem+json into an ApiError with title, detail and status', async () => {
    const problem = {
      type: 'https://zhiliang.example/problems/not-found',
      title: '未找到企业 Enterprise not found',
      status: 404,
      detail: 'no enterprise with uscc 911300000000000000',
    }
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(respond(404, problem, 'application/problem+json')))
    const err = await api.enterprise('911300000000000000').catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 404, title: problem.title, detail: problem.detail, type: problem.type })
    expect(err.message).toContain('Enterprise not found')
  })

  it('falls back to the status line when the body is not JSON', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(respond(502, '<html>bad gateway</html>', 'text/html', 'Bad Gateway')))
    const err = await api.overview().catch((e) => e)
    expect(err).toMatchObject({ status: 502, title: 'Bad Gateway', detail: '' })
  })

  it('survives a problem+json body that is not valid JSON', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(respond(500, '{oops', 'application/problem+json')))
    const err = await api.overview().catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(500)
  })

  it('reports a network failure as status 0', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    const err = await api.regions().catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(0)
    expect(err.detail).toContain('Failed to fetch')
  })

  it('passes an abort through unchanged', async () => {
    const abort = new DOMException('aborted', 'AbortError')
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(abort))
    await expect(api.regions()).rejects.toBe(abort)
  })

  it('escapes the USCC in the detail path', async () => {
    const fetch = vi.fn().mockResolvedValue(respond(200, {}))
    vi.stubGlobal('fetch', fetch)
    await api.enterprise('a/b')
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/enterprises/a%2Fb')
  })
})

describe('session calls', () => {
  afterEach(() => {
    setCsrfToken('')
    onUnauthorized(null)
  })

  it('sends X-CSRF-Token on every write and never on reads', async () => {
    const { fetch, calls } = fakeFetch({
      'GET /api/v1/users': json(200, { total: 0, items: [] }),
      'POST /api/v1/users': json(201, { name: 'u1' }),
      'PATCH /api/v1/users/u1': json(200, { name: 'u1' }),
      'POST /api/v1/tokens': json(201, { id: 't1', token: 'zl_x' }),
      'DELETE /api/v1/tokens/t1': new Response(null, { status: 204 }),
      'POST /api/v1/auth/password': new Response(null, { status: 204 }),
      'POST /api/v1/auth/logout': new Response(null, { status: 204 }),
    })
    vi.stubGlobal('fetch', fetch)
    setCsrfToken('tok-1')

    await api.users({ page: 1, per_page: 20 })
    await api.createUser({ name: 'u1', role: 'auditor', region: '', uscc: '', password: 'x'.repeat(10) })
    await api.updateUser('u1', { disabled: true })
    await api.createToken({ name: 'n', scopes: ['audit.read'], expires_in_days: 30 })
    await expect(api.revokeToken('t1')).resolves.toBeNull()
    await api.changePassword('old-password', 'new-password')
    await api.logout()

    const writes = calls.filter((c) => c.method !== 'GET')
    expect(writes.map((c) => c.method)).toEqual(['POST', 'PATCH', 'POST', 'DELETE', 'POST', 'POST'])
    for (const c of writes) expect(c.headers['X-CSRF-Token']).toBe('tok-1')
    expect(calls[0].headers['X-CSRF-Token']).toBeUndefined()
    for (const c of calls) expect(c.init.credentials).toBe('same-origin')
    expect(calls[2].body).toEqual({ disabled: true })
    expect(calls[2].headers['Content-Type']).toBe('application/json')
    expect(calls[5].body).toEqual({ current_password: 'old-password', new_password: 'new-password' })
  })

  it('sends no CSRF token with the login itself', async () => {
    const { fetch, calls } = fakeFetch({ 'POST /api/v1/auth/login': json(200, { name: 'a', csrf_token: 'c' }) })
    vi.stubGlobal('fetch', fetch)
    setCsrfToken('stale')
    await api.login('a', 'pw')
    expect(calls[0].headers['X-CSRF-Token']).toBeUndefined()
    expect(calls[0].body).toEqual({ name: 'a', password: 'pw' })
    expect(calls[0].init.credentials).toBe('same-origin')
  })

  it('hands a 401 from a console call to the unauthorized handler, but not one from login or /auth/me', async () => {
    const unauthorized = json(401, { title: 'Unauthorized', status: 401, detail: 'session expired' })
    const { fetch } = fakeFetch({
      'GET /api/v1/users': unauthorized,
      'POST /api/v1/auth/login': unauthorized,
      'GET /api/v1/auth/me': unauthorized,
    })
    vi.stubGlobal('fetch', fetch)
    const handler = vi.fn()
    onUnauthorized(handler)

    await expect(api.login('a', 'b')).rejects.toMatchObject({ status: 401 })
    await expect(api.me()).rejects.toMatchObject({ status: 401 })
    expect(handler).not.toHaveBeenCalled()
    const err = await api.users({}).catch((e) => e)
    expect(err).toMatchObject({ status: 401, detail: 'session expired' })
    expect(handler).toHaveBeenCalledWith(err)
  })

  it('reads field, title_zh and Retry-After from a problem', async () => {
    const { fetch } = fakeFetch({
      'POST /api/v1/users': json(400, { title: 'Invalid Argument', title_zh: '参数无效', status: 400, detail: 'too short', field: 'password' }),
      'POST /api/v1/auth/login': json(429, { title: 'Too Many Requests', status: 429, detail: 'locked' }, { 'retry-after': '42' }),
    })
    vi.stubGlobal('fetch', fetch)
    expect(await api.createUser({}).catch((e) => e)).toMatchObject({ status: 400, field: 'password', titleZh: '参数无效' })
    expect(await api.login('a', 'b').catch((e) => e)).toMatchObject({ status: 429, retryAfter: 42, detail: 'locked' })
  })
})

describe('upload', () => {
  afterEach(() => {
    setCsrfToken('')
    onUnauthorized(null)
  })

  const csv = () => new File(['uscc,kind\n91130100MA0C123409,award\n'], '记录.csv', { type: 'application/vnd.ms-excel' })

  it('POSTs the raw file with the CSRF header and the options in the query, reporting progress', async () => {
    const run = { id: 7, kind: 'records', committed: true, accepted: 1, rejected: 0, errors: [] }
    const xhr = fakeXhr(() => ({ status: 200, body: run }))
    vi.stubGlobal('XMLHttpRequest', xhr.XMLHttpRequest)
    setCsrfToken('tok-9')
    const file = csv()
    const progress = []
    const answer = await api.importFile('records', file, { strict: true, encoding: 'gbk', onProgress: (f) => progress.push(f) })
    expect(answer).toEqual(run)
    const [req] = xhr.requests
    expect(req.method).toBe('POST')
    expect(req.url).toBe(`/api/v1/imports/records?strict=true&encoding=gbk&file_name=${encodeURIComponent('记录.csv')}`)
    expect(req.body).toBe(file) // the file itself, not a form
    expect(req.headers['X-CSRF-Token']).toBe('tok-9')
    expect(req.headers['Content-Type']).toBe('text/csv')
    expect(progress[progress.length - 1]).toBe(1)
    expect(progress[0]).toBeGreaterThan(0)
    expect(progress[0]).toBeLessThan(1)
  })

  it('PUTs a text body when asked (an indicator table), with the CSRF header', async () => {
    const xhr = fakeXhr(() => ({ status: 200, body: { year: 2014, source: 'loaded', indicators: [] } }))
    vi.stubGlobal('XMLHttpRequest', xhr.XMLHttpRequest)
    setCsrfToken('tok-9')
    const answer = await api.loadAssessmentIndicators(2014, 'code\tlevel1\n')
    expect(answer.source).toBe('loaded')
    const [req] = xhr.requests
    expect(req.method).toBe('PUT')
    expect(req.url).toBe('/api/v1/plan/assessments/2014/indicators')
    expect(req.body).toBe('code\tlevel1\n')
    expect(req.headers['X-CSRF-Token']).toBe('tok-9')
    expect(req.headers['Content-Type']).toBe('text/tab-separated-values; charset=utf-8')
  })

  it('leaves the encoding out when it is to be detected, and sends strict=false', async () => {
    const xhr = fakeXhr(() => ({ status: 200, body: { id: 1 } }))
    vi.stubGlobal('XMLHttpRequest', xhr.XMLHttpRequest)
    await api.importFile('enterprises', new File(['x'], 'e.xlsx'), {})
    expect(xhr.requests[0].url).toBe('/api/v1/imports/enterprises?strict=false&file_name=e.xlsx')
    expect(xhr.requests[0].headers['X-CSRF-Token']).toBeUndefined() // logged out: no token
  })

  it('turns a problem into an ApiError with its field, and hands a 401 to the handler', async () => {
    const problem = { type: '/problems/invalid-argument', title: 'Invalid Argument', title_zh: '参数无效', status: 400, detail: 'unknown column "foo"', field: 'header' }
    const answers = [{ status: 400, body: problem }, { status: 401, body: { title: 'Unauthorized', status: 401 } }]
    const xhr = fakeXhr(() => answers.shift())
    vi.stubGlobal('XMLHttpRequest', xhr.XMLHttpRequest)
    const handler = vi.fn()
    onUnauthorized(handler)
    const err = await api.importFile('records', csv()).catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 400, field: 'header', titleZh: '参数无效', detail: 'unknown column "foo"' })
    expect(handler).not.toHaveBeenCalled()
    const err401 = await api.importFile('records', csv()).catch((e) => e)
    expect(err401.status).toBe(401)
    expect(handler).toHaveBeenCalledWith(err401)
  })

  it('reports a network failure as status 0 and an abort as AbortError', async () => {
    vi.stubGlobal('XMLHttpRequest', fakeXhr(() => null).XMLHttpRequest)
    expect(await api.importFile('records', csv()).catch((e) => e)).toMatchObject({ status: 0 })
    vi.stubGlobal('XMLHttpRequest', fakeXhr(() => new Promise(() => {})).XMLHttpRequest)
    const controller = new AbortController()
    const pending = api.importFile('records', csv(), { signal: controller.signal })
    controller.abort()
    expect(await pending.catch((e) => e.name)).toBe('AbortError')
  })
})

describe('credit archive calls', () => {
  afterEach(() => setCsrfToken(''))

  it('revokes a record with the reason (and the document number when given) and the CSRF header', async () => {
    const { fetch, calls } = fakeFetch({
      'POST /api/v1/records/12/revoke': json(201, { id: 40, kind: 'revocation' }),
      'GET /api/v1/imports': json(200, { total: 0, items: [] }),
      'GET /api/v1/record-kinds': json(200, { items: [] }),
    })
    vi.stubGlobal('fetch', fetch)
    setCsrfToken('tok-2')
    await api.revokeRecord(12, { reason: '决定已撤销' })
    await api.revokeRecord(12, { reason: 'r', documentNo: '冀市监撤〔2024〕1号' })
    await api.imports({ page: 2, per_page: 20 })
    await api.recordKinds()
    expect(calls[0].body).toEqual({ reason: '决定已撤销' })
    expect(calls[1].body).toEqual({ reason: 'r', document_no: '冀市监撤〔2024〕1号' })
    expect(calls[0].headers['X-CSRF-Token']).toBe('tok-2')
    expect(calls[2].url).toBe('/api/v1/imports?page=2&per_page=20')
    expect(calls[3].headers['X-CSRF-Token']).toBeUndefined()
  })
})

describe('grading calls', () => {
  afterEach(() => {
    setCsrfToken('')
    onUnauthorized(null)
  })

  it('runs, lists, loads and compares with the CSRF header on every write', async () => {
    const { fetch, calls } = fakeFetch({
      'GET /api/v1/grading/runs': json(200, { items: [] }),
      'POST /api/v1/grading/runs': json(201, { run_id: 3, graded: 10, changed: 2, by_grade: {} }),
      'GET /api/v1/grading/rule-sets': json(200, { items: [], builtin: { version: 'v1', name: 'n' } }),
      'GET /api/v1/grading/rule-sets/v1': json(200, { version: 'v1', rules: '[rule_set]' }),
      'POST /api/v1/grading/rule-sets': json(201, { version: 'v2', active: false }),
      'POST /api/v1/grading/rule-sets/v2/compare': json(200, { candidate_version: 'v2', table: [] }),
    })
    vi.stubGlobal('fetch', fetch)
    setCsrfToken('tok-g')

    await api.gradingRuns()
    await expect(api.runGrading()).resolves.toMatchObject({ run_id: 3 })
    await api.runGrading('v2')
    await api.ruleSets()
    await expect(api.ruleSet('v1')).resolves.toMatchObject({ rules: '[rule_set]' })
    await api.loadRuleSet('[rule_set]\nkey\tvalue\nversion\tv2\n')
    await expect(api.compareRuleSet('v2')).resolves.toMatchObject({ candidate_version: 'v2' })

    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api/v1/grading/runs',
      'POST /api/v1/grading/runs',
      'POST /api/v1/grading/runs',
      'GET /api/v1/grading/rule-sets',
      'GET /api/v1/grading/rule-sets/v1',
      'POST /api/v1/grading/rule-sets',
      'POST /api/v1/grading/rule-sets/v2/compare',
    ])
    expect(calls[1].body).toEqual({}) // the active rules
    expect(calls[2].body).toEqual({ rules_version: 'v2' })
    expect(calls[5].body).toEqual({ rules: '[rule_set]\nkey\tvalue\nversion\tv2\n' })
    expect(calls[5].headers['Content-Type']).toBe('application/json')
    for (const c of calls) {
      if (c.method === 'POST') expect(c.headers['X-CSRF-Token']).toBe('tok-g')
      else expect(c.headers['X-CSRF-Token']).toBeUndefined()
    }
  })

  it('escapes versions and USCCs in paths and reads the enterprise grade with the session', async () => {
    const { fetch, calls } = fakeFetch({
      'GET /api/v1/enterprises/91130100923744876X/grade': json(200, { uscc: '91130100923744876X', grade: null, explanation: null, history: [] }),
      'POST /api/v1/grading/rule-sets/a%2Fb%20c/compare': json(200, {}),
    })
    vi.stubGlobal('fetch', fetch)
    await expect(api.enterpriseGrade('91130100923744876X')).resolves.toMatchObject({ grade: null, history: [] })
    await api.compareRuleSet('a/b c')
    expect(calls[0].init.credentials).toBe('same-origin')
    expect(calls[1].url).toBe('/api/v1/grading/rule-sets/a%2Fb%20c/compare')
  })

  it('passes a bad rule file\'s 400 (naming the line) and a 409 through as ApiErrors', async () => {
    const post = vi.fn()
      .mockResolvedValueOnce(json(400, { title: 'Invalid Argument', title_zh: '参数无效', status: 400, detail: 'rules:4: unknown section [bogus]', field: 'rules' }))
      .mockResolvedValueOnce(json(409, { title: 'Conflict', status: 409, detail: 'a rule set with version v2 is already loaded', field: 'version' }))
    vi.stubGlobal('fetch', fakeFetch({ 'POST /api/v1/grading/rule-sets': post }).fetch)
    expect(await api.loadRuleSet('[bogus]').catch((e) => e)).toMatchObject({ status: 400, field: 'rules', detail: 'rules:4: unknown section [bogus]' })
    expect(await api.loadRuleSet('x').catch((e) => e)).toMatchObject({ status: 409, field: 'version' })
  })
})

describe('inspection calls', () => {
  afterEach(() => {
    setCsrfToken('')
    onUnauthorized(null)
  })

  it('creates, draws, verifies, recuses, records and publishes with the CSRF header on every write', async () => {
    const { fetch, calls } = fakeFetch({
      'GET /api/v1/inspectors': json(200, { items: [], total: 0, page: 1, per_page: 20 }),
      'POST /api/v1/inspectors': json(201, { id: 4, name: '张伟' }),
      'POST /api/v1/inspectors/4/conflicts': json(201, { inspector_id: 4 }),
      'GET /api/v1/inspection/policy': json(200, { classes: [], default: true }),
      'PUT /api/v1/inspection/policy': json(200, { classes: [], default: false }),
      'GET /api/v1/inspection/tasks': json(200, { items: [], total: 0 }),
      'POST /api/v1/inspection/tasks': json(201, { id: 7, status: 'planned' }),
      'GET /api/v1/inspection/tasks/7': json(200, { id: 7, draw: null }),
      'GET /api/v1/inspection/tasks/7/targets': json(200, { items: [], total: 0 }),
      'POST /api/v1/inspection/tasks/7/draw': json(201, { task_id: 7, seed: 'abc' }),
      'POST /api/v1/inspection/tasks/7/verify': json(200, { reproduced: true }),
      'POST /api/v1/inspection/tasks/7/recusals': json(201, { recused_id: 4, replacement_id: 9 }),
      'POST /api/v1/inspection/tasks/7/results': json(201, { result: 'fail' }),
      'POST /api/v1/inspection/tasks/7/publish': json(200, { id: 7, status: 'published' }),
    })
    vi.stubGlobal('fetch', fetch)
    setCsrfToken('tok-i')
    const classes = [{ risk_class: 'B', ratio: 0.1, ratio_min: 0.05, ratio_max: 0.2, checks_per_year: 1 }]
    const task = { name: 't', industries: ['C14'], regions: ['130100'], period_from: '2026-01-01', period_until: '2026-12-31', team_size: 2 }
    await api.inspectors({ page: 2 })
    await api.addInspector({ name: '张伟', region_code: '130100', qualifications: ['C'] })
    await api.declareConflict(4, { uscc: '91130100923744876X', reason: '亲属' })
    await api.inspectionPolicy()
    await api.saveInspectionPolicy(classes)
    await api.inspectionTasks({ page: 1, per_page: 20, status: '' })
    await expect(api.createInspectionTask(task)).resolves.toMatchObject({ id: 7 })
    await api.inspectionTask(7)
    await api.inspectionTargets(7, { page: 3, per_page: 50 })
    await api.drawInspection(7)
    await api.drawInspection(7, 'seed-1')
    await expect(api.verifyInspection(7)).resolves.toEqual({ reproduced: true })
    await api.recuseInspector(7, { uscc: '91130100923744876X', inspectorId: 4, reason: '曾在该企业任职' })
    await api.recordInspectionResult(7, { uscc: '91130100923744876X', result: 'pass', severity: 'serious', note: '' })
    await api.recordInspectionResult(7, { uscc: '91130100923744876X', result: 'fail', severity: 'serious', note: '标签不合格' })
    await api.publishInspection(7)

    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/inspectors?page=2',
      'POST /api/v1/inspectors',
      'POST /api/v1/inspectors/4/conflicts',
      'GET /api/v1/inspection/policy',
      'PUT /api/v1/inspection/policy',
      'GET /api/v1/inspection/tasks?page=1&per_page=20',
      'POST /api/v1/inspection/tasks',
      'GET /api/v1/inspection/tasks/7',
      'GET /api/v1/inspection/tasks/7/targets?page=3&per_page=50',
      'POST /api/v1/inspection/tasks/7/draw',
      'POST /api/v1/inspection/tasks/7/draw',
      'POST /api/v1/inspection/tasks/7/verify',
      'POST /api/v1/inspection/tasks/7/recusals',
      'POST /api/v1/inspection/tasks/7/results',
      'POST /api/v1/inspection/tasks/7/results',
      'POST /api/v1/inspection/tasks/7/publish',
    ])
    expect(calls[2].body).toEqual({ uscc: '91130100923744876X', reason: '亲属' })
    expect(calls[4].body).toEqual({ classes })
    expect(calls[6].body).toEqual(task)
    expect(calls[9].body).toEqual({})
    expect(calls[10].body).toEqual({ seed: 'seed-1' })
    expect(calls[12].body).toEqual({ uscc: '91130100923744876X', inspector_id: 4, reason: '曾在该企业任职' })
    expect(calls[13].body).toEqual({ uscc: '91130100923744876X', result: 'pass', note: '' }) // no severity for a pass
    expect(calls[14].body).toEqual({ uscc: '91130100923744876X', result: 'fail', severity: 'serious', note: '标签不合格' })
    for (const c of calls) {
      if (c.method === 'GET') expect(c.headers['X-CSRF-Token']).toBeUndefined()
      else expect(c.headers['X-CSRF-Token']).toBe('tok-i')
    }
  })

  it('reads the public lists without the session and passes a policy 400 naming the field', async () => {
    const handler = vi.fn()
    onUnauthorized(handler)
    const { fetch, calls } = fakeFetch({
      'GET /api/v1/public/inspection-tasks': json(200, { items: [], total: 0 }),
      'GET /api/v1/public/inspection-tasks/3/results': json(401, { title: 'Unauthorized', status: 401 }),
      'PUT /api/v1/inspection/policy': json(400, { title: 'Invalid Argument', status: 400, detail: 'B.ratio 0.3 is outside [0.05, 0.2]', field: 'B.ratio' }),
    })
    vi.stubGlobal('fetch', fetch)
    await api.publicInspections({ page: 2 })
    expect(await api.publicInspectionResults(3, { page: 1 }).catch((e) => e)).toMatchObject({ status: 401 })
    expect(handler).not.toHaveBeenCalled() // public: no session to lose
    expect(await api.saveInspectionPolicy([]).catch((e) => e)).toMatchObject({ status: 400, field: 'B.ratio' })
    expect(calls[0].url).toBe('/api/v1/public/inspection-tasks?page=2')
    expect(calls[1].url).toBe('/api/v1/public/inspection-tasks/3/results?page=1')
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120)
    expect(parseRetryAfter(null)).toBeNull()
    expect(parseRetryAfter('soon')).toBeNull()
    const now = Date.parse('2026-11-27T00:00:00Z')
    expect(parseRetryAfter('Fri, 27 Nov 2026 00:00:30 GMT', now)).toBe(30)
  })
})
