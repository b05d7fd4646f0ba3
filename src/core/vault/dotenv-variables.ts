/** Variables every provider's group may carry besides its credential fields. */
export const ACCOUNT_VARIABLES = ['BASE_URL', 'ENVIRONMENT', 'SCOPES'] as const
