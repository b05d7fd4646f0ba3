import { XMLParser } from 'fast-xml-parser'
import { beforeEach, describe, expect, it } from 'vitest'
import { createNmbrsSimulator, type NmbrsSimOptions } from '../../../../../src/core/providers/nmbrs/simulator'
import { buildSoapRequest, type NmbrsAuthHeader, type SoapVersion } from '../../../../../src/core/providers/nmbrs/soap-envelope'
import type { ProviderSimulator, SimContext, SimRequest, SimResponse } from '../../../../../src/core/simulators/types'

const NS = 'https://api.nmbrs.nl/soap/v3/DebtorService'
const PROD = '/soap/v3/DebtorService.asmx'
const SANDBOX = '/sandbox/soap/v3/DebtorService.asmx'
const context: SimContext = { now: () => 1_700_000_000_000, origin: 'http://127.0.0.1:4321' }

// An independent reading of the answers: plain fast-xml-parser with prefixes stripped.
const reader = new XMLParser({ removeNSPrefix: true, ignoreAttributes: false, parseTagValue: false, attributeNamePrefix: '@' })
type Node = Record<string, unknown>

interface Answer {
  readonly status: number
  readonly contentType: string | undefined
  readonly body: string
  /** Body payload (first child of Envelope/Body), prefixes stripped. */
  readonly payload: Node
}

let sim: ProviderSimulator<NmbrsSimOptions>
beforeEach(() => {
  sim = createNmbrsSimulator()
})

function request(partial: Partial<SimRequest> & { headers?: SimRequest['headers'] }): SimRequest {
  return { method: 'POST', path: PROD, query: new URLSearchParams(), body: '', ...partial, headers: partial.headers ?? {} }
}

async function answer(req: SimRequest, target: ProviderSimulator<NmbrsSimOptions> = sim): Promise<Answer> {
  const res: SimResponse = await target.handle(req, context)
  const parsed = (res.body ?? '').startsWith('<?xml') ? (reader.parse(res.body ?? '') as Node) : {}
  const body = ((parsed.Envelope as Node | undefined)?.Body ?? {}) as Node
  return { status: res.status, contentType: res.headers?.['content-type'], body: res.body ?? '', payload: body }
}

async function call(path: string, version: SoapVersion, operation: string, auth: NmbrsAuthHeader): Promise<Answer> {
  const built = buildSoapRequest({ version, service: 'DebtorService', operation, auth })
  return answer(request({ path, headers: built.headers, body: built.body }))
}

const faultText = (a: Answer): string => {
  const fault = a.payload.Fault as Node | undefined
  if (!fault) return ''
  return String(fault.faultstring ?? ((fault.Reason as Node | undefined)?.Text as Node | undefined)?.['#text'] ?? '')
}
const faultCode = (a: Answer): string => {
  const fault = a.payload.Fault as Node | undefined
  return String(fault?.faultcode ?? (fault?.Code as Node | undefined)?.Value ?? '')
}
/** 'ok' or the `---> NNNN:` code (or the whole arrow text when code-less). */
const outcome = (a: Answer): string => {
  if (a.status === 200 && !a.payload.Fault) return 'ok'
  const text = faultText(a)
  return /---> (\d{4}):/.exec(text)?.[1] ?? text
}

function credentials(name: string): Record<string, string> {
  const info = sim.scenarios()[name]
  if (!info) throw new Error(`no scenario ${name}`)
  return { ...info.credentials }
}

/** The recommended probe (dossier §4): Environment_Get, then List_GetAll with the credential's DOMAIN. */
async function probe(name: string, version: SoapVersion = '1.1') {
  const c = credentials(name)
  const path = `${c.BASE_URL}/DebtorService.asmx`
  const auth = { username: c.USERNAME ?? '', token: c.TOKEN ?? '' }
  const env = await call(path, version, 'Environment_Get', { kind: 'AuthHeader', ...auth })
  const list = await call(path, version, 'List_GetAll', { kind: 'AuthHeaderWithDomain', ...auth, domain: c.DOMAIN ?? '' })
  return { env, list }
}

