// Browser test of the action plan pages (issue #8): drives Debian's Chromium (playwright-core,
// no test runner) against a running Zhiliang server that serves web/dist and the API, the way
// smoke.mjs does.
//
//   ZL_BASE_URL=http://127.0.0.1:38123 ZL_ADMIN_PASSWORD=... ZL_SEED_PLAN=/path/to/plan.txt \
//     [CHROMIUM=/usr/bin/chromium] [ZL_ADMIN_NAME=admin] [ZL_DEMO_PASSWORD=...] node e2e/plan.mjs
//
// It writes, with dates relative to today (Beijing): the seed plan imported once more as the
// province administrator (a new plan of 4 parts and 18 items); two of its items assigned to
// 唐山市 — 四（二） with a deadline 40 days ahead and a share of its first target (green: nothing
// of its time has passed), and 四（一） with a deadline 8 days ahead (yellow: within 10 days);
// as tangshan (a demo account, password ZL_DEMO_PASSWORD, by default ZL_ADMIN_PASSWORD) a
// progress report of 50 % with an evidence file on the first (still green) and a completion
// report on the second (still yellow: it is not closed); the province's acceptance of that
// completion (done); one assessors' figure changed; the 2014 indicator table loaded again from
// data/plan/assessment_indicators.tsv (after a bad one refused); and a run of the 2014
// assessment (13 units ranked and graded). Without the seed file (ZL_SEED_PLAN unset or missing) or without
// ZL_ADMIN_PASSWORD it skips everything and says why.
//
// Prints one line per check and ends with "e2e plan: N passed, M failed"; exits 1 on any failure.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  adminName, adminPassword, base, createRun, dayOffset, demoPassword, resultsDir,
} from './harness.mjs'

const seedPlan = process.env.ZL_SEED_PLAN || ''
const TANGSHAN = '130200'
const YEAR = 2014

if (!base) {
  console.error('e2e plan: set ZL_BASE_URL to the server under test, e.g. http://127.0.0.1:38123')
  console.log('e2e plan: 0 passed, 1 failed')
  process.exit(2)
}
if (!seedPlan || !fs.existsSync(seedPlan)) {
  console.log(`skip plan: the seed plan file ${seedPlan ? `"${seedPlan}" does not exist` : 'is not given (set ZL_SEED_PLAN)'}`)
  console.log('e2e plan: 0 passed, 0 failed')
  process.exit(0)
}
if (!adminPassword) {
  console.log('skip plan: set ZL_ADMIN_PASSWORD (and ZL_ADMIN_NAME, default "admin") to run the action plan checks')
  console.log('e2e plan: 0 passed, 0 failed')
  process.exit(0)
}

const today = dayOffset(0)

