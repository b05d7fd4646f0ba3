/**
 * A definition's wizard knowledge: the deciding rule's fix first, then the steps the definition
 * lists for the cause, then the common steps (network, proxy, retry later…). Step ids are
 * namespaced by the definition id, so they never collide with built-in ones.
 */
import type { CauseCode } from '../../shared/causes'
import { COMMON_KNOWLEDGE, commonSteps } from '../diagnosis/knowledge-common'
import type { KnowledgeStep, Verdict } from '../diagnosis/types'
import type { ProviderDefinitionFile, Rule } from './schema'

export function definitionKnowledge(d: ProviderDefinitionFile): ReadonlyMap<string, KnowledgeStep> {
  const steps = new Map<string, KnowledgeStep>()
  for (const step of d.probe) {
    for (const rule of step.rules) {
      if (rule.fix) steps.set(`${d.id}.rule.${rule.name}`, { id: `${d.id}.rule.${rule.name}`, title: `Fix: ${rule.summary}`.slice(0, 120), text: rule.fix })
    }
  }
  for (const [cause, list] of Object.entries(d.knowledge)) {
    list?.forEach((s, i) => steps.set(`${d.id}.${cause}.${i + 1}`, { id: `${d.id}.${cause}.${i + 1}`, title: s.title, text: s.text }))
  }
  return steps
}

export function knowledgeStepsFor(d: ProviderDefinitionFile, verdict: Verdict, rule: Rule | undefined): string[] {
  const own = rule?.fix ? [`${d.id}.rule.${rule.name}`] : []
  const byCause = (d.knowledge[verdict.cause as CauseCode] ?? []).map((_s, i) => `${d.id}.${verdict.cause}.${i + 1}`)
  return [...new Set([...own, ...byCause, ...commonSteps(verdict)])]
}

/** A step by id: the definition's own, or a common one. */
export function knowledgeStepOf(d: ProviderDefinitionFile, id: string): KnowledgeStep | undefined {
  return definitionKnowledge(d).get(id) ?? COMMON_KNOWLEDGE[id]
}