const envResult = (a: Answer) => ((a.payload.Environment_GetResponse as Node).Environment_GetResult as Node) ?? {}
const debtors = (a: Answer): ReadonlyArray<Node> => {
  const result = (a.payload.List_GetAllResponse as Node).List_GetAllResult
  if (typeof result !== 'object' || result === null) return []
  const list = (result as Node).Debtor
  return list === undefined ? [] : Array.isArray(list) ? (list as Node[]) : [list as Node]
}

// Expected per scenario, written out by hand: [Environment_Get, List_GetAll, SubDomain or null].
const EXPECTED: Readonly<Record<string, readonly [string, string, string | null]>> = {
  valid: ['ok', 'ok', 'acme'],
  'valid-sandbox': ['ok', 'ok', 'acme-sandbox'],
  'valid-no-debtors': ['ok', 'ok', 'acme'],
  'token-wrong': ['1001', '1001', null],
  'username-wrong': ['1001', '1001', null],
  'token-whitespace': ['1001', '1001', null],
  'domain-wrong': ['ok', '1001', 'acme'],
  'domain-full-host': ['ok', '1001', 'acme'],
  'domain-invalid-2043': ['ok', '2043', 'acme'],
  'unauthorized-1002': ['ok', '1002', 'acme'],
  'template-blocks-debtor-service': ['ok', '1002', 'acme'],
  'unauthorized-1003': ['ok', '1003', 'acme'],
  'subscription-1004': ['1004', '1004', null],
  'security-failure-1006': ['1006', '1006', null],
  'unknown-error-9999': ['9999', '9999', null],
  'token-not-yet-in-sandbox': ['1001', '1001', null],
  'token-reset-in-live': ['1001', '1001', null],
}

