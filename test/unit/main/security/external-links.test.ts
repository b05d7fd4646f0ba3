import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl } from '../../../../src/main/security/external-links'

describe('external link allowlist', () => {
  it.each([
    'https://support.nmbrs.com/hc/en-us/articles/1',
    'https://docs.sms-gate.app/integration/authentication/',
    'https://GITHUB.com/android-sms-gateway',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true))

  it.each([
    'http://support.nmbrs.com/',
    'file:///etc/passwd',
    'smb://server/share',
    'javascript:alert(1)',
    'https://support.nmbrs.com.attacker.tld/',
    'https://attacker.tld/support.nmbrs.com',
    'https://user:pw@github.com/',
    'https://github.com:8443/',
    'not a url',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false))
})
