// The console sidebar: each entry names the permission it needs (none: every signed-in user),
// and perhaps roles that may open it without that permission (the enterprise account opens
// its own blacklist case by number). The router takes the same rule for its routes, so menu
// and pages cannot disagree.
import { Checked, CircleClose, DataLine, Key, List, Medal, Tickets, Upload, User } from '@element-plus/icons-vue'

export const CONSOLE_MENU = [
  { key: 'dashboard', to: '/console', label: 'console.dashboard', icon: DataLine },
  { key: 'imports', to: '/console/imports', label: 'imports.title', icon: Upload, permission: 'enterprise.write' },
  { key: 'grading', to: '/console/grading', label: 'grading.title', icon: Medal, permission: 'grading.manage' },
  { key: 'inspection', to: '/console/inspection', label: 'inspection.title', icon: Checked, permission: 'inspection.write' },
  { key: 'blacklist', to: '/console/blacklist', label: 'blacklist.console.menu', icon: CircleClose, permission: 'blacklist.manage', roles: ['enterprise'] },
  { key: 'plan', to: '/console/plan', label: 'plan.menu', icon: List, permission: 'plan.read' },
  { key: 'users', to: '/console/users', label: 'users.title', icon: User, permission: 'user.read' },
  { key: 'tokens', to: '/console/tokens', label: 'tokens.title', icon: Key, permission: 'token.manage' },
  { key: 'audit', to: '/console/audit', label: 'audit.title', icon: Tickets, permission: 'audit.read' },
]

// Whether a user with these permissions and role may open an entry or route ({ permission,
// roles }, e.g. a route's meta): no permission asked, the permission held, or one of the roles.
export function allows(rule, permissions = [], role = '') {
  if (!rule?.permission) return true
  if ((permissions || []).includes(rule.permission)) return true
  return Boolean(role) && (rule.roles || []).includes(role)
}

export function visibleMenu(permissions = [], role = '', menu = CONSOLE_MENU) {
  return menu.filter((item) => allows(item, permissions, role))
}
