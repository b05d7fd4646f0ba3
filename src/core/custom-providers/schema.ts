/**
 * The provider definition format, `apiVersion: authdesk.dev/provider/v1` (docs/providers/custom.md).
 * Pure data: no scripts, no expressions beyond the documented conditions, nothing fetched.
 * docs/schema/provider-v1.schema.json is generated from this schema (a test keeps it in step).
 */
import { z } from 'zod'
import { CAUSE_CODES } from '../../shared/causes'
import { ENVIRONMENTS, PROVIDER_IDS } from '../../shared/model'

export const API_VERSION = 'authdesk.dev/provider/v1'

const FIELD_NAME = /^[A-Z][A-Z0-9_]{0,39}$/
const ID = /^[a-z][a-z0-9-]{1,39}$/
const TOKEN = /^[A-Z][A-Z0-9]{1,29}$/

const text = (max: number) => z.string().min(1).max(max)
/** A string that may name fields as `{{FIELD}}`. */
const template = (max = 4000) => z.string().max(max).describe('Text in which {{FIELD}} stands for the value of that field')

const causeCode = z.enum(CAUSE_CODES as [string, ...string[]], {
  error: (issue) => `unknown cause code ${JSON.stringify(issue.input)}: use one of the catalogue's codes (${CAUSE_CODES.join(', ')})`,
})

export const fieldSchema = z
  .object({
    name: z.string().regex(FIELD_NAME, 'must be UPPER_SNAKE_CASE, as in the variable convention (e.g. API_KEY)'),
    label: text(80),
    secret: z.boolean().describe('Secret values live only in the keychain and are removed from every output'),
    required: z.boolean().default(true),
    pattern: z.string().max(300).optional().describe('A regular expression the whole value must match (checked before sending)'),
    hint: z.string().max(300).default(''),
    maxLength: z.number().int().min(1).max(8192).default(512),
    example: z.string().max(512).optional().describe('A value of the right shape (not a real one): the generated simulator varies it per scenario'),
  })
  .strict()

export const environmentSchema = z
  .object({
    id: z.enum(ENVIRONMENTS),
    label: text(80),
    baseUrl: z.string().max(2048).describe('https URL the probe paths are appended to'),
    hosts: z.array(z.string().min(1).max(253)).min(1).max(20).describe('Host names a credential of this environment may be sent to'),
  })
  .strict()

const templateMap = z.record(z.string().min(1).max(100), template(2000))

export const credentialSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('headers'), headers: templateMap }).strict(),
  z.object({ type: z.literal('basic'), username: template(500), password: template(500) }).strict(),
  z.object({ type: z.literal('bearer'), token: template(4000) }).strict(),
  z.object({ type: z.literal('json-body'), members: templateMap }).strict(),
  z.object({ type: z.literal('form-body'), members: templateMap }).strict(),
  z
    .object({ type: z.literal('soap-header'), template: template(4000).describe('XML put where a step body says {{SOAP_HEADER}}; values are XML-escaped') })
    .strict(),
  z.object({ type: z.literal('query'), params: templateMap.describe('Query parameters: proxies and server logs keep URLs, so this is a lint warning') }).strict(),
  z
    .object({
      type: z.literal('oauth2-client-credentials'),
      tokenUrl: z.string().max(2048).describe('A path under the base URL (/oauth/token) or an https URL on an allowed host'),
      clientId: template(500),
      clientSecret: template(500),
      clientAuth: z.enum(['basic', 'body']).default('basic').describe('RFC 6749 §2.3.1: HTTP Basic (recommended) or body members'),
      scopes: z.array(z.string().min(1).max(200)).max(50).default([]),
    })
    .strict(),
])

const statusEntry = z.union([z.number().int(), z.string().regex(/^\s*\d{1,3}\s*(-\s*\d{1,3}\s*)?$|^[1-5]xx$/i, 'must be a code (401), a range (400-499) or a class (4xx)')])

export const jsonConditionSchema = z
  .object({
    path: z.string().min(1).max(300).describe("A JSONPath subset: $.a.b, ['a'], [0], [*], [?(@.key == 'value')]"),
    equals: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
    oneOf: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).max(50).optional(),
    matches: z.string().max(300).optional(),
    ignoreCase: z.boolean().optional(),
    exists: z.boolean().optional(),
    type: z.enum(['string', 'number', 'boolean', 'array', 'object', 'null']).optional(),
    lessThan: z.number().optional(),
    atMost: z.number().optional(),
    greaterThan: z.number().optional(),
    atLeast: z.number().optional(),
    inField: z
      .string()
      .regex(FIELD_NAME, 'must name a non-secret field (UPPER_SNAKE_CASE)')
      .optional()
      .describe("The value is one of the items of this non-secret field's value, read as a comma-separated list (ignoreCase applies)"),
    before: z.literal('now').optional().describe("A date earlier than the provider's clock"),
    after: z.literal('now').optional(),
    not: z.boolean().optional().describe('Negates the whole condition'),
  })
  .strict()

export const headerConditionSchema = z
  .object({
    name: z.string().min(1).max(100),
    equals: z.string().max(500).optional(),
    matches: z.string().max(300).optional(),
    ignoreCase: z.boolean().optional(),
    exists: z.boolean().optional(),
    not: z.boolean().optional(),
  })
  .strict()

