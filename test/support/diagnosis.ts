/** Helpers for diagnosis tests: a loopback-only client, short retries, secrets of an account. */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { RetrySettings } from '../../src/core/diagnosis/retry'
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../../src/core/http/client'
import { isLoopbackHost } from '../../src/core/http/host-binding'
import { providerDefinition } from '../../src/core/providers/registry'
import type { BuiltInProviderId } from '../../src/shared/model'

/** Loopback, plus `.invalid` names (RFC 6761: they never resolve), for the DNS case. */
export const testHost = (host: string): boolean => isLoopbackHost(host) || host.endsWith('.invalid')

export function testHttpClient(options: Omit<HttpClientOptions, 'allowHost'> = {}): HttpClient {
  return createHttpClient({ ...options, allowHost: testHost })
}

/** The providers' retry policies with tiny waits, so 429/5xx cases stay fast. */
export const fastRetry = (_provider: string, settings: RetrySettings): RetrySettings => ({
  ...settings,
  initialDelayMs: 5,
  maxDelayMs: 20,
  maxTotalMs: 3000,
})

/** Values of the secret fields (as the definition says) of an account's fields. */
export function secretsOf(provider: BuiltInProviderId, fields: Readonly<Record<string, string>>): string[] {
  return providerDefinition(provider).fields.filter((f) => f.secret).map((f) => (fields[f.name] ?? '').trim()).filter((v) => v.length >= 6)
}

export function canary(name: string): string {
  return `cnry${name}${randomBytes(10).toString('hex')}`
}

/** Asserts no secret, nor any 12-character piece of a canary, appears in `text`. */
export function expectNoSecrets(text: string, secrets: ReadonlyArray<string>, label = ''): void {
  for (const secret of secrets) {
    expect(text.includes(secret), `${label}: a secret leaked`).toBe(false)
    if (!secret.startsWith('cnry')) continue
    for (let i = 0; i + 12 <= secret.length; i += 4) expect(text.includes(secret.slice(i, i + 12)), `${label}: part of a canary leaked`).toBe(false)
  }
}

/** A self-signed certificate for 127.0.0.1, made with the openssl CLI (node:crypto cannot make X.509); null without openssl. */
export function selfSignedCertificate(): { readonly key: string; readonly cert: string } | null {
  const dir = mkdtempSync(join(tmpdir(), 'authdesk-tls-'))
  try {
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')]
    const subject = ['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1']
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '1', ...subject], { stdio: 'ignore' })
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') }
  } catch {
    return null
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
