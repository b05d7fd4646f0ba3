import type { WebContents } from 'electron'
import { originOf } from '../../core/ipc/sender-policy'
import { isAllowedExternalUrl } from './external-links'

/** The subset of WebContents the lockdown touches; small so tests can drive it. */
export type LockableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

export interface LockdownOptions {
  readonly appOrigin: string
  readonly openInBrowser: (url: string) => void
}

interface PreventableEvent {
  preventDefault(): void
}

/**
 * Every navigation away from the app is cancelled, every new window denied (allow-listed
 * https links go to the user's browser instead), and no webview may be attached.
 */
export function lockDownWebContents(contents: LockableContents, options: LockdownOptions): void {
  const stayInApp = (event: PreventableEvent, url: string): void => {
    if (originOf(url) !== options.appOrigin) event.preventDefault()
  }
  contents.on('will-navigate', stayInApp)
  contents.on('will-redirect', stayInApp)
  contents.on('will-frame-navigate', (event: PreventableEvent & { url: string }) => stayInApp(event, event.url))
  contents.on('will-attach-webview', (event: PreventableEvent) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) options.openInBrowser(url)
    return { action: 'deny' }
  })
}
