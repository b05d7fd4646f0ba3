import { describe, expect, it } from 'vitest'
import {
  ENDPOINT_SCOPES,
  SMSGATE_SCOPES,
  grantsScope,
  scopeFromMessage,
  scopeRequiredMessage,
} from '../../../../../src/core/providers/smsgate/scopes'

describe('smsgate scopes', () => {
  it('lets all:any satisfy every check except an exact one', () => {
    expect(grantsScope(['all:any'], 'devices:list')).toBe(true)
    expect(grantsScope(['all:any'], 'tokens:refresh', true)).toBe(false)
    expect(grantsScope(['tokens:refresh'], 'tokens:refresh', true)).toBe(true)
    expect(grantsScope(['messages:send'], 'devices:list')).toBe(false)
    expect(grantsScope([], 'devices:list')).toBe(false)
  })

  it('round-trips the 403 message and ignores other texts', () => {
    expect(scopeRequiredMessage('devices:list')).toBe('scope required: devices:list')
    expect(scopeFromMessage(scopeRequiredMessage('messages:send'))).toBe('messages:send')
    expect(scopeFromMessage('Unauthorized')).toBeNull()
  })

  it('covers the dossier endpoint table once per method and path, and only the refresh check is exact', () => {
    const keys = ENDPOINT_SCOPES.map((row) => `${row.method} ${row.path}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys).toEqual(expect.arrayContaining(['GET /devices', 'POST /messages', 'POST /auth/token/refresh', 'DELETE /auth/token/:jti']))
    expect(ENDPOINT_SCOPES.filter((row) => 'exact' in row).map((row) => row.path)).toEqual(['/auth/token/refresh'])
    const used = new Set<string>(ENDPOINT_SCOPES.map((row) => row.scope))
    expect(SMSGATE_SCOPES.filter((scope) => !used.has(scope))).toEqual(['all:any'])
  })
})
