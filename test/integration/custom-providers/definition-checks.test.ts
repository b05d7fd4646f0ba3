/**
 * Definition checks over real HTTP against generated simulators: transport and server faults
 * stay `unknown`, secrets never reach the diagnosis, OAuth client credentials are exchanged
 * for a token whose lifetime is reported, and the host binding refuses other hosts.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { testDefinition } from '../../../src/core/custom-providers/example-tests'
import { loadDefinition } from '../../../src/core/custom-providers/load'
import { bindingProvider, checkDefinitionAccount } from '../../../src/core/custom-providers/run-check'
import { mayReceiveCredential } from '../../../src/core/http/host-binding'
import { scenarioPlans } from '../../../src/core/custom-providers/scenario-plan'
import type { ProviderDefinitionFile } from '../../../src/core/custom-providers/schema'
import { createDefinitionSimulator } from '../../../src/core/custom-providers/simulator'
import { startSimulator } from '../../../src/core/simulators/server'
import type { FaultKind } from '../../../src/core/simulators/types'
import { definitionYaml, useOAuth } from '../../support/definitions'
import { canary, expectNoSecrets, testHttpClient } from '../../support/diagnosis'

const http = testHttpClient()
afterAll(() => http.close())
const retry = (s: Parameters<NonNullable<Parameters<typeof checkDefinitionAccount>[1]['retry']>>[0]) => ({ ...s, initialDelayMs: 5, maxDelayMs: 20, maxTotalMs: 2000 })

function load(text: string): ProviderDefinitionFile {
  const result = loadDefinition(text)
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return result.definition
}

async function onSimulator<T>(d: ProviderDefinitionFile, run: (sim: Awaited<ReturnType<typeof startSimulator<string>>>) => Promise<T>): Promise<T> {
  const sim = await startSimulator(createDefinitionSimulator(d, scenarioPlans(d)))
  try {
    return await run(sim)
  } finally {
    await sim.close()
  }
}

describe('a definition checked over HTTP', () => {
  const definition = load(definitionYaml())

  it.each<[FaultKind, string]>([
    ['server-error', 'server.error'],
    ['maintenance', 'server.unavailable'],
    ['rate-limit-no-retry-after', 'rate_limited'],
    ['html-proxy', 'response.malformed'],
    ['invalid-body', 'response.malformed'],
    ['truncated', 'network.reset'],
    ['reset', 'network.reset'],
  ])('a %s fault is unknown (%s), never failing', async (kind, cause) => {
    await onSimulator(definition, async (sim) => {
      sim.faults.add({ kind })
      const diagnosis = await checkDefinitionAccount({ definition, fields: sim.scenarioCredentials().accepted! }, { http, retry })
      expect(diagnosis.state).toBe('unknown')
      expect(diagnosis.cause).toBe(cause)
    })
  })

  it('sends to the definition’s hosts through the one gate, and the gate refuses any other host', async () => {
    const listed = load(definitionYaml((d) => (d.environments[0] = { id: 'production', label: 'P', baseUrl: 'https://api.acme.invalid', hosts: ['api.acme.invalid'] })))
    const diagnosis = await checkDefinitionAccount({ definition: listed, fields: { ACCOUNT: 'a', API_KEY: 'ak_0123456789abcdef' } }, { http, retry })
    expect(diagnosis).toMatchObject({ state: 'unknown', cause: 'network.dns' })
    const binding = { definition: bindingProvider(listed), environment: 'production' as const, baseUrl: null }
    expect(mayReceiveCredential(binding, 'https://api.acme.invalid/v1/accounts/a').allowed).toBe(true)
    expect(mayReceiveCredential(binding, 'https://evil.invalid/v1/accounts/a').allowed).toBe(false)
    const plainHttp = await checkDefinitionAccount({ definition, fields: { ACCOUNT: 'a', API_KEY: 'ak_0123456789abcdef', BASE_URL: 'http://example.com' } }, { http, retry })
    expect(plainHttp).toMatchObject({ state: 'failing', cause: 'credentials.malformed', evidence: { step: 'lint', field: 'BASE_URL' } })
    expect(plainHttp.transcript).toEqual([])
  })

  it('lints fields before sending: missing and malformed values name the field, nothing is sent', async () => {
    const missing = await checkDefinitionAccount({ definition, fields: { ACCOUNT: 'a', API_KEY: '' } }, { http })
    expect(missing).toMatchObject({ cause: 'credentials.missing', evidence: { field: 'API_KEY' }, transcript: [] })
    const shape = await checkDefinitionAccount({ definition, fields: { ACCOUNT: 'a', API_KEY: 'not-a-key' } }, { http })
    expect(shape).toMatchObject({ cause: 'credentials.malformed', evidence: { field: 'API_KEY' } })
    expect(shape.summary).not.toContain('not-a-key')
    const environment = await checkDefinitionAccount({ definition, fields: { ACCOUNT: 'a', API_KEY: 'ak_0123456789abcdef', ENVIRONMENT: 'staging' } }, { http })
    expect(environment).toMatchObject({ cause: 'credentials.malformed', evidence: { field: 'ENVIRONMENT' }, transcript: [] })
  })

  it('keeps every secret out of the diagnosis, in any placement', async () => {
    for (const credential of [
      { type: 'headers', headers: { 'X-Custom-Auth': 'key={{API_KEY}}' } },
      { type: 'query', params: { key: '{{API_KEY}}' } },
    ]) {
      const d = load(definitionYaml((x) => {
        x.fields[1] = { name: 'API_KEY', label: 'API key', secret: true, required: true }
        x.credential = credential
      }))
      const secret = canary('key')
      await onSimulator(d, async (sim) => {
        const diagnosis = await checkDefinitionAccount({ definition: d, fields: { ACCOUNT: 'acct-1', API_KEY: secret, BASE_URL: sim.baseUrl } }, { http, retry })
        expect(diagnosis.transcript.length).toBeGreaterThan(0)
        expectNoSecrets(JSON.stringify(diagnosis), [secret], credential.type)
      })
    }
  })
})

describe('conditions on non-secret fields, over HTTP', () => {
  const plans = load(
    definitionYaml((d) => {
      d.fields.push({ name: 'PLAN', label: 'Plan', secret: false, required: false, pattern: '[a-z]+', example: 'gold' })
      d.probe[0].rules.splice(1, 0, {
        name: 'trial-plan',
        when: { status: 200, fields: { PLAN: { equals: 'trial' } } },
        cause: 'balance.exhausted',
        summary: 'The trial is over.',
        example: { status: 200, fields: { PLAN: 'trial' }, json: { ok: true } },
      })
    }),
  )

  it('gives each scenario the field values its example is for, and the check reads them from the account', async () => {
    await onSimulator(plans, async (sim) => {
      const scenarios = sim.scenarioCredentials()
      expect(scenarios['trial-plan']!.PLAN).toBe('trial')
      expect(scenarios.accepted!.PLAN).toBe('gold')
      const trial = await checkDefinitionAccount({ definition: plans, fields: scenarios['trial-plan']! }, { http, retry })
      expect(trial).toMatchObject({ state: 'degraded', cause: 'balance.exhausted', rule: 'trial-plan' })
      const gold = await checkDefinitionAccount({ definition: plans, fields: { ...scenarios['trial-plan']!, PLAN: 'gold' } }, { http, retry })
      expect(gold).toMatchObject({ state: 'healthy', cause: 'ok', rule: 'accepted' })
    })
    const report = await testDefinition(plans, { http, retry })
    expect(report.results.filter((r) => !r.ok)).toEqual([])
    expect(report.results.filter((r) => r.scenario === 'trial-plan').map((r) => r.mode)).toEqual(['classifier', 'http'])
  })

  it('fails providers test when an example is not for an account its rule applies to', async () => {
    const wrong = load(definitionYaml((d) => {
      d.fields.push({ name: 'PLAN', label: 'Plan', secret: false, required: false, pattern: '[a-z]+', example: 'gold' })
      d.probe[0].rules.splice(1, 0, { name: 'trial-plan', when: { status: 200, fields: { PLAN: { equals: 'trial' } } }, cause: 'balance.exhausted', summary: 'Over.', example: { status: 200, json: { ok: true } } })
    }))
    const report = await testDefinition(wrong, { http, retry })
    expect(report.passed).toBe(false)
    expect(report.results.filter((r) => !r.ok).map((r) => [r.scenario, r.mode, r.actual])).toEqual([
      ['trial-plan', 'classifier', 'ok'],
      ['trial-plan', 'http', 'ok'],
    ])
  })
})

describe('OAuth 2.0 client credentials', () => {
  const oauth = load(definitionYaml(useOAuth))

  it('exchanges the client secret for a token, uses it as Bearer, and reports its expiry', async () => {
    await onSimulator(oauth, async (sim) => {
      const fields = sim.scenarioCredentials().accepted!
      const before = Date.now()
      const diagnosis = await checkDefinitionAccount({ definition: oauth, fields }, { http, retry })
      expect(diagnosis).toMatchObject({ state: 'healthy', cause: 'ok', rule: 'accepted' })
      expect(diagnosis.transcript.map((t) => t.step)).toEqual(['POST token', 'GET me'])
      const expiresAt = Date.parse(diagnosis.details.token!.expiresAt!)
      expect(expiresAt).toBeGreaterThanOrEqual(before + 3_599_000)
      expect(diagnosis.details.token!.scopes).toEqual(['read'])
      expectNoSecrets(JSON.stringify(diagnosis), [fields.CLIENT_SECRET!, 'simtoken-'], 'oauth')
    })
  })

  it('reads invalid_client from the token endpoint as a refused credential (RFC 6749 §5.2)', async () => {
    await onSimulator(oauth, async (sim) => {
      const fields = { ...sim.scenarioCredentials().accepted!, CLIENT_SECRET: 'secret-ffffffffffffffff' }
      const diagnosis = await checkDefinitionAccount({ definition: oauth, fields }, { http, retry })
      expect(diagnosis).toMatchObject({ state: 'failing', cause: 'credentials.invalid', evidence: { step: 'POST token', providerCode: 'invalid_client' } })
    })
  })

  it('passes providers test end to end', async () => {
    const report = await testDefinition(oauth, { http, retry })
    expect(report.results.filter((r) => !r.ok)).toEqual([])
    expect(report.results.filter((r) => r.mode === 'http').length).toBeGreaterThan(1)
  })
})
