import type { Command } from '../io'
import { accountsCommand } from './accounts'
import { checkCommand } from './check'
import { infoCommand } from './info'
import { simulateCommand } from './simulate'

/** Every `authdesk` command; adding one is one line here. */
export const COMMANDS: ReadonlyArray<Command> = [infoCommand, accountsCommand, simulateCommand, checkCommand]
