/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) from diagnosis transcripts, so a
 * browser's devtools can open the exchanges (Network → Import HAR). One page per check.
 * Transport failures become entries with status 0 and an `_error` (custom fields start with `_`).
 */
import { STATUS_CODES } from 'node:http'
import type { Diagnosis, TranscriptEntry } from '../../shared/diagnosis'

interface HarPair {
  readonly name: string
  readonly value: string
}

const pairs = (headers: Readonly<Record<string, string>>): HarPair[] => Object.entries(headers).map(([name, value]) => ({ name, value }))

function header(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1]
}

function queryString(url: string): HarPair[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }))
  } catch {
    return []
  }
}

export function harEntry(entry: TranscriptEntry, pageref: string): Record<string, unknown> {
  const requestType = header(entry.requestHeaders, 'content-type') ?? 'application/octet-stream'
  const responseType = header(entry.responseHeaders, 'content-type') ?? 'application/octet-stream'
  const requestSize = entry.requestBody === null ? 0 : Buffer.byteLength(entry.requestBody)
  const responseSize = entry.responseBody === null ? 0 : Buffer.byteLength(entry.responseBody)
  return {
    pageref,
    startedDateTime: entry.startedAt,
    time: entry.durationMs,
    request: {
      method: entry.method,
      url: entry.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(entry.requestHeaders),
      queryString: queryString(entry.url),
      headersSize: -1,
      bodySize: requestSize,
      ...(entry.requestBody === null ? {} : { postData: { mimeType: requestType, text: entry.requestBody } }),
    },
    response: {
      status: entry.status ?? 0,
      statusText: entry.status === null ? '' : (STATUS_CODES[entry.status] ?? ''),
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(entry.responseHeaders),
      content: { size: responseSize, mimeType: responseType, ...(entry.responseBody === null ? {} : { text: entry.responseBody }) },
      redirectURL: header(entry.responseHeaders, 'location') ?? '',
      headersSize: -1,
      bodySize: entry.status === null ? -1 : responseSize,
    },
    cache: {},
    timings: { send: 0, wait: entry.durationMs, receive: 0 },
    _step: entry.step,
    _attempt: entry.attempt,
    ...(entry.error ? { _error: entry.error } : {}),
  }
}

/** `checks` newest first; page `check-N` is the Nth. */
export function buildHar(checks: ReadonlyArray<Diagnosis>, appVersion: string): Record<string, unknown> {
  const pages = checks.map((d, i) => ({
    startedDateTime: d.checkedAt,
    id: `check-${i}`,
    title: `Check ${d.checkedAt}: ${d.state} (${d.cause}), step ${d.evidence.step}`,
    pageTimings: { onContentLoad: -1, onLoad: -1 },
  }))
  const entries = checks.flatMap((d, i) => d.transcript.map((e) => harEntry(e, `check-${i}`)))
  return { log: { version: '1.2', creator: { name: 'AuthDesk', version: appVersion }, pages, entries } }
}