describe('Nmbrs simulator scenarios', () => {
  it('has exactly the scenarios in the table, each with its own USERNAME and the documented fields', () => {
    const scenarios = sim.scenarios()
    expect(Object.keys(scenarios).sort()).toEqual(Object.keys(EXPECTED).sort())
    const usernames = Object.values(scenarios).map((s) => s.credentials.USERNAME)
    expect(new Set(usernames).size).toBe(usernames.length)
    for (const info of Object.values(scenarios)) {
      expect(Object.keys(info.credentials).filter((k) => k !== 'USES_DEBTOR_SERVICE').sort()).toEqual(['BASE_URL', 'DOMAIN', 'ENVIRONMENT', 'TOKEN', 'USERNAME'])
      expect(info.credentials.BASE_URL).toMatch(/^\/(sandbox\/)?soap\/v3$/)
      expect(info.credentials.ENVIRONMENT).toBe(info.credentials.BASE_URL?.startsWith('/sandbox') ? 'sandbox' : 'production')
      expect(info.description.length).toBeGreaterThan(10)
    }
  })

  describe.each(['1.1', '1.2'] as const)('over SOAP %s', (version) => {
    it.each(Object.entries(EXPECTED))('%s → %j', async (name, [envExpected, listExpected, subDomain]) => {
      const { env, list } = await probe(name, version)
      expect([outcome(env), outcome(list)]).toEqual([envExpected, listExpected])
      for (const a of [env, list]) {
        expect(a.status).toBe(outcome(a) === 'ok' ? 200 : 500)
        expect(a.contentType).toBe(version === '1.1' ? 'text/xml; charset=utf-8' : 'application/soap+xml; charset=utf-8')
        if (outcome(a) !== 'ok') expect(faultCode(a)).toBe(version === '1.1' ? 'soap:Server' : 'soap:Receiver')
      }
      if (subDomain !== null) expect(envResult(env).SubDomain).toBe(subDomain)
    })
  })

  it('returns Domain and SubDomain per environment', async () => {
    expect(envResult((await probe('valid')).env)).toEqual({ Domain: 'acme.nmbrs.nl', SubDomain: 'acme' })
    expect(envResult((await probe('valid-sandbox')).env)).toEqual({ Domain: 'acme-sandbox.nmbrs-sandbox.nl', SubDomain: 'acme-sandbox' })
  })

  it('lists debtors with Id, Number and Name, and an empty list for valid-no-debtors', async () => {
    expect(debtors((await probe('valid')).list)).toEqual([
      { Id: '101', Number: '1', Name: 'Acme Payroll BV' },
      { Id: '102', Number: '2', Name: 'Acme Holding & Co' },
    ])
    const empty = (await probe('valid-no-debtors')).list
    expect(empty.body).toContain('<List_GetAllResult />')
    expect(debtors(empty)).toEqual([])
  })

  it('writes fault text the way clients match it: "---> 1001: Invalid Authentication", with > escaped', async () => {
    const { env } = await probe('token-wrong')
    expect(faultText(env)).toBe('Server was unable to process request. ---> 1001: Invalid Authentication')
    expect(env.body).toContain('---&gt; 1001: Invalid Authentication')
    expect(faultText((await probe('unknown-error-9999')).env)).toBe('Server was unable to process request. ---> 9999: Unkown')
    expect(faultText((await probe('subscription-1004')).env)).toContain('---> 1004: Disabled, no valid subscription')
    expect(faultText((await probe('domain-invalid-2043')).list)).toContain('---> 2043: Invalid Domain')
  })

  it.each([
    ['token-not-yet-in-sandbox', PROD, 'acme-test'],
    ['token-reset-in-live', SANDBOX, 'acme-live'],
  ])('%s: one user in both environments; Sandbox holds yesterday’s token, so the token works on the other one', async (name, otherPath, subDomain) => {
    const c = credentials(name)
    const auth = { username: c.USERNAME ?? '', token: c.TOKEN ?? '' }
    const env = await call(otherPath, '1.1', 'Environment_Get', { kind: 'AuthHeader', ...auth })
    expect(outcome(env)).toBe('ok')
    expect(envResult(env).SubDomain).toBe(subDomain)
    expect(outcome(await call(otherPath, '1.1', 'List_GetAll', { kind: 'AuthHeaderWithDomain', ...auth, domain: subDomain }))).toBe('ok')
  })

  it('domain-wrong succeeds once DOMAIN is the SubDomain that Environment_Get reported', async () => {
    const c = credentials('domain-wrong')
    const { env } = await probe('domain-wrong')
    const domain = String(envResult(env).SubDomain)
    const list = await call(PROD, '1.1', 'List_GetAll', { kind: 'AuthHeaderWithDomain', username: c.USERNAME ?? '', token: c.TOKEN ?? '', domain })
    expect(outcome(list)).toBe('ok')
  })
})

