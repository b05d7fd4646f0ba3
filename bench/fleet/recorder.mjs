// A recording reverse proxy: the benchmark points one account per scenario at it, lets
// AuthDesk check them, and so learns exactly which requests a check of each scenario sends
// (every probe step, in order). Newman then gets those same requests, one set per account.
// URL layout: /<provider>/<scenario>/<path on the simulator>.
import { createServer, request } from 'node:http'
import { once } from 'node:events'

// Headers the client library sets itself; Newman sets its own.
const DROP = new Set(['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding', 'user-agent', 'accept-encoding'])

export async function startRecorder(origins) {
  const recorded = new Map()
  const server = createServer(async (req, res) => {
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    const body = Buffer.concat(chunks)
    const [, provider, scenario, ...rest] = (req.url ?? '/').split('/')
    const path = `/${rest.join('/')}`
    const key = `${provider}/${scenario}`
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !DROP.has(name)))
    if (!recorded.has(key)) recorded.set(key, [])
    recorded.get(key).push({ method: req.method, path, headers, body: body.length > 0 ? body.toString('utf8') : null })
    const target = new URL(path, origins[provider])
    const upstream = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    upstream.on('error', () => res.destroy())
    upstream.end(body)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address()
  return {
    origin: `http://127.0.0.1:${port}`,
    /** The BASE_URL of a scenario, routed through the recorder. */
    baseUrl: (provider, scenario, url) => {
      const u = new URL(url)
      return `http://127.0.0.1:${port}/${provider}/${scenario}${u.pathname.replace(/\/$/, '')}`
    },
    requestsOf: (provider, scenario) => recorded.get(`${provider}/${scenario}`) ?? [],
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}
