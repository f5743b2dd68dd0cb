import { describe, expect, it } from 'vitest'
import {
  ACTIONS, ACTIVITIES, CASE_STATES, CLOSED_STATES, STEPS, actionsFrom, availableActions, beijingToday, casePayload,
  caseProblems, commitmentTemplate, dateAllows, daysBetween, deadlineRows, defaultAuthority, defaultMeasures,
  dueStatus, eventsInOrder, factDates, hasFillIns, mayBackdate, parseCaseNumber, partiesOf, partyFor, stateType,
  stepPayload, stepProblems, withheldActions, worklistFilters,
} from './blacklist.js'
import zhCN from './i18n/zh-CN.js'
import en from './i18n/en.js'

const USCC = '91130200MAF4JD0N5T'
const CITY = { role: 'city_admin', region: '130200', uscc: '', permissions: ['blacklist.manage', 'enterprise.private.read'] }
const PROVINCE = { role: 'province_admin', region: '', uscc: '', permissions: ['blacklist.manage', 'blacklist.approve'] }
const OWN = { role: 'enterprise', region: '', uscc: USCC, permissions: ['enterprise.private.read'] }
const OTHER = { role: 'enterprise', region: '', uscc: '91130100923744876X', permissions: ['enterprise.private.read'] }
const INSPECTOR = { role: 'inspector', region: '130200', uscc: '', permissions: ['enterprise.private.read', 'inspection.write'] }

const kase = (state, deadlines = {}, extra = {}) => ({ id: 7, uscc: USCC, name: '唐山市东兴玻璃股份有限公司', region_code: '130200', state, deadlines, ...extra })

describe('the action table', () => {
  it('allows from each state exactly the steps of the due process', () => {
    expect(actionsFrom('proposed')).toEqual(['notify', 'dismiss'])
    expect(actionsFrom('notified')).toEqual(['object', 'decide_list', 'dismiss'])
    expect(actionsFrom('objection_filed')).toEqual(['answer_objection', 'dismiss'])
    expect(actionsFrom('objection_answered')).toEqual(['decide_list', 'dismiss'])
    expect(actionsFrom('awaiting_approval')).toEqual(['approve', 'dismiss'])
    expect(actionsFrom('listed')).toEqual(['publish'])
    expect(actionsFrom('published')).toEqual(['request_removal'])
    expect(actionsFrom('removal_requested')).toEqual(['grant_removal', 'refuse_removal'])
    for (const closed of CLOSED_STATES) expect(actionsFrom(closed), closed).toEqual([])
    expect(actionsFrom('nonsense')).toEqual([])
  })

  it('names only known states and actions, and every action is reachable', () => {
    for (const state of Object.keys(STEPS)) expect(CASE_STATES).toContain(state)
    const used = new Set(Object.values(STEPS).flat().map(([a]) => a))
    expect([...used].sort()).toEqual([...ACTIONS].sort())
  })

  it('gives each step its party; dismissal is the approver\'s only while awaiting approval', () => {
    expect(partyFor('notified', 'object')).toBe('enterprise')
    expect(partyFor('published', 'request_removal')).toBe('enterprise')
    expect(partyFor('awaiting_approval', 'approve')).toBe('approver')
    expect(partyFor('awaiting_approval', 'dismiss')).toBe('approver')
    expect(partyFor('proposed', 'dismiss')).toBe('regulator')
    expect(partyFor('listed', 'publish')).toBe('regulator')
    expect(partyFor('listed', 'notify')).toBe('')
  })

  it('colours the states', () => {
    expect(['proposed', 'published', 'removed', 'removal_requested', 'x'].map(stateType)).toEqual(['info', 'danger', 'success', 'warning', 'info'])
  })
})

