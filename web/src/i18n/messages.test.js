import { describe, expect, it } from 'vitest'
import zhCN from './zh-CN.js'
import en from './en.js'

function keys(obj, prefix = '') {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

describe('i18n messages', () => {
  it('zh-CN and en define the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
  })

  it('has a Chinese platform name by default and an English one', () => {
    expect(zhCN.app.name).toBe('河北省质量信息平台')
    expect(en.app.name).toBe('Hebei Quality Information Platform')
  })
})
