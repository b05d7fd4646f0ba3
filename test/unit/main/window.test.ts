import { beforeEach, describe, expect, it, vi } from 'vitest'

const created: Array<{ options: Record<string, unknown>; loaded: string[] }> = []

vi.mock('electron', () => ({
  BrowserWindow: class {
    readonly loaded: string[] = []
    constructor(options: Record<string, unknown>) {
      created.push({ options, loaded: this.loaded })
    }
    once() {}
    show() {}
    loadURL(url: string) {
      this.loaded.push(url)
      return Promise.resolve()
    }
  },
}))

const { createMainWindow } = await import('../../../src/main/window')

describe('main window', () => {
  beforeEach(() => void (created.length = 0))

  function prefsOf(packaged: boolean): Record<string, unknown> {
    createMainWindow('/app/out/preload/index.js', packaged, '/app/resources/icon.png')
    return created[0]!.options.webPreferences as Record<string, unknown>
  }

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
  ])('sets %s to %s', (key, value) => {
    expect(prefsOf(true)[key]).toBe(value)
  })

  it('uses only the bundled preload and enables no Blink feature', () => {
    const prefs = prefsOf(true)
    expect(prefs.preload).toBe('/app/out/preload/index.js')
    expect(prefs.enableBlinkFeatures).toBeUndefined()
    expect(prefs.disableBlinkFeatures).toBe('Auxclick')
  })

  it('switches DevTools off in packaged builds only', () => {
    expect(prefsOf(true).devTools).toBe(false)
    created.length = 0
    expect(prefsOf(false).devTools).toBe(true)
  })

  it('loads the renderer from the app:// origin, never http or file', () => {
    prefsOf(true)
    expect(created[0]!.loaded).toEqual(['app://authdesk/index.html'])
  })
})
