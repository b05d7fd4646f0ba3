/** The parts of HAR 1.2 (softwareishard.com/blog/har-12-spec) every reader relies on, as a zod schema. */
import { z } from 'zod'

const pair = z.object({ name: z.string(), value: z.string() })
const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 date')

export const harSchema = z.object({
  log: z.object({
    version: z.literal('1.2'),
    creator: z.object({ name: z.string(), version: z.string() }),
    pages: z.array(z.object({ startedDateTime: isoDate, id: z.string(), title: z.string(), pageTimings: z.object({}).passthrough() })).optional(),
    entries: z.array(
      z.object({
        pageref: z.string().optional(),
        startedDateTime: isoDate,
        time: z.number().nonnegative(),
        request: z.object({
          method: z.string(),
          url: z.string().url(),
          httpVersion: z.string(),
          cookies: z.array(pair),
          headers: z.array(pair),
          queryString: z.array(pair),
          postData: z.object({ mimeType: z.string(), text: z.string() }).optional(),
          headersSize: z.number(),
          bodySize: z.number(),
        }),
        response: z.object({
          status: z.number().int(),
          statusText: z.string(),
          httpVersion: z.string(),
          cookies: z.array(pair),
          headers: z.array(pair),
          content: z.object({ size: z.number(), mimeType: z.string(), text: z.string().optional() }),
          redirectURL: z.string(),
          headersSize: z.number(),
          bodySize: z.number(),
        }),
        cache: z.object({}).passthrough(),
        timings: z.object({ send: z.number(), wait: z.number(), receive: z.number() }),
      }),
    ),
  }),
})
