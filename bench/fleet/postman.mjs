// The Postman collection (v2.1) of the requests AuthDesk's checks send: for every account of
// the fleet, the requests a check of its scenario was seen to send, in order, with the same
// method, URL, headers and body.
export const POSTMAN_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'

export function buildCollection(accounts, requestsOf, origins) {
  const item = accounts.map(({ name, provider, scenario }) => ({
    name: `${name} ${provider} ${scenario}`,
    item: requestsOf(provider, scenario).map((r, step) => ({
      name: `${name} step ${step + 1}`,
      request: {
        method: r.method,
        header: Object.entries(r.headers).map(([key, value]) => ({ key, value: String(value) })),
        ...(r.body === null ? {} : { body: { mode: 'raw', raw: r.body } }),
        url: new URL(r.path, origins[provider]).href,
      },
    })),
  }))
  return { info: { name: 'AuthDesk fleet benchmark: the equivalent requests', schema: POSTMAN_SCHEMA }, item }
}

export const requestCount = (collection) => collection.item.reduce((n, folder) => n + folder.item.length, 0)