const run = createRun('e2e plan', 300_000)
const { check, consoleErrors, allowedErrors } = run
try {
  const { context, page } = await run.launch()
  // Opening the console logged out asks GET /auth/me (401); a year not yet assessed is a 404.
  allowedErrors.push((text, where) => where.includes('/api/v1/auth/me') && /\b401\b/.test(text))
  allowedErrors.push((text, where) => /\/api\/v1\/plan\/assessments\/\d+$/.test(where) && /\b404\b/.test(text))

  // GET as the browser's session.
  async function apiJson(where) {
    const res = await page.request.get(`${base}${where}`)
    assert.ok(res.ok(), `GET ${where} answered ${res.status()}`)
    return res.json()
  }
  // Signs in through the login page, signed out first (cookies cleared).
  async function signIn(name, password) {
    await context.clearCookies()
    await page.goto(`${base}/login`)
    await page.locator('#zl-login-name').fill(name)
    await page.locator('#zl-login-password').fill(password)
    await page.getByTestId('login-submit').click()
    await page.waitForURL((url) => url.pathname === '/console')
    await page.getByTestId('current-user').getByText(name).waitFor()
  }
  // Picks the option of an Element Plus select whose text is `label` (exactly, or by a RegExp).
  async function pick(testid, label) {
    await page.locator(`[data-testid=${testid}] .el-select__wrapper`).click()
    const text = label instanceof RegExp ? label : new RegExp(`^\\s*${label}\\s*$`)
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: text }).first().click()
  }
  // A task's page once the task has loaded.
  const taskView = (id) => page.locator(`[data-testid=plan-task-view][data-task-id="${id}"]:not([data-status=""])`)
  const settle = (ms = 500) => page.waitForTimeout(ms) // let transitions finish before a screenshot

  let plan = null // { id } of the plan imported here
  const tasks = {} // green, yellow: the ids of the two tasks assigned here

  await check('the province administrator previews the seed plan: 4 parts, 18 items', async () => {
    await signIn(adminName, adminPassword)
    await page.getByTestId('menu-plan').click()
    await page.waitForURL(/\/console\/plan$/)
    await page.getByTestId('plans-table').waitFor()
    await page.getByTestId('plan-file').setInputFiles(seedPlan)
    const preview = page.getByTestId('plan-preview')
    await preview.waitFor()
    assert.equal(await preview.getAttribute('data-parts'), '4')
    assert.equal(await preview.getAttribute('data-items'), '18')
    assert.equal((await page.getByTestId('plan-preview-parts').textContent()).trim(), '4 个部分')
    assert.equal((await page.getByTestId('plan-preview-items').textContent()).trim(), '18 项事项')
    assert.match(await page.getByTestId('plan-preview-title').textContent(), /2014年行动计划/)
    assert.equal(await page.locator('#zl-plan-year').inputValue(), String(YEAR))
    await settle()
    await page.screenshot({ path: path.join(resultsDir, 'plan-preview.png'), fullPage: true })
  })

  await check('importing it opens the plan tree with 18 items, departments and targets', async () => {
    await page.getByTestId('plan-import-submit').click()
    await page.waitForURL(/\/console\/plan\/\d+$/)
    const view = page.getByTestId('plan-detail-view')
    await view.waitFor()
    plan = { id: Number(await view.getAttribute('data-plan-id')) }
    const counts = page.getByTestId('plan-counts')
    await counts.waitFor()
    assert.equal(await counts.getAttribute('data-parts'), '4')
    assert.equal(await counts.getAttribute('data-items'), '18')
    assert.equal(await page.getByTestId('plan-part').count(), 4)
    assert.equal(await page.getByTestId('plan-item').count(), 18)
    const api = await apiJson(`/api/v1/plan/plans/${plan.id}`)
    assert.equal(api.parts.length, 4)
    const item = page.locator('[data-testid=plan-item][data-label="四（二）"]')
    assert.match(await item.getByTestId('item-targets').textContent(), /20 家/)
    assert.ok(await item.locator('[data-lead=true]').count() <= 1, 'more than one lead department')
    const listed = await apiJson('/api/v1/plan/plans')
    assert.equal(listed.items[0].id, plan.id, 'the new plan is not first in GET /plan/plans')
    await page.screenshot({ path: path.join(resultsDir, 'plan-tree.png'), fullPage: true })
  })

  // Assigns the item labelled `label` to 唐山市 through the dialog; returns the new task.
  async function assign(label, deadline, targetValue = null) {
    const item = page.locator(`[data-testid=plan-item][data-label="${label}"]`)
    await item.getByTestId('item-assign').click()
    const dialog = page.getByTestId('assign-dialog')
    await dialog.waitFor()
    await settle(400) // the dialog's opening animation
    await pick('assign-region', '唐山市')
    assert.match(await dialog.locator('#zl-assign-lead').inputValue(), /^唐山市/, 'the lead unit is not named for 唐山市')
    await dialog.locator('#zl-assign-deadline').fill(deadline)
    if (targetValue !== null) {
      await pick('assign-target', /省级20家/)
      await dialog.locator('#zl-assign-target-value').fill(String(targetValue))
    }
    await dialog.getByTestId('assign-save').click()
    await dialog.waitFor({ state: 'hidden' })
    await item.getByTestId('item-task-count').getByText('已分解 1 项任务').waitFor()
    const list = await apiJson(`/api/v1/plan/tasks?plan_id=${plan.id}&region_code=${TANGSHAN}&per_page=100`)
    const task = list.items.find((t) => t.item_label === label)
    assert.ok(task, `GET /plan/tasks lists no task of ${label} for 唐山市`)
    assert.equal(task.deadline, deadline)
    return task
  }

  await check('四（二） assigned to 唐山市 40 days ahead with a target share is green', async () => {
    assert.ok(plan, 'no plan imported')
    const task = await assign('四（二）', dayOffset(40), 4)
    tasks.green = task.id
    assert.equal(task.light, 'green', `the server lit it ${task.light} (${task.light_reason})`)
    assert.equal(task.target_value, 4)
    assert.equal(task.target?.value, 20)
  })

  await check('四（一） assigned to 唐山市 8 days ahead is yellow', async () => {
    assert.ok(plan, 'no plan imported')
    const task = await assign('四（一）', dayOffset(8))
    tasks.yellow = task.id
    assert.equal(task.light, 'yellow', `the server lit it ${task.light} (${task.light_reason})`)
  })

  // The light of a task in the worklist.
  const rowLight = (id) => page.locator('[data-testid=tasks-table] .el-table__row', { has: page.locator(`[data-testid=task-link][data-task-id="${id}"]`) })
    .getByTestId('task-light')

  await check('the supervision page shows the lights, the summaries per unit and per department, and the attention list', async () => {
    assert.ok(tasks.green && tasks.yellow, 'the tasks were not assigned')
    await page.getByTestId('plan-nav-tasks').click()
    await page.waitForURL(/\/console\/plan\/tasks$/)
    await page.goto(`${base}/console/plan/tasks?plan_id=${plan.id}`)
    await rowLight(tasks.green).waitFor()
    assert.equal(await rowLight(tasks.green).getAttribute('data-light'), 'green')
    assert.equal((await rowLight(tasks.green).textContent()).trim(), '绿灯')
    assert.equal(await rowLight(tasks.yellow).getAttribute('data-light'), 'yellow')
    assert.equal((await rowLight(tasks.yellow).textContent()).trim(), '黄灯')
    const tangshan = page.locator(`[data-testid=supervision-row][data-region="${TANGSHAN}"]`)
    assert.equal((await tangshan.locator('td[data-light=green]').textContent()).trim(), '1')
    assert.equal((await tangshan.locator('td[data-light=yellow]').textContent()).trim(), '1')
    assert.equal(await page.locator('[data-testid=supervision-row]').count(), 13)
    assert.ok(await page.locator(`[data-testid=attention-table] [data-testid=task-link][data-task-id="${tasks.yellow}"]`).count() === 1,
      'the yellow task is not in the attention list')
    // Per department of the plan: 省质监局 is named by both items (四（一）, 四（二）), 省总工会 by
    // the yellow one only.
    const department = (name) => page.locator('[data-testid=department-table-plan] [data-testid=department-row]', { has: page.locator('th', { hasText: new RegExp(`^${name}$`) }) })
    assert.equal((await department('省质监局').locator('td[data-light=green]').textContent()).trim(), '1')
    assert.equal((await department('省质监局').locator('td[data-light=yellow]').textContent()).trim(), '1')
    assert.equal((await department('省总工会').locator('td[data-light=yellow]').textContent()).trim(), '1')
    assert.equal((await department('省总工会').locator('td[data-light=green]').textContent()).trim(), '0')
    assert.ok(await page.locator('[data-testid=department-table-lead] [data-testid=department-row]').count() >= 1, 'no lead unit listed')
    await page.locator('[data-testid=supervision-chart] canvas').first().waitFor()
    // The yellow filter keeps the yellow task and drops the green one.
    await page.getByTestId('light-yellow').click()
    await page.waitForURL((url) => url.searchParams.get('light') === 'yellow')
    await rowLight(tasks.yellow).waitFor()
    await page.waitForFunction((id) => !document.querySelector(`[data-testid=tasks-table] [data-testid=task-link][data-task-id="${id}"]`), tasks.green)
    assert.equal(await rowLight(tasks.green).count(), 0, 'the yellow filter shows a green task')
    await settle(800)
    await page.screenshot({ path: path.join(resultsDir, 'plan-supervision.png'), fullPage: true })
  })

  await check('tangshan reports 50 % with evidence on its green task; it stays green', async () => {
    assert.ok(tasks.green, 'no green task')
    await signIn('tangshan', demoPassword)
    await page.goto(`${base}/console/plan/tasks/${tasks.green}`)
    const view = taskView(tasks.green)
    await view.waitFor()
    assert.equal(await view.getAttribute('data-light'), 'green')
    const form = page.getByTestId('report-form')
    await form.waitFor()
    const percent = form.locator('[data-testid=report-percent] .el-input-number input')
    await percent.fill('50')
    await percent.press('Tab')
    await form.locator('#zl-report-achieved').fill('2')
    await form.locator('#zl-report-narrative').fill('已在 2 所中小学建成质量教育社会实践基地')
    const evidence = path.join(run.profile, '基地挂牌照片说明.txt')
    fs.writeFileSync(evidence, '唐山市质量教育社会实践基地挂牌 2 家\n')
    await form.getByTestId('report-files').setInputFiles(evidence)
    await form.getByTestId('report-file').waitFor()
    await form.getByTestId('report-submit').click()
    await page.locator(`[data-testid=task-report][data-kind=progress]`).first().waitFor()
    await page.waitForFunction(() => document.querySelector('[data-testid=task-facts] [data-testid=task-percent]')?.dataset.percent === '50')
    assert.equal(await view.getAttribute('data-light'), 'green')
    assert.equal(await view.getAttribute('data-status'), 'open')
    assert.match(await page.getByTestId('task-target-value').textContent(), /已完成 2 \/ 4 家/)
    const link = page.locator('[data-testid=report-evidence] a').first()
    const res = await page.request.get(`${base}${await link.getAttribute('href')}`)
    assert.equal(res.status(), 200, `the evidence link answered ${res.status()}`)
    assert.match(await res.text(), /挂牌 2 家/)
    await settle()
    await page.screenshot({ path: path.join(resultsDir, 'plan-task-report.png'), fullPage: true })
  })

  await check('tangshan reports the yellow task complete: it awaits review and stays yellow', async () => {
    assert.ok(tasks.yellow, 'no yellow task')
    await page.goto(`${base}/console/plan/tasks/${tasks.yellow}`)
    const view = taskView(tasks.yellow)
    await view.waitFor()
    assert.equal(await view.getAttribute('data-light'), 'yellow')
    const form = page.getByTestId('report-form')
    await form.getByTestId('report-kind-completion').click()
    await form.locator('#zl-report-narrative').fill('标准化工作任务已全部完成')
    await form.getByTestId('report-submit').click()
    await page.locator('[data-testid=plan-task-view][data-status=completion_reported]').waitFor()
    assert.equal(await view.getAttribute('data-light'), 'yellow', 'a completion not yet accepted changed the light')
    await page.getByTestId('task-awaiting').waitFor()
    assert.equal(await page.getByTestId('review-form').count(), 0, 'the city is offered the province\'s review')
    assert.equal(await page.getByTestId('report-form').count(), 0, 'a report is offered while the completion awaits review')
  })

  await check('the province accepts the completion: the task is done', async () => {
    assert.ok(tasks.yellow, 'no yellow task')
    await signIn(adminName, adminPassword)
    await page.goto(`${base}/console/plan/tasks/${tasks.yellow}`)
    const form = page.getByTestId('review-form')
    await form.waitFor()
    await form.getByTestId('review-accept').click()
    await form.locator('#zl-review-reason').fill('经核实，同意验收')
    await form.getByTestId('review-submit').click()
    await page.locator(`[data-testid=plan-task-view][data-task-id="${tasks.yellow}"][data-status=closed]`).waitFor()
    assert.equal(await taskView(tasks.yellow).getAttribute('data-light'), 'done')
    assert.equal(await page.locator('[data-testid=task-facts] [data-testid=task-light]').getAttribute('data-light'), 'done')
    assert.equal((await page.getByTestId('task-closed-on').textContent()).trim(), today)
    const kinds = await page.locator('[data-testid=task-report]').evaluateAll((els) => els.map((e) => e.dataset.kind))
    assert.deepEqual(kinds, ['completion', 'accepted'])
    await page.goto(`${base}/console/plan/tasks?plan_id=${plan.id}`)
    await rowLight(tasks.yellow).waitFor()
    assert.equal(await rowLight(tasks.yellow).getAttribute('data-light'), 'done')
    assert.equal((await rowLight(tasks.yellow).textContent()).trim(), '已办结')
    await settle(800)
    await page.screenshot({ path: path.join(resultsDir, 'plan-task-done.png'), fullPage: true })
  })

  await check(`an assessor's figure is saved from the grid`, async () => {
    await page.goto(`${base}/console/plan/assessment?year=${YEAR}`)
    await page.getByTestId('figures-grid').waitFor()
    const system = await apiJson(`/api/v1/plan/assessments/${YEAR}/indicators`)
    const rate = system.indicators.find((i) => i.source === 'rate')
    assert.ok(rate, `the ${YEAR} indicator system has no rate indicator`)
    const cell = page.locator(`input[data-cell="${TANGSHAN}:${rate.code}"], [data-cell="${TANGSHAN}:${rate.code}"] input`).first()
    await cell.fill('97.5')
    await page.getByTestId('figures-save').click()
    await page.locator('.el-message--success').first().waitFor()
    const figures = await apiJson(`/api/v1/plan/assessments/${YEAR}/figures?region_code=${TANGSHAN}`)
    const saved = figures.items.find((f) => f.indicator === rate.code)
    assert.equal(saved?.value, 97.5, `GET /figures has ${JSON.stringify(saved)}`)
  })

  await check(`the ${YEAR} indicator table loads from a TSV file; a bad one is refused with its line`, async () => {
    const tsv = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'plan', 'assessment_indicators.tsv')
    assert.ok(fs.existsSync(tsv), `no ${tsv}`)
    allowedErrors.push((text, where) => where.includes(`/api/v1/plan/assessments/${YEAR}/indicators`) && /\b400\b/.test(text))
    await page.getByTestId('indicator-upload').click()
    const dialog = page.getByTestId('indicator-dialog')
    await dialog.waitFor()
    await dialog.locator('#zl-indicator-text').fill('code\tname\nX1\t?')
    await dialog.getByTestId('indicator-submit').click()
    await dialog.getByTestId('problem-detail').waitFor()
    assert.match(await dialog.getByTestId('problem-detail').textContent(), /indicators:1/)
    await dialog.getByTestId('indicator-file').setInputFiles(tsv)
    await page.waitForFunction(() => (document.querySelector('#zl-indicator-text')?.value || '').includes('code\tlevel1\t'))
    await dialog.getByTestId('indicator-submit').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('[data-testid=indicator-source][data-source=loaded]').waitFor()
    const system = await apiJson(`/api/v1/plan/assessments/${YEAR}/indicators`)
    assert.equal(system.source, 'loaded')
    assert.equal(system.loaded_by, adminName)
    assert.equal(await page.getByTestId('indicator-code').count(), system.indicators.length)
  })

  await check(`running the ${YEAR} assessment ranks 13 units with grades`, async () => {
    await page.getByTestId('assessment-run').click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    const meta = page.getByTestId('assessment-meta')
    await page.waitForFunction((day) => (document.querySelector('[data-testid=assessment-meta]')?.textContent || '').includes(day), today)
    assert.match(await meta.textContent(), new RegExp(adminName))
    const rows = page.locator('[data-testid=ranking-table] .el-table__body tr.el-table__row')
    assert.equal(await rows.count(), 13)
    const grades = await page.locator('[data-testid=ranking-table] [data-testid=grade-tag]').evaluateAll((els) => els.map((e) => e.dataset.grade))
    assert.equal(grades.length, 13)
    for (const g of grades) assert.ok(['A', 'B', 'C', 'D'].includes(g), `grade "${g}"`)
    const api = await apiJson(`/api/v1/plan/assessments/${YEAR}`)
    assert.deepEqual(grades, api.cities.map((c) => c.grade), 'table and GET /assessments/{year} differ')
    const canvas = page.locator('[data-testid=assessment-chart] canvas').first()
    await canvas.waitFor()
    await settle(1200) // the bars' animation
    const painted = await canvas.evaluate((c) => {
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data
      let n = 0
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++
      return n
    })
    assert.ok(painted > 1000, `the totals chart has only ${painted} painted pixels`)
    await page.screenshot({ path: path.join(resultsDir, 'plan-assessment.png'), fullPage: true })
  })

  await check('a unit\'s score sheet opens in a drawer, and the ranking exports as xlsx', async () => {
    await page.locator('[data-testid=ranking-city]').first().click()
    const sheet = page.getByTestId('score-sheet')
    await sheet.waitFor()
    const system = await apiJson(`/api/v1/plan/assessments/${YEAR}/indicators`)
    assert.equal(await sheet.locator('[data-testid=sheet-lines] .el-table__body tr.el-table__row').count(), system.indicators.length)
    await settle()
    await page.screenshot({ path: path.join(resultsDir, 'plan-score-sheet.png') })
    await page.keyboard.press('Escape')
    const href = await page.getByTestId('assessment-export').getAttribute('href')
    assert.equal(href, `/api/v1/plan/assessments/${YEAR}/export?format=xlsx`)
    const xlsx = await page.request.get(`${base}${href}`)
    assert.equal(xlsx.status(), 200, `GET ${href} answered ${xlsx.status()}`)
    assert.equal((await xlsx.body()).subarray(0, 2).toString('latin1'), 'PK', 'the export is not an .xlsx (zip) file')
  })

  await check('no console errors', async () => {
    assert.deepEqual(consoleErrors, [], `console errors:\n${consoleErrors.join('\n')}`)
  })
} catch (err) {
  run.fail(err)
} finally {
  await run.finish()
}
