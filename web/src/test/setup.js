// Vitest setup:
// - render Element Plus's transitions for real (form errors live inside a TransitionGroup,
//   which @vue/test-utils would otherwise stub away);
// - silence async-validator's console warnings for failed rules, which tests provoke;
// - fail any test during which Vue warns, e.g. about a component that was used in a
//   template but not registered in plugins/element.js (production builds stay silent).
import { afterEach, beforeEach, expect, vi } from 'vitest'
import { config } from '@vue/test-utils'

config.global.stubs = { ...config.global.stubs, transition: false, 'transition-group': false }
globalThis.ASYNC_VALIDATOR_NO_WARNING = 1

let warn
beforeEach(() => {
  warn = vi.spyOn(console, 'warn')
})
afterEach(() => {
  const vueWarnings = warn.mock.calls.map((args) => String(args[0])).filter((text) => text.includes('[Vue warn]'))
  warn.mockRestore()
  expect(vueWarnings, 'Vue warnings').toEqual([])
})
