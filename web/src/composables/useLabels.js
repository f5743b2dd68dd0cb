// Labels for the words the API uses: roles, permissions and region codes.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { localName } from '../format.js'

export function useLabels() {
  const { t, te, locale } = useI18n()
  const roleLabel = (role) => (role && te(`role.${role}`) ? t(`role.${role}`) : role || t('common.dash'))
  const permissionKey = (perm) => `permission.${String(perm).replace(/\./g, '_')}`
  const permissionLabel = (perm) => (te(permissionKey(perm)) ? t(permissionKey(perm)) : perm)
  return { t, te, locale, roleLabel, permissionLabel }
}

// Region code -> local name, from GET /api/v1/regions (loaded by useRegions).
export function useRegionNames(regions) {
  const { t, locale } = useI18n()
  const byCode = computed(() => new Map(regions.value.map((r) => [r.code, r])))
  return (code) => {
    if (!code) return t('common.dash')
    const region = byCode.value.get(code)
    return region ? localName(region, locale.value) : code
  }
}
