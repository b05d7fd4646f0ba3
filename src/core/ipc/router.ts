/**
 * The IPC router shared by Electron's main process and the e2e harness: checks the sender,
 * parses the payload against the channel's schema, calls the handler, and always answers
 * with a Result envelope. It never throws and never waits forever. Every answer, error
 * messages included, passes the secret scrubber on its way out.
 */
import type { z } from 'zod'
import { channels, isChannelName, type ChannelName, type ParsedRequestOf, type ResponseOf } from '../../shared/contract'
import { fail, IPC_ERRORS, ok, type Result } from '../../shared/result'
import { isAppError } from '../errors'
import { silentLogger, type Logger } from '../log'
import type { SenderInfo, SenderPolicy } from './sender-policy'

export type Handler<C extends ChannelName> = (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>
export type Handlers = { readonly [C in ChannelName]: Handler<C> }

export interface RouterOptions {
  readonly trust: SenderPolicy
  readonly logger?: Logger
  /** Longest a handler may take before the caller gets `ipc.timeout`. */
  readonly timeoutMs?: number
  /** Removes the secrets core knows from an answer (SecretScrubber.scrubValue). */
  readonly scrub?: <T>(value: T) => T
}

export interface Router {
  dispatch(sender: SenderInfo, channel: unknown, payload: unknown): Promise<Result<unknown>>
}

const DEFAULT_TIMEOUT_MS = 60_000

export function describeIssue(error: z.ZodError): { message: string; field?: string } {
  const issue = error.issues[0]
  if (!issue) return { message: 'The request is not valid.' }
  const field = issue.path.map(String).join('.')
  // zod messages name the expected shape, never the received value, so they are safe to show.
  return field
    ? { message: `Field "${field}": ${issue.message}.`, field }
    : { message: `The request is not valid: ${issue.message}.` }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}
const TIMED_OUT = Symbol('timed out')

export function createRouter(handlers: Handlers, options: RouterOptions): Router {
  const logger = options.logger ?? silentLogger
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const scrub = options.scrub ?? (<T>(value: T): T => value)

  async function run(channel: ChannelName, payload: unknown): Promise<Result<unknown>> {
    const parsed = channels[channel].request.safeParse(payload)
    if (!parsed.success) {
      const { message, field } = describeIssue(parsed.error)
      return fail(IPC_ERRORS.invalidRequest, message, field)
    }
    const handler = handlers[channel] as (request: unknown) => unknown
    const value = await withTimeout(Promise.resolve().then(() => handler(parsed.data)), timeoutMs)
    if (value === TIMED_OUT) {
      logger.log('warn', 'ipc.timeout', { channel, timeoutMs })
      return fail(IPC_ERRORS.timeout, `The operation did not finish within ${Math.round(timeoutMs / 1000)} s.`)
    }
    return ok(value)
  }

  async function answer(sender: SenderInfo, channel: unknown, payload: unknown): Promise<Result<unknown>> {
    try {
      if (!options.trust(sender)) {
        logger.log('warn', 'ipc.forbidden-sender', { url: String(sender?.url).slice(0, 200) })
        return fail(IPC_ERRORS.forbiddenSender, 'Messages are accepted only from the app’s own window.')
      }
      if (!isChannelName(channel)) return fail(IPC_ERRORS.unknownChannel, 'Unknown channel.')
      return await run(channel, payload)
    } catch (error) {
      if (isAppError(error)) return fail(error.code, error.message, error.field, error.problems)
      logger.log('error', 'ipc.handler-failed', {
        channel: isChannelName(channel) ? channel : 'unknown',
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      })
      return fail(IPC_ERRORS.internal, 'Something went wrong. The details are in the AuthDesk log.')
    }
  }

  return {
    async dispatch(sender, channel, payload) {
      return scrub(await answer(sender, channel, payload))
    },
  }
}
