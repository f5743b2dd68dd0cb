// The joint-punishment measures a blacklist case may carry (GET /api/v1/blacklist/measures),
// once per page load: code, activity, whether a new case carries it by default, names, basis.
import { onMounted, shallowRef } from 'vue'
import { api } from '../api.js'

let cached = null

export function useMeasures() {
  const measures = shallowRef(cached || [])
  const error = shallowRef(null)
  onMounted(async () => {
    if (cached) return
    try {
      cached = (await api.blacklistMeasures()).items || []
      measures.value = cached
    } catch (err) {
      error.value = err
    }
  })
  return { measures, error }
}

// For tests: forget the cached list.
export function resetMeasures() {
  cached = null
}
