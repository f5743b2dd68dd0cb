// The console sidebar: each entry names the permission it needs (none: every signed-in user).
// The router takes the same permissions for its routes, so menu and pages cannot disagree.
import { Checked, DataLine, Key, Medal, Tickets, Upload, User } from '@element-plus/icons-vue'

export const CONSOLE_MENU = [
  { key: 'dashboard', to: '/console', label: 'console.dashboard', icon: DataLine },
  { key: 'imports', to: '/console/imports', label: 'imports.title', icon: Upload, permission: 'enterprise.write' },
  { key: 'grading', to: '/console/grading', label: 'grading.title', icon: Medal, permission: 'grading.manage' },
  { key: 'inspection', to: '/console/inspection', label: 'inspection.title', icon: Checked, permission: 'inspection.write' },
  { key: 'users', to: '/console/users', label: 'users.title', icon: User, permission: 'user.read' },
  { key: 'tokens', to: '/console/tokens', label: 'tokens.title', icon: Key, permission: 'token.manage' },
  { key: 'audit', to: '/console/audit', label: 'audit.title', icon: Tickets, permission: 'audit.read' },
]

export function visibleMenu(permissions = [], menu = CONSOLE_MENU) {
  const held = new Set(permissions || [])
  return menu.filter((item) => !item.permission || held.has(item.permission))
}