export const fieldConditionSchema = z
  .object({
    equals: z.string().max(500).optional(),
    oneOf: z.array(z.string().max(500)).min(1).max(50).optional(),
    matches: z.string().max(300).optional().describe('A regular expression the value must match (anywhere; anchor it with ^…$)'),
    includes: z.string().min(1).max(200).optional().describe('The value, read as a comma-separated list, has this item'),
    ignoreCase: z.boolean().optional(),
    exists: z.boolean().optional().describe('true: the field has a value; false: it is empty'),
    not: z.boolean().optional().describe('Negates the whole condition'),
  })
  .strict()

const fieldName = z.string().regex(FIELD_NAME, 'must be a field name (UPPER_SNAKE_CASE)')

export const whenSchema = z
  .object({
    environment: z.enum(ENVIRONMENTS).optional().describe('Only for accounts of this environment (e.g. a live key answering a sandbox account)'),
    status: z.union([statusEntry, z.array(statusEntry).min(1).max(50)]).optional(),
    json: z.array(jsonConditionSchema).max(20).optional(),
    headers: z.array(headerConditionSchema).max(20).optional(),
    fields: z
      .record(fieldName, fieldConditionSchema)
      .optional()
      .describe("Conditions on the account's non-secret fields, by field name"),
    body: z
      .object({ matches: z.string().max(300).optional(), contains: z.string().max(500).optional(), ignoreCase: z.boolean().optional(), not: z.boolean().optional() })
      .strict()
      .optional(),
  })
  .strict()

export const exampleSchema = z
  .object({
    status: z.number().int().min(100).max(599),
    headers: z.record(z.string(), z.string().max(2000)).default({}),
    body: z.string().max(65_536).optional(),
    json: z.unknown().optional().describe('A JSON body, written as YAML/JSON (sent with content-type application/json)'),
    fields: z.record(fieldName, z.string().max(512)).optional().describe("The account's non-secret field values this example is for (the generated simulator's scenario carries them)"),
  })
  .strict()

export const ruleSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'must be lower-case words joined by dashes (wrong-key)'),
    when: whenSchema.default({}),
    state: z.enum(['healthy', 'degraded', 'failing', 'unknown']).optional().describe("Must agree with the cause's state in the catalogue"),
    cause: causeCode,
    summary: text(300),
    fix: z.string().max(1000).optional().describe('What to do: the first step of the troubleshooting wizard for this verdict'),
    source: z.string().max(500).optional().describe('Where the provider documents this answer'),
    example: exampleSchema.describe('A response that must produce this rule (providers test; the generated simulator serves it)'),
  })
  .strict()

export const stepSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case words joined by dashes'),
    method: z.enum(['GET', 'POST', 'DELETE']).default('GET'),
    path: z.string().min(1).max(1000).describe('Appended to the base URL; may name non-secret fields as {{FIELD}}'),
    headers: z.record(z.string().min(1).max(100), template(2000)).default({}),
    body: template(65_536).optional(),
    advisory: z.boolean().default(false).describe('Only this step’s explicit non-ok rules change the verdict; anything else leaves a note'),
    rules: z.array(ruleSchema).min(1).max(50),
  })
  .strict()

export const knowledgeSchema = z.partialRecord(
  causeCode,
  z.array(z.object({ title: text(120), text: text(1000) }).strict()).min(1).max(10),
)

export const limitsSchema = z
  .object({
    requestsPerMinute: z.number().int().min(1).max(100_000).default(60),
    concurrency: z.number().int().min(1).max(64).default(4),
  })
  .strict()

export const definitionSchema = z
  .object({
    $schema: z.string().max(500).optional(),
    apiVersion: z.literal(API_VERSION, { error: `must be "${API_VERSION}"` }),
    id: z
      .string()
      .regex(ID, 'must be 2–40 lower-case letters, digits and dashes, starting with a letter')
      .refine((id) => !(PROVIDER_IDS as ReadonlyArray<string>).includes(id), 'is the id of a built-in provider: choose another'),
    name: text(80),
    envToken: z.string().regex(TOKEN, 'must be 2–30 upper-case letters and digits (the variable convention’s PROVIDER part)'),
    description: z.string().max(2000).optional(),
    sources: z.array(z.string().max(500)).max(30).default([]).describe('Where the facts come from (documentation URLs)'),
    fields: z.array(fieldSchema).min(1).max(20),
    environments: z.array(environmentSchema).min(1).max(3),
    credential: credentialSchema,
    probe: z.array(stepSchema).min(1).max(5),
    knowledge: knowledgeSchema.default({}),
    limits: limitsSchema.default({ requestsPerMinute: 60, concurrency: 4 }),
  })
  .strict()

export type ProviderDefinitionFile = z.infer<typeof definitionSchema>
export type DefinitionField = z.infer<typeof fieldSchema>
export type Credential = z.infer<typeof credentialSchema>
export type ProbeStep = z.infer<typeof stepSchema>
export type Rule = z.infer<typeof ruleSchema>
export type When = z.infer<typeof whenSchema>
export type JsonCondition = z.infer<typeof jsonConditionSchema>
export type HeaderCondition = z.infer<typeof headerConditionSchema>
export type FieldCondition = z.infer<typeof fieldConditionSchema>
export type RuleExample = z.infer<typeof exampleSchema>

/** The JSON Schema editors use (docs/schema/provider-v1.schema.json). */
export function definitionJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(definitionSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
  return { ...schema, $id: 'https://authdesk.dev/schema/provider-v1.schema.json', title: 'AuthDesk provider definition (v1)' }
}
