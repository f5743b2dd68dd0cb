// A stub for XMLHttpRequest in unit tests (uploads go through XHR for their progress).
// `respond(request)` returns { status, body, headers } (body: object → JSON) or a Promise of
// it; every request records method, url, headers and body. Before answering, each upload
// reports progress at half and at the whole of the body's size.
export function fakeXhr(respond) {
  const requests = []
  class FakeXMLHttpRequest {
    constructor() {
      this.upload = {}
      this.headers = {}
      this.status = 0
      this.statusText = ''
      this.responseText = ''
      this.responseHeaders = {}
      this.aborted = false
      requests.push(this)
    }

    open(method, url) {
      this.method = method
      this.url = url
    }

    setRequestHeader(name, value) {
      this.headers[name] = value
    }

    getResponseHeader(name) {
      return this.responseHeaders[name.toLowerCase()] ?? null
    }

    send(body) {
      this.body = body
      setTimeout(async () => {
        const total = body?.size ?? 0
        this.upload.onprogress?.({ lengthComputable: total > 0, loaded: Math.floor(total / 2), total })
        this.upload.onprogress?.({ lengthComputable: total > 0, loaded: total, total })
        const answer = await respond(this)
        if (this.aborted) return
        if (!answer) {
          this.onerror?.()
          return
        }
        const type = answer.status >= 400 ? 'application/problem+json' : 'application/json'
        this.status = answer.status
        this.responseText = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)
        this.responseHeaders = { 'content-type': type, ...Object.fromEntries(Object.entries(answer.headers || {}).map(([k, v]) => [k.toLowerCase(), v])) }
        this.onload?.()
      }, 0)
    }

    abort() {
      this.aborted = true
      this.onabort?.()
    }
  }
  return { XMLHttpRequest: FakeXMLHttpRequest, requests }
}
