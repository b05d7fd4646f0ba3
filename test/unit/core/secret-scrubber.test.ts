import { describe, expect, it } from 'vitest'
import { REDACTED, SecretScrubber } from '../../../src/core/secret-scrubber'

describe('SecretScrubber', () => {
  it('removes a secret that contains another whole, also after values were added later', () => {
    const scrubber = new SecretScrubber()
    scrubber.remember('abcd')
    expect(scrubber.scrub('x abcdef y')).toBe(`x ${REDACTED}ef y`)
    scrubber.remember('abcdef')
    expect(scrubber.scrub('x abcdef y abcd')).toBe(`x ${REDACTED} y ${REDACTED}`)
  })

  it('forgets a value (remembered trimmed), leaves the others, and ignores values it never had', () => {
    const scrubber = new SecretScrubber()
    scrubber.remember(' old-token ')
    scrubber.remember('new-token')
    expect(scrubber.size).toBe(2)
    scrubber.forget(' old-token ')
    scrubber.forget('never-seen')
    expect(scrubber.size).toBe(1)
    expect(scrubber.scrub('old-token new-token')).toBe(`old-token ${REDACTED}`)
  })

  it('never scrubs values too short to be told from ordinary text', () => {
    const scrubber = new SecretScrubber()
    scrubber.remember('abc')
    expect(scrubber.size).toBe(0)
    expect(scrubber.scrub('abc')).toBe('abc')
  })
})
