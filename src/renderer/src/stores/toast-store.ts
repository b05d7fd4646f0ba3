import { create } from 'zustand'

export interface Toast {
  readonly id: number
  readonly text: string
  /** Looks like the outcome it reports: a failing check is never shown as a success. */
  readonly tone: 'success' | 'info' | 'warning' | 'danger'
}

interface ToastState {
  readonly toasts: ReadonlyArray<Toast>
  show(text: string, tone?: Toast['tone']): void
  dismiss(id: number): void
}

const VISIBLE_MS = 5000
let nextId = 1

/** Short confirmations ("Account saved"). They name accounts by label, never by a secret. */
export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  show(text, tone = 'success') {
    const id = nextId++
    set({ toasts: [...get().toasts.slice(-2), { id, text, tone }] })
    setTimeout(() => get().dismiss(id), VISIBLE_MS)
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) })
  },
}))
