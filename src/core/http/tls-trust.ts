/**
 * What credential requests trust. Certificates are always verified: the TLS options set
 * `rejectUnauthorized: true` explicitly, which wins over NODE_TLS_REJECT_UNAUTHORIZED=0 (that
 * variable turns checks off for the whole process, which would hand every credential to anyone
 * on the path). A company's TLS-inspecting proxy is trusted the supported way instead: extra CA
 * certificates from PEM files (the app's setting, the CLI's --ca-file, NODE_EXTRA_CA_CERTS).
 * Node reads NODE_EXTRA_CA_CERTS only into its default list, which an explicit `ca` replaces,
 * so it is read here too.
 */
import { readFileSync } from 'node:fs'
import { rootCertificates } from 'node:tls'
import type { NetworkTrust } from '../../shared/model'
import { AppError } from '../errors'

type Env = Readonly<Record<string, string | undefined>>
type CaSource = NetworkTrust['extraCaFiles'][number]['source']

export interface TlsTrust {
  readonly extraCaCerts: ReadonlyArray<string>
  readonly extraCaFiles: NetworkTrust['extraCaFiles']
  /** Files that could not be used: reported, not fatal (a moved file must not stop the app). */
  readonly problems: ReadonlyArray<string>
  readonly ignoredTlsOverride: string | null
}

export interface TlsTrustInput {
  /** The app's setting or the CLI's --ca-file, whichever applies. */
  readonly caFile?: { readonly path: string; readonly source: 'setting' | 'flag' } | null
  readonly env: Env
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

const FIELD: Record<CaSource, string> = { setting: 'Extra CA certificates (Security)', flag: '--ca-file', NODE_EXTRA_CA_CERTS: 'NODE_EXTRA_CA_CERTS' }

/** The certificates in a PEM file; an error names where the path came from and the fix. */
export function readCaFile(path: string, source: CaSource): ReadonlyArray<string> {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable'
    throw new AppError('config.invalid', `${FIELD[source]}: cannot read ${path} (${code}). Give the path of a readable PEM file with the CA certificate(s).`, { field: 'caFile' })
  }
  const certificates = text.match(PEM_CERTIFICATE) ?? []
  if (certificates.length === 0)
    throw new AppError('config.invalid', `${FIELD[source]}: ${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----). Export the CA certificate as PEM (Base64), not DER.`, {
      field: 'caFile',
    })
  return certificates
}

export const TLS_OVERRIDE_IGNORED =
  'NODE_TLS_REJECT_UNAUTHORIZED=0 is set but ignored: AuthDesk always verifies certificates before it sends a credential. To trust a company proxy’s certificate, add its CA as an extra CA file (Security screen, --ca-file or NODE_EXTRA_CA_CERTS).'

export function loadTlsTrust(input: TlsTrustInput): TlsTrust {
  const files: Array<{ source: CaSource; path: string }> = []
  if (input.caFile) files.push(input.caFile)
  const fromEnv = input.env.NODE_EXTRA_CA_CERTS?.trim()
  if (fromEnv) files.push({ source: 'NODE_EXTRA_CA_CERTS', path: fromEnv })
  const extraCaCerts: string[] = []
  const extraCaFiles: Array<NetworkTrust['extraCaFiles'][number]> = []
  const problems: string[] = []
  for (const { source, path } of files) {
    try {
      const certificates = readCaFile(path, source)
      extraCaCerts.push(...certificates)
      extraCaFiles.push({ source, path, certificates: certificates.length })
    } catch (error) {
      problems.push((error as Error).message)
    }
  }
  const ignoredTlsOverride = input.env.NODE_TLS_REJECT_UNAUTHORIZED === '0' ? TLS_OVERRIDE_IGNORED : null
  return { extraCaCerts, extraCaFiles, problems, ignoredTlsOverride }
}

/** TLS options for every connection: verification always on, the extra CAs beside the built-in list. */
export function tlsOptions(extraCaCerts: ReadonlyArray<string>): { readonly rejectUnauthorized: true; readonly ca?: string[] } {
  return extraCaCerts.length > 0 ? { rejectUnauthorized: true, ca: [...rootCertificates, ...extraCaCerts] } : { rejectUnauthorized: true }
}
