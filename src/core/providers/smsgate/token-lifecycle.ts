import type { TokenLifecycle } from '../token-lifecycle'
import { peekSmsGateClaims } from './jwt'
import { lintSmsGate } from './lint'
import { SCOPE_ALL } from './scopes'
import { basicGrant, issueTokenPair, refreshTokenPair, revokeTokenById } from './tokens-api'

/** SMSGate's JWT pair (dossier §4): issue with Basic or a `tokens:manage` token, refresh rotates, revoke by jti. */
export const smsGateTokens: TokenLifecycle = {
  peekClaims: peekSmsGateClaims,
  allScope: SCOPE_ALL,
  manageScope: 'tokens:manage',
  asksLifetime: true,
  issuerFields: ['USERNAME', 'PASSWORD'],
  issuerGrant: basicGrant,
  issue: issueTokenPair,
  refresh: refreshTokenPair,
  revoke: revokeTokenById,
  lintPasted: (fields) => lintSmsGate(fields),
  checkFields: ({ accessToken, refreshToken }) => ({ TOKEN: accessToken, REFRESH_TOKEN: refreshToken ?? '' }),
}
