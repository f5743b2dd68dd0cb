// The industries enterprises are filed under, for the search filter: the by_industry list of
// GET /api/v1/stats/overview (every industry with at least one enterprise), once per page load.
import { onMounted, shallowRef } from 'vue'
import { api } from '../api.js'

let cached = null

export function useIndustries() {
  const industries = shallowRef(cached || [])
  onMounted(async () => {
    if (cached) return
    try {
      const overview = await api.overview()
      cached = [...(overview?.by_industry || [])].sort((a, b) => String(a.code).localeCompare(String(b.code)))
      industries.value = cached
    } catch {
      industries.value = [] // the filter is optional; the search still works without it
    }
  })
  return industries
}

// For tests: forget the cached list.
export function resetIndustries() {
  cached = null
}
