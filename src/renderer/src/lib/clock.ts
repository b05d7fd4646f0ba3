/**
 * The app's one ticking clock: a single `setInterval` shared by every countdown. It runs only
 * while something is subscribed, and only mounted components subscribe, so with a
 * virtualised list only the visible countdowns are woken each second.
 */
type Listener = () => void

const TICK_MS = 1000
const listeners = new Set<Listener>()
let now = Date.now()
let timer: ReturnType<typeof setInterval> | undefined

function tick(): void {
  now = Date.now()
  for (const listener of listeners) listener()
}

export function subscribeClock(listener: Listener): () => void {
  listeners.add(listener)
  if (timer === undefined) {
    now = Date.now()
    timer = setInterval(tick, TICK_MS)
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer)
      timer = undefined
    }
  }
}

export function clockNow(): number {
  return now
}

