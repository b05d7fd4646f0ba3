// The benchmark's fleet: 250 accounts per provider, mostly working, the rest failing the way
// real credentials fail (wrong password, revoked or expired token, wrong domain) or degraded
// (a used product or service switched off, a spent balance), as the simulators' scenarios
// describe them. Outages and rate limits are
// left out on purpose: their retries and pauses are policy, not speed (the tests cover them).
import { writeFileSync } from 'node:fs'

export const PROVIDERS = ['groupcall', 'nmbrs', 'smsgate', 'authmatech']

/** Scenario → accounts, 250 per provider; 80 % valid. */
export const MIX = {
  groupcall: { valid: 200, 'wrong-password': 20, 'sms-not-allowed': 15, 'partner-not-authorized': 15 },
  nmbrs: { valid: 200, 'token-wrong': 15, 'domain-wrong': 15, 'template-blocks-debtor-service': 10, 'subscription-1004': 10 },
  smsgate: { valid: 200, 'wrong-password': 20, 'token-expired': 15, 'token-missing-scope': 15 },
  authmatech: { valid: 200, 'wrong-key': 20, 'product-not-enabled': 15, 'balance-exhausted': 15 },
}

/** Every (provider, scenario) of the mix, once. */
export function scenarios() {
  return PROVIDERS.flatMap((provider) => Object.keys(MIX[provider]).map((scenario) => ({ provider, scenario })))
}

/** The accounts of the fleet, in a stable order, interleaving providers as a real fleet would. */
export function fleetAccounts() {
  const lists = PROVIDERS.map((provider) => Object.entries(MIX[provider]).flatMap(([scenario, n]) => Array.from({ length: n }, () => ({ provider, scenario }))))
  const out = []
  for (let i = 0; i < Math.max(...lists.map((l) => l.length)); i++) for (const list of lists) if (list[i]) out.push(list[i])
  return out.map((a, i) => ({ ...a, name: `F${String(i).padStart(4, '0')}` }))
}

const line = (name, provider, field, value) => `${name}_${provider.toUpperCase()}_${field}=${JSON.stringify(value)}`

/** A dotenv file in the CLI's convention (spec/cli.md); `baseUrl` may point elsewhere than the scenario's. */
export function writeEnvFile(path, accounts, credentials, baseUrl = (_provider, _scenario, url) => url) {
  const lines = []
  for (const { name, provider, scenario } of accounts) {
    const fields = credentials[provider][scenario]
    if (!fields) throw new Error(`the simulators have no ${provider} scenario "${scenario}"`)
    for (const [field, value] of Object.entries(fields)) {
      if (value === '') continue
      lines.push(line(name, provider, field, field === 'BASE_URL' ? baseUrl(provider, scenario, value) : value))
    }
  }
  writeFileSync(path, `${lines.join('\n')}\n`)
}
