import { describe, expect, it } from 'vitest'
import { proxySettings } from '../../../../src/core/bundle/environment'

describe('proxy facts in a bundle', () => {
  it('reports the proxies the HTTP client uses, host only, lower-case variables first', () => {
    expect(proxySettings({ http_proxy: 'http://u:p@low.example:8080/x', HTTP_PROXY: 'http://up.example:1', NO_PROXY: 'localhost, .corp' })).toEqual([
      // undici sends https through the HTTP proxy when HTTPS_PROXY is unset: so does the report.
      { variable: 'HTTPS_PROXY', value: 'http://low.example:8080' },
      { variable: 'HTTP_PROXY', value: 'http://low.example:8080' },
      { variable: 'NO_PROXY', value: 'localhost,.corp' },
    ])
    expect(proxySettings({})).toEqual([])
  })
})
