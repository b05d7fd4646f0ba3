// Preloaded (node --import) into tools that must run offline: every DNS lookup and socket
// connect fails at once inside the process, so nothing leaves the machine, and each blocked
// attempt is reported on stderr for the caller to count.
import dns from 'node:dns'
import Module from 'node:module'
import net from 'node:net'

function blocked(what) {
  process.stderr.write(`offline-guard: blocked ${what}\n`)
  const error = new Error(`offline: ${what} is not allowed in this process`)
  error.code = 'EAI_AGAIN'
  return error
}

dns.lookup = (host, options, callback) => {
  const done = typeof options === 'function' ? options : callback
  process.nextTick(() => done(blocked(`DNS lookup of ${host}`)))
}
dns.promises.lookup = async (host) => {
  throw blocked(`DNS lookup of ${host}`)
}
const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function guardedConnect(...args) {
  const target = typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0], host: args[1] }
  if (target.path) return connect.apply(this, args)
  const error = blocked(`connection to ${target.host ?? 'localhost'}:${target.port}`)
  process.nextTick(() => this.destroy(error))
  return this
}

// The HTTP client such tools load answers "offline" without trying: not even a DNS lookup.
const load = Module._load
Module._load = function guardedLoad(request, ...rest) {
  if (request !== 'got') return load.call(this, request, ...rest)
  const offline = (url) => {
    process.stderr.write(`offline-guard: skipped download of ${String(url)}\n`)
    return Promise.reject(new Error('offline'))
  }
  return offline
}
