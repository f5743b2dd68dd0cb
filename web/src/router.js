// Routes for the two faces of the UI: the public portal at / and the regulator console at
// /console. History mode: the server falls back to index.html for unknown non-API paths.
import { createRouter, createWebHistory, createMemoryHistory } from 'vue-router'
import PortalLayout from './layouts/PortalLayout.vue'
import HomeView from './views/HomeView.vue'

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
      ...['blacklist', 'recalls', 'warnings'].map((section) => ({
        path: section,
        name: section,
        component: () => import('./views/ComingSoon.vue'),
        props: { section },
        meta: { title: `nav.${section}`, nav: section },
      })),
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
    children: [
      {
        path: '',
        name: 'console',
        component: () => import('./views/console/DashboardView.vue'),
        meta: { title: 'console.dashboard', console: true },
      },
    ],
  },
]

export function createAppRouter(history = createWebHistory()) {
  return createRouter({
    history,
    routes,
    scrollBehavior: (to, from, saved) => saved || { top: 0 },
  })
}

export { createMemoryHistory }
