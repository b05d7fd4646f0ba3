/** Help and conventions through the built command: per-command help, help <cmd>, -V, did-you-mean. */
import { describe, expect, it } from 'vitest'
import { runCli } from '../../support/run-cli'

const env = { PATH: process.env.PATH }

describe('authdesk help', () => {
  it('help <command> lists every flag, an example, the exit codes, the variable convention and docs/cli.md', async () => {
    const result = await runCli(['help', 'check'], env)
    expect(result.code).toBe(0)
    for (const flag of ['--env FILE', '--strict', '--vault', '--data-dir DIR', '--only NAME,...', '--json', '--concurrency N', '--timeout MS']) expect(result.stdout).toContain(flag)
    expect(result.stdout).toMatch(/Examples:\n {2}authdesk check /)
    expect(result.stdout).toMatch(/Exit codes: 0 ok .* 1 failing .* 2 usage .* 3 unknown .* 4 keychain/)
    expect(result.stdout).toContain('<NAME>_<PROVIDER>_<FIELD>')
    expect(result.stdout).toContain('docs/cli.md')
    expect(result.stdout).not.toMatch(/spec\/|\.\.\/shared/)
    expect((await runCli(['check', '--help'], env)).stdout).toBe(result.stdout)
  })

  it('-V and --version print the version', async () => {
    const short = await runCli(['-V'], env)
    expect(short.code).toBe(0)
    expect(short.stdout).toMatch(/^\d+\.\d+\.\d+/)
    expect((await runCli(['--version'], env)).stdout).toBe(short.stdout)
  })

  it('suggests the command or flag meant', async () => {
    const command = await runCli(['chek'], env)
    expect(command.code).toBe(2)
    expect(command.stderr).toContain('Did you mean `authdesk check`?')
    const flag = await runCli(['check', '--jsn'], env)
    expect(flag.code).toBe(2)
    expect(flag.stderr).toContain('Did you mean --json?')
  })
})
