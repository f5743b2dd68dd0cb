// The quality blacklist (严重违法失信名单, issue #7) as the UI sees it: the states of a case and
// their colours, which steps the due process allows from which state and who takes them, the
// steps a signed-in user is offered on a case, the forms of a new case and of a step (with the
// commitment letter an early removal needs), and dates in Beijing time (days.js). The server stays the
// authority: these tables only keep the UI from offering steps it would refuse.
// Free of Vue, so it is trivial to test.
import { beijingToday, daysBetween, isIsoDay } from './days.js'
import { shortDigest } from './inspection.js'

export { beijingToday, daysBetween, isIsoDay, shortDigest }

export const CASE_STATES = [
  'proposed', 'notified', 'objection_filed', 'objection_answered', 'awaiting_approval',
  'listed', 'published', 'removal_requested', 'dismissed', 'removed', 'expired',
]
// Closed cases take no step any more.
export const CLOSED_STATES = ['dismissed', 'removed', 'expired']
// On the list (measures apply); only published and removal_requested are public.
export const LISTED_STATES = ['listed', 'published', 'removal_requested']

const STATE_TYPE = {
  proposed: 'info',
  notified: 'primary',
  objection_filed: 'warning',
  objection_answered: 'primary',
  awaiting_approval: 'warning',
  listed: 'danger',
  published: 'danger',
  removal_requested: 'warning',
  dismissed: 'info',
  removed: 'success',
  expired: 'success',
}

// The Element Plus tag type of a state.
export function stateType(state) {
  return STATE_TYPE[state] || 'info'
}

export const ACTIONS = [
  'notify', 'object', 'answer_objection', 'decide_list', 'dismiss', 'approve', 'publish',
  'request_removal', 'grant_removal', 'refuse_removal',
]

// Who takes each step from each state (blacklist/case_machine.h): the regulator (a holder of
// blacklist.manage whose region covers the case), the enterprise (its own account) or the
// approver (a holder of blacklist.approve). Dismissing a case awaiting approval is the
// approver's; any other dismissal the regulator's.
export const STEPS = {
  proposed: [['notify', 'regulator'], ['dismiss', 'regulator']],
  notified: [['object', 'enterprise'], ['decide_list', 'regulator'], ['dismiss', 'regulator']],
  objection_filed: [['answer_objection', 'regulator'], ['dismiss', 'regulator']],
  objection_answered: [['decide_list', 'regulator'], ['dismiss', 'regulator']],
  awaiting_approval: [['approve', 'approver'], ['dismiss', 'approver']],
  listed: [['publish', 'regulator']],
  published: [['request_removal', 'enterprise']],
  removal_requested: [['grant_removal', 'regulator'], ['refuse_removal', 'regulator']],
}

// The actions the process allows from `state`, whoever takes them.
export function actionsFrom(state) {
  return (STEPS[state] || []).map(([action]) => action)
}

// The party that takes `action` from `state`, or '' when the process has no such step.
export function partyFor(state, action) {
  return (STEPS[state] || []).find(([a]) => a === action)?.[1] || ''
}

// What `user` ({ role, uscc, permissions }) may be on case `kase`: any of 'enterprise',
// 'regulator', 'approver'. A holder of blacklist.manage who could read the case is its
// regulator: the server shows a case to no other regulator.
export function partiesOf(user, kase) {
  const out = new Set()
  if (!user || !kase) return out
  const held = new Set(user.permissions || [])
  if (user.role === 'enterprise') {
    if (user.uscc && user.uscc === kase.uscc) out.add('enterprise')
    return out
  }
  if (held.has('blacklist.manage')) out.add('regulator')
  if (held.has('blacklist.approve')) out.add('approver')
  return out
}

// Whether a step dated `day` (YYYY-MM-DD) meets the process's dates: an objection within the
// window, a decision from `notified` only after it, early removal from its first day. A date
// the case does not carry yet leaves the step to the server.
export function dateAllows(kase, action, day) {
  const d = kase?.deadlines || {}
  if (action === 'object' && d.objection_window_ends) return day <= d.objection_window_ends
  if (action === 'decide_list' && kase?.state === 'notified' && d.objection_window_ends) {
    return day > d.objection_window_ends
  }
  if (action === 'request_removal' && d.removal_possible_from) return day >= d.removal_possible_from
  return true
}

