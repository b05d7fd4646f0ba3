import { describe, expect, it } from 'vitest'
import { classifyEnvironmentGet, classifyListGetAll } from '../../../../../src/core/providers/nmbrs/classify'
import { buildFaultEnvelope, buildResponseEnvelope, type SoapVersion } from '../../../../../src/core/providers/nmbrs/soap-envelope'
import type { ResponseView } from '../../../../../src/core/diagnosis/types'

const view = (status: number, body: string, step = 'Environment_Get'): ResponseView => ({ step, url: 'https://api.nmbrs.nl/soap/v3/DebtorService.asmx', status, headers: {}, body })
const fault = (text: string, party: 'client' | 'server' = 'server', version: SoapVersion = '1.1', status = 500) => view(status, buildFaultEnvelope(version, party, text))
const nmbrs = (code: string, message: string) => fault(`Server was unable to process request. ---> ${code}: ${message}`)
const environment = buildResponseEnvelope('1.1', 'DebtorService', 'Environment_Get', '<Domain>acme.nmbrs.nl</Domain><SubDomain>acme</SubDomain>')

describe('classifyEnvironmentGet (AuthHeader: a 1001 is the credentials)', () => {
  it('reads the domain Environment_Get reports', () => {
    expect(classifyEnvironmentGet(view(200, environment))).toMatchObject({ cause: 'ok', data: { domain: 'acme.nmbrs.nl', subDomain: 'acme' } })
  })

  it.each([
    ['1001 Invalid Authentication', nmbrs('1001', 'Invalid Authentication'), 'credentials.invalid', '1001'],
    ['the code-less invalid combination', fault('Server was unable to process request. ---> Invalid combination email/password'), 'credentials.invalid', undefined],
    ['1001 in a SOAP 1.2 fault', fault('---> 1001: Invalid Authentication', 'server', '1.2'), 'credentials.invalid', '1001'],
    ['1001 with HTTP 200', fault('---> 1001: Invalid Authentication', 'server', '1.1', 200), 'credentials.invalid', '1001'],
    ['1002 Unauthorized access', nmbrs('1002', 'Unauthorized access'), 'permission.denied', '1002'],
    ['1004 no valid subscription', nmbrs('1004', 'Disabled, no valid subscription'), 'account.disabled', '1004'],
    ['1006 login security failure', nmbrs('1006', 'Generic Login Security Failure'), 'server.error', '1006'],
    ['9999 Unkown', nmbrs('9999', 'Unkown'), 'server.error', '9999'],
    ['an unknown code', nmbrs('4711', 'Something'), 'server.error', '4711'],
    ['a missing SOAPAction (soap:Client)', fault('Unable to handle request without a valid action parameter.', 'client'), 'request.rejected', undefined],
  ])('%s → %s', (_name, response, cause, code) => {
    const verdict = classifyEnvironmentGet(response)
    expect(verdict?.cause).toBe(cause)
    expect(verdict?.evidence.providerCode).toBe(code)
  })

  it.each([
    ['not XML', view(500, 'Internal Server Error')],
    ['an HTML page', view(200, '<!DOCTYPE html><html><body>login</body></html>')],
    ['XML that is no SOAP envelope', view(200, '<Environment><Domain>x</Domain></Environment>')],
    ['an envelope for another operation', view(200, buildResponseEnvelope('1.1', 'DebtorService', 'List_GetAll', ''))],
    ['a truncated envelope', view(200, environment.slice(0, 120))],
  ])('does not recognise %s', (_name, response) => {
    expect(classifyEnvironmentGet(response)).toBeNull()
  })
})

describe('classifyListGetAll (AuthHeaderWithDomain: a 1001 is the domain)', () => {
  it('counts the debtors', () => {
    const body = buildResponseEnvelope('1.1', 'DebtorService', 'List_GetAll', '<Debtor><Id>1</Id></Debtor><Debtor><Id>2</Id></Debtor>')
    expect(classifyListGetAll(view(200, body, 'List_GetAll'))).toMatchObject({ cause: 'ok', data: { debtors: 2 } })
    expect(classifyListGetAll(view(200, buildResponseEnvelope('1.1', 'DebtorService', 'List_GetAll', ''), 'List_GetAll'))).toMatchObject({ data: { debtors: 0 } })
  })

  it.each([
    ['1001', 'Invalid Authentication', 'domain.invalid'],
    ['2043', 'Invalid Domain', 'domain.invalid'],
    ['1003', 'Unauthorized access', 'permission.denied'],
  ])('%s → %s', (code, message, cause) => {
    expect(classifyListGetAll(nmbrs(code, message))?.cause).toBe(cause)
  })
})
