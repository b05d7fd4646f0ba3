/**
 * The IPC contract: every channel is declared here once, as `domain:action`, with a zod
 * schema for its request and a type for its response. Main-to-renderer events have their
 * own map. Main parses every request against its schema; responses are not re-parsed.
 */
import { MAX_DEFINITION_TEXT, type ProviderAddResult, type ProviderCatalogEntry } from './provider-catalog'
import { z } from 'zod'
import type { BundlePreviewView, ExportedBundleView } from './bundle'
import type { Diagnosis } from './diagnosis'
import { fleetSettingsPatch, type FleetNotice, type FleetProgress, type FleetStatus, type ScheduledHealth } from './fleet'
import type { CheckProgress } from './health'
import { WIZARD_OUTCOMES, type KnowledgeStepView, type WizardTrail } from './wizard'
import type { AccountDeadlines, KeyRotationResult, TokenNotice, TokenState } from './tokens'
import {
  ENVIRONMENTS,
  PROVIDER_ID_PATTERN,
  type AccountRemoval,
  type AccountsExport,
  type AccountView,
  type AppInfo,
  type ImportPreview,
  type ImportResult,
  type ProviderInfo,
  type SecurityPosture,
  type NetworkTrust,
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
const provider = z.string().regex(PROVIDER_ID_PATTERN, 'is not a provider id')
const environment = z.enum(ENVIRONMENTS)
const label = z.string().max(200)
const notes = z.string().max(10_000)
const baseUrl = z.string().max(4096).nullable()
const scopes = z.array(z.string().max(100)).max(50)

const bundleRequest = z
  .object({
    accountId: accountId,
    /** Identifiers to replace with pseudonyms (the same one everywhere in the bundle). */
    mask: z.array(z.string().min(1).max(512)).max(50).optional(),
    /** Files or item ids (from the preview) to leave out. */
    exclude: z.array(z.string().min(1).max(200)).max(500).optional(),
  })
  .strict()

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
  /**
   * The extra CA certificates (a PEM file) credential requests trust, from the next start. Main
   * shows the Open dialog: the renderer never names a path (it could make any PEM on disk trusted).
   * Cancelled: the facts unchanged.
   */
  'app:choose-ca-file': channel<NetworkTrust>()(none),
  /** Removes the extra CA file setting (from the next start). */
  'app:clear-ca-file': channel<NetworkTrust>()(none),
  /** The providers and the fields, environments and scopes their accounts have. */
  'providers:list': channel<ReadonlyArray<ProviderInfo>>()(none),
  /** Built-in providers and the custom definition files, with their problems. */
  'providers:catalog': channel<ReadonlyArray<ProviderCatalogEntry>>()(none),
  /** Adds a custom provider from the text of a definition file (pasted, or read from a file the user picked). */
  'providers:add': channel<ProviderAddResult>()(z.object({ text: z.string().min(1).max(MAX_DEFINITION_TEXT) }).strict()),
  /** Removes a custom provider no account uses. */
  'providers:remove': channel<{ readonly removed: string }>()(z.object({ id: provider }).strict()),
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
  'accounts:delete': channel<AccountRemoval>()(z.object({ id: accountId }).strict()),
  'accounts:duplicate': channel<AccountView>()(z.object({ id: accountId, label: label.optional() }).strict()),
  /** What an import would do; secrets appear only masked. */
  'accounts:import-preview': channel<ImportPreview>()(importRequest.strict()),
  /** Imports exactly what the preview with this digest showed, or nothing. */
  'accounts:import': channel<ImportResult>()(
    importRequest.extend({ digest: z.string().min(1).max(128), confirmUnlistedHosts: z.boolean().optional(), skipInvalid: z.boolean().optional() }).strict(),
  ),
  /** Non-secret account definitions, as JSON or as a `.env` template. */
  'accounts:export': channel<AccountsExport>()(
    z.object({ format: z.enum(['json', 'env']), ids: z.array(accountId).max(1000).optional() }).strict(),
  ),
  /** Authmatech: rotate the API key with the client secret (sent once, never stored), verify the new key, then forget the old one. */
  /** The wizard's one-click fix: moves the account (and its secrets) to the environment its last check found accepting them. */
  'accounts:switch-environment': channel<AccountView>()(z.object({ id: accountId }).strict()),
  'accounts:rotate-key': channel<KeyRotationResult>()(z.object({ id: accountId, secretKey: z.string().min(1).max(512) }).strict()),
  /** Every account of the active workspace with its newest diagnosis. */
  'health:list': channel<ReadonlyArray<ScheduledHealth>>()(none),
  /** Checks one account now (a real call to the provider) and returns the diagnosis. */
  'health:check': channel<Diagnosis>()(z.object({ id: accountId }).strict()),
  /** Starts checking many accounts (all when `ids` is absent); progress comes as `health:progress`. */
  'health:check-all': channel<{ readonly runId: string; readonly total: number }>()(z.object({ ids: z.array(accountId).max(10_000).optional() }).strict()),
  'health:cancel': channel<{ readonly runId: string }>()(z.object({ runId: z.string().uuid() }).strict()),
  /** An account's past checks, newest first (bounded). */
  'health:history': channel<ReadonlyArray<Diagnosis>>()(z.object({ id: accountId }).strict()),
  /** An account's token lifecycle (SMSGate): times, scopes, the local record of issued tokens; never a token. */
  'tokens:list': channel<TokenState>()(z.object({ accountId }).strict()),
  /** Issues a new managed pair (least privilege: the account's declared scopes when none are given) and revokes the one it replaces. */
  'tokens:issue': channel<TokenState>()(
    z.object({ accountId, scopes: z.array(z.string().min(1).max(100)).min(1).max(50).optional(), ttlSeconds: z.number().int().min(1).max(2_592_000).optional() }).strict(),
  ),
  'tokens:refresh': channel<TokenState>()(z.object({ accountId }).strict()),
  /** Revokes one token by jti (its refresh token goes with it), or every token of the account when no jti is given. */
  'tokens:revoke': channel<TokenState>()(z.object({ accountId, jti: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/).optional() }).strict()),
  /** Per account: token refresh/expiry (SMSGate) and rotation due date, for the dashboard's countdowns. */
  'tokens:due': channel<ReadonlyArray<AccountDeadlines>>()(none),
  /** Background re-checks: settings, pause reason, next check, the current round, per-provider load. */
  'fleet:status': channel<FleetStatus>()(none),
  'fleet:configure': channel<FleetStatus>()(fleetSettingsPatch),
  /** Skips the current background round's accounts not started yet (the given round, or whichever runs). */
  'fleet:cancel': channel<{ readonly runId: string | null; readonly skipped: number }>()(z.object({ runId: z.string().uuid().optional() }).strict()),
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
  /** The support bundle for an account, redacted, with the self-scan result; nothing is written. */
  'bundle:preview': channel<BundlePreviewView>()(bundleRequest),
  /** Writes the previewed bundle (same digest) after the self-scan; refused with the hits when it finds a secret. */
  'bundle:export': channel<ExportedBundleView>()(
    bundleRequest.extend({ digest: z.string().min(1).max(128), generatedAt: z.string().datetime({ offset: true }) }).strict(),
  ),
  /** Shows an exported bundle in the system's file manager (by the id its export returned, never a path). */
  'bundle:reveal': channel<null>()(z.object({ exportId: z.string().uuid() }).strict()),
  /** Which workspace is shown: the user's accounts, or the Demo on the provider simulators. */
  'workspace:info': channel<WorkspaceInfo>()(none),
  'workspace:switch': channel<WorkspaceInfo>()(z.object({ to: z.enum(['mine', 'demo']) }).strict()),
} as const

export const events = {
  'accounts:changed': event<{ readonly ids: ReadonlyArray<string> }>(),
  'workspace:changed': event<WorkspaceInfo>(),
  'health:changed': event<ScheduledHealth>(),
  'health:progress': event<CheckProgress>(),
  'fleet:changed': event<FleetStatus>(),
  'fleet:progress': event<FleetProgress>(),
  /** A change found by a background check, for a desktop notification (main shows it). */
  'fleet:notify': event<FleetNotice>(),
  'tokens:changed': event<{ readonly accountId: string; readonly state: TokenState }>(),
  /** Token trouble for a desktop notification (main shows it like `fleet:notify`). */
  'tokens:notify': event<TokenNotice>(),
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
