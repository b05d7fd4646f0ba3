import { readFile } from 'node:fs/promises'
import { createRedactor } from '../../core/bundle/redact/redact'
import { countByKind, formatCounts } from '../format-bundle'
import { DATA_DIR_FLAG, parseFlags, type FlagTable } from '../flags'
import { EXIT, UsageError, type Command } from '../io'
import { readVaultSecrets } from '../redact-secrets'
import { openDefaultServices, type OpenServices } from '../vault-session'

const USAGE = 'authdesk redact [FILE|-] [--mask VALUE]... [--no-vault] [--data-dir DIR]'

const FLAGS = {
  mask: { type: 'string', multiple: true, default: [], value: 'VALUE', help: 'also replace this value (a customer name, an id) by a pseudonym' },
  'no-vault': { type: 'boolean', default: false, help: 'do not look up the vault’s secrets (names, syntax and entropy still find most)' },
  'data-dir': DATA_DIR_FLAG,
} satisfies FlagTable

export function createRedactCommand(open: OpenServices = openDefaultServices): Command {
  return {
    name: 'redact',
    summary: 'Remove secrets from text (FILE or stdin) for a support ticket; prints what was removed to stderr',
    usage: USAGE,
    flags: FLAGS,
    examples: ['authdesk redact transcript.txt > clean.txt', 'pbpaste | authdesk redact - --mask "Acme BV"'],
    async run(argv, io) {
      const { values, positionals } = parseFlags(FLAGS, argv, true)
      if (positionals.length > 1) throw new UsageError(`give at most one FILE (got ${positionals.length})`)
      const file = positionals[0]
      let text: string
      try {
        text = file === undefined || file === '-' ? await io.readStdin() : await readFile(file, 'utf8')
      } catch (error) {
        throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`)
      }
      const vault = values['no-vault'] ? { secrets: [], note: 'vault not used: --no-vault' } : await readVaultSecrets(open, values['data-dir'], io)
      const result = createRedactor({ knownSecrets: vault.secrets, pseudonymize: values.mask }).redact(text)
      io.stdout(result.text)
      const counts = countByKind(result.manifest.map((r) => r.kind))
      io.stderr(`authdesk redact: ${result.manifest.length === 0 ? 'nothing removed' : `removed ${result.manifest.length}: ${formatCounts(counts)}`} (${vault.note})\n`)
      return EXIT.ok
    },
  }
}

export const redactCommand = createRedactCommand()
