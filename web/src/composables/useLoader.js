// Runs an API call with loading and error state; a newer call (or unmounting) aborts the
// older one, so a slow answer never overwrites a newer one.
import { onBeforeUnmount, ref, shallowRef } from 'vue'

export function useLoader(fetcher) {
  const data = shallowRef(null)
  const error = shallowRef(null)
  const loading = ref(false)
  let controller = null

  async function run(...args) {
    controller?.abort()
    controller = new AbortController()
    const { signal } = controller
    loading.value = true
    error.value = null
    try {
      data.value = await fetcher(signal, ...args)
    } catch (err) {
      if (signal.aborted) return
      error.value = err
    }
    loading.value = false
  }

  onBeforeUnmount(() => controller?.abort())
  return { data, error, loading, run }
}
