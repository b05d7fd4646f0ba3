import { defaultDataDir } from '../../core/paths'
import { createServices } from '../../core/services'
import { DATA_DIR_FLAG, JSON_FLAG, parseFlags, type FlagTable } from '../flags'
import { EXIT, type Command } from '../io'
import { VERSION } from '../version'

const FLAGS = { 'data-dir': DATA_DIR_FLAG, json: JSON_FLAG } satisfies FlagTable

export const infoCommand: Command = {
  name: 'info',
  flags: FLAGS,
  examples: ['authdesk info', 'authdesk info --json --data-dir ./vault'],
  summary: 'Show the version, data directory and which secret storage is active (and why)',
  usage: 'authdesk info [--data-dir DIR] [--json]',
  async run(argv, io) {
    const { values } = parseFlags(FLAGS, argv)
    const services = await createServices({ dataDir: values['data-dir'] ?? defaultDataDir(io.env), appVersion: VERSION })
    const info = services.appInfo()
    await services.close()
    if (values.json) {
      io.stdout(JSON.stringify({ ...info, dataDir: services.dataDir }) + '\n')
    } else {
      const storage = info.secretStorage
      io.stdout(`${info.name} ${info.version} (${info.platform}, Node ${info.node})\n`)
      io.stdout(`Data directory: ${services.dataDir}\n`)
      io.stdout(`Secret storage: ${storage.backend === 'keychain' ? 'OS keychain' : 'memory, this session only'}\n  ${storage.reason}\n`)
      if (storage.hint) io.stdout(`  Fix: ${storage.hint}\n`)
    }
    return EXIT.ok
  },
}
