import { describe, expect, it } from 'vitest'
import { commonSteps } from '../../../../src/core/diagnosis/knowledge-common'
import { providerModule } from '../../../../src/core/providers/registry'
import { knowledgeStep } from '../../../../src/core/diagnosis/knowledge-steps'
import { CAUSE_CODES } from '../../../../src/shared/causes'
import { PROVIDER_IDS } from '../../../../src/shared/model'

describe('wizard knowledge', () => {
  it('every step id a diagnosis can list resolves to a step with a title and a text', () => {
    for (const provider of PROVIDER_IDS) {
      for (const cause of CAUSE_CODES) {
        for (const interception of [false, true]) {
          const verdict = { cause, summary: '', evidence: { step: 'x', possibleInterception: interception }, details: { suggestedDomain: 'acme' } }
          for (const id of [...providerModule(provider).check.knowledgeSteps(verdict), ...commonSteps(verdict)]) {
            const step = knowledgeStep(id)
            expect(step, `${provider} ${cause} → ${id}`).toBeDefined()
            expect(step!.title.length).toBeGreaterThan(3)
            expect(step!.text.length).toBeGreaterThan(20)
          }
        }
      }
    }
  })

  it('step ids are unique across providers, each prefixed with its provider', () => {
    for (const provider of PROVIDER_IDS) {
      for (const id of Object.keys(providerModule(provider).check.knowledge)) expect(id.startsWith(`${provider}.`), id).toBe(true)
    }
  })

  it('every failing cause of a provider’s own comes with at least one step', () => {
    const expected = {
      groupcall: ['credentials.invalid', 'permission.denied', 'partner.not_authorized'],
      nmbrs: ['credentials.invalid', 'domain.invalid', 'environment.mismatch', 'permission.denied', 'account.disabled'],
      smsgate: ['token.expired', 'token.rejected', 'token.refresh_failed', 'scope.missing', 'service.disabled', 'credentials.malformed'],
      authmatech: ['credentials.invalid', 'permission.denied', 'balance.exhausted'],
    } as const
    for (const provider of PROVIDER_IDS) {
      for (const cause of expected[provider]) expect(providerModule(provider).check.knowledgeSteps({ cause, summary: '', evidence: { step: 'x' } }).length, `${provider} ${cause}`).toBeGreaterThan(0)
    }
  })
})
