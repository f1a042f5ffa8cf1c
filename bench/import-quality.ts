import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { LibraryStore } from '../src-main/core/store/library-store'
import { importPaths, type ImportOutcome } from '../src-main/core/import/import-files'
import { getArticle } from '../src-main/core/articles'
import type { Article } from '../src-main/core/records'
import { CORPUS_DIR } from '../src-main/testing/corpus'
import { textSimilarity, expectedArticleText } from './text-similarity'

// `npx tsx bench/import-quality.ts`: imports every corpus file through the real pipeline (importPaths
// into a temporary library) and compares each Readability test page with the output Mozilla expects.
// Text similarity is the F1 score of normalized token multisets (see text-similarity.ts; both texts
// have a break after each block, as the importer stores them). Metadata fields match when equal after
// collapsing whitespace (language case-insensitively, dates by instant).

const FIELDS = ['title', 'byline', 'siteName', 'publishedTime', 'lang', 'dir'] as const
type Field = (typeof FIELDS)[number]
type ExpectedMetadata = Record<Field, string | null> & { readerable: boolean }

/** One Readability test page as imported. */
interface PageResult {
  page: string
  readerable: boolean
  status: ImportOutcome['status']
  message: string
  similarity: number
  ms: number
  cpuMs: number
  fields: Record<Field, FieldResult>
}

/**
 * match: equal to Readability's expected value; cleaned (titles only): Readability's title with the
 * site's or author's name after a separator taken off ("Mozilla - Wikipedia" → "Mozilla"), which the
 * importer does on purpose when the page gives the clean title (title.ts) and counts as right; extra: Readability found nothing and we did (from
 * Open Graph, <meta>, JSON-LD or <time>); missing: we found nothing; wrong: both found, they differ.
 */
type FieldState = 'match' | 'cleaned' | 'extra' | 'missing' | 'wrong'
interface FieldResult {
  state: FieldState
  expected: string | null
  actual: string | null
}

