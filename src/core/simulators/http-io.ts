import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SimResponse } from './types'

export const MAX_BODY_BYTES = 1024 * 1024

export class BodyTooLargeError extends Error {}

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError()
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Writes a complete answer with Date and Content-Length set. */
export function writeResponse(res: ServerResponse, answer: SimResponse, date: Date): void {
  const body = Buffer.from(answer.body ?? '', 'utf8')
  res.writeHead(answer.status, { ...answer.headers, date: date.toUTCString(), 'content-length': String(body.length) })
  res.end(body)
}

/** Announces the full length, sends half, then drops the connection. */
export function writeTruncated(res: ServerResponse, answer: SimResponse, date: Date): void {
  const body = Buffer.from(answer.body ?? '', 'utf8')
  res.writeHead(answer.status, { ...answer.headers, date: date.toUTCString(), 'content-length': String(body.length) })
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy())
}

/** Sends headers and a first chunk, then never finishes (chunked, no length). */
export function writeNeverEnding(res: ServerResponse, answer: SimResponse, date: Date): void {
  const body = Buffer.from(answer.body ?? '', 'utf8')
  res.writeHead(answer.status, { ...answer.headers, date: date.toUTCString() })
  res.write(body.subarray(0, Math.max(1, Math.floor(body.length / 2))))
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = value === undefined ? '' : JSON.stringify(value)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) })
  res.end(body)
}
