// The signed-in user, as a plain reactive module (no store library needed).
//
// The session itself is an HttpOnly cookie the server sets at login, so the browser cannot
// read it: the user is known from POST /auth/login and GET /auth/me (which adds the
// permissions and region names). /auth/me is asked once, on the first navigation into the
// console; after that the state only changes by login, logout or a 401 from a console call.
import { reactive, readonly } from 'vue'
import { api, onUnauthorized, setCsrfToken } from './api.js'

const state = reactive({
  user: null, // { name, role, region, region_name_zh, region_name_en, uscc, permissions, csrf_token }
  checked: false, // whether /auth/me has answered (200 or 401) since the page loaded
})

export const session = readonly(state)

let pending = null

function setUser(user) {
  state.user = user ? { ...user, permissions: Array.isArray(user.permissions) ? [...user.permissions] : [] } : null
  setCsrfToken(user?.csrf_token || '')
  state.checked = true
}

export function clearUser() {
  setUser(null)
}

// Whether the current user holds a permission (e.g. "user.manage").
export function can(permission) {
  return Boolean(state.user && state.user.permissions.includes(permission))
}

// Asks GET /auth/me. 401 means "not logged in"; other failures (server down, 500) reject
// and leave the state unchecked, so the next navigation asks again.
export async function loadUser() {
  try {
    setUser(await api.me())
  } catch (err) {
    if (err && err.status === 401) clearUser()
    else throw err
  }
  return state.user
}

// The user, asking the server only the first time (concurrent callers share one request).
export function ensureUser() {
  if (state.checked) return Promise.resolve(state.user)
  if (!pending) pending = loadUser().finally(() => { pending = null })
  return pending
}

// POST /auth/login. When its answer lacks the permissions (the documented minimum is
// name, role, region, uscc and csrf_token), /auth/me supplies them and the region names.
export async function login(name, password) {
  const answer = await api.login(name, password)
  if (answer && Array.isArray(answer.permissions)) {
    setUser(answer)
    return state.user
  }
  setCsrfToken(answer?.csrf_token || '')
  try {
    return await loadUser()
  } catch (err) {
    setCsrfToken('')
    throw err
  }
}

// POST /auth/logout. A 401 means the session had already ended, which is the goal anyway.
export async function logout() {
  try {
    await api.logout()
  } catch (err) {
    if (!err || err.status !== 401) throw err
  }
  clearUser()
}

// For tests: forget everything, as on a fresh page load.
export function resetSession() {
  state.user = null
  state.checked = false
  pending = null
  setCsrfToken('')
}

// Only same-site paths are followed after login (no "//evil.example" or absolute URLs).
export function safeRedirect(value, fallback = '/console') {
  const target = Array.isArray(value) ? value[0] : value
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//')) return fallback
  if (target.startsWith('/\\') || /^\/login(?:[/?#]|$)/.test(target)) return fallback
  return target
}

export function requiresAuth(route) {
  return route.matched.some((record) => record.meta.requiresAuth)
}

// Routes marked meta.requiresAuth (the console) need a user; /login skips ahead when one is
// already signed in. A 401 from a console call ends the session and returns to /login.
export function installSessionGuard(router) {
  router.beforeEach(async (to) => {
    if (requiresAuth(to)) {
      try {
        await ensureUser()
      } catch {
        // The server could not say; the login page shows the real error when one signs in.
      }
      if (!state.user) return { name: 'login', query: { redirect: to.fullPath } }
    } else if (to.name === 'login' && state.user) {
      return safeRedirect(to.query.redirect)
    }
    return true
  })
  onUnauthorized(() => {
    clearUser()
    const current = router.currentRoute.value
    if (requiresAuth(current)) router.push({ name: 'login', query: { redirect: current.fullPath } })
  })
  return router
}
