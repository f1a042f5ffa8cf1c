import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir, availableParallelism } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { JSDOM, VirtualConsole } from 'jsdom'
import { Readability } from '@mozilla/readability'
import { LibraryStore } from '../src-main/core/store/library-store'
import { importPaths } from '../src-main/core/import/import-files'
import { PARSE_THREADS } from '../src-main/core/import/parse-thread'
import { parsePage } from '../src-main/core/import/page-dom'
import { decodeHtmlBytes } from '../src-main/core/import/encoding'
import { savedFromUrl } from '../src-main/core/import/html-metadata'
import { textSimilarity } from './text-similarity'
import { CORPUS_DIR } from '../src-main/testing/corpus'

// `npm run bench:import-speed`: how fast saved pages (the 90 Readability test pages of the corpus)
// import, and why.
// 1. Batch: all 90 pages imported into one new library through importPaths, as a folder import runs
//    (parse threads ahead, one writer), repeated; pages/s over the whole batch, wall clock.
// 2. Parse + extract, old against new in this same run and process: jsdom + Readability (what the
//    importer used before) and linkedom + Readability (what it uses now), per page, with the text
//    each gives compared (F1 of token multisets, as bench:import measures).
// The table goes to stdout; the figures into bench/import-speed.json and bench/results.json.

const RUNS = 3

interface ParseTiming {
  page: string
  jsdomMs: number
  linkedomMs: number
  similarity: number
}

async function main(): Promise<void> {
  const root = join(CORPUS_DIR, 'readability')
  const pages = (await readdir(root, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
  const files = pages.map((page) => join(root, page, 'source.html'))

  const batches = []
  for (let run = 0; run < RUNS; run++) batches.push(await importBatch(files))
  const timings = []
  for (const [index, file] of files.entries()) timings.push(await timeParse(pages[index]!, file))

  const best = Math.max(...batches.map((batch) => batch.pagesPerSecond))
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
  const jsdomTotal = sum(timings.map((t) => t.jsdomMs))
  const linkedomTotal = sum(timings.map((t) => t.linkedomMs))
  const summary = {
    pages: files.length,
    cores: availableParallelism(),
    'parse threads': PARSE_THREADS,
    'batch import (pages/s, best of runs)': round(best),
    'batch import (pages/s, each run)': batches.map((batch) => round(batch.pagesPerSecond)).join(' / '),
    'batch outcomes (imported / duplicate / failed)': batches[0]!.counts,
    'parse + Readability, jsdom (ms, median per page)': round(median(timings.map((t) => t.jsdomMs))),
    'parse + Readability, linkedom (ms, median per page)': round(median(timings.map((t) => t.linkedomMs))),
    'parse + Readability, jsdom (s, all pages)': round(jsdomTotal / 1000),
    'parse + Readability, linkedom (s, all pages)': round(linkedomTotal / 1000),
    'linkedom speed-up (total)': `${round(jsdomTotal / linkedomTotal)}×`,
    'linkedom speed-up (median per page)': `${round(median(timings.map((t) => t.jsdomMs / t.linkedomMs)))}×`,
    'same text as jsdom (F1 ≥ 0.999)': `${timings.filter((t) => t.similarity >= 0.999).length} of ${timings.length}`,
    'lowest F1 linkedom vs jsdom': round(Math.min(...timings.map((t) => t.similarity))),
  }
  console.log('\nimport speed, saved pages')
  for (const [key, value] of Object.entries(summary)) console.log(`  ${key.padEnd(52)} ${value}`)

  const detail = { date: new Date().toISOString(), node: process.version, summary, batches, timings }
  await writeFile(join(import.meta.dirname, 'import-speed.json'), JSON.stringify(detail, null, 2) + '\n')
  const resultsFile = join(import.meta.dirname, 'results.json')
  const results = JSON.parse(await readFile(resultsFile, 'utf8')) as Record<string, unknown>
  await writeFile(resultsFile, JSON.stringify({ ...results, 'import-speed.ts': summary }, null, 2) + '\n')
  console.log(`\nwrote bench/import-speed.json and the summary into bench/results.json`)
}

/** Imports every page into a new library, as one folder import would. */
async function importBatch(files: string[]) {
  const dir = await mkdtemp(join(tmpdir(), 'commonplace-import-speed-'))
  try {
    const store = await LibraryStore.open(dir)
    const started = performance.now()
    const outcomes = await importPaths(store, files)
    const seconds = (performance.now() - started) / 1000
    const count = (status: string) => outcomes.filter((o) => o.status === status).length
    return {
      seconds: round(seconds),
      pagesPerSecond: files.length / seconds,
      counts: `${count('imported')} / ${count('duplicate')} / ${count('failed')}`,
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** One page parsed and extracted by jsdom and by linkedom, in this thread, each timed. */
async function timeParse(page: string, file: string): Promise<ParseTiming> {
  const decoded = decodeHtmlBytes(await readFile(file), 'source.html', null)
  const url = savedFromUrl(decoded.text) ?? undefined

  let started = performance.now()
  const { window } = new JSDOM(decoded.text, { url, virtualConsole: new VirtualConsole() })
  const fromJsdom = new Readability(window.document).parse()?.textContent ?? ''
  const jsdomMs = performance.now() - started
  window.close()

  started = performance.now()
  const { document } = parsePage(decoded.text, url)
  const fromLinkedom = new Readability(document).parse()?.textContent ?? ''
  const linkedomMs = performance.now() - started

  return { page, jsdomMs, linkedomMs, similarity: textSimilarity(fromLinkedom, fromJsdom) }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
