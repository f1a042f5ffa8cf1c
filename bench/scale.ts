// `npm run bench:scale [-- --sizes 1000,10000] [--no-ui]`: the core at a library of years. For each
// size a library is generated (bench/scale-library.ts), then measured through the real core: opening
// it, building the search index from nothing, searches of each kind, note autosaves and excerpts (with
// the bytes they write and how long they hold the event loop), how soon a saved edit is found, vault
// export, peak memory and size on disk; then in the real renderer in Chromium (bench/scale-ui.ts,
// needs `npm run build`): the list's first rows, scroll frames and opening an article. Prints a table with each 10k figure's ratio to its 1k figure, and writes
// bench/scale.json and the `scale` entry of bench/results.json.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { LibraryStore } from '../src-main/core/store/library-store'
import { LibrarySearch } from '../src-main/core/search/library-search'
import { createExcerpt } from '../src-main/core/excerpts'
import { createNote, saveNote } from '../src-main/core/notes/notes'
import { exportVault } from '../src-main/core/export/vault'
import { generateLibrary, noteCiting, readTextPool, type TextPool } from './scale-library'
import { seededRandom } from './scripted-revision'
import { measureUi } from './scale-ui'

const sizesArg = process.argv.indexOf('--sizes')
const SIZES = (sizesArg > 0 ? process.argv[sizesArg + 1]! : '1000,10000').split(',').map(Number)
const QUERIES_PER_KIND = 40
/** `--no-ui`: the core's figures only (no build or Chromium needed). */
const withUi = !process.argv.includes('--no-ui')

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}
const round = (value: number) => Math.round(value * 10) / 10

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const result = await work()
  return [result, performance.now() - started]
}

/** Queries of each kind, drawn from the same real text the library was made from. */
function queries(pool: TextPool): Record<string, string[]> {
  const random = seededRandom(7)
  const words = pool.paragraphs
    .flatMap((paragraph) => paragraph.split(/\s+/))
    .map((word) => word.replace(/[^\p{L}]/gu, '').toLowerCase())
    .filter((word) => word.length >= 5)
  const pick = () => words[Math.floor(random() * words.length)]!
  const phrase = () => {
    const paragraph = pool.paragraphs[Math.floor(random() * pool.paragraphs.length)]!.split(/\s+/)
    const at = Math.floor(random() * Math.max(1, paragraph.length - 3))
    return `"${paragraph.slice(at, at + 3).join(' ')}"`
  }
  const list = (make: () => string) => Array.from({ length: QUERIES_PER_KIND }, make)
  return {
    'one word': list(pick),
    'two words': list(() => `${pick()} ${pick()}`),
    'prefix (3 letters)': list(() => pick().slice(0, 3)),
    phrase: list(phrase),
  }
}

