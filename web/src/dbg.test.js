import { it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { fakeFetch } from './test/fakeFetch.js'
import { mountApp } from './test/mountApp.js'
it('dbg', async () => {
  vi.stubGlobal('fetch', fakeFetch({}).fetch)
  const { wrapper } = await mountApp('/login')
  await wrapper.get('[data-testid=login-form]').trigger('submit')
  await flushPromises()
  await new Promise((r) => setTimeout(r, 50))
  console.log(wrapper.get('[data-testid=login-form]').html().slice(0, 1800))
})
