#!/usr/bin/env node
'use strict'
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const entry = join(__dirname, '..', 'out', 'cli', 'index.js')
if (!existsSync(entry)) {
  process.stderr.write('authdesk: the command is not built yet. Run `npm run build` in the AuthDesk folder first.\n')
  process.exit(2)
}
require(entry)
