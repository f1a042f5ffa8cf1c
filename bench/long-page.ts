import { readDocument } from '../src-main/core/import/read-document'
import { longSavedPage, pausesDuring, wikipediaPage } from '../src-main/testing/long-page'
import type { BenchResult } from './core'

/**
 * A long saved page read through the import path: how long parsing takes in the parse thread, and
 * the longest pause it causes in the calling thread (the app's main process, where a window waits).
 */
export async function benchLongPage(): Promise<BenchResult[]> {
  const copies = 4
  const bytes = await longSavedPage(copies)
  // The first read also starts the thread; measure a second one, as a running app would.
  await readDocument({ name: 'warm-up.html', bytes: await wikipediaPage() })
  const parse = await pausesDuring(() => readDocument({ name: 'long.html', bytes }), 5)
  const detail = `Wikipedia corpus page × ${copies} (${(bytes.length / 1024 / 1024).toFixed(1)} MB)`
  return [
    { name: 'parse long page', value: parse.ms, unit: 'ms', detail },
    {
      name: 'main-thread pause',
      value: parse.longestPauseMs,
      unit: 'ms (longest)',
      detail: 'while that page is parsed (5 ms timer)',
    },
  ]
}
