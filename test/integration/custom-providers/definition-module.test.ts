/**
 * A definition file as a provider module: the diagnosis engine, running the module's check
 * like a built-in's, concludes what the definition engine does on every scenario of the
 * definition's generated simulator, for each shipped definition (real HTTP on loopback).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { loadDefinition } from '../../../src/core/custom-providers/load'
import { customProviderModule } from '../../../src/core/custom-providers/module'
import { checkDefinitionAccount } from '../../../src/core/custom-providers/run-check'
import type { ProviderDefinitionFile } from '../../../src/core/custom-providers/schema'
import { checkAccount } from '../../../src/core/diagnosis/engine'
import { findProviderModule, setCustomModules } from '../../../src/core/providers/registry'
import { createSimClock } from '../../../src/core/simulators/clock'
import { startSimulator } from '../../../src/core/simulators/server'
import { fastRetry, testHttpClient } from '../../support/diagnosis'

const http = testHttpClient()
afterAll(async () => {
  setCustomModules([])
  await http.close()
})

const definitions: ProviderDefinitionFile[] = readdirSync('definitions')
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => {
    const loaded = loadDefinition(readFileSync(`definitions/${name}`, 'utf8'))
    if (!loaded.ok) throw new Error(`${name}: ${JSON.stringify(loaded.problems)}`)
    return loaded.definition
  })

describe('custom definitions as provider modules', () => {
  it('the registry lists a custom module next to the built-ins, and never lets it replace one', () => {
    const [first] = definitions
    setCustomModules([customProviderModule(first!)])
    expect(findProviderModule(first!.id)?.origin).toBe('custom')
    expect(findProviderModule('nmbrs')?.origin).toBe('builtin')
    setCustomModules([{ ...customProviderModule(first!), definition: { ...customProviderModule(first!).definition, id: 'nmbrs' } }])
    expect(findProviderModule('nmbrs')?.origin).toBe('builtin')
  })

  it.each(definitions.map((d) => [d.id, d] as const))('%s: the engine and the definition engine agree on every generated scenario', async (_id, d) => {
    const module = customProviderModule(d)
    setCustomModules([module])
    const running = await startSimulator(module.simulator(createSimClock()))
    try {
      const credentials = running.scenarioCredentials()
      expect(Object.keys(credentials).length).toBeGreaterThan(1)
      for (const [scenario, fields] of Object.entries(credentials)) {
        running.reset()
        const viaModule = await checkAccount({ provider: d.id, fields }, { http, retry: fastRetry })
        running.reset()
        const viaDefinition = await checkDefinitionAccount({ definition: d, fields }, { http, retry: (s) => fastRetry(d.id, s) })
        expect({ scenario, state: viaModule.state, cause: viaModule.cause, rule: viaModule.details.rule ?? null }).toEqual({
          scenario,
          state: viaDefinition.state,
          cause: viaDefinition.cause,
          rule: viaDefinition.rule,
        })
        expect(viaModule.provider).toBe(d.id)
      }
    } finally {
      await running.close()
    }
  })
})
