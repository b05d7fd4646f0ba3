import type { Command } from '../io'
import { infoCommand } from './info'

/** Every `authdesk` command; adding one is one line here. */
export const COMMANDS: ReadonlyArray<Command> = [infoCommand]
