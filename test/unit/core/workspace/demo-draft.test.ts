import { describe, expect, it } from 'vitest'
import { demoDraft } from '../../../../src/core/workspace/demo-workspace'
import { AUTHMATECH_SCENARIOS } from '../../../../src/core/providers/authmatech/simulator-scenarios'

describe('Demo accounts', () => {
  it('an Authmatech sandbox client becomes a sandbox account, not a production one', () => {
    const draft = demoDraft('authmatech', 'sandbox', AUTHMATECH_SCENARIOS.sandbox!, 'http://127.0.0.1:1/authmatech')
    expect(draft.environment).toBe('sandbox')
    expect(draft.fields).not.toHaveProperty('ENVIRONMENT')
    expect(demoDraft('authmatech', 'valid', AUTHMATECH_SCENARIOS.valid!, 'http://127.0.0.1:1/authmatech').environment ?? 'production').toBe('production')
  })
})