// The actions `user` is offered on `kase` for a step dated `day`: allowed from the state,
// taken by a party the user is, and within the process's dates.
export function availableActions(kase, user, day) {
  if (!kase || CLOSED_STATES.includes(kase.state)) return []
  const parties = partiesOf(user, kase)
  return (STEPS[kase.state] || [])
    .filter(([action, party]) => parties.has(party) && dateAllows(kase, action, day))
    .map(([action]) => action)
}

// The steps the state and the user's party allow but the dates do not (yet or any more), so
// the form can say why they are missing: [{ action, key, date }] where key is 'windowClosed'
// (an objection after the window), 'windowOpen' (a listing decision while it is open) or
// 'removalFrom' (early removal before its first day).
export function withheldActions(kase, user, day) {
  if (!kase || CLOSED_STATES.includes(kase.state)) return []
  const parties = partiesOf(user, kase)
  const d = kase.deadlines || {}
  const out = []
  for (const [action, party] of STEPS[kase.state] || []) {
    if (!parties.has(party) || dateAllows(kase, action, day)) continue
    if (action === 'object') out.push({ action, key: 'windowClosed', date: d.objection_window_ends })
    else if (action === 'decide_list') out.push({ action, key: 'windowOpen', date: d.objection_window_ends })
    else if (action === 'request_removal') out.push({ action, key: 'removalFrom', date: d.removal_possible_from })
  }
  return out
}

// Whether the user may date a step ("on"): regulators and approvers recording a step taken on
// paper may; an enterprise acts on the day it asks.
export function mayBackdate(user, kase) {
  const parties = partiesOf(user, kase)
  return parties.has('regulator') || parties.has('approver')
}

// How a case's next deadline stands on `today`: 'overdue' (the server says so), 'today',
// 'soon' (within a week), 'later', or '' without a deadline.
export function dueStatus(kase, today) {
  if (!kase?.next_due) return ''
  if (kase.overdue) return 'overdue'
  const days = daysBetween(today, kase.next_due)
  if (days === null) return 'later'
  if (days < 0) return 'overdue'
  if (days === 0) return 'today'
  return days <= 7 ? 'soon' : 'later'
}

// The deadlines of a case in the order the process meets them: [{ key, date }], set ones only.
export const DEADLINE_KEYS = [
  'objection_window_ends', 'objection_answer_due', 'publish_due', 'removal_possible_from',
  'removal_decision_due', 'stop_publication_due', 'expires_on',
]
export function deadlineRows(deadlines) {
  return DEADLINE_KEYS.filter((key) => deadlines?.[key]).map((key) => ({ key, date: deadlines[key] }))
}

// The dates a case has reached, in process order: [{ key, date }].
export const FACT_DATES = ['notified_on', 'objection_filed_on', 'listed_on', 'published_on', 'removal_requested_on', 'removed_on']
export function factDates(kase) {
  return FACT_DATES.filter((key) => kase?.[key]).map((key) => ({ key, date: kase[key] }))
}

// The events of a case in the order they happened (by seq).
export function eventsInOrder(events) {
  return [...(Array.isArray(events) ? events : [])].sort((a, b) => Number(a.seq) - Number(b.seq))
}

// Activities GET /enterprises/{uscc}/restrictions answers about, in the catalogue's order.
export const ACTIVITIES = ['bid', 'procurement', 'honour', 'licence_commitment', 'inspection', 'land', 'subsidy']

// The codes of the measures a new case carries unless others are chosen.
export function defaultMeasures(catalogue) {
  return (Array.isArray(catalogue) ? catalogue : []).filter((m) => m?.default).map((m) => m.code)
}

// The authority a new case names by default: the user's market regulation bureau (市场监督管理局
// of its city, or of the province for a province-wide account), in Chinese as on the notice.
export function defaultAuthority(user) {
  const region = String(user?.region_name_zh || '').trim()
  return `${region || '河北省'}市场监督管理局`
}

// The worklist filters of the URL query: { state, due } with unknown values dropped.
export function worklistFilters(query = {}) {
  const one = (v) => (Array.isArray(v) ? v[0] : v)
  const state = one(query.state)
  const due = one(query.due)
  const out = {}
  if (CASE_STATES.includes(state)) out.state = state
  if (due === 'near' || due === 'overdue') out.due = due
  return out
}

const USCC_FORM = /^[0-9A-HJ-NPQRTUWXY]{18}$/

