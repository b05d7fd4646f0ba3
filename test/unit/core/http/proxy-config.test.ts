import { describe, expect, it } from 'vitest'
import { proxyFor, proxySettingsFromEnv } from '../../../../src/core/http/proxy-config'

describe('proxy settings', () => {
  it('reads upper- and lower-case variables; HTTPS falls back to the HTTP proxy', () => {
    expect(proxySettingsFromEnv({ http_proxy: 'http://p:3128' })).toEqual({ httpProxy: 'http://p:3128', httpsProxy: 'http://p:3128', noProxy: '' })
    expect(proxySettingsFromEnv({ HTTPS_PROXY: 'http://s:3128', NO_PROXY: 'localhost' })).toEqual({ httpProxy: '', httpsProxy: 'http://s:3128', noProxy: 'localhost' })
    expect(proxySettingsFromEnv({})).toEqual({ httpProxy: '', httpsProxy: '', noProxy: '' })
  })

  it.each([
    ['https://api.nmbrs.nl/soap', '', 'http://p:3128'],
    ['https://api.nmbrs.nl/soap', 'nmbrs.nl', null],
    ['https://api.nmbrs.nl/soap', '.nmbrs.nl', null],
    ['https://api.nmbrs.nl/soap', '*.nmbrs.nl', null],
    ['https://api.nmbrs.nl/soap', 'api.nmbrs.nl:443', null],
    ['https://api.nmbrs.nl/soap', 'api.nmbrs.nl:8443', 'http://p:3128'],
    ['https://api.nmbrs.nl/soap', 'example.com, other.org', 'http://p:3128'],
    ['https://notnmbrs.nl/soap', 'nmbrs.nl', 'http://p:3128'],
    ['https://api.nmbrs.nl/soap', '*', null],
  ])('%s with NO_PROXY=%s → %s', (url, noProxy, expected) => {
    expect(proxyFor(new URL(url), { httpProxy: 'http://p:3128', httpsProxy: 'http://p:3128', noProxy })).toBe(expected)
  })
})
