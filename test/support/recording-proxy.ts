/**
 * A tiny HTTP proxy on 127.0.0.1 that records everything it receives: plain proxied requests
 * (absolute-form, readable), CONNECT targets, and, for hosts it intercepts, the requests it
 * decrypts with a certificate from its own CA (a company TLS-inspecting proxy). Host names
 * are resolved by the proxy from `routes` to loopback ports only, so nothing leaves the machine.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TLSSocket } from 'node:tls'

export interface RecordedRequest {
  readonly method: string
  readonly url: string
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly body: string
}

export interface RecordingProxy {
  readonly url: string
  readonly connects: string[]
  /** Requests that reached the proxy in readable form (plain proxied, or decrypted by interception). */
  readonly readable: RecordedRequest[]
  close(): Promise<void>
}

export interface InterceptionCa {
  /** PEM of the interception CA (what a company gives its users to trust). */
  readonly caPem: string
  /** Leaf key and certificate for each intercepted host, signed by the CA. */
  readonly leaves: ReadonlyMap<string, { readonly key: string; readonly cert: string }>
}

/** A CA and a leaf per host, made with the machine's openssl. */
export function makeInterceptionCa(hosts: ReadonlyArray<string>): InterceptionCa {
  const dir = mkdtempSync(join(tmpdir(), 'authdesk-mitm-ca-'))
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
  const ssl = (args: string[]): void => void execFileSync('openssl', args, { stdio: 'ignore' })
  try {
    const [caKey, caCert] = [join(dir, 'ca.key'), join(dir, 'ca.pem')]
    ssl(['req', '-x509', ...ec, '-keyout', caKey, '-out', caCert, '-days', '1', '-subj', '/CN=AuthDesk Test Interception CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign'])
    const leaves = new Map<string, { key: string; cert: string }>()
    for (const [i, host] of hosts.entries()) {
      const [key, csr, cert, ext] = ['key', 'csr', 'pem', 'ext'].map((e) => join(dir, `leaf${i}.${e}`)) as [string, string, string, string]
      writeFileSync(ext, `subjectAltName=DNS:${host}\n`)
      ssl(['req', ...ec, '-keyout', key, '-out', csr, '-subj', `/CN=${host}`])
      ssl(['x509', '-req', '-in', csr, '-CA', caCert, '-CAkey', caKey, '-CAcreateserial', '-out', cert, '-days', '1', '-extfile', ext])
      leaves.set(host, { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') })
    }
    return { caPem: readFileSync(caCert, 'utf8'), leaves }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startRecordingProxy(options: { readonly routes: Readonly<Record<string, number>>; readonly intercept?: InterceptionCa }): Promise<RecordingProxy> {
  const connects: string[] = []
  const readable: RecordedRequest[] = []
  const sockets = new Set<Socket>()
  const portFor = (host: string): number | undefined => (Object.hasOwn(options.routes, host) ? options.routes[host] : undefined)

  // Decrypted requests are forwarded in plain http to the host's loopback port.
  const inner = createServer((request, response) => {
    void bodyOf(request).then((body) => {
      const host = (request.headers.host ?? '').replace(/:\d+$/, '')
      readable.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body })
      const port = portFor(host)
      if (port === undefined) return void response.writeHead(502).end()
      const upstream = httpRequest({ host: '127.0.0.1', port, method: request.method, path: request.url, headers: request.headers }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(response)
      })
      upstream.on('error', () => response.writeHead(502).end())
      upstream.end(body)
    })
  })

  const server: Server = createServer((request, response) => {
    void bodyOf(request).then((body) => {
      readable.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body })
      response.writeHead(502).end('recording proxy: plain requests are recorded, not forwarded')
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    const target = request.url ?? ''
    connects.push(target)
    const host = target.replace(/:\d+$/, '')
    const leaf = options.intercept?.leaves.get(host)
    client.on('error', () => client.destroy())
    if (leaf) {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      const tls = new TLSSocket(client, { isServer: true, key: leaf.key, cert: leaf.cert })
      tls.on('error', () => tls.destroy())
      inner.emit('connection', tls)
      return
    }
    const port = portFor(host)
    if (port === undefined) return void client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    readable,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      inner.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
