/**
 * One gate for every send (issue 13, point 1): lists, from the source, every place that can
 * put a request on the network and every place that sends a credential, and fails when one
 * appears that does not go through the HTTP client, whose send asks the credential gate first.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '../../../..')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) ? [relative(ROOT, path)] : []
  })
}

const FILES = ['src/core', 'src/cli', 'src/main', 'src/preload', 'src/shared'].flatMap((d) => sources(join(ROOT, d)))
const text = (file: string): string => readFileSync(join(ROOT, file), 'utf8')
const matching = (pattern: RegExp): string[] => FILES.filter((f) => pattern.test(text(f))).sort()

/** Loopback servers only (they answer, they never send a credential). */
const isSimulator = (file: string): boolean => file.startsWith('src/core/simulators/') || /^src\/core\/providers\/[^/]+\/simulator/.test(file)

describe('every credential-carrying request passes the credential gate', () => {
  it('only the HTTP client imports undici, and nothing calls fetch', () => {
    expect(matching(/from 'undici'/)).toEqual(['src/core/http/client.ts'])
    expect(matching(/(^|[^.\w])fetch\(|globalThis\.fetch/m)).toEqual([])
  })

  it('node networking modules are used for values and types, or by the loopback simulators, never to send', () => {
    const sending = /import\s+(?!type\b)[^;]*\bfrom 'node:(http|https|http2|net|tls)'/
    const allowed: Record<string, string> = {
      'src/core/bundle/har.ts': 'STATUS_CODES only',
      'src/core/http/tls-trust.ts': 'rootCertificates only',
      'src/cli/commands/simulate.ts': 'isIP only',
    }
    const found = matching(sending).filter((f) => !isSimulator(f))
    expect(found).toEqual(Object.keys(allowed).sort())
    for (const file of found) expect(text(file)).not.toMatch(/\b(request|get|connect|createConnection)\(/)
  })

  it('HttpClient.send is called only by the exchange and the request-budget wrappers', () => {
    const callers = matching(/\.send\(/).filter((f) => !f.startsWith('src/main/'))
    const budgets = ['src/core/custom-providers/request-budget.ts', 'src/core/health/limited-http.ts']
    expect(callers).toEqual(['src/core/custom-providers/request-budget.ts', 'src/core/diagnosis/exchange.ts', 'src/core/health/limited-http.ts'])
    for (const wrapper of budgets) expect(text(wrapper)).not.toMatch(/createHttpClient|from 'undici'/)
  })

  it('the credential senders (checks, token issue/refresh/revoke, key rotation, revocation on removal) go through the exchange', () => {
    // checks: engine and custom-providers/run-check; tokens and the revocation before removal: smsgate/tokens-api and
    // custom-providers/oauth-tokens; rotation: authmatech/rotate-key.
    expect(matching(/createExchange\(\{/)).toEqual([
      'src/core/custom-providers/oauth-tokens.ts',
      'src/core/custom-providers/run-check.ts',
      'src/core/diagnosis/engine.ts',
      'src/core/providers/authmatech/rotate-key.ts',
      'src/core/providers/smsgate/tokens-api.ts',
    ])
    // The token engine sends only through a module's token lifecycle; SMSGate's is its tokens-api.
    expect(text('src/core/tokens/token-admin.ts')).toMatch(/lifecycle\.issue\(/)
    expect(text('src/core/providers/smsgate/token-lifecycle.ts')).toMatch(/from '\.\/tokens-api'/)
    expect(text('src/core/account-removal.ts')).toMatch(/revokeBeforeDelete/)
    // A request spec never goes out without its binding: the exchange sets one on every request.
    expect(text('src/core/diagnosis/exchange.ts')).toMatch(/binding: spec\.binding \?\? deps\.binding/)
    expect(matching(/binding: null/)).toEqual([])
  })

  it('the client asks the gate before every request and uses the dispatcher the gate chose', () => {
    const client = text('src/core/http/client.ts')
    const gate = client.indexOf('routeRequest(spec.binding, url, proxy)')
    expect(gate).toBeGreaterThan(0)
    expect(client.indexOf('await request(')).toBeGreaterThan(gate)
    expect(client).toMatch(/dispatcher: agents\.for\(route\.kind === 'proxy' \? route\.proxy : null\)/)
    expect(client).not.toMatch(/EnvHttpProxyAgent|maxRedirections|setGlobalDispatcher/)
  })
})
