/**
 * The format's proof: definitions/authmatech.yaml, run by the definition engine, gives the same
 * state and cause as the built-in Authmatech module on every scenario of the real Authmatech
 * simulator (both over HTTP on loopback).
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkAccount } from '../../../src/core/diagnosis/engine'
import { loadDefinition } from '../../../src/core/custom-providers/load'
import { checkDefinitionAccount } from '../../../src/core/custom-providers/run-check'
import type { ProviderDefinitionFile } from '../../../src/core/custom-providers/schema'
import { createAuthmatechSimulator } from '../../../src/core/providers/authmatech/simulator'
import { startSimulator, type RunningSimulator } from '../../../src/core/simulators/server'
import { fastRetry, testHttpClient } from '../../support/diagnosis'

const http = testHttpClient()
let sim: RunningSimulator
let definition: ProviderDefinitionFile

beforeAll(async () => {
  sim = await startSimulator(createAuthmatechSimulator())
  const loaded = loadDefinition(readFileSync('definitions/authmatech.yaml', 'utf8'))
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems))
  definition = loaded.definition
})
afterAll(async () => {
  await sim.close()
  await http.close()
})

const scenarios = Object.keys(createAuthmatechSimulator().scenarios())

describe('Authmatech as a definition', () => {
  it('is compared on all twelve scenarios of the built-in simulator', () => {
    expect(scenarios).toHaveLength(12)
  })

  it.each(scenarios)('scenario %s: same state and cause as the built-in module', async (name) => {
    const fields = sim.scenarioCredentials()[name]!
    sim.reset()
    const builtIn = await checkAccount({ provider: 'authmatech', fields }, { http, retry: fastRetry })
    sim.reset()
    const declared = await checkDefinitionAccount({ definition, fields }, { http, retry: (s) => fastRetry('authmatech', s) })
    expect({ state: declared.state, cause: declared.cause }).toEqual({ state: builtIn.state, cause: builtIn.cause })
    expect(declared.transcript.length > 0).toBe(builtIn.transcript.length > 0)
  })

  it('covers failing, degraded, unknown and healthy scenarios alike', async () => {
    const causes = new Set<string>()
    for (const name of scenarios) {
      sim.reset()
      causes.add((await checkDefinitionAccount({ definition, fields: sim.scenarioCredentials()[name]! }, { http, retry: (s) => fastRetry('authmatech', s) })).cause)
    }
    expect([...causes].sort()).toEqual(['balance.exhausted', 'credentials.invalid', 'credentials.missing', 'feature.disabled', 'ok', 'rate_limited'])
  })
})
