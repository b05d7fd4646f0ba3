#!/usr/bin/env node
// Adds up the vitest and Playwright JSON reports of the last `npm test` and prints one plain
// line, "N passed, N failed, N skipped", so a CI log says how many tests ran.
import { readFileSync } from 'node:fs'

function read(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    console.error(`test-summary: no report at ${path}`)
    process.exit(1)
  }
}

const unit = read('test-reports/vitest.json')
const e2e = read('test-reports/playwright.json').stats
const passed = unit.numPassedTests + e2e.expected
const failed = unit.numFailedTests + e2e.unexpected
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.skipped
console.log(`unit and integration: ${unit.numPassedTests} passed, e2e: ${e2e.expected} passed${e2e.flaky ? ` (${e2e.flaky} flaky, passed on retry)` : ''}`)
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 ? 1 : 0)
