import { describe, expect, it } from 'vitest'
import { MIN_PASSWORD_LENGTH, USCC_PATTERN, assignableRoles, roleNeedsRegion, roleNeedsUscc } from './accounts.js'

describe('accounts', () => {
  it('offers the roles the server lets each administrator hand out', () => {
    expect(assignableRoles('province_admin')).toEqual(['enterprise', 'inspector', 'city_admin', 'province_admin', 'auditor'])
    expect(assignableRoles('city_admin')).toEqual(['enterprise', 'inspector'])
  })

  it('knows which roles belong to a region or an enterprise', () => {
    expect(['inspector', 'city_admin'].every(roleNeedsRegion)).toBe(true)
    expect(['enterprise', 'province_admin', 'auditor'].some(roleNeedsRegion)).toBe(false)
    expect(roleNeedsUscc('enterprise')).toBe(true)
    expect(roleNeedsUscc('inspector')).toBe(false)
  })

  it("matches the server's password minimum and USCC alphabet", () => {
    expect(MIN_PASSWORD_LENGTH).toBe(10)
    expect(USCC_PATTERN.test('91130100923744876X')).toBe(true)
    expect(USCC_PATTERN.test('91130100923744876I')).toBe(false)
  })
})