/** One other corpus file (PDF, DOCX, EPUB, text) as imported. */
interface FileResult {
  file: string
  status: ImportOutcome['status']
  title: string | null
  words: number | null
  notices: string[]
  message: string
  ms: number
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'commonplace-import-quality-'))
  try {
    const pages = await benchPages(dir)
    const files = await benchFiles(dir)
    const summary = summarize(pages)
    printPages(pages)
    printFiles(files)
    console.log('\nsummary')
    for (const [key, value] of Object.entries(summary)) console.log(`  ${key.padEnd(34)} ${value}`)
    const out = join(import.meta.dirname, 'import-quality.json')
    const measure =
      'F1 of token multisets after NFKC + lower-casing; tokens are letter/digit runs or single CJK characters'
    await writeFile(
      out,
      JSON.stringify(
        { date: new Date().toISOString(), node: process.version, measure, summary, pages, files },
        null,
        2,
      ) + '\n',
    )
    console.log(`\nwrote ${out}`)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function benchPages(dir: string): Promise<PageResult[]> {
  const root = join(CORPUS_DIR, 'readability')
  const names = (await readdir(root, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
  const results: PageResult[] = []
  for (const page of names) {
    const expected = JSON.parse(
      await readFile(join(root, page, 'expected-metadata.json'), 'utf8'),
    ) as ExpectedMetadata
    const expectedText = expectedArticleText(await readFile(join(root, page, 'expected.html'), 'utf8'))
    // A library per page: several test pages share their text, and a duplicate would hide our metadata.
    const store = await LibraryStore.open(join(dir, page))
    const started = performance.now()
    const cpu = process.cpuUsage()
    const [outcome] = await importPaths(store, [join(root, page, 'source.html')])
    const ms = performance.now() - started
    const { user, system } = process.cpuUsage(cpu)
    const cpuMs = (user + system) / 1000
    const article = outcome!.articleId ? await getArticle(store, outcome!.articleId) : null
    results.push({
      page,
      readerable: expected.readerable === true,
      status: outcome!.status,
      message: outcome!.message,
      similarity: article ? textSimilarity(article.text, expectedText) : 0,
      ms,
      cpuMs,
      fields: Object.fromEntries(
        FIELDS.map((field) => [
          field,
          compareField(field, expected[field] ?? null, article ? actualField(article, field) : null),
        ]),
      ) as PageResult['fields'],
    })
  }
  return results
}

function actualField(article: Article, field: Field): string | null {
  return field === 'publishedTime' ? article.publishedAt : article[field]
}

function compareField(field: Field, expected: string | null, actual: string | null): FieldResult {
  const norm = (value: string | null) => (value ?? '').replace(/\s+/g, ' ').trim()
  const [e, a] = [norm(expected), norm(actual)]
  let same = e === a
  if (!same && field === 'lang') same = e.toLowerCase() === a.toLowerCase()
  if (!same && field === 'publishedTime' && e && a)
    same = Date.parse(e) === Date.parse(a) && !Number.isNaN(Date.parse(a))
  const cleaned =
    !same &&
    field === 'title' &&
    Boolean(a) &&
    e.startsWith(a) &&
    /^\s+[-–—|·•:»/\\]\s+\S/.test(e.slice(a.length))
  const state: FieldState = same ? 'match' : cleaned ? 'cleaned' : !e ? 'extra' : !a ? 'missing' : 'wrong'
  return { state, expected, actual }
}

async function benchFiles(dir: string): Promise<FileResult[]> {
  const results: FileResult[] = []
  for (const folder of ['pdf', 'docx', 'epub', 'text']) {
    const names = (await readdir(join(CORPUS_DIR, folder)))
      .filter((name) => /\.(pdf|docx|zip|epub|txt)$/.test(name))
      .sort()
    for (const name of names) {
      // A library per file too: the corpus has files with the same text (minimal EPUB 2 and 3).
      const store = await LibraryStore.open(join(dir, `${folder}-${name}`))
      const started = performance.now()
      const [outcome] = await importPaths(store, [join(CORPUS_DIR, folder, name)])
      const ms = performance.now() - started
      const article = outcome!.articleId ? await getArticle(store, outcome!.articleId) : null
      results.push({
        file: `${folder}/${name}`,
        status: outcome!.status,
        title: article?.title ?? null,
        words: article?.wordCount ?? null,
        notices: article?.notices ?? [],
        message: outcome!.message,
        ms,
      })
    }
  }
  return results
}

function summarize(pages: PageResult[]): Record<string, string | number> {
  const target = pages.filter((p) => p.readerable)
  const similarities = target.map((p) => p.similarity)
  const share = (list: PageResult[], test: (p: PageResult) => boolean) =>
    list.filter(test).length / Math.max(list.length, 1)
  const totalSeconds = pages.reduce((sum, p) => sum + p.ms, 0) / 1000
  const lowest = [...target].sort((a, b) => a.similarity - b.similarity)[0]
  const summary: Record<string, string | number> = {
    'pages (readerable)': `${pages.length} (${target.length})`,
    'median similarity (readerable)': round(median(similarities)),
    'share ≥ 0.95 (readerable)': round(share(target, (p) => p.similarity >= 0.95)),
    'mean similarity (readerable)': round(
      similarities.reduce((a, b) => a + b, 0) / Math.max(similarities.length, 1),
    ),
    'lowest similarity (readerable)': lowest ? `${round(lowest.similarity)} (${lowest.page})` : '',
    'median similarity (all pages)': round(median(pages.map((p) => p.similarity))),
  }
  for (const field of FIELDS) {
    const count = (state: FieldState) => target.filter((p) => p.fields[field].state === state).length
    const right = (state: FieldState) => state === 'match' || state === 'cleaned'
    summary[`${field} right (readerable)`] = round(share(target, (p) => right(p.fields[field].state)))
    if (field === 'title') summary['title cleaned of a site/author suffix'] = count('cleaned')
    summary[`${field} extra / missing / wrong`] =
      `${count('extra')} / ${count('missing')} / ${count('wrong')}`
  }
  summary['imports failed'] = pages.filter((p) => p.status === 'failed').length
  summary['throughput (pages/s)'] = round(pages.length / totalSeconds)
  // Wall time depends on what else the machine runs; CPU time of this process much less so.
  summary['CPU time per page (ms)'] = round(pages.reduce((sum, p) => sum + p.cpuMs, 0) / pages.length)
  summary['median import time (ms)'] = round(median(pages.map((p) => p.ms)))
  return summary
}

const STATE_MARK: Record<FieldState, string> = {
  match: '✓',
  cleaned: '~',
  extra: '+',
  missing: '-',
  wrong: '✗',
}

function printPages(pages: PageResult[]): void {
  const header = ['page', 'read.', 'similarity', 'ms', ...FIELDS]
  const rows = pages.map((p) => [
    p.page,
    p.readerable ? 'yes' : 'no',
    p.status === 'failed' ? 'FAILED' : p.similarity.toFixed(3),
    p.ms.toFixed(0),
    ...FIELDS.map((field) => STATE_MARK[p.fields[field].state]),
  ])
  printTable(header, rows)
  console.log(
    '(✓ match, ~ title without the site suffix, + we found a value Readability did not, - we found none, ✗ different value)',
  )
  const misses = pages.filter(
    (p) =>
      p.readerable &&
      (p.similarity < 0.95 || FIELDS.some((f) => !['match', 'cleaned'].includes(p.fields[f].state))),
  )
  if (misses.length) console.log('\nreaderable pages below 0.95 or with a metadata difference:')
  for (const p of misses) {
    const wrong = FIELDS.filter((f) => !['match', 'cleaned'].includes(p.fields[f].state)).map(
      (f) =>
        `${f} (${p.fields[f].state}): expected ${JSON.stringify(p.fields[f].expected)}, got ${JSON.stringify(p.fields[f].actual)}`,
    )
    console.log(
      `  ${p.page} (${p.similarity.toFixed(3)})${wrong.length ? '\n    ' + wrong.join('\n    ') : ''}`,
    )
  }
}

function printFiles(files: FileResult[]): void {
  console.log('')
  printTable(
    ['file', 'status', 'ms', 'words', 'title / reason'],
    files.map((f) => [
      f.file,
      f.status,
      f.ms.toFixed(0),
      String(f.words ?? ''),
      f.status === 'failed' ? f.message : (f.title ?? ''),
    ]),
  )
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)))
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')
  console.log(line(header))
  for (const row of rows) console.log(line(row))
}

function median(values: number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
