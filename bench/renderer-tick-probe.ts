/**
 * Runs in the page before the renderer (addInitScript): times every tick of the app's one
 * 1-second clock from the moment it fires until React has rendered and committed what it
 * woke (a microtask queued after the tick runs after React's sync flush), counts the DOM
 * text changes each tick made, and notes when the first account row appeared.
 */
export function installTickProbe(): void {
  interface Probe {
    ticks: { ms: number; mutations: number }[]
    firstRowAt: number | null
  }
  const probe: Probe = { ticks: [], firstRowAt: null }
  ;(window as unknown as { __tickProbe: Probe }).__tickProbe = probe
  let mutations = 0
  new MutationObserver((records) => {
    mutations += records.length
    if (probe.firstRowAt === null && document.querySelector('[data-testid="account-row"]')) probe.firstRowAt = performance.now()
  }).observe(document, { subtree: true, childList: true, characterData: true })
  const original = window.setInterval.bind(window)
  window.setInterval = ((handler: TimerHandler, timeout?: number, ...rest: unknown[]) => {
    if (timeout !== 1000 || typeof handler !== 'function') return original(handler, timeout, ...rest)
    return original(() => {
      mutations = 0
      const started = performance.now()
      ;(handler as () => void)()
      queueMicrotask(() => {
        // Mutation records are delivered in a microtask too: read them one turn later.
        queueMicrotask(() => probe.ticks.push({ ms: performance.now() - started, mutations }))
      })
    }, timeout)
  }) as typeof window.setInterval
}
