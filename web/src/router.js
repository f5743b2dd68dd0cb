// Routes for the two faces of the UI: the public portal at / and the regulator console at
// /console. History mode: the server falls back to index.html for unknown non-API paths.
// Everything under /console needs a signed-in user (see session.js); a console page marked
// meta.permission is shown only to users holding that permission (or having one of the
// meta.roles, see console-menu.js).
import { createRouter, createWebHistory, createMemoryHistory } from 'vue-router'
import PortalLayout from './layouts/PortalLayout.vue'
import HomeView from './views/HomeView.vue'
import { installSessionGuard } from './session.js'
import { CONSOLE_MENU } from './console-menu.js'

const permissionOf = (key) => CONSOLE_MENU.find((item) => item.key === key)?.permission
const rolesOf = (key) => CONSOLE_MENU.find((item) => item.key === key)?.roles

export const routes = [
  {
    path: '/',
    component: PortalLayout,
    children: [
      { path: '', name: 'home', component: HomeView, meta: { title: 'nav.home' } },
      {
        path: 'enterprises',
        name: 'enterprises',
        component: () => import('./views/EnterpriseList.vue'),
        meta: { title: 'nav.enterprises', nav: 'enterprises' },
      },
      {
        path: 'enterprises/:uscc',
        name: 'enterprise',
        component: () => import('./views/EnterpriseDetail.vue'),
        props: true,
        meta: { title: 'enterprise.detailTitle', nav: 'enterprises' },
      },
      {
        path: 'inspections',
        name: 'inspections',
        component: () => import('./views/PublicInspectionsView.vue'),
        meta: { title: 'inspection.public.title', nav: 'inspections' },
      },
      {
        path: 'uscc',
        name: 'uscc',
        component: () => import('./views/UsccCheckView.vue'),
        meta: { title: 'nav.uscc', nav: 'uscc' },
      },
      {
        path: 'blacklist',
        name: 'blacklist',
        component: () => import('./views/BlacklistView.vue'),
        meta: { title: 'blacklist.public.title', nav: 'blacklist' },
      },
      ...['recalls', 'warnings'].map((section) => ({
        path: section,
        name: section,
        component: () => import('./views/ComingSoon.vue'),
        props: { section },
        meta: { title: `nav.${section}`, nav: section },
      })),
      {
        path: 'login',
        name: 'login',
        component: () => import('./views/LoginView.vue'),
        meta: { title: 'login.title' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('./views/NotFound.vue'),
        meta: { title: 'notFound.title' },
      },
    ],
  },
  {
    path: '/console',
    component: () => import('./layouts/ConsoleLayout.vue'),
    meta: { requiresAuth: true },
    children: [
      {
        path: '',
        name: 'console',
        component: () => import('./views/console/DashboardView.vue'),
        meta: { title: 'console.dashboard', console: true },
      },
      {
        path: 'imports',
        name: 'console-imports',
        component: () => import('./views/console/ImportsView.vue'),
        meta: { title: 'imports.title', console: true, permission: permissionOf('imports') },
      },
      {
        path: 'imports/:id',
        name: 'console-import',
        component: () => import('./views/console/ImportRunView.vue'),
        props: true,
        meta: { title: 'imports.title', console: true, permission: permissionOf('imports') },
      },
      {
        path: 'grading',
        name: 'console-grading',
        component: () => import('./views/console/GradingView.vue'),
        meta: { title: 'grading.title', console: true, permission: permissionOf('grading') },
      },
      {
        path: 'inspection',
        name: 'console-inspection',
        component: () => import('./views/console/InspectionView.vue'),
        meta: { title: 'inspection.title', console: true, permission: permissionOf('inspection') },
      },
      {
        path: 'inspection/:id',
        name: 'console-inspection-task',
        component: () => import('./views/console/InspectionTaskView.vue'),
        props: true,
        meta: { title: 'inspection.task', console: true, permission: permissionOf('inspection') },
      },
      {
        path: 'blacklist',
        name: 'console-blacklist',
        component: () => import('./views/console/BlacklistView.vue'),
        meta: { title: 'blacklist.console.title', console: true, permission: permissionOf('blacklist'), roles: rolesOf('blacklist') },
      },
      {
        path: 'blacklist/:id',
        name: 'console-blacklist-case',
        component: () => import('./views/console/BlacklistCaseView.vue'),
        props: true,
        meta: { title: 'blacklist.case.title', console: true, permission: permissionOf('blacklist'), roles: rolesOf('blacklist') },
      },
      {
        path: 'plan',
        name: 'console-plan',
        component: () => import('./views/console/PlanListView.vue'),
        meta: { title: 'plan.title', console: true, permission: permissionOf('plan') },
      },
      {
        path: 'plan/tasks',
        name: 'console-plan-tasks',
        component: () => import('./views/console/PlanTasksView.vue'),
        meta: { title: 'plan.tasks.title', console: true, permission: permissionOf('plan') },
      },
      {
        path: 'plan/tasks/:id(\\d+)',
        name: 'console-plan-task',
        component: () => import('./views/console/PlanTaskView.vue'),
        props: true,
        meta: { title: 'plan.taskView.title', console: true, permission: permissionOf('plan') },
      },
      {
        path: 'plan/assessment',
        name: 'console-plan-assessment',
        component: () => import('./views/console/PlanAssessmentView.vue'),
        meta: { title: 'plan.assessment.title', console: true, permission: permissionOf('plan') },
      },
      {
        path: 'plan/:id(\\d+)',
        name: 'console-plan-detail',
        component: () => import('./views/console/PlanDetailView.vue'),
        props: true,
        meta: { title: 'plan.detail.title', console: true, permission: permissionOf('plan') },
      },
      {
        path: 'users',
        name: 'console-users',
        component: () => import('./views/console/UsersView.vue'),
        meta: { title: 'users.title', console: true, permission: permissionOf('users') },
      },
      {
        path: 'tokens',
        name: 'console-tokens',
        component: () => import('./views/console/TokensView.vue'),
        meta: { title: 'tokens.title', console: true, permission: permissionOf('tokens') },
      },
      {
        path: 'audit',
        name: 'console-audit',
        component: () => import('./views/console/AuditView.vue'),
        meta: { title: 'audit.title', console: true, permission: permissionOf('audit') },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'console-not-found',
        component: () => import('./views/NotFound.vue'),
        meta: { title: 'notFound.title', console: true },
      },
    ],
  },
]

export function createAppRouter(history = createWebHistory()) {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (to, from, saved) => saved || { top: 0 },
  })
  return installSessionGuard(router)
}

export { createMemoryHistory }