describe('who may do what', () => {
  it('knows the parties of a user on a case', () => {
    expect([...partiesOf(CITY, kase('notified'))]).toEqual(['regulator'])
    expect([...partiesOf(PROVINCE, kase('notified'))].sort()).toEqual(['approver', 'regulator'])
    expect([...partiesOf(OWN, kase('notified'))]).toEqual(['enterprise'])
    expect([...partiesOf(OTHER, kase('notified'))]).toEqual([])
    expect([...partiesOf(INSPECTOR, kase('notified'))]).toEqual([])
    expect([...partiesOf(null, kase('notified'))]).toEqual([])
    // An enterprise account is never a regulator, whatever it holds.
    expect([...partiesOf({ ...OWN, permissions: ['blacklist.manage'] }, kase('listed'))]).toEqual(['enterprise'])
  })

  it('offers the regulator its steps and the enterprise its own', () => {
    const open = kase('notified', { objection_window_ends: '2026-12-04' })
    expect(availableActions(open, CITY, '2026-11-27')).toEqual(['dismiss'])
    expect(availableActions(open, CITY, '2026-12-07')).toEqual(['decide_list', 'dismiss'])
    expect(availableActions(open, OWN, '2026-11-27')).toEqual(['object'])
    expect(availableActions(open, OWN, '2026-12-04')).toEqual(['object']) // the last day still counts
    expect(availableActions(open, OWN, '2026-12-05')).toEqual([])
    expect(availableActions(open, OTHER, '2026-11-27')).toEqual([])
    expect(availableActions(open, INSPECTOR, '2026-11-27')).toEqual([])
  })

  it('leaves approval to the approver and the rest to the regulator', () => {
    const waiting = kase('awaiting_approval')
    expect(availableActions(waiting, CITY, '2026-01-01')).toEqual([])
    expect(availableActions(waiting, PROVINCE, '2026-01-01')).toEqual(['approve', 'dismiss'])
    expect(availableActions(kase('listed'), PROVINCE, '2026-01-01')).toEqual(['publish'])
    expect(availableActions(kase('listed'), OWN, '2026-01-01')).toEqual([])
    expect(availableActions(kase('removal_requested'), CITY, '2026-01-01')).toEqual(['grant_removal', 'refuse_removal'])
    expect(availableActions(kase('removed'), PROVINCE, '2026-01-01')).toEqual([])
  })

  it('offers early removal from its first day only', () => {
    const published = kase('published', { removal_possible_from: '2026-09-16' })
    expect(availableActions(published, OWN, '2026-09-15')).toEqual([])
    expect(availableActions(published, OWN, '2026-09-16')).toEqual(['request_removal'])
    expect(availableActions(published, CITY, '2026-09-16')).toEqual([])
    expect(dateAllows(kase('published', {}), 'request_removal', '2020-01-01')).toBe(true) // no date: the server decides
    expect(dateAllows(kase('objection_answered', { objection_window_ends: '2026-12-04' }), 'decide_list', '2026-12-01')).toBe(true)
  })

  it('says which steps a date withholds and until when', () => {
    const open = kase('notified', { objection_window_ends: '2026-12-04' })
    expect(withheldActions(open, CITY, '2026-11-27')).toEqual([{ action: 'decide_list', key: 'windowOpen', date: '2026-12-04' }])
    expect(withheldActions(open, CITY, '2026-12-05')).toEqual([])
    expect(withheldActions(open, OWN, '2026-12-05')).toEqual([{ action: 'object', key: 'windowClosed', date: '2026-12-04' }])
    expect(withheldActions(kase('published', { removal_possible_from: '2027-01-02' }), OWN, '2026-11-27'))
      .toEqual([{ action: 'request_removal', key: 'removalFrom', date: '2027-01-02' }])
    expect(withheldActions(kase('dismissed'), CITY, '2026-11-27')).toEqual([])
  })

  it('lets regulators and approvers date a step, never the enterprise', () => {
    expect(mayBackdate(CITY, kase('proposed'))).toBe(true)
    expect(mayBackdate(PROVINCE, kase('awaiting_approval'))).toBe(true)
    expect(mayBackdate(OWN, kase('published'))).toBe(false)
    expect(mayBackdate(INSPECTOR, kase('proposed'))).toBe(false)
  })
})

