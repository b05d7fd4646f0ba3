import { defaultDataDir } from '../../core/paths'
import { createServices } from '../../core/services'
import { DATA_DIR_FLAG, JSON_FLAG, parseFlags, type FlagTable } from '../flags'
import { EXIT, type Command } from '../io'
import { VERSION } from '../version'
import { cliNetwork } from '../network'
import type { NetworkTrust } from '../../shared/model'

function formatNetwork(network: NetworkTrust): string {
  const lines = ['Certificates: always verified; built-in CA list']
  for (const f of network.extraCaFiles) lines.push(`  plus ${f.certificates} certificate(s) from ${f.path} (${f.source === 'setting' ? 'app setting' : f.source === 'flag' ? '--ca-file' : 'NODE_EXTRA_CA_CERTS'})`)
  for (const p of network.problems) lines.push(`  Problem: ${p}`)
  if (network.ignoredTlsOverride) lines.push(`  ${network.ignoredTlsOverride}`)
  const { https, http, noProxy } = network.proxy
  lines.push(`Proxy: ${https || http ? `https via ${https || '(none)'}, http via ${http || '(none)'}` : 'none'}${noProxy ? `; NO_PROXY ${noProxy}` : ''}; loopback addresses never use a proxy`)
  return lines.map((l) => `${l}\n`).join('')
}

const FLAGS = { 'data-dir': DATA_DIR_FLAG, json: JSON_FLAG } satisfies FlagTable

export const infoCommand: Command = {
  name: 'info',
  flags: FLAGS,
  examples: ['authdesk info', 'authdesk info --json --data-dir ./vault'],
  summary: 'Show the version, data directory and which secret storage is active (and why)',
  usage: 'authdesk info [--data-dir DIR] [--json] [--ca-file FILE]',
  async run(argv, io) {
    const { values } = parseFlags(FLAGS, argv)
    const services = await createServices({ dataDir: values['data-dir'] ?? defaultDataDir(io.env), appVersion: VERSION, network: cliNetwork(io) })
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
      io.stdout(formatNetwork(info.network))
    }
    return EXIT.ok
  },
}
