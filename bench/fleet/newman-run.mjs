// Runs a Postman collection with Newman's Node API and prints one JSON line with what it did.
// Started as its own process by run.mjs, so its CPU time and memory are measured alone.
// usage: node bench/fleet/newman-run.mjs COLLECTION.json
import { readFileSync } from 'node:fs'
import newman from 'newman'

const collection = JSON.parse(readFileSync(process.argv[2], 'utf8'))
newman.run({ collection, reporters: [] }, (error, summary) => {
  if (error) {
    console.error(`newman failed: ${error.message}`)
    process.exit(1)
  }
  const { stats, failures } = summary.run
  process.stdout.write(`${JSON.stringify({ requests: stats.requests.total, requestErrors: stats.requests.failed, failures: failures.length })}\n`)
})
