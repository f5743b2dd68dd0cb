import { describe, expect, it } from 'vitest'
import { ApiError } from '../api.js'
import { fieldOf, useFieldErrors } from './useFieldErrors.js'

describe('useFieldErrors', () => {
  it('puts a field problem at its field and anything else in the alert', () => {
    const { errors, problem, apply, clear } = useFieldErrors(['name', 'uscc'])
    apply(new ApiError({ status: 409, title: 'Conflict', detail: "user 'a' already exists", field: 'name' }))
    expect(errors.name).toBe("user 'a' already exists")
    expect(problem.value).toBeNull()

    apply(new ApiError({ status: 400, title: 'Invalid Argument', detail: 'bad uscc', field: 'uscc' }), (f) => f !== 'uscc')
    expect(errors.uscc).toBe('')
    expect(problem.value.detail).toBe('bad uscc') // the field is not on screen

    clear()
    expect(errors.name).toBe('')
    expect(problem.value).toBeNull()
    apply(new ApiError({ status: 403, title: 'Forbidden', detail: 'needs user.manage', field: 'role' }))
    expect(errors.role).toBeUndefined()
    expect(problem.value.status).toBe(403)
  })

  it('reads the field only from problems about input', () => {
    expect(fieldOf({ status: 400, field: 'password' })).toBe('password')
    expect(fieldOf({ status: 409, field: 'name' })).toBe('name')
    expect(fieldOf({ status: 401, field: 'password' })).toBe('')
    expect(fieldOf({ status: 400 })).toBe('')
    expect(fieldOf(null)).toBe('')
  })
})
