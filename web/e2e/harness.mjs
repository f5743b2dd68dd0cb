// What the browser tests (smoke.mjs, plan.mjs) share: the server and accounts from the
// environment, dates in Beijing, and a run that counts checks (one line each, a summary line
// at the end, a watchdog), launching Debian's Chromium with a throwaway profile on a page that
// collects console errors — except those a step provokes on purpose (run.allowedErrors).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const base = (process.env.ZL_BASE_URL || '').replace(/\/+$/, '')
export const executablePath = process.env.CHROMIUM || '/usr/bin/chromium'
export const adminName = process.env.ZL_ADMIN_NAME || 'admin'
export const adminPassword = process.env.ZL_ADMIN_PASSWORD || ''
// The demo accounts (tangshan, qiye) share one password, by default the administrator's.
export const demoPassword = process.env.ZL_DEMO_PASSWORD || adminPassword
export const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-results')
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
]

export const isoDay = (date) => date.toISOString().slice(0, 10)
// Beijing's date `offset` days from today (the server's calendar).
export const dayOffset = (offset) => isoDay(new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000))

// A run labelled `label` ("e2e", "e2e plan"), stopped as failed after `timeoutMs`.
export function createRun(label, timeoutMs) {
  const run = {
    passed: 0,
    failed: 0,
    consoleErrors: [],
    allowedErrors: [], // predicates (text, where) for errors a step provokes on purpose
    profile: fs.mkdtempSync(path.join(os.tmpdir(), `zl-${label.replace(/\s+/g, '-')}-`)),
    context: null,
  }
  fs.mkdirSync(resultsDir, { recursive: true })
  const watchdog = setTimeout(() => {
    console.log(`${label}: ${run.passed} passed, ${run.failed + 1} failed (timed out)`)
    process.exit(1)
  }, timeoutMs)

  run.check = async (name, fn) => {
    const started = Date.now()
    try {
      await fn()
      run.passed++
      console.log(`ok   ${name} (${Date.now() - started} ms)`)
    } catch (err) {
      run.failed++
      console.log(`FAIL ${name}: ${String(err && err.message ? err.message : err).split('\n').slice(0, 6).join('\n     ')}`)
    }
  }

  // Chromium in Chinese at 1366×900; returns the context and its page.
  run.launch = async () => {
    run.context = await chromium.launchPersistentContext(run.profile, {
      executablePath,
      headless: true,
      args: ARGS,
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
    })
    const page = run.context.pages()[0] || (await run.context.newPage())
    page.setDefaultTimeout(15_000)
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return
      const where = msg.location()?.url || ''
      const text = msg.text()
      if (/favicon/i.test(where) || /favicon/i.test(text)) return
      if (run.allowedErrors.some((ok) => ok(text, where))) return
      run.consoleErrors.push(`${text}${where ? ` (${where})` : ''}`)
    })
    page.on('pageerror', (err) => run.consoleErrors.push(`uncaught: ${err.message}`))
    return { context: run.context, page }
  }

  run.noConsoleErrors = () => run.check('no console errors', async () => {
    if (run.consoleErrors.length) throw new Error(`console errors:\n${run.consoleErrors.join('\n')}`)
  })

  // Counts an error that escaped the checks (the browser died, say) as a failure.
  run.fail = (err) => {
    run.failed++
    console.log(`FAIL browser: ${err && err.message ? err.message : err}`)
  }

  // Closes the browser, removes the profile, prints the summary and exits (1 on any failure).
  run.finish = async () => {
    await run.context?.close().catch(() => {})
    fs.rmSync(run.profile, { recursive: true, force: true })
    clearTimeout(watchdog)
    console.log(`${label}: ${run.passed} passed, ${run.failed} failed`)
    process.exit(run.failed ? 1 : 0)
  }
  return run
}
