// Calendar days as the server counts them: today in Beijing, YYYY-MM-DD checks, the days
// between two dates and a date some days on. Shared by the blacklist's deadlines and the
// action plan's lights; free of Vue, so it is trivial to test.

// Today in Beijing (the server's calendar) as YYYY-MM-DD.
export function beijingToday(now = new Date()) {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10)
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/
export const isIsoDay = (value) => ISO_DAY.test(String(value || '')) && !Number.isNaN(Date.parse(value))

// Whole days from `from` to `to` (both YYYY-MM-DD); null when either is missing.
export function daysBetween(from, to) {
  if (!isIsoDay(from) || !isIsoDay(to)) return null
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

// YYYY-MM-DD `n` days after `day` ('' when `day` is not one).
export function addDays(day, n) {
  if (!isIsoDay(day)) return ''
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
}
