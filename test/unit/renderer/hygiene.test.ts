import { describe, expect, it } from 'vitest'
import type { ProviderInfo } from '../../../src/shared/model'
import { hygieneWarnings, type FieldInfo } from '../../../src/renderer/src/lib/hygiene'

const field = (name: string, label: string, secret: boolean, hint = ''): FieldInfo => ({ name, label, secret, required: true, hint, maxLength: 64, shape: null })
const USERNAME = field('USERNAME', 'Username (login e-mail)', false, 'The Nmbrs login e-mail address')
const TOKEN = field('TOKEN', 'API token', true)
const JWT_FIELD = field('TOKEN', 'Access token (JWT)', true, 'A JWT access token')
const CUSTOMER = field('CUSTOMER_ID', 'Customer ID', false, 'The numeric customer id')
const NMBRS: ProviderInfo['fields'] = [USERNAME, TOKEN]
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhYmMxMjM0In0.c2lnbmF0dXJlMTIz'

describe('hygiene warnings', () => {
  it.each([
    [' abcdef', TOKEN, 'Starts or ends with a space'],
    ['abcdef\t', TOKEN, 'tab'],
    ['"abcdef"', TOKEN, 'wrapped in quotes'],
    ['abc\u200bdef', TOKEN, 'invisible character'],
    ['NMBRS_TOKEN=abcdef', TOKEN, 'whole .env line'],
    ['Bearer abcdef', TOKEN, 'Starts with "Bearer "'],
    ['https://api.nmbrs.nl', TOKEN, 'Looks like a URL'],
    [JWT, TOKEN, 'Looks like a JWT, but API token does not take one'],
    ['payroll@example.com', TOKEN, 'The e-mail goes in Username (login e-mail)'],
    ['payroll', USERNAME, 'Expected an e-mail address'],
    ['not-a-jwt', JWT_FIELD, 'Does not look like a JWT'],
    ['14a9', CUSTOMER, 'Expected digits only'],
    ['a'.repeat(65), TOKEN, 'longer than 64 characters'],
  ])('%j in %s warns', (value, target, warning) => {
    expect(hygieneWarnings(value, target, NMBRS).join('\n')).toContain(warning)
  })

  it.each([
    ['abcdef0123456789', TOKEN],
    ['payroll@example.com', USERNAME],
    [JWT, JWT_FIELD],
    ['1469', CUSTOMER],
    ['', TOKEN],
  ])('%j in %s is fine', (value, target) => {
    expect(hygieneWarnings(value, target, NMBRS)).toEqual([])
  })

  it('never repeats the value it warns about', () => {
    const secret = ' "s3cr3t-value-9f8e" '
    expect(hygieneWarnings(secret, TOKEN, NMBRS).join('\n')).not.toContain('s3cr3t')
  })
})
