import { z } from 'zod'
import { FAULT_KINDS, type FaultRule } from './types'

export const faultRuleSchema = z
  .object({
    kind: z.enum(FAULT_KINDS),
    account: z.string().min(1).max(512).optional(),
    count: z.number().int().positive().max(1_000_000).optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    retryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
    skewSeconds: z.number().int().min(-31_536_000).max(31_536_000).optional(),
  })
  .strict()

interface ActiveRule {
  readonly rule: FaultRule
  remaining: number
}

/**
 * Scripted transport faults: a rule matches every request (or one account's), forever or
 * for its next `count` requests. The first matching rule wins; rules are kept in the order added.
 */
export class FaultController {
  private rules: ActiveRule[] = []

  add(rule: FaultRule): void {
    this.rules.push({ rule: faultRuleSchema.parse(rule), remaining: rule.count ?? Infinity })
  }

  clear(): void {
    this.rules = []
  }

  list(): ReadonlyArray<FaultRule & { readonly remaining: number | null }> {
    return this.rules.map(({ rule, remaining }) => ({ ...rule, remaining: Number.isFinite(remaining) ? remaining : null }))
  }

  /** The fault for this request, if any, counting it against its rule. */
  take(account: string | null): FaultRule | null {
    const active = this.rules.find(({ rule }) => rule.account === undefined || rule.account === account)
    if (!active) return null
    active.remaining -= 1
    if (active.remaining <= 0) this.rules = this.rules.filter((r) => r !== active)
    return active.rule
  }
}
