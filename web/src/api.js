// Thin client for the Zhiliang HTTP API (/api/v1). Every failure becomes an ApiError that
// carries the RFC 9457 problem+json fields, so views can show the server's own title/detail.

export class ApiError extends Error {
  constructor({ status = 0, title = '', detail = '', type = 'about:blank', instance = '' } = {}) {
    super(detail ? `${title}: ${detail}` : title || `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status // 0 when the request never got an HTTP answer
    this.title = title
    this.detail = detail
    this.type = type
    this.instance = instance
  }
}

const BASE = '/api/v1'

// Builds "/api/v1/path?a=1" and drops empty parameters, so callers can pass form state as is.
export function buildUrl(path, params = {}) {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.append(key, String(value))
  }
  const qs = query.toString()
  return `${BASE}${path}${qs ? `?${qs}` : ''}`
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
  return new ApiError({
    status: body && Number.isInteger(body.status) ? body.status : response.status,
    title: (body && body.title) || response.statusText || `HTTP ${response.status}`,
    detail: (body && body.detail) || '',
    type: (body && body.type) || 'about:blank',
    instance: (body && body.instance) || '',
  })
}

// GET a JSON resource. Rejects with ApiError; an aborted request rejects with the AbortError.
export async function getJson(path, params, { signal } = {}) {
  let response
  try {
    response = await fetch(buildUrl(path, params), {
      headers: { Accept: 'application/json, application/problem+json' },
      signal,
    })
  } catch (err) {
    if (err && err.name === 'AbortError') throw err
    throw new ApiError({ status: 0, title: '', detail: String((err && err.message) || err) })
  }
  if (!response.ok) throw await errorFromResponse(response)
  try {
    return await response.json()
  } catch {
    throw new ApiError({ status: response.status, title: '', detail: 'invalid JSON in response' })
  }
}

export const api = {
  overview: (opts) => getJson('/stats/overview', undefined, opts),
  regions: (opts) => getJson('/regions', undefined, opts),
  enterprises: (params, opts) => getJson('/enterprises', params, opts),
  enterprise: (uscc, opts) => getJson(`/enterprises/${encodeURIComponent(uscc)}`, undefined, opts),
}
