// Facts about accounts the forms need, mirroring the server (src/auth/role.h,
// src/auth/accounts.cc and the password policy): the roles, which of them belong to a region
// or an enterprise, who may hand out which role, and the shortest password the server
// accepts. The server stays the judge; these only let a form say early what it would refuse.
export const ROLES = ['public', 'enterprise', 'inspector', 'city_admin', 'province_admin', 'auditor']

// "public" is the role of visitors without an account; a region-scoped administrator (a
// city_admin) may create inspector and enterprise accounts only, in its own region.
export function assignableRoles(actorRole) {
  if (roleIsRegionScoped(actorRole)) return ['enterprise', 'inspector']
  return ROLES.filter((role) => role !== 'public')
}

export const roleNeedsRegion = (role) => role === 'city_admin' || role === 'inspector'
export const roleNeedsUscc = (role) => role === 'enterprise'
export function roleIsRegionScoped(role) {
  return roleNeedsRegion(role)
}

export const MIN_PASSWORD_LENGTH = 10

// GB 32100 alphabet: digits and capital letters without I, O, S, V, Z. The check characters
// are verified by the server, which names the exact fault.
export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/
