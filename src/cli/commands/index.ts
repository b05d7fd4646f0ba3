import type { Command } from '../io'
import { accountsCommand } from './accounts'
import { bundleCommand } from './bundle'
import { checkCommand } from './check'
import { infoCommand } from './info'
import { providersCommand } from './providers'
import { redactCommand } from './redact'
import { simulateCommand } from './simulate'
import { tokensCommand } from './tokens'

/** Every `authdesk` command; adding one is one line here. */
export const COMMANDS: ReadonlyArray<Command> = [infoCommand, accountsCommand, simulateCommand, checkCommand, redactCommand, bundleCommand, tokensCommand, providersCommand]
