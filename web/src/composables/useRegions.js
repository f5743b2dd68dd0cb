// GET /api/v1/regions once per page load; the list is small and changes only with a release.
import { onMounted, shallowRef } from 'vue'
import { api } from '../api.js'

let cached = null

export function useRegions() {
  const regions = shallowRef(cached || [])
  onMounted(async () => {
    if (cached) return
    try {
      cached = (await api.regions()).items || []
      regions.value = cached
    } catch {
      regions.value = [] // names fall back to codes; the select stays empty
    }
  })
  return regions
}

// Supervision units: the kinds a user may belong to.
export const isSupervisionUnit = (region) => region.kind === 'city' || region.kind === 'direct_county'