describe('dates', () => {
  it('takes today in Beijing, eight hours ahead of UTC', () => {
    expect(beijingToday(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27')
    expect(beijingToday(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28')
    expect(beijingToday(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01')
  })

  it('counts days and tells how a deadline stands', () => {
    expect(daysBetween('2026-11-27', '2026-12-04')).toBe(7)
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1)
    expect(daysBetween('', '2026-02-28')).toBeNull()
    const today = '2026-11-27'
    expect(dueStatus({ next_due: '2026-11-20', overdue: true }, today)).toBe('overdue')
    expect(dueStatus({ next_due: '2026-11-26', overdue: false }, today)).toBe('overdue')
    expect(dueStatus({ next_due: '2026-11-27', overdue: false }, today)).toBe('today')
    expect(dueStatus({ next_due: '2026-12-04', overdue: false }, today)).toBe('soon')
    expect(dueStatus({ next_due: '2026-12-05', overdue: false }, today)).toBe('later')
    expect(dueStatus({ next_due: null, overdue: false }, today)).toBe('')
  })

  it('lists deadlines and dates reached in process order', () => {
    expect(deadlineRows({ expires_on: '2028-09-16', objection_window_ends: '2025-09-08', publish_due: null, uncovered_by_calendar: [] }))
      .toEqual([{ key: 'objection_window_ends', date: '2025-09-08' }, { key: 'expires_on', date: '2028-09-16' }])
    expect(deadlineRows(undefined)).toEqual([])
    expect(factDates({ published_on: '2025-09-20', notified_on: '2025-09-01', listed_on: '2025-09-16', removed_on: null }))
      .toEqual([{ key: 'notified_on', date: '2025-09-01' }, { key: 'listed_on', date: '2025-09-16' }, { key: 'published_on', date: '2025-09-20' }])
  })

  it('orders events by sequence', () => {
    expect(eventsInOrder([{ seq: 3 }, { seq: 1 }, { seq: 2 }]).map((e) => e.seq)).toEqual([1, 2, 3])
    expect(eventsInOrder(null)).toEqual([])
  })
})

describe('forms', () => {
  const CATALOGUE = [
    { code: 'bidding', default: true }, { code: 'land', default: false }, { code: 'honours', default: true },
  ]

  it('ticks the default measures and names the user\'s bureau', () => {
    expect(defaultMeasures(CATALOGUE)).toEqual(['bidding', 'honours'])
    expect(defaultMeasures(undefined)).toEqual([])
    expect(defaultAuthority({ region_name_zh: '唐山市' })).toBe('唐山市市场监督管理局')
    expect(defaultAuthority({ region_name_zh: '' })).toBe('河北省市场监督管理局')
  })

  it('builds a new case and tells what it lacks', () => {
    const payload = casePayload({ uscc: ' 91130200maf4jd0n5t ', reason: ' 事实 ', basis: '第七条', authority: '唐山市市场监督管理局', measures: ['bidding', 'bidding', ' land'] })
    expect(payload).toEqual({ uscc: USCC, reason: '事实', basis: '第七条', authority: '唐山市市场监督管理局', measures: ['bidding', 'land'] })
    expect(caseProblems(payload)).toEqual({})
    expect(caseProblems(casePayload({}))).toEqual({
      uscc: 'blacklist.errors.required', reason: 'blacklist.errors.required', basis: 'blacklist.errors.required',
      authority: 'blacklist.errors.required', measures: 'blacklist.errors.measures',
    })
    expect(caseProblems({ ...payload, uscc: '9113020' })).toEqual({ uscc: 'blacklist.errors.uscc' })
    expect(caseProblems({ ...payload, uscc: '91130200MAF4JD0N5I' })).toEqual({ uscc: 'blacklist.errors.uscc' }) // I is not in the alphabet
  })

  it('reads a case number as typed from a notice', () => {
    expect(parseCaseNumber('12')).toBe(12)
    expect(parseCaseNumber(' #12 ')).toBe(12)
    expect(parseCaseNumber('黑名单案件 12')).toBe(12)
    expect(parseCaseNumber('第12号')).toBe(12)
    expect(parseCaseNumber('0')).toBeNull()
    expect(parseCaseNumber('12 and 13')).toBeNull()
    expect(parseCaseNumber('')).toBeNull()
    expect(parseCaseNumber(null)).toBeNull()
  })

  it('builds a step: trimmed reason, no blank documents, a day only when one may date', () => {
    const form = { action: 'notify', reason: ' 送达 ', on: '2025-09-01', documents: [{ name: ' 告知书 ', content: '内容' }, { name: '', content: '  ' }] }
    expect(stepPayload(form, { backdate: true })).toEqual({ action: 'notify', reason: '送达', documents: [{ name: '告知书', content: '内容' }], on: '2025-09-01' })
    expect(stepPayload(form)).toEqual({ action: 'notify', reason: '送达', documents: [{ name: '告知书', content: '内容' }] })
    expect(stepPayload({ ...form, on: '' }, { backdate: true })).not.toHaveProperty('on')
  })

  it('tells what a step lacks before asking the server', () => {
    const today = '2026-11-27'
    const ok = { action: 'notify', reason: 'x', documents: [] }
    expect(stepProblems(ok, today)).toEqual({})
    expect(stepProblems({ action: '', reason: '', documents: [] }, today)).toEqual({ action: 'blacklist.errors.action', reason: 'blacklist.errors.required' })
    expect(stepProblems({ ...ok, documents: [{ name: 'a', content: '' }] }, today)).toEqual({ documents: 'blacklist.errors.document' })
    expect(stepProblems({ ...ok, action: 'request_removal' }, today)).toEqual({ documents: 'blacklist.errors.commitment' })
    expect(stepProblems({ ...ok, on: '2026-11-28' }, today)).toEqual({ on: 'blacklist.errors.future' })
    expect(stepProblems({ ...ok, on: '2026-11-27' }, today)).toEqual({})
    expect(stepProblems({ ...ok, on: '27.11.2026' }, today)).toEqual({ on: 'blacklist.errors.date' })
  })

  it('prefills the commitment letter and refuses it until completed', () => {
    const letter = commitmentTemplate({ name: '唐山市东兴玻璃股份有限公司', uscc: USCC, caseId: 7, day: '2026-11-27' })
    expect(letter.startsWith('守信承诺书\n')).toBe(true)
    expect(letter).toContain('唐山市东兴玻璃股份有限公司（统一社会信用代码：91130200MAF4JD0N5T）')
    expect(letter).toContain('黑名单案件 7')
    expect(letter).toContain('日期：2026-11-27')
    expect(hasFillIns(letter)).toBe(true) // the corrections are the enterprise's to write
    expect(hasFillIns(commitmentTemplate())).toBe(true)
    const step = { action: 'request_removal', reason: '申请提前移出', documents: [{ name: '守信承诺书', content: letter }] }
    expect(stepProblems(step, '2026-11-27')).toEqual({ documents: 'blacklist.errors.fillIn' })
    const done = letter.replace(/【请填写[^】]*】/g, '已全部整改并缴清罚款')
    expect(hasFillIns(done)).toBe(false)
    expect(stepProblems({ ...step, documents: [{ name: '守信承诺书', content: done }] }, '2026-11-27')).toEqual({})
  })

  it('keeps only known worklist filters', () => {
    expect(worklistFilters({ state: 'notified', due: 'near', page: '2' })).toEqual({ state: 'notified', due: 'near' })
    expect(worklistFilters({ state: 'bogus', due: 'later' })).toEqual({})
    expect(worklistFilters({ state: ['listed', 'x'], due: ['overdue'] })).toEqual({ state: 'listed', due: 'overdue' })
  })
})

describe('labels', () => {
  it('has a label in both languages for every state, action, activity and deadline', () => {
    for (const messages of [zhCN, en]) {
      const b = messages.blacklist
      for (const s of CASE_STATES) expect(b.states[s], s).toBeTruthy()
      for (const a of ACTIONS) {
        expect(b.actions[a], a).toBeTruthy()
        expect(b.step.hints[a], a).toBeTruthy()
      }
      for (const a of ACTIVITIES) expect(b.activities[a], a).toBeTruthy()
      for (const { key } of deadlineRows({ objection_window_ends: 1, objection_answer_due: 1, publish_due: 1, removal_possible_from: 1, removal_decision_due: 1, stop_publication_due: 1, expires_on: 1 })) {
        expect(b.deadlines[key], key).toBeTruthy()
      }
      expect(messages.credit.listStatuses.serious_dishonesty).toBeTruthy()
    }
    expect(zhCN.blacklist.badge).toBe('列入严重违法失信名单')
  })
})
