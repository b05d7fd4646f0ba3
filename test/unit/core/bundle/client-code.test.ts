import { describe, expect, it } from 'vitest'
import { redact } from '../../../../src/core/bundle/redact/redact'

const SECRET = 'pa55-Word-9q'

describe('credentials in client code, with no secret name next to them', () => {
  it.each([
    ['Python requests (SMSGate FAQ)', `requests.post("https://api.sms-gate.app/3rdparty/v1/message", json=msg, auth=("QWERTZ", "${SECRET}"))`],
    ['requests with single quotes and a list', `r = requests.get(url, auth=['QWERTZ', '${SECRET}'])`],
    ['HTTPBasicAuth', `session.auth = HTTPBasicAuth('QWERTZ', '${SECRET}')`],
    ['HTTPDigestAuth with a keyword', `HTTPDigestAuth(user, password="${SECRET}")`],
    ['aiohttp BasicAuth', `aiohttp.BasicAuth("QWERTZ", "${SECRET}")`],
    ['Spring setBasicAuth', `headers.setBasicAuth("QWERTZ", "${SECRET}");`],
    ['Laravel withBasicAuth', `Http::withBasicAuth('QWERTZ', '${SECRET}')->get($url);`],
    ['superagent .auth', `request.get(url).auth('QWERTZ', '${SECRET}')`],
    ['curl -u', `curl -u QWERTZ:${SECRET} https://api.sms-gate.app/3rdparty/v1/message`],
    ['curl --user=', `curl --user=QWERTZ:${SECRET} https://api.sms-gate.app/3rdparty/v1/message`],
    ['a client constructor next to a provider host', `const client = new SmsGateClient("QWERTZ", "${SECRET}", "https://api.sms-gate.app/3rdparty/v1")`],
    ['a Python client next to a provider host', `api = GroupcallClient("1469", "${SECRET}")  # https://m5api.groupcall.com`],
  ])('%s', (_name, code) => {
    const out = redact(code).text
    expect(out).not.toContain(SECRET)
    expect(out).toContain('[redacted]')
  })

  it.each([
    ['prose about auth', 'Set the auth (user name, then password) in the wizard; the client (new, 2.1) sends it to api.sms-gate.app as Basic auth.'],
    ['variables, not literals', 'requests.post(url, auth=(user, password))'],
    ['a client call far from any provider host', 'const logger = new Logger("app", "debug-level")'],
    ['two strings in an ordinary call', 'print("hello", "world") and format("a", "b")'],
    ['a sentence with a comma', 'The basic auth (user, then password) is documented by the provider.'],
  ])('keeps %s', (_name, text) => {
    expect(redact(text).text).toBe(text)
  })
})
