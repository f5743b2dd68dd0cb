// Facts about accounts the forms need, mirroring the server (src/auth/role.h and the
// password policy): the roles, which of them belong to a region or an enterprise, and the
// shortest password the server accepts. The server stays the judge; these only let a form
// say early what it would refuse.
export const ROLES = ['public', 'enterprise', 'inspector', 'city_admin', 'province_admin', 'auditor']

// Roles a city administrator may not hand out (the server refuses province-level roles).
export const PROVINCE_ROLES = ['province_admin', 'auditor']

export const roleNeedsRegion = (role) => role === 'city_admin' || role === 'inspector'
export const roleNeedsUscc = (role) => role === 'enterprise'
export const roleIsRegionScoped = roleNeedsRegion

export const MIN_PASSWORD_LENGTH = 10

// GB 32100 alphabet: digits and capital letters without I, O, S, V, Z. The check characters
// are verified by the server, which names the exact fault.
export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/