describe('Nmbrs simulator option switches', () => {
  const v = credentials
  const list = (name: string, domain?: string) => {
    const c = v(name)
    return call(`${c.BASE_URL}/DebtorService.asmx`, '1.1', 'List_GetAll', {
      kind: 'AuthHeaderWithDomain',
      username: c.USERNAME ?? '',
      token: c.TOKEN ?? '',
      domain: domain ?? c.DOMAIN ?? '',
    })
  }

  it('has the documented defaults', () => {
    expect(sim.options).toEqual({
      domainForms: 'subdomain',
      wrongDomainCode: '1001',
      unknownUserFault: '1001',
      faultStatus: 500,
      contentTypeMismatch: 'tolerate',
      sandboxEnvironmentGet: 'available',
    })
  })

  it('domainForms: subdomain-or-host accepts the full host of the right environment only', async () => {
    sim.setOptions({ domainForms: 'subdomain-or-host' })
    expect(outcome(await list('domain-full-host'))).toBe('ok')
    expect(outcome(await list('valid', 'ACME.nmbrs.nl'))).toBe('ok')
    expect(outcome(await list('valid', 'acme.nmbrs-sandbox.nl'))).toBe('1001')
    expect(outcome(await list('valid-sandbox', 'acme-sandbox.nmbrs-sandbox.nl'))).toBe('ok')
    expect(outcome(await list('domain-wrong'))).toBe('1001')
  })

  it('wrongDomainCode: 2043 answers a wrong domain with Invalid Domain, a missing one still with 1001', async () => {
    sim.setOptions({ wrongDomainCode: '2043' })
    expect(outcome(await list('domain-wrong'))).toBe('2043')
    expect(outcome(await list('domain-full-host'))).toBe('2043')
    expect(outcome(await list('valid', ''))).toBe('1001')
  })

  it('unknownUserFault: invalid-combination sends the code-less text for an unknown e-mail only', async () => {
    sim.setOptions({ unknownUserFault: 'invalid-combination' })
    const { env } = await probe('username-wrong')
    expect(faultText(env)).toBe('Server was unable to process request. ---> Invalid combination email/password')
    expect(outcome((await probe('token-wrong')).env)).toBe('1001')
  })

  it('faultStatus: 200 keeps the fault body but answers 200', async () => {
    sim.setOptions({ faultStatus: 200 })
    const { env } = await probe('token-wrong', '1.2')
    expect(env.status).toBe(200)
    expect(outcome(env)).toBe('1001')
    expect(faultCode(env)).toBe('soap:Receiver')
  })

  it('contentTypeMismatch: version-mismatch refuses a 1.2 envelope sent as text/xml', async () => {
    const built = buildSoapRequest({ version: '1.2', service: 'DebtorService', operation: 'Environment_Get', auth: { kind: 'AuthHeader', ...auth('valid') } })
    const asTextXml = request({ headers: { 'content-type': 'text/xml; charset=utf-8' }, body: built.body })
    expect(outcome(await answer(asTextXml))).toBe('ok')
    sim.setOptions({ contentTypeMismatch: 'version-mismatch' })
    const refused = await answer(asTextXml)
    expect([refused.status, faultCode(refused)]).toEqual([500, 'soap:VersionMismatch'])
    expect(faultText(refused)).toBe(
      'Possible SOAP version mismatch: Envelope namespace http://www.w3.org/2003/05/soap-envelope was unexpected. Expecting http://schemas.xmlsoap.org/soap/envelope/.',
    )
  })

  it('sandboxEnvironmentGet: missing makes the sandbox refuse the action while List_GetAll works', async () => {
    sim.setOptions({ sandboxEnvironmentGet: 'missing' })
    const { env, list: listed } = await probe('valid-sandbox')
    expect(faultCode(env)).toBe('soap:Client')
    expect(faultText(env)).toBe(`Server did not recognize the value of HTTP Header SOAPAction: ${NS}/Environment_Get.`)
    expect(outcome(listed)).toBe('ok')
    expect(outcome((await probe('valid')).env)).toBe('ok')
  })

  it('rejects unknown options and values (they also arrive as JSON from the control API)', () => {
    expect(() => sim.setOptions({ domainForms: 'host' } as unknown as Partial<NmbrsSimOptions>)).toThrow(/domainForms/)
    expect(() => sim.setOptions({ strict: true } as unknown as Partial<NmbrsSimOptions>)).toThrow(/invalid Nmbrs simulator options/)
    expect(() => sim.setOptions({ faultStatus: 404 } as unknown as Partial<NmbrsSimOptions>)).toThrow(/faultStatus/)
    expect(sim.options.domainForms).toBe('subdomain')
  })

  it('reset() restores the defaults, and instances are independent', async () => {
    const other = createNmbrsSimulator()
    sim.setOptions({ faultStatus: 200, wrongDomainCode: '2043' })
    expect(other.options.faultStatus).toBe(500)
    sim.reset()
    expect(sim.options.faultStatus).toBe(500)
    expect(outcome(await list('domain-wrong'))).toBe('1001')
  })
})

function auth(name: string): { username: string; token: string } {
  const c = credentials(name)
  return { username: c.USERNAME ?? '', token: c.TOKEN ?? '' }
}
