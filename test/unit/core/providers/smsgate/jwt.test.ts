import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  decodeJwt,
  hasValidHs256Signature,
  isExpiredAt,
  peekSmsGateClaims,
  readSmsGateClaims,
  signHs256,
} from '../../../../../src/core/providers/smsgate/jwt'

const SECRET = 'a-secret-of-at-least-thirty-two-bytes!!'
const claims = { iss: 'sms-gate.app', sub: 'VALID1', exp: 1_900_000_900, iat: 1_900_000_000, jti: 'abc', user_id: 'VALID1', scopes: ['devices:list'] }

describe('smsgate jwt', () => {
  it('signs HS256 with the golang-jwt header, verifiable by an independent HMAC', () => {
    const token = signHs256(claims, SECRET)
    const [header, payload, signature] = token.split('.') as [string, string, string]
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' })
    expect(Buffer.from(header, 'base64url').toString()).toBe('{"alg":"HS256","typ":"JWT"}')
    expect(Object.keys(JSON.parse(Buffer.from(payload, 'base64url').toString()) as object)).toEqual(Object.keys(claims))
    expect(signature).toBe(createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url'))
    expect(token).not.toContain('=')
  })

  it('decodes without verifying and checks the signature separately', () => {
    const token = signHs256(claims, SECRET)
    const decoded = decodeJwt(token)
    expect(decoded?.payload).toEqual(claims)
    expect(decoded && hasValidHs256Signature(decoded, SECRET)).toBe(true)
    expect(decoded && hasValidHs256Signature(decoded, 'another-secret-another-secret-xx')).toBe(false)
  })

  it('refuses a tampered payload and any algorithm other than HS256', () => {
    const [header, , signature] = signHs256(claims, SECRET).split('.') as [string, string, string]
    const forged = Buffer.from(JSON.stringify({ ...claims, scopes: ['all:any'] })).toString('base64url')
    const tampered = decodeJwt(`${header}.${forged}.${signature}`)
    expect(tampered && hasValidHs256Signature(tampered, SECRET)).toBe(false)
    const noneHeader = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')
    const none = decodeJwt(`${noneHeader}.${forged}.`)
    expect(none).not.toBeNull()
    expect(none && hasValidHs256Signature(none, SECRET)).toBe(false)
  })

  it.each([
    ['two parts', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.not-a-jwt'],
    ['four parts', 'a.b.c.d'],
    ['padding', `${signHs256(claims, SECRET)}=`],
    ['not JSON', `${Buffer.from('hi').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.sig`],
    ['JSON array payload', `${Buffer.from('{}').toString('base64url')}.${Buffer.from('[1]').toString('base64url')}.sig`],
    ['empty', ''],
  ])('returns null for a malformed token (%s)', (_name, token) => {
    expect(decodeJwt(token)).toBeNull()
    expect(peekSmsGateClaims(token)).toBeNull()
  })

  it('reads SMSGate claims, keeping absent ones absent and refusing mistyped ones', () => {
    expect(readSmsGateClaims({ ...claims, original_scopes: ['a'], extra: 1 })).toEqual({ ...claims, original_scopes: ['a'] })
    expect(readSmsGateClaims({ exp: 5 })).toEqual({ exp: 5 })
    expect(readSmsGateClaims({ exp: '5' })).toBeNull()
    expect(readSmsGateClaims({ scopes: 'devices:list' })).toBeNull()
    expect(readSmsGateClaims({ scopes: [1] })).toBeNull()
  })

  it('treats a token as expired only once the clock is past exp (no leeway)', () => {
    expect(isExpiredAt({ exp: 100 }, 100_000)).toBe(false)
    expect(isExpiredAt({ exp: 100 }, 100_001)).toBe(true)
    expect(isExpiredAt({}, Number.MAX_SAFE_INTEGER)).toBe(false)
  })
})
