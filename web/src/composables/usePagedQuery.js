// Page and page size kept in the URL query, so a console list can be bookmarked or shared.
import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'

export const PAGE_SIZES = [20, 50, 100]

export function usePagedQuery() {
  const route = useRoute()
  const router = useRouter()
  const page = computed(() => Math.max(1, Number.parseInt(route.query.page, 10) || 1))
  const perPage = computed(() => {
    const n = Number.parseInt(route.query.per_page, 10)
    return PAGE_SIZES.includes(n) ? n : PAGE_SIZES[0]
  })

  // Merges a patch into the query; empty values and page 1 are dropped.
  function pushQuery(patch, { replace = false } = {}) {
    const query = { ...route.query, ...patch }
    for (const key of Object.keys(query)) if (query[key] === '' || query[key] == null) delete query[key]
    if (Number(query.page) === 1) delete query.page
    return replace ? router.replace({ query }) : router.push({ query })
  }

  return { route, page, perPage, pushQuery }
}
