/**
 * What the .env parser drops or merges is reported by line (and is an error with --strict);
 * `--env -` reads stdin; a file over the size limit is refused with a clear message.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../support/run-cli'

const FILE = [
  'SMSGATE_USERNAME=ops', // 1
  'SMSGATE_PASSWORD=pw#x', // 2: cut at #
  'SMSGATE_BASE_URL=http://127.0.0.1:9/3rdparty/v1', // 3
  'NO EQUALS HERE', // 4: no =
  'NMBRS_USERNAME=ops@example.com', // 5: would be swallowed by line 4
  'NMBRS_TOKEN=token-1234567890', // 6
  'NMBRS_BASE_URL=http://127.0.0.1:9/soap/v3', // 7
  'NMBRS_TOKEN=token-2234567890', // 8: duplicate
  'nmbrs_username=other@example.com', // 9: lower-case variant
  'SMSGAT_TOKEN=abc', // 10: typo
  'QUOTED="a#b"', // 11: fine
].join('\n')

function withStdin(args: ReadonlyArray<string>, input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(process.execPath, ['bin/authdesk.js', ...args], { env: { PATH: process.env.PATH } }, (error, stdout, stderr) =>
      done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    )
    child.stdin!.end(input)
  })
}

describe('check --env: what the .env parser drops or merges', () => {
  let root: string
  let file: string
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'authdesk-dotenv-'))
    file = join(root, 'accounts.env')
    await writeFile(file, FILE)
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('reports each finding with its line, never a value, and still checks both accounts', async () => {
    const result = await runCli(['check', '--env', file, '--json', '--timeout', '2000'], { PATH: process.env.PATH })
    expect(result.code).toBe(3)
    const lines = result.stderr.split('\n')
    const at = (n: number): string | undefined => lines.find((l) => l.includes(`accounts.env:${n}: `))
    expect(at(2)).toMatch(/SMSGATE_PASSWORD has an unquoted "#".*Quote it/)
    expect(at(4)).toMatch(/this line has no "="/)
    expect(at(8)).toMatch(/NMBRS_TOKEN is set again \(first on line 6\)/)
    expect(at(9)).toMatch(/nmbrs_username and NMBRS_USERNAME \(line 5\) differ only in case/)
    expect(at(10)).toMatch(/SMSGAT_TOKEN names no provider.*Did you mean SMSGATE_TOKEN\?/)
    expect(at(11)).toBeUndefined()
    expect(result.stderr).not.toContain('pw#x')
    const doc = JSON.parse(result.stdout) as { results: Array<{ account: string }> }
    expect(doc.results.map((r) => r.account)).toEqual(['NMBRS', 'SMSGATE'])
  })

  it('--strict turns the findings into an error (exit 2) and checks nothing', async () => {
    const result = await runCli(['check', '--env', file, '--strict', '--json'], { PATH: process.env.PATH })
    expect(result.code).toBe(2)
    expect((JSON.parse(result.stdout) as { error: { field: string; message: string } }).error).toMatchObject({ field: '--env', message: expect.stringContaining('accounts.env:2:') })
  })

  it('--env - reads stdin', async () => {
    const result = await withStdin(['check', '--env', '-', '--json', '--timeout', '2000'], 'AUTHMATECH_API_KEY=k-1234567890\nAUTHMATECH_CLIENT_ID=c\nAUTHMATECH_BASE_URL=http://127.0.0.1:9\n')
    expect(result.code).toBe(3)
    expect((JSON.parse(result.stdout) as { results: Array<{ account: string }> }).results.map((r) => r.account)).toEqual(['AUTHMATECH'])
  })

  it('a file over the size limit is refused with a clear message', async () => {
    const big = join(root, 'big.env')
    await writeFile(big, '')
    await truncate(big, 2 * 1024 * 1024)
    const result = await runCli(['check', '--env', big], { PATH: process.env.PATH })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/larger than 1 MiB/)
  })
})
