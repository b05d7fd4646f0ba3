/** The published JSON Schema is the zod schema's: regenerate with `authdesk providers schema > docs/schema/provider-v1.schema.json`. */
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { definitionJsonSchema } from '../../../../src/core/custom-providers/schema'

it('docs/schema/provider-v1.schema.json matches the definition schema', () => {
  const published: unknown = JSON.parse(readFileSync('docs/schema/provider-v1.schema.json', 'utf8'))
  expect(published).toEqual(definitionJsonSchema())
})
