/**
 * The wizard's steps are read by a support person: instructions in words, not API documentation,
 * and never a request AuthDesk builds itself.
 */
import { describe, expect, it } from 'vitest'
import { builtInModules } from '../../../../src/core/providers/registry'
import { COMMON_KNOWLEDGE } from '../../../../src/core/diagnosis/knowledge-common'

const ALL = [...Object.values(COMMON_KNOWLEDGE), ...builtInModules().map((m) => m.check).flatMap((check) => Object.values(check.knowledge))]

describe('wizard steps', () => {
  it.each(ALL.map((s) => [s.id, s] as const))('%s names no HTTP call, header, SOAP method or encoding', (_id, step) => {
    const text = `${step.title} ${step.text}`
    expect(text).not.toMatch(/\b(GET|POST|PUT|PATCH|DELETE) \//)
    expect(text).not.toMatch(/\bX-[A-Z]+-[A-Z]+\b|Content-Type|base64|payload|PascalCase/i)
    expect(text).not.toMatch(/\w+Service\.\w+_\w+/)
  })
})
