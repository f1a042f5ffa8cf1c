import { readFile } from 'node:fs/promises'
import { readDocument } from '../src-main/core/import/read-document'
import { corpusFile } from '../src-main/testing/corpus'
import type { BenchResult } from './core'

/**
 * A long saved page read through the import path: how long parsing takes in the parse thread, and
 * the longest pause it causes in the calling thread (the app's main process, where a window waits).
 */
export async function benchLongPage(): Promise<BenchResult[]> {
  const page = await readFile(corpusFile('readability', 'wikipedia', 'source.html'), 'utf8')
  const body = page.slice(page.indexOf('>', page.indexOf('<body')) + 1, page.lastIndexOf('</body>'))
  const copies = 4
  const bytes = Buffer.from(
    `<html><head><title>Long</title></head><body>${body.repeat(copies)}</body></html>`,
  )
  // The first read also starts the thread; measure a second one, as a running app would.
  await readDocument({
    name: 'warm-up.html',
    bytes: await readFile(corpusFile('readability', 'wikipedia', 'source.html')),
  })

  let longestPause = 0
  let last = performance.now()
  const ticker = setInterval(() => {
    const now = performance.now()
    longestPause = Math.max(longestPause, now - last)
    last = now
  }, 5)
  const started = performance.now()
  try {
    await readDocument({ name: 'long.html', bytes })
  } finally {
    clearInterval(ticker)
  }
  const detail = `Wikipedia corpus page × ${copies} (${(bytes.length / 1024 / 1024).toFixed(1)} MB)`
  return [
    { name: 'parse long page', value: performance.now() - started, unit: 'ms', detail },
    {
      name: 'main-thread pause',
      value: longestPause,
      unit: 'ms (longest)',
      detail: 'while that page is parsed (5 ms timer)',
    },
  ]
}
