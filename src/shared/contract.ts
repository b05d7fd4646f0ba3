/**
 * The IPC contract: every channel is declared here once, as `domain:action`, with a zod
 * schema for its request and a type for its response. Main-to-renderer events have their
 * own map. Main parses every request against its schema; responses are not re-parsed.
 */
import { z } from 'zod'
import type { Diagnosis } from './diagnosis'
import type { AccountHealth, CheckProgress } from './health'
import { WIZARD_OUTCOMES, type KnowledgeStepView, type WizardTrail } from './wizard'
import {
  ENVIRONMENTS,
  PROVIDER_IDS,
  type AccountsExport,
  type AccountView,
  type AppInfo,
  type ImportPreview,
  type ImportResult,
  type ProviderInfo,
  type SecurityPosture,
  type VaultStatus,
  type WorkspaceInfo,
} from './model'

export interface ChannelSpec<Req extends z.ZodType, Res> {
  readonly request: Req
  /** Phantom: carries the response type only. */
  readonly response?: Res
}

function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): ChannelSpec<Req, Res> => ({ request })
}

function event<Payload>(): { readonly payload?: Payload } {
  return {}
}

/** For calls that take no argument. */
const none = z.undefined()

// Sizes here only bound the payload; core checks each field against its provider and
// answers with an error naming the field and the fix.
const accountId = z.string().min(1).max(64)
const fieldName = z.string().min(1).max(64)
const provider = z.enum(PROVIDER_IDS)
const environment = z.enum(ENVIRONMENTS)
const label = z.string().max(200)
const notes = z.string().max(10_000)
const baseUrl = z.string().max(4096).nullable()
const scopes = z.array(z.string().max(100)).max(50)

const importRequest = z.object({
  // Text only: the renderer must not make main read files by path (the CLI reads files itself).
  // A user picks or drops a .env file in the UI, which reads it like typed input.
  source: z.object({ kind: z.literal('text'), text: z.string().max(1_000_000) }).strict(),
  only: z.array(z.string().max(200)).max(200).optional(),
  replaceExisting: z.boolean().optional(),
})

export const channels = {
  'app:info': channel<AppInfo>()(none),
  /** The running build's security posture (window preferences, CSP, IPC policy, storage). */
  'app:security': channel<SecurityPosture>()(none),
  /** The providers and the fields, environments and scopes their accounts have. */
  'providers:list': channel<ReadonlyArray<ProviderInfo>>()(none),
  'accounts:list': channel<ReadonlyArray<AccountView>>()(none),
  /** Which secret storage is active and what the vault found when it loaded. */
  'accounts:status': channel<VaultStatus>()(none),
  /** `fields` holds every provider field by name; the provider definition decides which are secret. */
  'accounts:create': channel<AccountView>()(
    z
      .object({
        label,
        provider,
        environment: environment.optional(),
        baseUrl: baseUrl.optional(),
        confirmUnlistedHost: z.boolean().optional(),
        fields: z.record(fieldName, z.string().max(16_384)),
        scopes: scopes.optional(),
        notes: notes.optional(),
      })
      .strict(),
  ),
  /** Partial: an absent key is left as it is; in `fields`, a value replaces and null clears. */
  'accounts:update': channel<AccountView>()(
    z
      .object({
        id: accountId,
        label: label.optional(),
        environment: environment.optional(),
        baseUrl: baseUrl.optional(),
        confirmUnlistedHost: z.boolean().optional(),
        fields: z.record(fieldName, z.string().max(16_384).nullable()).optional(),
        scopes: scopes.optional(),
        notes: notes.optional(),
      })
      .strict(),
  ),
  'accounts:delete': channel<{ readonly id: string }>()(z.object({ id: accountId }).strict()),
  'accounts:duplicate': channel<AccountView>()(z.object({ id: accountId, label: label.optional() }).strict()),
  /** What an import would do; secrets appear only masked. */
  'accounts:import-preview': channel<ImportPreview>()(importRequest.strict()),
  /** Imports exactly what the preview with this digest showed, or nothing. */
  'accounts:import': channel<ImportResult>()(
    importRequest.extend({ digest: z.string().min(1).max(128), confirmUnlistedHosts: z.boolean().optional() }).strict(),
  ),
  /** Non-secret account definitions, as JSON or as a `.env` template. */
  'accounts:export': channel<AccountsExport>()(
    z.object({ format: z.enum(['json', 'env']), ids: z.array(accountId).max(1000).optional() }).strict(),
  ),
  /** Every account of the active workspace with its newest diagnosis. */
  'health:list': channel<ReadonlyArray<AccountHealth>>()(none),
  /** Checks one account now (a real call to the provider) and returns the diagnosis. */
  'health:check': channel<Diagnosis>()(z.object({ id: accountId }).strict()),
  /** Starts checking many accounts (all when `ids` is absent); progress comes as `health:progress`. */
  'health:check-all': channel<{ readonly runId: string; readonly total: number }>()(z.object({ ids: z.array(accountId).max(10_000).optional() }).strict()),
  'health:cancel': channel<{ readonly runId: string }>()(z.object({ runId: z.string().uuid() }).strict()),
  /** An account's past checks, newest first (bounded). */
  'health:history': channel<ReadonlyArray<Diagnosis>>()(z.object({ id: accountId }).strict()),
  /** Texts of the troubleshooting steps a diagnosis lists (`knowledgeSteps`); unknown ids are left out. */
  'knowledge:steps': channel<ReadonlyArray<KnowledgeStepView>>()(z.object({ ids: z.array(z.string().min(1).max(100)).max(100) }).strict()),
  /** The wizard's saved progress for an account (null when it was never opened). */
  'wizard:get': channel<WizardTrail | null>()(z.object({ accountId: accountId }).strict()),
  'wizard:record': channel<WizardTrail>()(
    z
      .object({ accountId: accountId, stepId: z.string().min(1).max(100), outcome: z.enum(WIZARD_OUTCOMES), note: z.string().max(500).nullable().optional() })
      .strict(),
  ),
  'wizard:reset': channel<null>()(z.object({ accountId: accountId }).strict()),
  /** Which workspace is shown: the user's accounts, or the Demo on the provider simulators. */
  'workspace:info': channel<WorkspaceInfo>()(none),
  'workspace:switch': channel<WorkspaceInfo>()(z.object({ to: z.enum(['mine', 'demo']) }).strict()),
} as const

export const events = {
  'accounts:changed': event<{ readonly ids: ReadonlyArray<string> }>(),
  'workspace:changed': event<WorkspaceInfo>(),
  'health:changed': event<AccountHealth>(),
  'health:progress': event<CheckProgress>(),
} as const

export type ChannelName = keyof typeof channels
export type EventName = keyof typeof events

type SpecOf<C extends ChannelName> = (typeof channels)[C]
export type RequestOf<C extends ChannelName> = z.input<SpecOf<C>['request']>
export type ParsedRequestOf<C extends ChannelName> = z.output<SpecOf<C>['request']>
export type ResponseOf<C extends ChannelName> = SpecOf<C> extends ChannelSpec<z.ZodType, infer R> ? R : never
export type EventPayloadOf<E extends EventName> = NonNullable<(typeof events)[E]['payload']>

export const CHANNEL_NAMES = Object.keys(channels) as ReadonlyArray<ChannelName>
export const EVENT_NAMES = Object.keys(events) as ReadonlyArray<EventName>

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(channels, value)
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value)
}
