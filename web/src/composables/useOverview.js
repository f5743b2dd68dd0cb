// Loads GET /api/v1/stats/overview once per mounted view, with loading and error state.
import { onBeforeUnmount, onMounted, ref, shallowRef } from 'vue'
import { api } from '../api.js'

export function useOverview() {
  const data = shallowRef(null)
  const error = shallowRef(null)
  const loading = ref(true)
  let controller = null

  async function load() {
    controller?.abort()
    controller = new AbortController()
    const { signal } = controller
    loading.value = true
    error.value = null
    try {
      data.value = await api.overview({ signal })
    } catch (err) {
      if (signal.aborted) return
      error.value = err
    }
    loading.value = false
  }

  onMounted(load)
  onBeforeUnmount(() => controller?.abort())
  return { data, error, loading, reload: load }
}
