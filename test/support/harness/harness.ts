/**
 * The e2e harness: the built renderer in Chromium, connected through Playwright bindings to
 * the real core services and the same IPC router that Electron's main process uses.
 */
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import type { EventName, EventPayloadOf } from '../../../src/shared/contract'
import { fail } from '../../../src/shared/result'
import { createHandlers } from '../../../src/core/ipc/handlers'
import { createRouter } from '../../../src/core/ipc/router'
import { sameOriginMainFrame } from '../../../src/core/ipc/sender-policy'
import type { SaveLocation } from '../../../src/core/bundle/save-location'
import type { CaFilePicker } from '../../../src/core/http/ca-file-picker'
import { createServices, type Services, type ServicesOptions } from '../../../src/core/services'
import { PAGE_PRELOAD_PATH } from './build-page-preload'
import { serveRenderer } from './static-server'

/** One reply the router sent to the page (requests are not kept: they may carry what the user typed). */
export interface IpcAnswer {
  readonly channel: string
  readonly answer: unknown
}

export interface Harness {
  readonly page: Page
  readonly origin: string
  readonly services: Services
  readonly dataDir: string
  /** Every line the core logger wrote during the test. */
  readonly logLines: ReadonlyArray<string>
  /** Every IPC answer and forwarded event the page received, in order (for secret canaries). */
  readonly ipcAnswers: ReadonlyArray<IpcAnswer>
  /** The test double of the system Save dialog (main's SaveLocation): what it answers next, and what was shown in the folder. */
  readonly saveDialog: SaveDialogDouble
  /** The test double of the system Open dialog for the extra CA file (main's CaFilePicker). */
  readonly caFileDialog: OpenDialogDouble
  emit<E extends EventName>(name: E, payload: EventPayloadOf<E>): Promise<void>
  close(): Promise<void>
}

export interface SaveDialogDouble {
  /** `save`: the file goes to `saved/` in the test's data dir; `cancel`: as if the dialog was closed. */
  answer: 'save' | 'cancel'
  readonly asked: string[]
  readonly revealed: string[]
}

function saveDialogDouble(dataDir: string): SaveDialogDouble & SaveLocation {
  const double = {
    answer: 'save' as 'save' | 'cancel',
    asked: [] as string[],
    revealed: [] as string[],
    choose: async (fileName: string) => {
      double.asked.push(fileName)
      return double.answer === 'save' ? join(dataDir, 'saved', fileName) : null
    },
    reveal: (path: string) => void double.revealed.push(path),
  }
  return double
}

export interface OpenDialogDouble {
  /** The file the dialog answers with next; null: as if it was cancelled. */
  answer: string | null
  /** How many times the dialog was shown. */
  readonly shown: number
}

function openDialogDouble(): OpenDialogDouble & CaFilePicker {
  const double = {
    answer: null as string | null,
    shown: 0,
    choose: async () => {
      double.shown += 1
      return double.answer
    },
  }
  return double
}

export interface HarnessOptions {
  readonly services?: Partial<ServicesOptions>
}

function emitInPage(page: Page, name: string, payload: unknown): Promise<void> {
  return page.evaluate(([n, p]) => (window as unknown as { __authdeskEmit(n: string, p: unknown): void }).__authdeskEmit(n, p), [name, payload] as const)
}

export async function openApp(page: Page, options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'authdesk-e2e-'))
  const logLines: string[] = []
  const saveDialog = saveDialogDouble(dataDir)
  const caFileDialog = openDialogDouble()
  const services = await createServices({
    dataDir,
    appVersion: '0.0.0-e2e',
    keychainService: `authdesk-e2e-${randomUUID()}`,
    logSink: (line) => logLines.push(line),
    // As in the app: the first run opens the Demo workspace on the simulators.
    demo: { latencyMs: 50 },
    saveLocation: saveDialog,
    caFilePicker: caFileDialog,
    ...options.services,
  })
  const server = await serveRenderer(resolve('out/renderer'))
  const router = createRouter(createHandlers(services), { trust: sameOriginMainFrame(server.origin), logger: services.logger, scrub: (value) => services.scrubber.scrubValue(value) })

  const ipcAnswers: IpcAnswer[] = []
  // Calls still running when the test ends are awaited before core shuts down (a late write would race the clean-up).
  const inflight = new Set<Promise<unknown>>()
  let closing = false
  await page.exposeBinding('__authdeskInvoke', async (source, channel: unknown, payload: unknown) => {
    if (closing) return fail('harness.closed', 'The test harness is shutting down.')
    const call = router.dispatch({ url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() }, channel, payload)
    inflight.add(call)
    const answer = await call.finally(() => inflight.delete(call))
    ipcAnswers.push({ channel: String(channel), answer })
    return answer
  })
  await page.addInitScript({ path: PAGE_PRELOAD_PATH })
  await page.goto(`${server.origin}/index.html`)
  const forward = services.events.subscribe((name, payload) => {
    ipcAnswers.push({ channel: `event ${name}`, answer: payload })
    void emitInPage(page, name, payload).catch(() => {})
  })

  return {
    page,
    origin: server.origin,
    services,
    dataDir,
    logLines,
    ipcAnswers,
    saveDialog,
    caFileDialog,
    emit: (name, payload) => emitInPage(page, name, payload),
    close: async () => {
      closing = true
      forward()
      await Promise.allSettled([...inflight])
      await services.tokens.settled()
      await services.close()
      await server.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
