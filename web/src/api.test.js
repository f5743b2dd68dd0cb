import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, api, buildUrl, getJson } from './api.js'

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
