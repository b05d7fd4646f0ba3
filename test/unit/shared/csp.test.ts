import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/csp'

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((part) => {
    const [name = '', ...values] = part.trim().split(/\s+/)
    return [name, values] as const
  }),
)

describe('content security policy', () => {
  it('denies everything by default and allows scripts and styles only from the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('style-src')).toEqual(["'self'"])
  })

  it('has no unsafe-inline, unsafe-eval, wildcard or remote source anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:|wasm/)
  })

  it('allows no network, frames, plugins, base or form targets', () => {
    for (const name of ['connect-src', 'object-src', 'frame-src', 'frame-ancestors', 'base-uri', 'form-action', 'worker-src']) {
      expect(directives.get(name), name).toEqual(["'none'"])
    }
  })

  it('is the policy the renderer build writes into index.html', () => {
    const source = readFileSync('src/renderer/index.html', 'utf8')
    expect(source).toContain('content="%AUTHDESK_CSP%"')
  })
})
