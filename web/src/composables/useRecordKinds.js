// GET /api/v1/record-kinds once per page load: code, Chinese and English names, and the
// polarities each kind allows.
import { onMounted, shallowRef } from 'vue'
import { api } from '../api.js'

let cached = null

export function useRecordKinds() {
  const kinds = shallowRef(cached || [])
  const error = shallowRef(null)
  onMounted(async () => {
    if (cached) return
    try {
      cached = (await api.recordKinds()).items || []
      kinds.value = cached
    } catch (err) {
      error.value = err
    }
  })
  return { kinds, error }
}

// For tests: forget the cached list.
export function resetRecordKinds() {
  cached = null
}