// The body of POST /blacklist/cases from the dialog's form, trimmed.
export function casePayload(form = {}) {
  const text = (v) => String(v ?? '').trim()
  return {
    uscc: text(form.uscc).toUpperCase(),
    reason: text(form.reason),
    basis: text(form.basis),
    authority: text(form.authority),
    measures: [...new Set((form.measures || []).map(text).filter(Boolean))],
  }
}

// What the form lacks before asking the server: { field: message key }. The USCC's check
// characters are the server's to judge; here only its form.
export function caseProblems(payload) {
  const out = {}
  if (!payload.uscc) out.uscc = 'blacklist.errors.required'
  else if (!USCC_FORM.test(payload.uscc)) out.uscc = 'blacklist.errors.uscc'
  for (const key of ['reason', 'basis', 'authority']) if (!payload[key]) out[key] = 'blacklist.errors.required'
  if (!payload.measures.length) out.measures = 'blacklist.errors.measures'
  return out
}

// A case number as typed from a notice ("12", "#12", "案件 12", "黑名单案件第12号"): the id, or
// null when the text holds no single positive number.
export function parseCaseNumber(text) {
  const numbers = String(text ?? '').match(/\d+/g) || []
  if (numbers.length !== 1) return null
  const id = Number(numbers[0])
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

// The marker of the parts of the commitment letter the enterprise has to fill in.
export const FILL_IN = '【请填写'

// The commitment letter (守信承诺书) an early removal needs, to be completed by the enterprise:
// the parts in 【请填写…】 are its own words (what it corrected, how it keeps its promise).
export function commitmentTemplate({ name = '', uscc = '', caseId = '', day = '' } = {}) {
  return [
    '守信承诺书',
    '',
    `本单位${name || '【请填写：企业名称】'}（统一社会信用代码：${uscc || '【请填写：统一社会信用代码】'}）因严重违法失信行为被列入严重违法失信名单（黑名单案件 ${caseId || '【请填写：案件编号】'}）。现申请提前移出名单，并郑重承诺：`,
    '',
    '一、已经改正全部违法失信行为，履行了行政处罚决定规定的义务，整改情况如下：',
    '【请填写：改正违法行为、履行处罚决定的情况】',
    '',
    '二、今后严格遵守《中华人民共和国产品质量法》等法律法规，依法诚信经营，不再发生同类违法失信行为。',
    '',
    '三、本承诺书所述内容真实、准确、完整，如有虚假，愿意承担相应法律责任，并同意将本承诺履行情况纳入信用记录、向社会公开。',
    '',
    '承诺单位（盖章）：',
    '法定代表人（签字）：',
    `日期：${day || '【请填写：日期】'}`,
  ].join('\n')
}

// Whether a text still holds parts to fill in.
export function hasFillIns(text) {
  return String(text || '').includes(FILL_IN)
}

// The body of POST /blacklist/cases/{id}/steps: reason trimmed, documents without the blank
// rows, "on" only when the user may date steps and gave a day.
export function stepPayload(form = {}, { backdate = false } = {}) {
  const body = {
    action: String(form.action || ''),
    reason: String(form.reason ?? '').trim(),
    documents: (form.documents || [])
      .map((d) => ({ name: String(d?.name ?? '').trim(), content: String(d?.content ?? '') }))
      .filter((d) => d.name || d.content.trim()),
  }
  if (backdate && form.on) body.on = String(form.on)
  return body
}

// What a step lacks before asking the server: { field: message key } for the fields action,
// reason, documents and on. `today` bounds "on".
export function stepProblems(payload, today) {
  const out = {}
  if (!payload.action) out.action = 'blacklist.errors.action'
  if (!payload.reason) out.reason = 'blacklist.errors.required'
  if (payload.documents.some((d) => !d.name || !d.content.trim())) out.documents = 'blacklist.errors.document'
  else if (payload.action === 'request_removal' && !payload.documents.length) out.documents = 'blacklist.errors.commitment'
  else if (payload.documents.some((d) => hasFillIns(d.content))) out.documents = 'blacklist.errors.fillIn'
  if (payload.on !== undefined) {
    if (!isIsoDay(payload.on)) out.on = 'blacklist.errors.date'
    else if (today && payload.on > today) out.on = 'blacklist.errors.future'
  }
  return out
}
