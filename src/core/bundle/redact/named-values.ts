/**
 * One scan for every secret name (`Password`, `X-API-KEY`, `PROD_NMBRS_TOKEN`…): finds the last
 * word of such a name, walks back to the name's start, and hands the occurrence to the syntax
 * that follows it: a JSON member, an XML element, or an assignment (`=`/`:`). One regex over the
 * text instead of one per syntax.
 */
import { assignment } from './assignment-passes'
import { isSecretName, nameStart, SECRET_TAIL } from './field-names'
import { jsonMember, xmlElement } from './structured-passes'
import type { PassOutput } from './types'

const NAME_END = new RegExp(`${SECRET_TAIL}(?![A-Za-z0-9_.-])`, 'gi')

export function namedValuePass(text: string, out: PassOutput): void {
  for (const m of text.matchAll(NAME_END)) {
    const end = m.index + m[0].length
    const start = nameStart(text, end)
    if (!isSecretName(text.slice(start, end))) continue
    if (jsonMember(text, start, end, out)) continue
    if (xmlElement(text, start, end, out)) continue
    assignment(text, start, end, out)
  }
}
