import type { FieldShape, ProviderInfo, WorkspaceKind } from '../../shared/model'
import { digits, email, hostName, jwt, noSpaces } from './field-shapes'
import type { ProviderCapabilities } from './module'
import { customSourceOf, providerModules } from './registry'
import type { CredentialField, ProviderDefinition } from './types'

const SHAPES = new Map<CredentialField['check'], FieldShape>([
  [email, 'email'],
  [digits, 'digits'],
  [jwt, 'jwt'],
  [hostName, 'host'],
  [noSpaces, 'no-spaces'],
])

/** A definition without its functions, for the renderer. */
export function toProviderInfo(definition: ProviderDefinition, capabilities: ProviderCapabilities = {}): ProviderInfo {
  return {
    id: definition.id,
    label: definition.label,
    capabilities: {
      tokens: capabilities.tokens !== undefined,
      keyRotation: capabilities.keyRotation !== undefined,
      revokesTokens: capabilities.tokens?.revoke !== undefined,
      tokenLifetime: capabilities.tokens?.asksLifetime === true,
      tokenIssuerFields: [...(capabilities.tokens?.issuerFields ?? [])],
    },
    fields: definition.fields.map(({ name, label, secret, required, hint, maxLength, check, choices, multiple, warning }) => ({
      name,
      label,
      secret,
      required,
      hint,
      maxLength,
      shape: SHAPES.get(check) ?? null,
      ...(choices ? { choices, multiple: multiple === true } : {}),
      ...(warning ? { warning } : {}),
    })),
    environments: definition.environments.map(({ id, label, baseUrl, hosts }) => ({ id, label, baseUrl, hosts })),
    scopes: definition.scopes
      ? { known: definition.scopes.known.filter((s) => !definition.scopes!.reserved.includes(s)), defaults: definition.scopes.defaults }
      : null,
  }
}

/** The providers accounts of a workspace can be for: the Demo's own provider only in the Demo. */
export function listProviders(workspace: WorkspaceKind = 'mine'): ReadonlyArray<ProviderInfo> {
  return providerModules()
    .filter((m) => workspace === 'demo' || customSourceOf(m.definition.id) !== 'demo')
    .map((m) => toProviderInfo(m.definition, m.capabilities))
}
