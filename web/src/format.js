// Locale-aware formatting shared by views. Kept free of Vue so it is trivial to test.

export function formatNumber(value, locale = 'zh-CN') {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof n !== 'number' || !Number.isFinite(n)) return '—'
  return new Intl.NumberFormat(locale).format(n)
}

// Formats an ISO timestamp in the viewer's locale; returns the input unchanged if unparsable.
// The server writes "" for "never"; that shows as a dash.
export function formatDateTime(iso, locale = 'zh-CN', { seconds = false } = {}) {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return String(iso)
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hour12: false,
  }).format(d)
}

// The problem+json title in the viewer's language (the server sends title and title_zh).
export function problemTitle(error, locale = 'zh-CN') {
  if (!error) return ''
  return (locale && locale.startsWith('zh') && error.titleZh) || error.title || ''
}

// Pretty-prints a JSON text (or value); returns text that is not JSON unchanged.
export function prettyJson(value) {
  if (value == null || value === '') return ''
  if (typeof value !== 'string') return JSON.stringify(value, null, 2)
  try {
    return JSON.stringify(JSON.parse(value), null, 2)
  } catch {
    return value
  }
}

// Picks name_zh / name_en (or region_name_zh, ...) for the current locale, falling back to
// the other language when one is missing.
export function localName(item, locale, prefix = 'name') {
  if (!item) return ''
  const zh = item[`${prefix}_zh`]
  const en = item[`${prefix}_en`]
  return (locale && locale.startsWith('zh') ? zh || en : en || zh) || ''
}