async function measure(size: number, pool: TextPool) {
  const dir = await mkdtemp(join(tmpdir(), `commonplace-bench-scale-${size}-`))
  try {
    const made = await generateLibrary(dir, size, pool)
    const figures: Record<string, number> = { 'generate library (s)': round(made.seconds) }

    const opens: number[] = []
    for (let n = 0; n < 3; n++) {
      const [opened, ms] = await timed(() => LibraryStore.open(dir))
      opens.push(ms)
      await opened.close()
    }
    figures['open library (ms, median of 3)'] = round(quantile(opens, 0.5))

    const store = await LibraryStore.open(dir)
    const search = LibrarySearch.of(store)
    const [, firstAnswerMs] = await timed(() => search.search('the'))
    figures['first search on a never-indexed library (ms)'] = round(firstAnswerMs)
    const [, buildMs] = await timed(() => search.update())
    figures['search index built from nothing (s)'] = round((firstAnswerMs + buildMs) / 1000)

    for (const [kind, list] of Object.entries(queries(pool))) {
      const times: number[] = []
      for (const query of list) times.push((await timed(() => search.search(query)))[1])
      figures[`search ${kind} p50 (ms)`] = round(quantile(times, 0.5))
      figures[`search ${kind} p95 (ms)`] = round(quantile(times, 0.95))
    }

    // Autosaves of a note citing two excerpts, as the editor sends them while someone types.
    const delay = monitorEventLoopDelay({ resolution: 1 })
    const note = await createNote(store, 'Typing')
    const cited = store.data.excerpts.slice(0, 2)
    const saves: number[] = []
    const journal = store.path('.commonplace/journal.jsonl')
    const before = (await stat(journal)).size
    let noteBytes = 0
    delay.enable()
    for (let n = 0; n < 100; n++) {
      const content = noteCiting(`Draft ${n}: ${pool.paragraphs[n % pool.paragraphs.length]}`, cited, store)
      noteBytes += JSON.stringify(content).length
      saves.push((await timed(() => saveNote(store, note.id, content)))[1])
    }
    delay.disable()
    const journalBytes = Math.max(0, (await stat(journal)).size - before)
    figures['note autosave p50 (ms)'] = round(quantile(saves, 0.5))
    figures['note autosave p99 (ms)'] = round(quantile(saves, 0.99))
    figures['bytes written per note save (KB)'] = round((noteBytes + journalBytes) / 100 / 1024)
    figures['event loop held during saves, max (ms)'] = round(delay.max / 1e6)

    const excerptTimes: number[] = []
    const article = store.data.articles[1]!
    const text = await store.readBody(`articles/${article.id}/text.txt`)
    for (let n = 0; n < 50; n++) {
      const start = (n * 97) % Math.max(1, text.length - 120)
      const quote = text.slice(start, start + 100).trim()
      excerptTimes.push(
        (
          await timed(() =>
            createExcerpt(store, { articleId: article.id, start, end: start + quote.length, quote }),
          )
        )[1],
      )
    }
    figures['make an excerpt p50 (ms)'] = round(quantile(excerptTimes, 0.5))
    figures['make an excerpt p99 (ms)'] = round(quantile(excerptTimes, 0.99))

    // An edit is findable once the index follows the save (it does so by itself, 50 ms after).
    const [, findableMs] = await timed(async () => {
      await saveNote(store, note.id, noteCiting('A quokka wandered into the archive.', [], store))
      while ((await search.search('quokka')).hits.length === 0)
        await new Promise((resolve) => setTimeout(resolve, 5))
    })
    figures['saved edit findable after (ms)'] = round(findableMs)

    // Every note (a twentieth of the articles) and every article as a source, as Export library as vault writes them.
    const vault = await mkdtemp(join(tmpdir(), 'commonplace-bench-scale-vault-'))
    const [, vaultMs] = await timed(() => exportVault(store, join(vault, 'vault')))
    figures['export vault: every note and every article (s)'] = round(vaultMs / 1000)
    await rm(vault, { recursive: true, force: true })

    figures['peak RSS (MB)'] = round(process.resourceUsage().maxRSS / 1024)
    figures['library on disk (MB)'] = round(duMb(dir) - duMb(store.path('.commonplace/search')))
    figures['search index on disk (MB)'] = round(duMb(store.path('.commonplace/search')))

    // 1,000 notes exported with the sources they cite (Export notes… with notes chosen): notes citing
    // two excerpts each are added until there are 1,000. A whole vault also writes every article.
    while (store.data.notes.length < 1000) {
      const extra = await createNote(store, `Extra note ${store.data.notes.length + 1}`)
      const content = noteCiting(
        pool.paragraphs[store.data.notes.length % pool.paragraphs.length]!,
        cited,
        store,
      )
      await saveNote(store, extra.id, content)
    }
    const thousand = await mkdtemp(join(tmpdir(), 'commonplace-bench-scale-vault-'))
    const noteIds = store.data.notes.slice(0, 1000).map((n) => n.id)
    const [, thousandMs] = await timed(() => exportVault(store, join(thousand, 'vault'), { noteIds }))
    figures['export 1,000 notes and the sources they cite (s)'] = round(thousandMs / 1000)
    await rm(thousand, { recursive: true, force: true })
    search.close()
    await store.close()

    if (withUi) for (const [name, value] of Object.entries(await measureUi(dir))) figures[name] = round(value)
    return { size, made, figures }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const duMb = (path: string) =>
  Number(execFileSync('du', ['-sk', path], { encoding: 'utf8' }).split('\t')[0]) / 1024

/** Figures that grow with the library by their nature (not held to 3× the 1k figure). */
const GROWS = /generate|built from nothing|on disk|peak RSS|open library|every article/

const pool = await readTextPool()
const runs: Awaited<ReturnType<typeof measure>>[] = []
for (const size of SIZES) {
  console.error(`bench:scale: ${size.toLocaleString()} articles…`)
  runs.push(await measure(size, pool))
}
const names = Object.keys(runs[0]!.figures)
const small = runs[0]!
const large = runs.at(-1)!
const rows = names.map((name) => {
  const ratio =
    runs.length > 1 && small.figures[name]! > 0 ? large.figures[name]! / small.figures[name]! : null
  const verdict = ratio === null || GROWS.test(name) ? '' : ratio <= 3 ? 'ok (≤ 3×)' : 'OVER 3×'
  return { name, values: runs.map((run) => run.figures[name]!), ratio, verdict }
})
console.log(
  `| measure | ${runs.map((run) => `${run.size.toLocaleString()} articles`).join(' | ')} | ratio | |`,
)
console.log(`|---|${runs.map(() => '---:').join('|')}|---:|---|`)
for (const row of rows)
  console.log(
    `| ${row.name} | ${row.values.join(' | ')} | ${row.ratio === null ? '' : `${row.ratio.toFixed(1)}×`} | ${row.verdict} |`,
  )
const summary = {
  sizes: SIZES,
  libraries: runs.map((run) => ({
    articles: run.made.articles,
    excerpts: run.made.excerpts,
    notes: run.made.notes,
  })),
  rows,
  node: process.version,
}
await writeFile(join(import.meta.dirname, 'scale.json'), JSON.stringify(summary, null, 2) + '\n')
const resultsFile = join(import.meta.dirname, 'results.json')
const results = JSON.parse(await readFile(resultsFile, 'utf8')) as Record<string, unknown>
await writeFile(resultsFile, JSON.stringify({ ...results, scale: summary }, null, 2) + '\n')
console.log('\nwrote bench/scale.json and bench/results.json')
