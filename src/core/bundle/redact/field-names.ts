/**
 * Which names carry secrets, decided per provider from the dossiers (shared/providers/*.md),
 * plus the generic names of Sentry's default scrubbing list and Cloudflare's HAR sanitizer.
 * One list for JSON members, XML elements, query/form parameters, .env variables and headers:
 * a name is compared after lower-casing and dropping everything but letters and digits, so
 * `X-API-KEY`, `apiKey`, `api_key` and `SMSGATE_API_KEY` are all `…apikey`.
 *
 * Secret (the value is removed):
 * - Groupcall: `Password` (the API key, in every messageData item), `PartnerKey` (secret in
 *   the account definition), `ApiKey` (partner callback payload, used as Password).
 * - Nmbrs: `Token` (SOAP `AuthHeader`/`AuthHeaderWithDomain`), `Password` (SingleSignOn).
 * - SMSGate: `password`, `access_token`, `refresh_token`, Basic and Bearer `Authorization`.
 * - Authmatech: `X-API-KEY`, `X-SDK-TOKEN`, `apiKey`, `secretKey` (rotation body), `newApiKey`
 *   (rotation response), client secret.
 * - Generic: password/passwd/pwd/pass/passphrase, secret, client_secret, token and *_token,
 *   api key, private key, signature, authorization, cookie, credentials, SAML request/response,
 *   code_verifier, and every env-style name ending in one of them (`PROD_NMBRS_TOKEN`).
 *
 * Identifiers support asks for (kept unless the user chooses to mask them): Groupcall
 * `CustomerId`/`Customerid`/`CustomerCode`, `MessageId`, `ClientRef`; Nmbrs `Username` (an
 * e-mail), `Domain`, `SubDomain`; SMSGate `username`, `id`/`jti`, `deviceId`; Authmatech
 * `X-CLIENT-ID`/`clientId`, `transactionId`, `messages[].code` (so `code` is not secret),
 * `*Hash` fields (already one-way).
 */

/** Whole names that are secret. */
const EXACT: ReadonlySet<string> = new Set([
  'pass',
  'pwd',
  'secret',
  'cookie',
  'setcookie',
  'authorization',
  'proxyauthorization',
  'credential',
  'credentials',
  'samlrequest',
  'samlresponse',
  'codeverifier',
  'sig',
])

/** A name ending in one of these is secret (`newApiKey`, `SMSGATE_REFRESH_TOKEN`, `client_secret`). */
const SUFFIXES: ReadonlyArray<string> = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'secretkey',
  'secretaccesskey',
  'apikey',
  'token',
  'privatekey',
  'partnerkey',
  'signature',
]

/** Names that end like a secret but are not one. */
const NOT_SECRET: ReadonlySet<string> = new Set(['nosignature', 'signaturemethod', 'hastoken', 'haspassword'])

export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '')
}

export function isSecretName(name: string): boolean {
  const n = normaliseName(name)
  if (n === '' || NOT_SECRET.has(n)) return false
  return EXACT.has(n) || SUFFIXES.some((s) => n.endsWith(s))
}

export const isAuthorizationName = (name: string): boolean => /^(?:proxy)?authorization$/.test(normaliseName(name))
export const isCookieName = (name: string): boolean => /^(?:set)?cookie$/.test(normaliseName(name))

/**
 * A regex source for the last word of every name `isSecretName` accepts (use with the `i`
 * flag). Patterns match this word and walk back to the name's start with `nameStart`, which is
 * much cheaper than trying every position as the start of a name.
 */
export const SECRET_TAIL = '(?:pass(?:word|wd|phrase)?|pwd|secret|key|token|signature|sig|authorization|cookie|credentials?|request|response|verifier)'

const isNameChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46

/** Where the name that ends at `end` starts (names are letters, digits, `_`, `-` and `.`). */
export function nameStart(text: string, end: number, limit = 64): number {
  let start = end
  while (start > 0 && end - start < limit && isNameChar(text.charCodeAt(start - 1))) start--
  return start
}

/** Names whose values are identifiers (kept by the high-entropy pass): `id`, `MessageId`, `jti`, `…Ref`, `…Hash`. */
export const ID_CONTEXT = /(?:^|[^A-Za-z0-9])[A-Za-z0-9_-]*(?:id|ref|jti|nonce|hash|number)\\?["']?[ \t]*(?:[:=]|>)[ \t]*\\?["']?$/i
