import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEAD_RECORDS_KEPT, emptyTokenFile, mayStillWork, prune, type TokenFile, type TokenRecord } from '../../../../src/core/tokens/record-schema'
import { TokenRecordStore } from '../../../../src/core/tokens/record-store'
import { tempDir } from '../vault/fake-store'

const NOW = Date.parse('2026-06-01T12:00:00Z')
const iso = (offsetMs: number): string => new Date(NOW + offsetMs).toISOString()

function record(jti: string, patch: Partial<TokenRecord> = {}): TokenRecord {
  return {
    jti,
    refreshJti: `${jti}-r`,
    parentJti: null,
    scopes: ['devices:list'],
    origin: 'refreshed',
    issuedAt: iso(-60_000),
    expiresAt: iso(840_000),
    refreshExpiresAt: iso(86_400_000),
    ttlRequestedSeconds: null,
    ttlGrantedSeconds: 900,
    revokedAt: null,
    supersededAt: null,
    ...patch,
  }
}

describe('which tokens may still work', () => {
  it.each([
    ['unexpired access token', record('a'), true],
    ['expired, refresh token unspent', record('b', { expiresAt: iso(-1) }), true],
    ['expired, refresh token spent', record('c', { expiresAt: iso(-1), supersededAt: iso(-5) }), false],
    ['expired, refresh token expired', record('d', { expiresAt: iso(-1), refreshExpiresAt: iso(-1) }), false],
    ['expired, no refresh token', record('e', { expiresAt: iso(-1), refreshJti: null }), false],
    ['revoked', record('f', { revokedAt: iso(-1) }), false],
  ])('%s', (_name, r, expected) => expect(mayStillWork(r, NOW)).toBe(expected))
})

describe('pruning the record', () => {
  it('keeps the current pair and every live token, and the newest dead ones', () => {
    const dead = Array.from({ length: 50 }, (_, i) => record(`dead${i}`, { issuedAt: iso(-10_000_000 + i), expiresAt: iso(-1), supersededAt: iso(-2) }))
    const current = record('cur', { issuedAt: iso(-20_000_000), expiresAt: iso(-1), supersededAt: iso(-1) })
    const file: TokenFile = { ...emptyTokenFile('acc'), current: { jti: 'cur', basis: 'issued', adoptedFingerprint: null }, records: [...dead, current, record('live')] }
    const pruned = prune(file, NOW)
    expect(pruned.records.map((r) => r.jti)).toContain('cur')
    expect(pruned.records.map((r) => r.jti)).toContain('live')
    expect(pruned.records.filter((r) => r.jti.startsWith('dead'))).toHaveLength(DEAD_RECORDS_KEPT)
    expect(pruned.records[0]!.jti).toBe('live')
    expect(pruned.records.filter((r) => r.jti.startsWith('dead'))[0]!.jti).toBe('dead49')
  })
})

describe('TokenRecordStore', () => {
  it('writes one file per account atomically and reads it back; a damaged file reads as empty', async () => {
    const dir = await tempDir('authdesk-token-records-')
    const store = new TokenRecordStore(dir)
    const file: TokenFile = { ...emptyTokenFile('3f2a9c1e-0000-4000-8000-000000000001'), records: [record('x')] }
    await store.write(file)
    expect(await store.read(file.accountId)).toEqual(file)
    expect((await readdir(join(dir, 'tokens'))).filter((n) => !n.endsWith('.json'))).toEqual([])
    await writeFile(join(dir, 'tokens', `${file.accountId}.json`), '{"v":1,"accountId":')
    expect(await store.read(file.accountId)).toEqual(emptyTokenFile(file.accountId))
    expect(await store.read('../../etc/passwd')).toEqual(emptyTokenFile('../../etc/passwd'))
    await store.write(emptyTokenFile('../escape'))
    expect((await readdir(join(dir, 'tokens'))).every((n) => /^[A-Za-z0-9_-]+\.json$/.test(n))).toBe(true)
  })

  it('notices records another process changed, not its own writes', async () => {
    const dir = await tempDir('authdesk-token-records-')
    const mine = new TokenRecordStore(dir)
    const other = new TokenRecordStore(dir)
    await mine.write(emptyTokenFile('a'))
    await mine.write(emptyTokenFile('b'))
    expect(await mine.changedElsewhere()).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 20))
    await other.write({ ...emptyTokenFile('b'), failures: 2 })
    expect((await mine.changedElsewhere()).map((f) => [f.accountId, f.failures])).toEqual([['b', 2]])
    expect(await mine.changedElsewhere()).toEqual([])
    expect(JSON.parse(await readFile(join(dir, 'tokens', 'b.json'), 'utf8'))).toMatchObject({ failures: 2 })
  })

  it('a lock per account keeps two writers apart', async () => {
    const store = new TokenRecordStore(await tempDir('authdesk-token-records-'))
    const order: string[] = []
    const first = await store.lock('a')
    const second = store.lock('a').then((release) => {
      order.push('second')
      return release
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    order.push('first done')
    await first()
    await (await second)()
    expect(order).toEqual(['first done', 'second'])
  })
})
