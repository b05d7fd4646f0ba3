import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/main'
import { COMMANDS } from '../../../src/cli/commands/index'
import type { CliIo } from '../../../src/cli/io'

function io() {
  const out: string[] = []
  const err: string[] = []
  const value: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    env: {},
    readStdin: async () => '',
    interrupted: new Promise(() => {}),
  }
  return { value, out: () => out.join(''), err: () => err.join('') }
}

describe('authdesk command line', () => {
  it('lists every command in --help', async () => {
    const t = io()
    expect(await runCli(['--help'], t.value)).toBe(0)
    for (const command of COMMANDS) expect(t.out()).toContain(command.name)
  })

  it('exits 2 with the help text when no command is given', async () => {
    const t = io()
    expect(await runCli([], t.value)).toBe(2)
    expect(t.out()).toContain('Usage: authdesk <command>')
  })

  it('exits 2 and names the unknown command', async () => {
    const t = io()
    expect(await runCli(['chekc'], t.value)).toBe(2)
    expect(t.err()).toContain('unknown command "chekc"')
  })

  it('exits 2 on an unknown flag and shows the command usage', async () => {
    const t = io()
    expect(await runCli(['info', '--colour'], t.value)).toBe(2)
    expect(t.err()).toMatch(/--colour/)
    expect(t.err()).toContain('Usage: authdesk info')
  })
})
