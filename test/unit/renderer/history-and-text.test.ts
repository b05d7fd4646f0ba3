import { describe, expect, it } from 'vitest'
import type { TranscriptEntry } from '../../../src/shared/diagnosis'
import { formatBytes, redactionSegments } from '../../../src/renderer/src/features/bundle/utils/redaction-segments'
import { evidenceRows, requestText, responseText, skewText } from '../../../src/renderer/src/features/health/utils/diagnosis-text'
import { groupHistory } from '../../../src/renderer/src/features/health/utils/history-groups'
import { diagnosis } from './health-fixtures'

describe('the history timeline', () => {
  it('groups runs of the same result and marks where the state changed', () => {
    const history = [
      diagnosis('ok', 'healthy', '2026-01-04T00:00:00Z'),
      diagnosis('domain.invalid', 'failing', '2026-01-03T00:00:00Z'),
      diagnosis('domain.invalid', 'failing', '2026-01-02T00:00:00Z'),
      diagnosis('credentials.invalid', 'failing', '2026-01-01T00:00:00Z'),
    ]
    expect(groupHistory(history).map((g) => [g.newest.cause, g.count, g.since, g.changed])).toEqual([
      ['ok', 1, '2026-01-04T00:00:00Z', true],
      ['domain.invalid', 2, '2026-01-02T00:00:00Z', false],
      ['credentials.invalid', 1, '2026-01-01T00:00:00Z', false],
    ])
    expect(groupHistory([])).toEqual([])
  })
})

describe('diagnosis text', () => {
  it('lists only the evidence there is, marking provider text', () => {
    const rows = evidenceRows({ step: 'GET /devices', status: 401, providerMessage: '<b>no</b>', attempts: 3, retryAfterMs: 2000 })
    expect(rows.map((r) => [r.label, r.value, r.fromProvider ?? false])).toEqual([
      ['Probe step', 'GET /devices', false],
      ['HTTP status', '401', false],
      ['Provider message', '<b>no</b>', true],
      ['Attempts', '3 (retried)', false],
      ['Provider asked to wait', '2s', false],
    ])
  })

  it('describes clock skew', () => {
    expect(skewText(null, 'Nmbrs')).toBeNull()
    expect(skewText(300, 'Nmbrs')).toEqual({ text: 'Nmbrs’s clock agrees with this computer’s (within 2 s).', notable: false })
    expect(skewText(-185_000, 'SMSGate')).toEqual({ text: 'SMSGate’s clock is 3m 05s behind this computer’s.', notable: true })
  })

  it('renders an exchange as plain text, with transport errors', () => {
    const entry: TranscriptEntry = {
      step: 'GET /devices', attempt: 1, method: 'GET', url: 'https://x/devices', requestHeaders: { authorization: '[redacted]' }, requestBody: null,
      status: null, responseHeaders: {}, responseBody: null, error: { code: 'ECONNRESET', message: 'socket hang up' }, startedAt: '', durationMs: 3,
    }
    expect(requestText(entry)).toBe('GET https://x/devices\nauthorization: [redacted]')
    expect(responseText(entry)).toBe('Error ECONNRESET: socket hang up')
  })
})

describe('bundle redaction highlighting', () => {
  it('splits content around the redacted spans without changing it', () => {
    const content = 'user: [masked-1] key: [redacted]'
    const segments = redactionSegments(content, [{ start: 22, end: 32, kind: 'secret' }, { start: 6, end: 16, kind: 'pseudonym', field: 'USERNAME' }])
    expect(segments.map((s) => s.text).join('')).toBe(content)
    expect(segments.filter((s) => s.redaction).map((s) => s.text)).toEqual(['[masked-1]', '[redacted]'])
  })

  it('clips overlapping and out-of-range spans', () => {
    const segments = redactionSegments('abcdef', [{ start: 1, end: 4, kind: 'x' }, { start: 2, end: 10, kind: 'y' }])
    expect(segments.map((s) => [s.text, s.redaction?.kind ?? null])).toEqual([['a', null], ['bcd', 'x'], ['ef', 'y']])
    expect(redactionSegments('', [])).toEqual([{ text: '', redaction: null }])
  })

  it('formats sizes', () => {
    expect([formatBytes(512), formatBytes(3100), formatBytes(2_500_000)]).toEqual(['512 B', '3.1 kB', '2.5 MB'])
  })
})
